import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode, StoreError } from "../../runtime/errors.js";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { retryDelay } from "../../runtime/pipeline/retry-delay.js";
import { runKey } from "../../runtime/pipeline/run-cache.js";
import { type RunPipelineOptions, runPipeline } from "../../runtime/pipeline/run-pipeline.js";
import type { RunReporter } from "../../runtime/pipeline/run-reporter.js";
import { MemoryStore } from "./memory-store.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

/** Whether a process exists and is not a zombie (a killed process waits as a zombie until reaped). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function recordingReporter() {
  const events: string[] = [];
  const reporter: RunReporter = {
    begin: () => {},
    stageStarted: (stage, attempt) => events.push(`start ${stage} #${attempt}`),
    output: (stage, line) => events.push(`[${stage}] ${line}`),
    stageRetrying: (stage, attempt) => events.push(`retry ${stage} #${attempt}`),
    stageFinished: (result) => events.push(`${result.status} ${result.name}`),
    end: () => {},
  };
  return { events, reporter };
}

async function run(root: string, options: Partial<RunPipelineOptions> = {}) {
  const pipeline = await loadPipeline(join(root, "kiln.yaml"));
  const dag = buildDag(pipeline);
  const summary = await runPipeline({ pipeline, dag, jobs: 2, ...options });
  const status = Object.fromEntries(summary.results.map((r) => [r.name, r.status]));
  const reasons = Object.fromEntries(summary.results.map((r) => [r.name, r.reasons]));
  return { ...summary, status, reasons };
}

/** a → b → c, and an independent d. Each command appends its name to runs.log. */
const chain = yamlLines(
  "stages:",
  "  a:",
  "    cmd: sh -c 'cat in.txt > a.txt; echo a >> runs.log'",
  "    deps: [in.txt]",
  "    outs: [a.txt]",
  "  b:",
  "    cmd: sh -c 'cat a.txt a.txt > b.txt; echo b >> runs.log'",
  "    deps: [a.txt]",
  "    outs: [b.txt]",
  "  c:",
  "    cmd: sh -c 'wc -c < b.txt > c.txt; echo c >> runs.log'",
  "    deps: [b.txt]",
  "    params: [c.scale]",
  "    outs: [c.txt]",
  "  d:",
  "    cmd: sh -c 'echo d > d.txt; echo d >> runs.log'",
  "    outs: [d.txt]",
);
const runsLog = (root: string) =>
  existsSync(join(root, "runs.log"))
    ? readFileSync(join(root, "runs.log"), "utf8").split("\n").filter(Boolean).sort()
    : [];

