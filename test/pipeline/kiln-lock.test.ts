import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { runPipeline } from "../../runtime/pipeline/run-pipeline.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

async function run(root: string) {
  const pipeline = await loadPipeline(join(root, "kiln.yaml"));
  const summary = await runPipeline({ pipeline, dag: buildDag(pipeline), jobs: 2 });
  return { ...summary, status: Object.fromEntries(summary.results.map((r) => [r.name, r.status])) };
}

/** A file out, a folder out and a params value, fed by two data files. */
const project = {
  "kiln.yaml": yamlLines(
    "stages:",
    "  split:",
    "    cmd: sh -c 'mkdir -p parts && head -n 2 data/a.csv > parts/head.csv && tail -n 1 data/a.csv > parts/tail.csv'",
    "    deps: [data/a.csv]",
    "    outs: [parts]",
    "  join:",
    "    cmd: sh -c 'cat parts/head.csv data/b.csv > joined.csv; echo ran >> runs.log'",
    "    deps: [parts, data/b.csv]",
    "    params: [join.mode]",
    "    outs: [joined.csv]",
  ),
  "data/a.csv": "x\n1\n2\n",
  "data/b.csv": "3\n",
  "params.yaml": "join: { mode: append }\n",
};

/** A copy of the project as a fresh clone would have it, every file with the given mtime (seconds). */
function checkout(source: string, mtime: number): string {
  const folder = mkdtempSync(join(tmpdir(), "kiln-checkout-"));
  cpSync(source, folder, { recursive: true });
  for (const file of ["kiln.yaml", "data/a.csv", "data/b.csv", "params.yaml"])
    utimesSync(join(folder, file), mtime, mtime);
  return folder;
}

const lockText = (root: string) => readFileSync(join(root, "kiln.lock"), "utf8");

describe("kiln.lock", () => {
  it("is byte-identical in two checkouts of one project whose files have different mtimes", async () => {
    const source = makeProject(project);
    const first = checkout(source, 1_600_000_000);
    const second = checkout(source, 1_700_000_000.5);
    expect((await run(first)).status).toEqual({ split: "ran", join: "ran" });
    expect((await run(second)).status).toEqual({ split: "ran", join: "ran" });
    expect(lockText(second)).toBe(lockText(first));
    expect(lockText(first)).not.toMatch(/mtime/i);
    const joined = JSON.parse(lockText(first)).stages.join;
    // Content only: the digest and size of what the stage wrote (the head of a.csv, then b.csv).
    const written = "x\n1\n3\n";
    expect(joined.outs).toEqual([
      {
        path: "joined.csv",
        digest: createHash("sha256").update(written).digest("hex"),
        kind: "file",
        size: 6,
      },
    ]);
    expect(joined.params).toEqual({ "params.yaml": { "join.mode": "append" } });
  });

  it("is read when it still holds the mtimes older versions wrote, and written again without them", async () => {
    const root = makeProject(project);
    await run(root);
    const clean = lockText(root);
    const old = JSON.parse(clean);
    for (const stage of Object.values(old.stages) as { deps: object[]; outs: object[] }[])
      for (const item of [...stage.deps, ...stage.outs]) Object.assign(item, { mtime: 1_234_567_890_123 });
    writeFileSync(join(root, "kiln.lock"), JSON.stringify(old, null, 2));

    const again = await run(root);
    expect(again.status).toEqual({ split: "up-to-date", join: "up-to-date" });
    expect(again.lockWritten).toBe(true);
    expect(lockText(root)).toBe(clean);
  });
});

describe("the stat cache", () => {
  it("lives in .kiln/state.json: a re-run trusts unchanged sizes and mtimes there and hashes nothing", async () => {
    const root = makeProject(project);
    const b = join(root, "data/b.csv");
    utimesSync(b, 1_600_000_000, 1_600_000_000);
    await run(root);
    expect(JSON.parse(readFileSync(join(root, ".kiln/state.json"), "utf8")).files[b]).toMatchObject({
      size: 2,
      mtimeMs: 1_600_000_000_000,
    });
    // Same size, same mtime, other bytes: only a run that trusts the stat cache misses this.
    writeFileSync(b, "4\n");
    utimesSync(b, 1_600_000_000, 1_600_000_000);
    const cached = await run(root);
    expect(cached.status).toEqual({ split: "up-to-date", join: "up-to-date" });
    expect(cached.lockWritten).toBe(false);

    // Without the state file (a fresh clone), the content is hashed and the change is seen.
    rmSync(join(root, ".kiln"), { recursive: true });
    const hashed = await run(root);
    expect(hashed.status).toEqual({ split: "up-to-date", join: "ran" });
    expect(readFileSync(join(root, "joined.csv"), "utf8")).toBe("x\n1\n4\n");
  });
});
