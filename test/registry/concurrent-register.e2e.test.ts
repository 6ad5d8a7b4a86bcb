import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModelIndex } from "../../runtime/registry/model-index.js";
import { parseModelRecord } from "../../runtime/registry/model-record.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { type LocalS3, startMoto } from "../support/s3-harness.js";
import { writeOnnxModel } from "./onnx-fixture.js";
import { runKiln } from "./run-kiln.js";

const processes = 20;
/** Closed form: 1.0.0 first, then each registration takes the next free minor version. */
const expectedVersions = Array.from({ length: processes }, (_, i) => `1.${i}.0`);

let folder: string;
let artifacts: { path: string; sha256: string; size: number }[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kiln-registry-concurrent-"));
  artifacts = [];
  for (let i = 0; i < processes; i++) {
    const path = await writeOnnxModel(folder, `model-${i}.onnx`, i + 1);
    const bytes = await readFile(path);
    artifacts.push({ path, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length });
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function registerConcurrently(env: Record<string, string>, extraArgs: string[] = []) {
  const runs = await Promise.all(
    artifacts.map((a) =>
      runKiln(["model", "register", "churn", "--artifact", a.path, "--json", ...extraArgs], {
        cwd: folder,
        env,
      }),
    ),
  );
  for (const run of runs) expect(run.stderr + run.stdout).not.toContain("internal error");
  expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
  return runs.map((r) => JSON.parse(r.stdout) as { version: string; sha256: string; created: boolean });
}

async function expectIntactRegistry(store: ObjectStore, outputs: { version: string; sha256: string }[]) {
  expect(outputs.map((o) => o.version).sort(byNumber)).toEqual(expectedVersions);
  // Every output names the artifact it was given (each process registered its own file).
  expect(new Set(outputs.map((o) => o.sha256))).toEqual(new Set(artifacts.map((a) => a.sha256)));
  for (const output of outputs) {
    const key = `models/churn/versions/${output.version}.json`;
    const record = parseModelRecord(await store.getBytes(key), key);
    const artifact = artifacts.find((a) => a.sha256 === output.sha256)!;
    expect(record).toMatchObject({
      name: "churn",
      version: output.version,
      artifact: { sha256: artifact.sha256, size: artifact.size },
    });
    const stored = await store.getBytes(record.artifact.storeKey);
    expect(createHash("sha256").update(stored).digest("hex")).toBe(artifact.sha256);
  }
  const eventKeys: string[] = [];
  for await (const info of store.list("models/churn/events/")) eventKeys.push(info.key);
  expect(eventKeys).toHaveLength(processes);
  const { index } = await loadModelIndex(store, "churn");
  expect(index.events.map((e) => e.seq)).toEqual(Array.from({ length: processes }, (_, i) => i + 1));
  expect(index.events.map((e) => e.version).sort(byNumber)).toEqual(expectedVersions);
  expect(index.versions.map((v) => v.version)).toEqual(expectedVersions);
}

const byNumber = (a: string, b: string) => Number(a.split(".")[1]) - Number(b.split(".")[1]);

// 20 processes that each start node + tsx share 2 cores: give each scenario minutes, not seconds.
describe("20 concurrent kiln model register processes for one model", { timeout: 300_000 }, () => {
  it("against the local folder store yield 20 distinct versions, 20 intact records and no lost event", async () => {
    const storePath = join(folder, "store-local");
    const outputs = await registerConcurrently({ KILN_STORE: storePath });
    await expectIntactRegistry(await openStore(storePath, { env: {}, cwd: folder }), outputs);
  });

  describe("against S3 (moto_server)", () => {
    let moto: LocalS3;
    beforeAll(async () => {
      moto = await startMoto({ bucket: "kiln-registry" });
    });
    afterAll(async () => {
      await moto?.stop();
    });

    it("yield 20 distinct versions, 20 intact records and no lost event", async () => {
      const outputs = await registerConcurrently(moto.env);
      await expectIntactRegistry(await openStore(moto.storeUrl, { env: moto.env, cwd: folder }), outputs);
    });
  });

  describe("in GitHub mode against the GitHub stand-in", () => {
    let github: GitHubStandIn;
    let env: Record<string, string>;
    let headSha: string;
    beforeAll(async () => {
      github = await startGitHubStandIn();
      headSha = github.createRepo("octo-org", "models").headSha;
      const user = github.addUser("trainer", { permission: "write" });
      env = {
        KILN_STORE: join(folder, "store-github"),
        GITHUB_TOKEN: user.token,
        GITHUB_API_URL: github.baseUrl,
        GITHUB_REPOSITORY: "octo-org/models",
        GITHUB_SHA: headSha,
        GITHUB_ACTOR: "trainer",
      };
    });
    afterAll(async () => {
      await github?.stop();
    });

    it("yield 20 distinct versions with one tag and one release each", async () => {
      const outputs = await registerConcurrently(env, ["--release"]);
      await expectIntactRegistry(await openStore(env.KILN_STORE, { env: {}, cwd: folder }), outputs);
      const repo = github.repository("octo-org", "models");
      const tags = [...repo.refs.keys()].filter((ref) => ref.startsWith("refs/tags/churn@v")).sort();
      expect(tags).toEqual(expectedVersions.map((v) => `refs/tags/churn@v${v}`).sort());
      for (const tag of tags) expect(repo.refs.get(tag)).toBe(headSha);
      const releases = [...repo.releases.values()];
      expect(releases.map((r) => r.tagName).sort()).toEqual(
        expectedVersions.map((v) => `churn@v${v}`).sort(),
      );
      for (const release of releases) expect(release.assetIds).toHaveLength(2);
      expect(github.serverErrors).toEqual([]);
    });
  });
});