describe("running a pipeline", () => {
  it("runs every stage once, in order, and writes their outs and kiln.lock", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    const result = await run(root);
    expect(result.exitCode).toBe(ExitCode.ok);
    expect(result.status).toEqual({ a: "ran", b: "ran", c: "ran", d: "ran" });
    expect(readFileSync(join(root, "b.txt"), "utf8")).toBe("hello\nhello\n");
    expect(readFileSync(join(root, "c.txt"), "utf8").trim()).toBe("12");
    const lock = JSON.parse(readFileSync(join(root, "kiln.lock"), "utf8"));
    expect(Object.keys(lock.stages)).toEqual(["a", "b", "c", "d"]);
    expect(lock.stages.c.params).toEqual({ "params.yaml": { "c.scale": 1 } });
  });

  it("re-runs nothing when nothing changed, and only what is downstream of an edited dep", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    await run(root);
    rmSync(join(root, "runs.log"));
    const again = await run(root);
    expect(again.status).toEqual({ a: "up-to-date", b: "up-to-date", c: "up-to-date", d: "up-to-date" });
    expect(again.lockWritten).toBe(false);
    expect(runsLog(root)).toEqual([]);

    writeFileSync(join(root, "in.txt"), "bye\n");
    const edited = await run(root);
    expect(edited.status).toEqual({ a: "ran", b: "ran", c: "ran", d: "up-to-date" });
    expect(edited.reasons.a).toEqual(["dep 'in.txt' changed"]);
    expect(edited.reasons.b).toEqual(["dep 'a.txt' changed"]);
    expect(runsLog(root)).toEqual(["a", "b", "c"]);
  });

  it("explains with --dry what would run and why, and runs nothing", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    await run(root);
    writeFileSync(join(root, "params.yaml"), "c: { scale: 2 }\n");
    writeFileSync(join(root, "kiln.yaml"), chain.replace("echo d > d.txt", "echo D > d.txt"));
    rmSync(join(root, "runs.log"));
    const dry = await run(root, { dry: true });
    expect(dry.status).toEqual({ a: "up-to-date", b: "up-to-date", c: "would-run", d: "would-run" });
    expect(dry.reasons.c).toEqual(["param 'params.yaml:c.scale' changed (1 -> 2)"]);
    expect(dry.reasons.d).toEqual(["command changed"]);
    writeFileSync(
      join(root, "kiln.yaml"),
      chain.replace("    outs: [a.txt]", "    outs: [a.txt]\n    env: { LANG: C }"),
    );
    const envChanged = await run(root, { dry: true });
    expect(envChanged.reasons.a).toEqual(["env 'LANG' changed"]);
    expect(runsLog(root)).toEqual([]);
  });

  it("restores deleted outs from the store's run cache without running", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    const store = new MemoryStore();
    await run(root, { store });
    const b = readFileSync(join(root, "b.txt"), "utf8");
    for (const out of ["a.txt", "b.txt", "c.txt", "d.txt", "runs.log", "kiln.lock"]) rmSync(join(root, out));
    const restored = await run(root, { store });
    expect(restored.status).toEqual({ a: "restored", b: "restored", c: "restored", d: "restored" });
    expect(readFileSync(join(root, "b.txt"), "utf8")).toBe(b);
    expect(runsLog(root)).toEqual([]);
  });

  it("refuses a tampered run cache object with an IntegrityError and leaves no partial out", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    const store = new MemoryStore();
    await run(root, { store, targets: ["a"] });
    const [contentKey] = store.keys("cache/sha256/");
    await store.put(contentKey as string, "tampered\n");
    rmSync(join(root, "a.txt"));
    const result = await run(root, { store, targets: ["a"] });
    expect(result.status).toEqual({ a: "failed" });
    expect(result.reasons.a?.[0]).toMatch(
      /restoring from the run cache failed: run cache object cache\/sha256\/[0-9a-f]{64} \(for 'a.txt'\) in memory:\/\/test: digest mismatch/,
    );
    expect(existsSync(join(root, "a.txt"))).toBe(false);
  });

  it("skips what is downstream of a failed stage, finishes independent branches, and exits 1", async () => {
    const root = makeProject({
      "kiln.yaml": chain.replace("sh -c 'cat a.txt a.txt > b.txt; echo b >> runs.log'", "sh -c 'exit 3'"),
      "in.txt": "hello\n",
      "params.yaml": "c: { scale: 1 }\n",
    });
    const store = new MemoryStore();
    const result = await run(root, { store });
    expect(result.exitCode).toBe(ExitCode.failure);
    expect(result.status).toEqual({ a: "ran", b: "failed", c: "skipped", d: "ran" });
    expect(result.reasons.b).toEqual(["command exited with code 3"]);
    expect(result.reasons.c).toEqual(["upstream stage 'b' failed"]);
    const lock = JSON.parse(readFileSync(join(root, "kiln.lock"), "utf8"));
    expect(Object.keys(lock.stages).sort()).toEqual(["a", "d"]);
  });

  it("with --fail-fast cancels running stages after the first failure", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  slow:",
        "    cmd: sleep 20",
        "  broken:",
        "    cmd: sh -c 'sleep 0.2; exit 1'",
        "  after:",
        "    cmd: 'true'",
        "    needs: [broken]",
      ),
    });
    const started = performance.now();
    const result = await run(root, { failFast: true, killGraceMs: 200 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.status).toEqual({ slow: "cancelled", broken: "failed", after: "skipped" });
    expect(result.reasons.slow?.[0]).toBe("cancelled by --fail-fast after 'broken' failed");
    expect(result.exitCode).toBe(ExitCode.failure);
  });

  it("kills the whole process group of a stage that times out, and stores nothing for it", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  hang:",
        "    cmd: sh -c 'sleep 30 & echo $! > child.pid; echo started; wait'",
        "    timeout: 500ms",
        "    outs: [never.txt]",
      ),
    });
    const store = new MemoryStore();
    const { events, reporter } = recordingReporter();
    const result = await run(root, { store, reporter, killGraceMs: 300 });
    expect(result.status).toEqual({ hang: "failed" });
    expect(result.reasons.hang).toEqual(["timed out after 500ms; its process group was killed"]);
    expect(events).toContain("[hang] started");
    const childPid = Number(readFileSync(join(root, "child.pid"), "utf8"));
    expect(isRunning(childPid)).toBe(false);
    expect(store.keys()).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, "kiln.lock"), "utf8")).stages).toEqual({});
  });

  it("retries a flaky stage with exponential backoff and jitter until it succeeds", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  flaky:",
        "    cmd: sh -c 'n=$(cat tries 2>/dev/null || echo 0); n=$((n+1)); echo $n > tries; [ $n -ge 3 ] && echo ok > out.txt'",
        "    retries: { count: 3, backoff: 1s, max_delay: 10s }",
        "    outs: [out.txt]",
      ),
    });
    const delays: number[] = [];
    const { events, reporter } = recordingReporter();
    const result = await run(root, {
      reporter,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(result.status).toEqual({ flaky: "ran" });
    expect(result.results[0]?.attempts).toBe(3);
    // Equal jitter with random 0.5: half of the capped delay plus a quarter of it.
    expect(delays).toEqual([1000 * 0.75, 2000 * 0.75]);
    expect(events.filter((e) => e.startsWith("start") || e.startsWith("retry"))).toEqual([
      "start flaky #1",
      "retry flaky #2",
      "start flaky #2",
      "retry flaky #3",
      "start flaky #3",
    ]);
  });

  it("fails a stage that gives up after its retries, with the last reason", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines("stages:", "  never:", "    cmd: sh -c 'exit 7'", "    retries: 2"),
    });
    const result = await run(root, { sleep: async () => {} });
    expect(result.status).toEqual({ never: "failed" });
    expect(result.results[0]?.attempts).toBe(3);
    expect(result.reasons.never).toEqual(["command exited with code 7"]);
  });

  it("fails a stage whose command succeeded without writing a declared out", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines("stages:", "  lazy:", "    cmd: 'true'", "    outs: [promised.txt]"),
    });
    const result = await run(root);
    expect(result.status).toEqual({ lazy: "failed" });
    expect(result.reasons.lazy).toEqual(["the stage succeeded but did not write its out 'promised.txt'"]);
  });

  it("runs the named stages with what they need, and rejects unknown names with a suggestion", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scale: 1 }\n" });
    const result = await run(root, { targets: ["b"] });
    expect(result.status).toEqual({ a: "ran", b: "ran" });
    await expect(run(root, { targets: ["bb"] })).rejects.toThrow(
      /no stage named 'bb' in .*kiln\.yaml\. Did you mean 'b'\? Stages: a, b, c, d\./,
    );
  });

  it("names the kiln.yaml line of a params key that does not exist", async () => {
    const root = makeProject({ "kiln.yaml": chain, "in.txt": "hello\n", "params.yaml": "c: { scael: 1 }\n" });
    const result = await run(root);
    expect(result.status.c).toBe("failed");
    expect(result.reasons.c?.[0]).toMatch(
      /kiln\.yaml:13:14: params file 'params\.yaml' has no key 'c\.scale' \('c' has no 'scale'\)\. Did you mean 'scael'\?/,
    );
  });

  it("keeps the number of stages running at once within --jobs", async () => {
    const stages = ["stages:"];
    for (let i = 0; i < 6; i++) stages.push(`  s${i}:`, `    cmd: sh -c 'echo start; sleep 0.15; echo end'`);
    const root = makeProject({ "kiln.yaml": yamlLines(...stages) });
    const { events, reporter } = recordingReporter();
    await run(root, { reporter, jobs: 2 });
    let running = 0;
    let peak = 0;
    for (const event of events) {
      if (event.endsWith("] start")) running++;
      if (event.endsWith("] end")) running--;
      peak = Math.max(peak, running);
    }
    expect(peak).toBe(2);
  });
});

