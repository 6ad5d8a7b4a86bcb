import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../runtime/store/open-store.js";
import { type LocalS3, startMoto } from "../support/s3-harness.js";
import { type DroppingProxy, startDroppingProxy } from "./dropping-proxy.js";
import { writeOnnxModel } from "./onnx-fixture.js";
import { runKiln } from "./run-kiln.js";

let folder: string;
let env: Record<string, string>;
const kiln = (...args: string[]) => runKiln(args, { cwd: folder, env });
const json = async (...args: string[]) => {
  const run = await kiln(...args, "--json");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kiln-registry-cli-"));
  env = { KILN_STORE: join(folder, "store"), GITHUB_ACTOR: "alice" };
  for (let i = 0; i < 3; i++) {
    await writeOnnxModel(folder, `m${i}.onnx`, i + 1);
    await writeFile(join(folder, `m${i}.json`), JSON.stringify({ accuracy: 0.8 + i / 20 }));
  }
  await writeOnnxModel(folder, "retyped.onnx", 9, "retyped");
  await writeFile(join(folder, "params.yaml"), "trees: 100\n");
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the kiln model commands", () => {
  const times: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const run = await kiln(
        "model",
        "register",
        "iris",
        "--artifact",
        `m${i}.onnx`,
        "--metrics",
        `m${i}.json`,
        "--params",
        "params.yaml",
      );
      expect(run.code).toBe(0);
    }
    for (const [version, stage] of [
      ["1.0.0", "production"],
      ["1.1.0", "staging"],
      ["1.1.0", "production"],
      ["1.2.0", "production"],
    ]) {
      const before = new Date().toISOString();
      const run = await kiln("model", "stage", "iris", version!, stage!, "--reason", `move ${version}`);
      expect(run.code).toBe(0);
      times.push(before);
    }
  });

  it("print what registration did", async () => {
    const run = await kiln("model", "register", "iris", "--artifact", "m0.onnx");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("iris@1.0.0 already holds this artifact");
  });

  it("list the versions with their stages", async () => {
    const versions = await json("model", "list", "iris");
    expect(versions.map((v: { version: string; stage: string }) => `${v.version} ${v.stage}`)).toEqual([
      "1.0.0 Archived",
      "1.1.0 Archived",
      "1.2.0 Production",
    ]);
    const text = await kiln("model", "list", "iris");
    expect(text.stdout.split("\n")[0]).toMatch(/^version\s+stage\s+created\s+sha256\s+bytes$/);
  });

  it("show what was in Production at several moments", async () => {
    expect((await json("model", "show", "iris:production")).version).toBe("1.2.0");
    // times[i] was taken just before move i: before move 0 nothing was in Production.
    const before = await kiln("model", "show", "iris:production", "--at", times[0]!);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("no version of 'iris' was in Production at");
    expect((await json("model", "show", "iris:production", "--at", times[1]!)).version).toBe("1.0.0");
    expect((await json("model", "show", "iris:production", "--at", times[3]!)).version).toBe("1.1.0");
    expect((await json("model", "show", "iris:staging", "--at", times[2]!)).version).toBe("1.1.0");
  });

  it("give the history of registrations and stage moves", async () => {
    const events = await json("model", "history", "iris");
    expect(
      events.map((e: { kind: string; version: string; to?: string }) =>
        `${e.kind} ${e.version} ${e.to ?? ""}`.trim(),
      ),
    ).toEqual([
      "register 1.0.0",
      "register 1.1.0",
      "register 1.2.0",
      "stage 1.0.0 Production",
      "stage 1.1.0 Staging",
      "stage 1.1.0 Production",
      "stage 1.2.0 Production",
    ]);
    expect(events[5].archived).toEqual([{ version: "1.0.0", from: "Production" }]);
    expect(events[5]).toMatchObject({ from: "Staging", by: "alice", reason: "move 1.1.0" });
  });

  it("diff two versions as markdown and as JSON", async () => {
    const diff = await json("model", "diff", "iris@1.0.0", "@1.2.0");
    expect(diff.metrics).toEqual([{ name: "accuracy", from: 0.8, to: 0.9 }]);
    const text = await kiln("model", "diff", "iris@1.0.0", "iris@1.2.0");
    expect(text.stdout).toContain("| accuracy | 0.8 | 0.9 | +0.1 (+12.50%) |");
  });

  it("make an incompatible signature a major version and say why", async () => {
    const out = await json("model", "register", "iris", "--artifact", "retyped.onnx");
    expect(out.version).toBe("2.0.0");
    expect(out.bump.reason).toContain("input 'x' changed from FP32[-1, 2] to FP64[-1, 2]");
  });

  it("pull a verified artifact, and refuse altered bytes with exit code 1 and both digests", async () => {
    const pulled = await kiln("model", "pull", "iris@1.1.0", "-o", "pulled.onnx");
    expect(pulled.code).toBe(0);
    expect(
      (await readFile(join(folder, "pulled.onnx"))).equals(await readFile(join(folder, "m1.onnx"))),
    ).toBe(true);

    const record = await json("model", "show", "iris@1.0.0");
    const stored = join(folder, "store", record.artifact.storeKey);
    await chmod(stored, 0o644);
    const altered = Buffer.concat([await readFile(stored), Buffer.from([0])]);
    await rm(stored);
    await writeFile(stored, altered);
    const refused = await kiln("model", "pull", "iris@1.0.0", "-o", "altered.onnx");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`expected sha256:${record.artifact.sha256}`);
    expect(refused.stderr).toContain(`sha256:${createHash("sha256").update(altered).digest("hex")}`);
    expect(refused.stderr).not.toContain("    at ");
    expect(
      (await readdir(folder)).filter((f) => f.startsWith("altered") || f.startsWith(".kiln-pull")),
    ).toEqual([]);
  });

  describe.each([
    [["model", "register", "iris", "--artifact", "m0.json"], 2, "'m0.json' is not an ONNX model"],
    [["model", "register", "Iris Model", "--artifact", "m0.onnx"], 2, "invalid model name 'Iris Model'"],
    [
      ["model", "register", "iris", "--artifact", "m0.onnx", "--metrics", "missing.json"],
      2,
      "metrics file 'missing.json' does not exist.",
    ],
    [
      ["model", "stage", "iris", "1.0.0", "prod", "--reason", "x"],
      2,
      "unknown stage 'prod'; known stages: archived, none, production, staging.",
    ],
    [["model", "show", "iris@7.0.0"], 2, "model 'iris' has no version 7.0.0"],
    [["model", "show", "iris:production", "--at", "yesterday"], 2, "--at 'yesterday' is not a date and time"],
  ])("kiln %j", (args, code, message) => {
    it(`exits ${code} saying ${message}`, async () => {
      const run = await kiln(...args);
      expect(run.code).toBe(code);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toContain("    at ");
    });
  });
});

