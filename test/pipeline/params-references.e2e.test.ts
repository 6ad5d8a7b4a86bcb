// biome-ignore-all lint/suspicious/noTemplateCurlyInString: kiln.yaml's ${params.…} references are the subject.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { runPipeline } from "../../runtime/pipeline/run-pipeline.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

const repo = join(import.meta.dirname, "../..");
/** tsx by absolute URL: the commands run in folders outside the repository. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function kiln(cwd: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", tsxLoader, join(repo, "runtime/cli/kiln.ts"), ...args],
    { cwd, encoding: "utf8", env: { ...process.env, KILN_STORE: "" } },
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

const lockOf = (folder: string) => JSON.parse(readFileSync(join(folder, "kiln.lock"), "utf8"));
const edit = (folder: string, file: string, from: string, to: string) =>
  writeFileSync(join(folder, file), readFileSync(join(folder, file), "utf8").replace(from, to));

describe("${params.…} in a stage's cmd", () => {
  it("runs with the value, re-runs when only that value changes, and ignores other params keys", () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  train:",
        "    cmd: sh -c 'echo lr=${params.train.lr} epochs=${params.train.epochs} > model.txt; echo ran >> runs.log'",
        "    outs: [model.txt]",
      ),
      "params.yaml": yamlLines("train:", "  lr: 0.1", "  epochs: 3", "report:", "  width: 80"),
    });
    const store = join(folder, "store");
    const run = () => kiln(folder, "run", "--progress", "plain", "--store", store);

    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(folder, "model.txt"), "utf8")).toBe("lr=0.1 epochs=3\n");
    expect(lockOf(folder).stages.train.params).toEqual({
      "params.yaml": { "train.lr": 0.1, "train.epochs": 3 },
    });

    // A key the stage does not use: nothing runs.
    edit(folder, "params.yaml", "width: 80", "width: 120");
    expect(outcomes(run().stdout)).toEqual({ train: "up to date" });

    // The key it uses: status names the param (not the command), and the stage runs with the new value.
    edit(folder, "params.yaml", "lr: 0.1", "lr: 0.05");
    expect(kiln(folder, "status", "--store", store).stdout).toBe(
      "train: would run (param 'params.yaml:train.lr' changed (0.1 -> 0.05))\n",
    );
    expect(kiln(folder, "dag").stdout).toContain(
      "$ sh -c 'echo lr=0.05 epochs=3 > model.txt; echo ran >> runs.log'",
    );
    expect(outcomes(run().stdout)).toEqual({ train: "ran" });
    expect(readFileSync(join(folder, "model.txt"), "utf8")).toBe("lr=0.05 epochs=3\n");

    // The run cache is keyed by the value: going back to 0.1 restores the first run's out.
    edit(folder, "params.yaml", "lr: 0.05", "lr: 0.1");
    expect(outcomes(run().stdout)).toEqual({ train: "restored" });
    expect(readFileSync(join(folder, "model.txt"), "utf8")).toBe("lr=0.1 epochs=3\n");
    expect(readFileSync(join(folder, "runs.log"), "utf8")).toBe("ran\nran\n");
  });

  it("leaves shell variables alone and keeps the compiled workflow current when a value changes", () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  greet:",
        "    cmd: sh -c 'echo ${params.greeting} ${HOME:+home} > greeting.txt'",
        "    outs: [greeting.txt]",
      ),
      "params.yaml": "greeting: hello\n",
    });
    const first = kiln(folder, "run", "--progress", "plain", "--store", join(folder, "store"));
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(folder, "greeting.txt"), "utf8")).toBe("hello home\n");
    const workflow = join(folder, "kiln-pipeline.yml");
    expect(kiln(folder, "compile", "-o", workflow).status).toBe(0);
    edit(folder, "params.yaml", "hello", "bonjour");
    const check = kiln(folder, "compile", "--check", "-o", workflow);
    expect(check.status, check.stderr).toBe(0);
  });
});

describe("${params.…} in a built-in stage's with", () => {
  it("passes numbers and maps with their types to kiln/train, and records them in kiln.lock", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${(i * 7) % 5},${2 * i + ((i * 7) % 5)}`);
    const folder = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  train:",
        "    uses: kiln/train",
        "    with:",
        "      algorithm: linear",
        "      data: data.csv",
        "      target: y",
        "      params: ${params.model}",
        "      seed: ${params.seed}",
        "      validation: 0",
        "      model: model.onnx",
      ),
      "params.yaml": yamlLines("model:", "  alpha: 0.5", "seed: 7"),
      "data.csv": `a,b,y\n${rows.join("\n")}\n`,
    });
    const store = join(folder, "store");
    const first = kiln(folder, "run", "--progress", "plain", "--store", store);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const locked = lockOf(folder).stages.train;
    expect(locked.with).toEqual({
      algorithm: "linear",
      data: "data.csv",
      target: "y",
      params: { alpha: 0.5 },
      seed: 7,
      validation: 0,
      model: "model.onnx",
    });
    expect(locked.params).toEqual({ "params.yaml": { model: { alpha: 0.5 }, seed: 7 } });

    edit(folder, "params.yaml", "alpha: 0.5", "alpha: 2");
    const status = kiln(folder, "status", "--store", store);
    expect(status.stdout).toBe(
      `train: would run (param 'params.yaml:model' changed ({"alpha":0.5} -> {"alpha":2}))\n`,
    );
  });
});

describe("an unknown ${params.…} key", () => {
  it("exits 2 naming kiln.yaml's line and column and the closest key", () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines("stages:", "  train:", "    cmd: python train.py --lr ${params.train.lrr}"),
      "params.yaml": yamlLines("train:", "  lr: 0.1", "  layers: 2"),
    });
    const result = kiln(folder, "run");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "kiln: kiln.yaml:3:10: '${params.train.lrr}': params file 'params.yaml' has no key 'train.lrr' ('train' has no 'lrr'). Did you mean '${params.train.lr}'?\n",
    );
  });

  it("inside with names the line and column of the value that uses it", () => {
    const folder = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  train:",
        "    uses: kiln/train",
        "    with:",
        "      data: data.csv",
        "      seed: ${params.sed}",
      ),
      "params.yaml": "seed: 7\n",
      "data.csv": "x,label\n1,0\n",
    });
    const result = kiln(folder, "dag");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "kiln: kiln.yaml:6:13: '${params.sed}': params file 'params.yaml' has no key 'sed'. Did you mean '${params.seed}'?\n",
    );
  });
});

describe("why a stage using ${params.…} is stale", () => {
  async function reasons(root: string) {
    const pipeline = await loadPipeline(join(root, "kiln.yaml"));
    const summary = await runPipeline({ pipeline, dag: buildDag(pipeline), jobs: 1 });
    return Object.fromEntries(summary.results.map((r) => [r.name, r.reasons]));
  }

  it("is the param when only its value changed, also when params: lists a key above it", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  fit:",
        "    cmd: sh -c 'echo ${params.train.lr} > fit.txt'",
        "    params: [train]",
        "    outs: [fit.txt]",
      ),
      "params.yaml": "train: { lr: 0.1 }\n",
    });
    expect(await reasons(root)).toEqual({ fit: ["never ran"] });
    edit(root, "params.yaml", "0.1", "0.2");
    expect(await reasons(root)).toEqual({
      fit: [`param 'params.yaml:train' changed ({"lr":0.1} -> {"lr":0.2})`],
    });
    expect(readFileSync(join(root, "fit.txt"), "utf8")).toBe("0.2\n");
  });

  it("is also the command when the command around the reference changed", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  fit:",
        "    cmd: sh -c 'echo ${params.lr} > fit.txt'",
        "    outs: [fit.txt]",
      ),
      "params.yaml": "lr: 0.1\n",
    });
    await reasons(root);
    edit(root, "kiln.yaml", "echo ", "echo lr=");
    edit(root, "params.yaml", "0.1", "0.2");
    expect(await reasons(root)).toEqual({
      fit: ["command changed", "param 'params.yaml:lr' changed (0.1 -> 0.2)"],
    });
  });
});