describe("retry delays", () => {
  it.each([
    { retry: 1, random: 0, expected: 500 },
    { retry: 1, random: 0.999, expected: 999.5 },
    { retry: 3, random: 0, expected: 2000 },
    { retry: 10, random: 0, expected: 5000 },
  ])(
    "retry $retry with random $random waits $expected ms (backoff 1s, cap 10s)",
    ({ retry, random, expected }) => {
      expect(retryDelay({ count: 10, backoffMs: 1000, maxDelayMs: 10_000 }, retry, () => random)).toBeCloseTo(
        expected,
        6,
      );
    },
  );
});

describe("the run cache layout", () => {
  it("stores content under cache/sha256/<digest> and a manifest under cache/runs/<key>.json", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines("stages:", "  w:", "    cmd: sh -c 'printf abc > w.txt'", "    outs: [w.txt]"),
    });
    const store = new MemoryStore();
    const result = await run(root, { store });
    // sha256("abc"), a published test vector (FIPS 180-2).
    const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(store.keys()).toEqual([`cache/runs/${result.results[0]?.key}.json`, `cache/sha256/${abc}`]);
    const manifest = JSON.parse(
      Buffer.from(await store.getBytes(runKey(result.results[0]?.key as string))).toString(),
    );
    expect(manifest.outs).toEqual([{ path: "w.txt", kind: "file", digest: abc, size: 3 }]);
  });
});

