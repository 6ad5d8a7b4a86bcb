/** `kiln monitor` as a user runs it: output, files and exit codes. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKiln } from "../registry/run-kiln.js";
import { createMonitorWorld, MODEL, type MonitorWorld } from "./monitor-world.js";

let world: MonitorWorld;

beforeAll(async () => {
  world = await createMonitorWorld();
  await world.writeTraffic({ start: new Date("2026-11-22T08:00:00Z"), rows: 200, shift: 2, seed: 31 });
  await world.writeTraffic({ start: new Date("2026-11-20T08:00:00Z"), rows: 200, seed: 32 });
});
afterAll(async () => world.close());

const kiln = (...args: string[]) =>
  runKiln(["monitor", MODEL, "--store", world.storeDir, ...args], { cwd: world.dir });

describe("kiln monitor", () => {
  it("exits 1 on a drifting window and writes the HTML and markdown reports", async () => {
    const html = join(world.dir, "report.html");
    const markdown = join(world.dir, "report.md");
    const run = await kiln(
      "--since",
      "2026-11-22T08:00Z",
      "--until",
      "2026-11-22T10:00Z",
      "--html",
      html,
      "--markdown",
      markdown,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${MODEL}@1\\.0\\.0: DRIFT — `));
    expect(run.stdout).toContain("window 2026-11-22T08:00:00.000Z .. 2026-11-22T10:00:00.000Z: 200 rows");
    expect(run.stdout).toContain("Dataset drift detected");
    expect(await readFile(html, "utf8")).toMatch(/^<!doctype html>/i);
    expect(await readFile(markdown, "utf8")).toMatch(/^## kiln monitor: churn@1\.0\.0 — ⚠️ drift/);
  });

  it("exits 0 on a healthy window and prints JSON with --json", async () => {
    const run = await kiln("--since", "2026-11-20T08:00Z", "--until", "2026-11-20T10:00Z", "--json");
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ status: "healthy", model: MODEL, dataset_drift: false, min_rows: 30 });
    expect((json.window as { rows: number }).rows).toBe(200);
  });

  it("exits 4 on an empty window and says there was nothing to compare", async () => {
    const run = await kiln("--since", "2026-11-25T00:00Z", "--until", "2026-11-26T00:00Z");
    expect(run.code).toBe(4);
    expect(run.stdout).toContain("NOT ENOUGH DATA — No predictions were logged for churn in the window");
  });

  it("exits 4 when the window has fewer rows than --min-rows", async () => {
    const run = await kiln(
      "--since",
      "2026-11-20T08:00Z",
      "--until",
      "2026-11-20T10:00Z",
      "--min-rows",
      "500",
      "--json",
    );
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "insufficient", dataset_drift: null });
  });

  it("exits 2 with a clear message for a bad window", async () => {
    const run = await kiln("--window", "yesterday");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kiln: --window: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got 'yesterday'.\n",
    );
    const both = await kiln("--window", "24h", "--since", "2026-11-20");
    expect(both.code).toBe(2);
    expect(both.stderr).toBe("kiln: give either --window or --since, not both.\n");
  });

  it("exits 2 when the reference file lacks the model's inputs", async () => {
    const file = join(world.dir, "other.csv");
    await writeFile(file, "a,b\n1,2\n");
    const run = await kiln(
      "--since",
      "2026-11-20T08:00Z",
      "--until",
      "2026-11-20T10:00Z",
      "--reference",
      file,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kiln: .*other\.csv/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
