import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

const repo = join(import.meta.dirname, "../..");
const demo = join(repo, "examples/pipeline-demo");
/** tsx by absolute URL: the commands run in folders outside the repository. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function kiln(cwd: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", tsxLoader, join(repo, "runtime/cli/kiln.ts"), ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, KILN_STORE: "" },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `stage: what happened` for each stage line of `kiln run --progress plain`. */
function outcomes(stdout: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of stdout.matchAll(/^\d\d:\d\d:\d\d (\S+): (ran|up to date|restored|failed|skipped)/gm)) {
    found[match[1] as string] = match[2] as string;
  }
  return found;
}

function demoCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), "kiln-demo-"));
  cpSync(demo, folder, {
    recursive: true,
    filter: (source) => !/\/(build|\.kiln)(\/|$)|kiln\.lock$/.test(source.slice(demo.length)),
  });
  return folder;
}

describe("the demo project through `kiln`", () => {
  it("runs, re-runs fully cached, re-runs exactly what is downstream of an edited dep, and restores deleted outs from the store", () => {
    const folder = demoCopy();
    const store = join(folder, "shared-store");
    const first = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(first.status, first.stderr).toBe(0);
    expect(outcomes(first.stdout)).toEqual({
      prepare: "ran",
      profile: "ran",
      features: "ran",
      "train@small": "ran",
      "train@large": "ran",
    });
    expect(first.stdout).toMatch(/^\[prepare\] kept 55 of 60 rows$/m);
    const metrics = JSON.parse(readFileSync(join(folder, "build/models/small/metrics.json"), "utf8"));
    expect(metrics.rows).toBe(41);

    const second = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(second.status).toBe(0);
    expect(new Set(Object.values(outcomes(second.stdout)))).toEqual(new Set(["up to date"]));

    // Content addressing: an edit that leaves the features unchanged stops at the features stage.
    const features = join(folder, "scripts/features.mjs");
    writeFileSync(features, `${readFileSync(features, "utf8")}// an edit\n`);
    const comment = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(outcomes(comment.stdout)).toEqual({
      prepare: "up to date",
      profile: "up to date",
      features: "ran",
      "train@small": "up to date",
      "train@large": "up to date",
    });

    // A new split seed changes the features, so everything downstream of them runs, and only that.
    writeFileSync(
      join(folder, "params.yaml"),
      readFileSync(join(folder, "params.yaml"), "utf8").replace("seed: 7", "seed: 8"),
    );
    const status = kiln(folder, "status", "--store", store);
    expect(status.stdout).toBe(
      [
        `features: would run (param 'params.yaml:features' changed ({"seed":7,"test_share":0.25} -> {"seed":8,"test_share":0.25}))`,
        "train@small: would run (upstream stage 'features' would run)",
        "train@large: would run (upstream stage 'features' would run)",
        "",
      ].join("\n"),
    );
    const third = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(outcomes(third.stdout)).toEqual({
      prepare: "up to date",
      profile: "up to date",
      features: "ran",
      "train@small": "ran",
      "train@large": "ran",
    });
    const retrained = JSON.parse(readFileSync(join(folder, "build/models/small/metrics.json"), "utf8"));
    expect(retrained).not.toEqual(metrics);

    rmSync(join(folder, "build"), { recursive: true });
    rmSync(join(folder, "kiln.lock"));
    const restored = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(restored.status).toBe(0);
    expect(new Set(Object.values(outcomes(restored.stdout)))).toEqual(new Set(["restored"]));
    expect(restored.stdout).not.toMatch(/^\[/m);
    expect(JSON.parse(readFileSync(join(folder, "build/models/small/metrics.json"), "utf8"))).toEqual(
      retrained,
    );
  });

  it("prints the DAG as text and as Mermaid", () => {
    const folder = demoCopy();
    const text = kiln(folder, "dag");
    expect(text.stdout).toContain(
      "train@small  <- features  $ node scripts/train.mjs build/features 0.1 build/models/small",
    );
    expect(text.stdout).toContain("5 stages, 4 edges");
    const mermaid = kiln(folder, "dag", "--mermaid");
    expect(mermaid.stdout.split("\n")[0]).toBe("flowchart TD");
    expect(mermaid.stdout).toContain('s0["prepare"]');
    expect(mermaid.stdout).toContain("s2 -->|build/features| s3");
  });

  it("`kiln compile --check` passes on the committed workflow and fails, naming the file, once kiln.yaml changes", () => {
    const workflow = join(demo, ".github/workflows/kiln-pipeline.yml");
    const ok = kiln(repo, "compile", "--check", "-C", "examples/pipeline-demo", "-o", workflow);
    expect(ok.status, ok.stderr).toBe(0);
    const folder = demoCopy();
    writeFileSync(
      join(folder, "kiln.yaml"),
      readFileSync(join(folder, "kiln.yaml"), "utf8").replace("timeout: 5m", "timeout: 9m"),
    );
    const copy = join(folder, ".github/workflows/kiln-pipeline.yml");
    const stale = kiln(folder, "compile", "--check", "-o", copy);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/kiln-pipeline\.yml is stale; run `kiln compile` and commit the result\./);
  });

  it("exits 2 with file:line:col for a config error, and 1 when a stage fails", () => {
    const broken = makeProject({
      "kiln.yaml": yamlLines("stages:", "  a:", "    cmd: x", "    timeout: soon"),
    });
    const config = kiln(broken, "run");
    expect(config.status).toBe(2);
    expect(config.stderr).toBe(
      "kiln: kiln.yaml:4:14: stages.a.timeout is 'soon', which is not valid here. Expected a duration: a number of seconds, or a string like 90s, 30m, 2h, 500ms.\n",
    );
    const failing = makeProject({
      "kiln.yaml": yamlLines("stages:", "  a:", "    cmd: sh -c 'echo oops >&2; exit 5'"),
    });
    const failed = kiln(failing, "run", "--progress", "plain");
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("[a] oops");
    expect(failed.stdout).toMatch(/a: failed \(command exited with code 5\)/);
  });

  it("reads store:// deps and fetches them with kiln/fetch from a local folder store", async () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  fetch:",
        "    uses: kiln/fetch",
        "    with: { from: store://datasets/raw.csv, to: data/raw.csv }",
        "  count:",
        "    cmd: sh -c 'wc -l < data/raw.csv > count.txt'",
        "    deps: [data/raw.csv]",
        "    outs: [count.txt]",
      ),
    });
    const storeFolder = join(folder, "store");
    await new LocalFolderStore(storeFolder).put("datasets/raw.csv", "a\nb\nc\n");
    const first = kiln(folder, "run", "--progress", "plain", "--store", storeFolder);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(readFileSync(join(folder, "count.txt"), "utf8").trim()).toBe("3");
    await new LocalFolderStore(storeFolder).put("datasets/raw.csv", "a\nb\nc\nd\n");
    const status = kiln(folder, "status", "--store", storeFolder);
    expect(status.stdout).toContain("fetch: would run (dep 'store://datasets/raw.csv' changed)");
    const missing = makeProject({
      "kiln.yaml": yamlLines("stages:", "  a:", "    cmd: 'true'", "    deps: [store://nothing/here.csv]"),
    });
    const run = kiln(missing, "run", "--progress", "plain", "--store", storeFolder);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /a: failed \(.*kiln\.yaml:4:12: stage 'a' needs 'store:\/\/nothing\/here\.csv', which does not exist in file:\/\//,
    );
  });

  it("stops on an interrupt: the running stage's process group is killed and the exit code is 130", async () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines("stages:", "  long:", "    cmd: sh -c 'echo $$ > stage.pid; sleep 60'"),
    });
    const child = spawn(
      process.execPath,
      ["--import", tsxLoader, join(repo, "runtime/cli/kiln.ts"), "run", "--progress", "plain"],
      {
        cwd: folder,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const pidFile = join(folder, "stage.pid");
    while (!existsSync(pidFile) || readFileSync(pidFile, "utf8").trim() === "")
      await new Promise((r) => setTimeout(r, 100));
    const stagePid = Number(readFileSync(pidFile, "utf8"));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stdout).toMatch(/long: cancelled \(interrupted\)/);
    await new Promise((r) => setTimeout(r, 200));
    expect(isRunning(stagePid)).toBe(false);
  });
});

/** Whether a process exists and is not a zombie. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}
