/**
 * `npm start`, twice, on a temporary copy of examples/weather: the whole loop completes, the second
 * run is served by the run cache and the registry, the reports are written, drift is caught on the
 * shifted traffic, and no server is left running.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function npmStart(project: string): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: repo,
      env: { ...process.env, KILN_DEMO_PROJECT: project, KILN_STORE: "", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Two-sample Kolmogorov–Smirnov statistic D = sup |F1 - F2|, computed directly. */
function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("npm start (the whole loop on the weather example)", () => {
  let project: string;
  let first: DemoRun;
  let second: DemoRun;

  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), "kiln-demo-"));
    project = join(parent, "weather");
    await cp(join(repo, "examples", "weather"), project, {
      recursive: true,
      filter: (source) => !/[/\\](\.kiln|build|data|kiln\.lock)$/.test(source),
    });
    // The feature script imports `yaml`, as it would from the project's own node_modules.
    await symlink(join(repo, "node_modules"), join(parent, "node_modules"));
    first = await npmStart(project);
    second = await npmStart(project);
  }, 240_000);

  afterAll(async () => {
    if (project) await rm(dirname(project), { recursive: true, force: true });
  });

  it("finishes both times with exit code 0", () => {
    expect(first.stderr).not.toContain("kiln demo:");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(second.code, second.stdout + second.stderr).toBe(0);
  });

  it("runs every stage the first time and restores them all from the run cache the second time", () => {
    const pipelineStep = (run: DemoRun) => /\[2\/9\][\s\S]*?\n\n/.exec(run.stdout)?.[0];
    expect(first.stdout, pipelineStep(first)).toContain("4 of 4 stages ran");
    expect(second.stdout, pipelineStep(second)).toContain(
      "pipeline cached: all 4 stages came from the run cache, nothing re-ran",
    );
  });

  it("registers weather@1.0.0 once; the same artifact again gets the same version", () => {
    expect(first.stdout).toContain("registered weather@1.0.0");
    expect(second.stdout).toContain(
      "weather@1.0.0 already holds this artifact: same version, nothing registered",
    );
  });

  it("promotes to Production once, recording who approved it", () => {
    const approved = /weather@1\.0\.0 is in Production, approved by (\S+)/.exec(first.stdout)?.[1];
    expect(approved).toBeTruthy();
    expect(second.stdout).toContain(`weather@1.0.0 is already in Production (approved by ${approved} at `);
  });

  it("replays the later Seattle days and New York through the V2 API, in both request forms", async () => {
    const traffic = parseCsv(await readFile(join(project, "build/features/traffic.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    const seattle = traffic.filter((r) => r.location === "Seattle").length;
    const newYork = traffic.filter((r) => r.location === "New York").length;
    expect(seattle).toBe(730); // 2014 and 2015
    expect(newYork).toBe(1461); // 2012–2015, 2012 a leap year
    for (const run of [first, second]) {
      expect(run.stdout).toMatch(new RegExp(`Seattle 2014–2015\\s+${seattle}\\s`));
      expect(run.stdout).toMatch(new RegExp(`New York 2012–2015\\s+${newYork}\\s`));
      expect(run.stdout).toMatch(/2191 rows in 137 requests \(69 records, 68 tensor\)/);
    }
  });

  it("logs every prediction of both runs to the store's prediction log", async () => {
    const logs = (await filesUnder(join(project, ".kiln/store/predictions/weather"))).filter((f) =>
      // The local folder store keeps each object's etag beside it in a `.kiln-etag-` file.
      /^\d{8}T\d{9}Z-[0-9a-f]+\.jsonl\.gz$/.test(basename(f)),
    );
    let rows = 0;
    for (const file of logs)
      rows += gunzipSync(await readFile(file))
        .toString()
        .trim()
        .split("\n").length;
    expect(rows).toBe(2 * 2191);
  });

  it("catches the drift: wind differs from the Seattle training period beyond the KS critical value", async () => {
    const read = async (name: string) =>
      parseCsv(await readFile(join(project, `build/features/${name}.csv`), "utf8"), {
        columns: true,
      }) as Record<string, string>[];
    const train = (await read("train")).map((r) => Number(r.wind));
    const traffic = (await read("traffic")).map((r) => Number(r.wind));
    // Asymptotic two-sample KS critical value at α = 0.05: 1.358·sqrt((n+m)/(n·m)).
    const critical = 1.358 * Math.sqrt((train.length + traffic.length) / (train.length * traffic.length));
    expect(ksStatistic(train, traffic)).toBeGreaterThan(critical);
    for (const run of [first, second]) {
      expect(run.stdout).toContain("kiln monitor exited 1: drift detected");
      expect(run.stdout).toMatch(/Drift: DETECTED — \d+ of \d+ columns drifted/);
      expect(run.stdout).toMatch(/\n\s+wind\s+feature\s+.*\sdrift\n/);
    }
  });

  it("writes the HTML report, the monitor summary and the drift issue body", async () => {
    const demo = join(project, ".kiln", "demo");
    const html = await readFile(join(demo, "drift-report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("wind");
    const issue = await readFile(join(demo, "drift-issue.md"), "utf8");
    expect(issue.split("\n")[0]).toBe("# Drift: weather in production");
    expect(issue).toContain("wind");
    expect(issue.length).toBeLessThan(65_536);
    expect(await readFile(join(demo, "monitor-summary.md"), "utf8")).toContain("wind");
    for (const name of ["drift-report.html", "drift-issue.md", "monitor-summary.md", "monitor-result.json"])
      expect(second.stdout).toContain(join(".kiln", "demo", name));
  });

  it("leaves no server running", () => {
    for (const run of [first, second]) {
      const pid = Number(/The server \(pid (\d+)\) is stopped/.exec(run.stdout)?.[1]);
      expect(pid).toBeGreaterThan(0);
      expect(isRunning(pid)).toBe(false);
    }
  });
});
