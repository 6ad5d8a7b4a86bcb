import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { parseDesiredStages } from "../../runtime/promotion/desired-stages.js";
import { parsePromotionPolicy } from "../../runtime/promotion/promotion-policy.js";

const run = promisify(execFile);
const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = join(repo, "examples", "weather");
const rawCsv = join(repo, "node_modules", "vega-datasets", "data", "weather.csv");
const workflows = ["kiln-pipeline.yml", "kiln-promote.yml", "kiln-deploy.yml", "kiln-monitor.yml"];

interface Job {
  permissions?: Record<string, string>;
  "timeout-minutes"?: number;
  steps: Array<{ uses?: string; with?: Record<string, unknown> }>;
}

describe.each(workflows)("examples/weather/.github/workflows/%s", (file) => {
  const read = () => readFile(join(example, ".github", "workflows", file), "utf8");

  it("is a workflow GitHub's own parser accepts", async () => {
    const result = parseWorkflow({ name: file, content: await read() }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it("reads only by default, sets a timeout on every job and pins third-party actions by SHA", async () => {
    const workflow = parse(await read()) as {
      permissions: Record<string, string>;
      jobs: Record<string, Job>;
    };
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job["timeout-minutes"], name).toBeGreaterThan(0);
      for (const step of job.steps) {
        if (step.uses === undefined || step.uses.startsWith("octo-org/kiln/")) continue;
        expect(step.uses, `${name}: ${step.uses}`).toMatch(/@[0-9a-f]{40}$/);
      }
    }
  });

  it("says why on every write grant", async () => {
    const writes = (await read()).split("\n").filter((line) => /^\s*[\w-]+:\s*write\b/.test(line));
    for (const line of writes) expect(line).toMatch(/write # \S/);
  });

  it("gives Kiln's actions only inputs their action.yml declares", async () => {
    const workflow = parse(await read()) as { jobs: Record<string, Job> };
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        const name = /^octo-org\/kiln\/actions\/([\w-]+)@/.exec(step.uses ?? "")?.[1];
        if (name === undefined) continue;
        const metadataFile = join(repo, "actions", name, "action.yml");
        expect(existsSync(metadataFile), `actions/${name}/action.yml`).toBe(true);
        const metadata = parse(await readFile(metadataFile, "utf8")) as { inputs: Record<string, unknown> };
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(metadata.inputs), `actions/${name} input '${input}'`).toContain(input);
      }
    }
  });
});

describe("the example's pipeline", () => {
  it("has the stages ingest → features → train → evaluate, ingesting from the store", async () => {
    const pipeline = await loadPipeline(join(example, "kiln.yaml"));
    expect(buildDag(pipeline).order.map((stage) => stage.name)).toEqual([
      "ingest",
      "features",
      "train",
      "evaluate",
    ]);
    const ingest = pipeline.stages.get("ingest");
    expect(ingest?.uses).toBe("kiln/fetch");
    expect(ingest?.with.from).toBe("store://datasets/noaa-weather/weather.csv");
    expect(pipeline.stages.get("train")?.uses).toBe("kiln/train");
    expect(pipeline.stages.get("evaluate")?.uses).toBe("kiln/evaluate");
    expect(Object.keys(pipeline.models)).toEqual(["weather"]);
  });

  it("passes `kiln compile --check`: the committed pipeline workflow is current", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "runtime/cli/kiln.ts",
        "compile",
        "-C",
        "examples/weather",
        "-o",
        "examples/weather/.github/workflows/kiln-pipeline.yml",
        "--action",
        "octo-org/kiln/actions/pipeline@main",
        "--check",
      ],
      { cwd: repo },
    );
    expect(stdout).toContain("kiln-pipeline.yml is up to date.");
  });

  it("has a promotion policy the bot accepts: two approvals and an accuracy floor for Production", async () => {
    const policy = parsePromotionPolicy(await readFile(join(example, ".github", "kiln.yml"), "utf8"));
    expect(policy.openPullRequestOnRegister).toBe("staging");
    expect(policy.stages.production?.approvals).toBe(2);
    expect(policy.stages.production?.rules).toContainEqual(
      expect.objectContaining({ metric: "accuracy", min: 0.8 }),
    );
  });

  it("has a registry file with no stage taken yet", async () => {
    const file = "registry/weather.yaml";
    expect(parseDesiredStages(await readFile(join(example, file), "utf8"), file)).toEqual({});
  });
});

describe("scripts/features.mjs", () => {
  let folder: string;
  let out: string;
  let rawRows: Record<string, string>[];

  beforeAll(async () => {
    rawRows = parseCsv(await readFile(rawCsv, "utf8"), { columns: true }) as Record<string, string>[];
    folder = await mkdtemp(join(tmpdir(), "kiln-weather-features-"));
    await symlink(join(repo, "node_modules"), join(folder, "node_modules"));
    await writeFile(join(folder, "params.yaml"), await readFile(join(example, "params.yaml"), "utf8"));
    out = join(folder, "build");
    await run(process.execPath, [join(example, "scripts", "features.mjs"), rawCsv, out], { cwd: folder });
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const read = async (name: string) =>
    parseCsv(await readFile(join(out, `${name}.csv`), "utf8"), { columns: true }) as Record<string, string>[];

  it("trains on Seattle up to 2013, holds out Seattle 2014, and sends every other row as traffic", async () => {
    const seattle = rawRows.filter((r) => r.location === "Seattle");
    const train = await read("train");
    const test = await read("test");
    const traffic = await read("traffic");
    expect(train.length).toBe(seattle.filter((r) => (r.date ?? "") < "2014").length);
    expect(test.length).toBe(seattle.filter((r) => (r.date ?? "").startsWith("2014")).length);
    expect(traffic.length).toBe(rawRows.length - train.length);
    expect(new Set(traffic.map((r) => r.location))).toEqual(new Set(["Seattle", "New York"]));
    expect(train.every((r) => r.location === "Seattle" && (r.date ?? "") <= "2013-12-31")).toBe(true);
  });

  it("adds the month, the day's temperature range and the meteorological season", async () => {
    const train = await read("train");
    // 2012-01-01 in Seattle: max 12.8, min 5.0 (the first row of the NOAA export).
    expect(train[0]).toMatchObject({ date: "2012-01-01", month: "1", temp_range: "7.8", season: "winter" });
    const july = train.find((r) => r.date === "2012-07-15");
    expect(july).toMatchObject({ month: "7", season: "summer" });
    const source = rawRows.find((r) => r.location === "Seattle" && r.date === "2012-07-15");
    expect(Number(july?.temp_range)).toBeCloseTo(Number(source?.temp_max) - Number(source?.temp_min), 6);
  });
});