describe("registration through a flaky S3 connection (moto behind a dropping proxy)", () => {
  let moto: LocalS3;
  let proxy: DroppingProxy;
  let s3env: Record<string, string>;
  beforeAll(async () => {
    moto = await startMoto({ bucket: "kiln-flaky" });
    proxy = await startDroppingProxy(moto.endpoint);
    s3env = { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint, GITHUB_ACTOR: "alice" };
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  const keys = async () => {
    const store = await openStore(moto.storeUrl, { env: moto.env, cwd: folder });
    const found: string[] = [];
    for await (const info of store.list("models/")) found.push(info.key);
    return found;
  };

  it("fails with a clear error and leaves no version when every record write is dropped", async () => {
    proxy.setRules([{ method: "PUT", path: /models\/flaky\/versions\//, mode: "before" }]);
    const run = await runKiln(["model", "register", "flaky", "--artifact", "m0.onnx"], {
      cwd: folder,
      env: s3env,
    });
    expect(proxy.dropped.length).toBeGreaterThanOrEqual(1);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("models/flaky/versions/1.0.0.json");
    expect(run.stderr).not.toContain("    at ");
    expect(await keys()).toEqual([]);
  });

  it("fails with a clear error and leaves no version when S3 answers 503 to the record write", async () => {
    proxy.setRules([{ method: "PUT", path: /models\/slow\/versions\//, mode: "503" }]);
    const run = await runKiln(["model", "register", "slow", "--artifact", "m2.onnx"], {
      cwd: folder,
      env: s3env,
    });
    expect(proxy.dropped.filter((d) => d.includes("slow/versions/")).length).toBeGreaterThanOrEqual(1);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("models/slow/versions/1.0.0.json");
    expect(run.stderr).not.toContain("    at ");
    expect((await keys()).filter((k) => k.startsWith("models/slow/"))).toEqual([]);
  });

  it("completes a registration whose record write landed but whose answer was dropped", async () => {
    proxy.setRules([{ method: "PUT", path: /models\/flaky\/versions\//, mode: "after", times: 1 }]);
    const run = await runKiln(["model", "register", "flaky", "--artifact", "m1.onnx", "--json"], {
      cwd: folder,
      env: s3env,
    });
    expect(proxy.dropped.at(-1)).toContain("versions/1.0.0.json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: "1.0.0", created: true });
    expect((await keys()).filter((k) => k.includes("/versions/"))).toEqual([
      "models/flaky/versions/1.0.0.json",
    ]);
  });
});
