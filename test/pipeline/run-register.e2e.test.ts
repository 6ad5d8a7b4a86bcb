import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopCsv, loopRows } from "../e2e/loop-data.js";
import { runKiln } from "../registry/run-kiln.js";

const root = new URL("../..", import.meta.url).pathname;
const kiln = (cwd: string, ...args: string[]) => runKiln(args, { cwd, env: { GITHUB_ACTOR: "dana" } });

describe("kiln run --register", { timeout: 120_000 }, () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "kiln-run-register-"));
    await cp(join(root, "test/e2e/fixtures/loop-project"), project, { recursive: true });
    await mkdir(join(project, "data"), { recursive: true });
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it("registers the models kiln.yaml declares once the run succeeds, and the same artifact again is not a new version", async () => {
    await writeFile(join(project, "data/train.csv"), loopCsv(loopRows(200, 1)));
    await writeFile(join(project, "data/test.csv"), loopCsv(loopRows(80, 2)));

    const first = await kiln(project, "run", "--register", "--progress", "plain");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("registered loop@1.0.0");

    const listed = await kiln(project, "model", "show", "loop", "--json");
    expect(listed.code, listed.stderr).toBe(0);
    const record = JSON.parse(listed.stdout) as {
      version: string;
      createdBy: string;
      metrics: Record<string, number>;
      lineage: { datasetDigests: Record<string, string> };
    };
    expect(record.version).toBe("1.0.0");
    expect(record.createdBy).toBe("dana");
    expect(record.metrics.accuracy).toBeGreaterThan(0.7);
    expect(Object.keys(record.lineage.datasetDigests)).toContain("data/train.csv");

    const again = await kiln(project, "run", "--register", "--progress", "plain");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("loop@1.0.0 already holds this artifact; nothing registered");
  });

  it("registers nothing when a stage fails", async () => {
    await writeFile(join(project, "data/train.csv"), "x1,x2,label\n1,2,high\n");
    const failed = await kiln(project, "run", "--register", "--progress", "plain");
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).not.toContain("registered loop@");
    const versions = await kiln(project, "model", "list", "loop", "--json");
    expect((JSON.parse(versions.stdout) as unknown[]).length).toBe(1);
  });
});