describe("forcing and opting out", () => {
  const project = () =>
    makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  cached:",
        "    cmd: sh -c 'echo x > cached.txt; echo cached >> runs.log'",
        "    outs: [cached.txt]",
        "  uncached:",
        "    cmd: sh -c 'echo y > big.bin; echo uncached >> runs.log'",
        "    outs: [{ path: big.bin, cache: false }]",
        "  always:",
        "    cmd: sh -c 'echo always >> runs.log'",
        "    always_run: true",
      ),
    });

  it("runs always_run stages every time, and everything with --force", async () => {
    const root = project();
    const store = new MemoryStore();
    await run(root, { store });
    rmSync(join(root, "runs.log"));
    const again = await run(root, { store });
    expect(again.status).toEqual({ cached: "up-to-date", uncached: "up-to-date", always: "ran" });
    expect(again.reasons.always).toEqual(["always_run"]);
    const forced = await run(root, { store, force: true });
    expect(forced.status).toEqual({ cached: "ran", uncached: "ran", always: "ran" });
    expect(forced.reasons.cached).toEqual(["forced (--force)"]);
  });

  it("keeps cache: false outs out of the store, so such a stage is re-made rather than restored", async () => {
    const root = project();
    const store = new MemoryStore();
    await run(root, { store });
    // sha256 of "y\n" computed independently: printf 'y\n' | sha256sum
    const yDigest = "3bb2abb69ebb27fbfe63c7639624c6ec5e331b841a5bc8c3ebc10b9285e90877";
    expect(store.keys("cache/sha256/").some((key) => key.endsWith(yDigest))).toBe(false);
    rmSync(join(root, "big.bin"));
    rmSync(join(root, "cached.txt"));
    const result = await run(root, { store });
    expect(result.status).toEqual({ cached: "restored", uncached: "ran", always: "ran" });
    expect(result.reasons.uncached).toEqual(["out 'big.bin' is missing"]);
  });
});

describe("a store that refuses writes", () => {
  it("fails the stage that could not store its outs, and records nothing for it", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines("stages:", "  w:", "    cmd: sh -c 'echo x > w.txt'", "    outs: [w.txt]"),
    });
    const store = new MemoryStore();
    store.put = async () => {
      throw new StoreError("the bucket is read-only", { key: "cache" });
    };
    const result = await run(root, { store });
    expect(result.status).toEqual({ w: "failed" });
    expect(result.reasons.w).toEqual([
      "it ran, but its outs could not be stored in the run cache (memory://test): the bucket is read-only",
    ]);
    expect(result.exitCode).toBe(ExitCode.failure);
    expect(JSON.parse(readFileSync(join(root, "kiln.lock"), "utf8")).stages).toEqual({});
  });
});
