import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalS3, startMoto } from "../support/s3-harness.js";

const repo = join(import.meta.dirname, "../..");
const bundle = join(repo, "dist/pipeline/index.js");
const demo = join(repo, "examples/pipeline-demo");

/** A fresh checkout of the demo project as a runner's workspace (no outs, no lock, no local store). */
function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), "kiln-action-"));
  cpSync(demo, folder, {
    recursive: true,
    filter: (source) => !/\/(build|\.kiln)(\/|$)|kiln\.lock$/.test(source.slice(demo.length)),
  });
  return folder;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Run the committed bundle the way the runner does: INPUT_* env and the runner's files. */
function runAction(
  folder: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): ActionRun {
  const files = mkdtempSync(join(tmpdir(), "kiln-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  const eventFile = join(files, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify({ repository: { default_branch: "main" } }));
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const result = spawnSync(process.execPath, [bundle], {
    cwd: folder,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: folder,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REF_NAME: "main",
      ...inputEnv,
      ...env,
    },
  });
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, "utf8");
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1] as string] = match[3] as string;
  const summary = readFileSync(summaryFile, "utf8");
  rmSync(files, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout + result.stderr, outputs, summary };
}

const allStages = ["prepare", "profile", "features", "train@small", "train@large"];

describe("the pipeline Action bundle (dist/pipeline/index.js)", () => {
  it("exists: run `npm run bundle` and commit dist/", () => {
    expect(existsSync(bundle)).toBe(true);
  });

  it("runs the pipeline against a local folder store, then a second runner restores everything from it", () => {
    const store = mkdtempSync(join(tmpdir(), "kiln-store-"));
    const first = runAction(workspace(), { stage: "all", store, jobs: "2" });
    expect(first.status, first.stdout).toBe(0);
    expect(JSON.parse(first.outputs.ran ?? "null").sort()).toEqual([...allStages].sort());
    expect(JSON.parse(first.outputs.cached ?? "null")).toEqual([]);
    expect(JSON.parse(first.outputs.failed ?? "null")).toEqual([]);
    const metrics = JSON.parse(first.outputs.metrics ?? "{}");
    expect(Object.keys(metrics).sort()).toEqual([
      "build/models/large/metrics.json",
      "build/models/small/metrics.json",
      "build/profile.json",
    ]);
    expect(metrics["build/profile.json"].rows).toBe(55);
    expect(first.summary).toContain("| Stage | Status | Duration | Cache hit | Notes |");
    expect(first.summary).toMatch(/\| `train@small` \| ✅ ran \| [\d.]+m?s \| no \| never ran \|/);
    expect(first.summary).toContain("_No earlier metrics from `main` in the store to compare with._");
    // Stage output is in log groups named by the stage's result.
    expect(first.stdout).toMatch(/::group::prepare: ran in [\d.]+m?s\n.*\nkept 55 of 60 rows\n::endgroup::/);
    expect(existsSync(join(store, "metrics/main/latest.json"))).toBe(true);

    const second = runAction(workspace(), { stage: "all", store });
    expect(second.status, second.stdout).toBe(0);
    expect(JSON.parse(second.outputs.ran ?? "null")).toEqual([]);
    expect(JSON.parse(second.outputs.cached ?? "null").sort()).toEqual([...allStages].sort());
    expect(second.summary).toMatch(/\| `features` \| ♻️ restored \| [\d.]+m?s \| yes \|/);
    expect(second.summary).toMatch(/\| `build\/profile.json` \| rows \| 55 \| 55 \| = \|/);
    expect(JSON.parse(second.outputs.metrics ?? "{}")).toEqual(metrics);
  });

  it("runs one stage with what it needs, restoring upstream outs a previous job stored", () => {
    const store = mkdtempSync(join(tmpdir(), "kiln-store-"));
    expect(runAction(workspace(), { stage: "features", store }).status).toBe(0);
    const job = runAction(workspace(), { stage: "train@small", store });
    expect(job.status, job.stdout).toBe(0);
    expect(JSON.parse(job.outputs.ran ?? "null")).toEqual(["train@small"]);
    expect(JSON.parse(job.outputs.cached ?? "null")).toEqual(["prepare", "features"]);
  });

  it("reports a failed stage in the outputs and summary and fails the step", () => {
    const folder = workspace();
    writeFileSync(join(folder, "scripts/profile.mjs"), "process.exit(4);\n");
    const store = mkdtempSync(join(tmpdir(), "kiln-store-"));
    const run = runAction(folder, { stage: "all", store });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.outputs.failed ?? "null")).toEqual(["profile"]);
    expect(JSON.parse(run.outputs.ran ?? "null").sort()).toEqual([
      "features",
      "prepare",
      "train@large",
      "train@small",
    ]);
    expect(run.summary).toMatch(
      /\| `profile` \| ❌ failed \| .* \| – \| command exited with code 4 \(2 attempts\) \|/,
    );
    expect(run.stdout).toContain("::error::kiln pipeline: profile: command exited with code 4");
  });

  it("puts a kiln.yaml mistake as an error annotation on its line", () => {
    const folder = workspace();
    const text = readFileSync(join(folder, "kiln.yaml"), "utf8").replace(
      "    deps: [scripts/profile.mjs",
      "    dep: [scripts/profile.mjs",
    );
    writeFileSync(join(folder, "kiln.yaml"), text);
    const line = text.split("\n").findIndex((l) => l.startsWith("    dep: [scripts/profile.mjs")) + 1;
    const run = runAction(folder, { stage: "all", store: join(folder, ".kiln/store") });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `::error title=kiln%3A configuration error,file=kiln.yaml,line=${line},col=5::kiln.yaml:${line}:5: unknown key 'dep' in stage 'profile'. Did you mean 'deps'?`,
    );
    // Reported once, as the annotation.
    expect(run.stdout.match(/unknown key 'dep'/g)).toHaveLength(1);
    expect(run.outputs).toEqual({});
  });

  it("rejects a bad input with a message naming it", () => {
    const run = runAction(workspace(), { stage: "all", jobs: "many" });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("::error::input 'jobs' must be a whole number of at least 1, not 'many'.");
  });
});

describe("the pipeline Action with an S3 store (moto)", () => {
  let s3: LocalS3 | undefined;
  beforeAll(async () => {
    s3 = await startMoto({ bucket: "kiln-pipeline", prefix: "ci" });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("shares the run cache between two runners through S3 and masks the secret key", () => {
    const env = s3?.env ?? {};
    const first = runAction(workspace(), { stage: "all", store: s3?.storeUrl ?? "" }, env);
    expect(first.status, first.stdout).toBe(0);
    expect(first.stdout).toContain(`::add-mask::${env.AWS_SECRET_ACCESS_KEY}`);
    const second = runAction(workspace(), { stage: "all", store: s3?.storeUrl ?? "" }, env);
    expect(second.status, second.stdout).toBe(0);
    expect(JSON.parse(second.outputs.cached ?? "null").sort()).toEqual([...allStages].sort());
  });
});
