import { readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { ExitCode, errorMessage, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import { type Assessment, assessStage, type RemoteResolver } from "./assess-stage.js";
import type { BuiltinStage } from "./builtin-stage.js";
import { didYouMean } from "./did-you-mean.js";
import { formatDuration } from "./duration.js";
import { HashCache } from "./hash-cache.js";
import { type KilnLock, type LockedPath, readLock, renderLock, writeLock } from "./kiln-lock.js";
import { loadBuiltinStages, lookupBuiltinStage } from "./lookup-builtin-stage.js";
import { ParamValues } from "./param-values.js";
import { digestPath } from "./path-digest.js";
import type { Pipeline, Stage } from "./pipeline.js";
import type { PipelineDag } from "./pipeline-dag.js";
import { retryDelay } from "./retry-delay.js";
import { type CachedOut, RunCache } from "./run-cache.js";
import { runCommand } from "./run-command.js";
import { type RunReporter, silentReporter } from "./run-reporter.js";
import { type StageResult, StageStatus } from "./stage-result.js";
import { storeKeyOf } from "./store-reference.js";

export interface RunPipelineOptions {
  pipeline: Pipeline;
  dag: PipelineDag;
  /** The store holding the shared run cache (and what built-in stages and store:// deps read). */
  store?: ObjectStore | undefined;
  /** Where `s3://` deps outside the store live; defaults to keys inside `store`. */
  resolveRemote?: RemoteResolver;
  reporter?: RunReporter;
  /** Stage names (or foreach/matrix base names) to run, with everything upstream; all when empty. */
  targets?: readonly string[];
  /** Stages run at once; default: the machine's cores. */
  jobs?: number;
  /** Run the selected stages even when up to date (no run-cache restore either). */
  force?: boolean;
  /** Decide and report what would run and why, but run nothing and write nothing. */
  dry?: boolean;
  /** Cancel everything after the first failure. */
  failFast?: boolean;
  /** Environment for commands (the stage's `env` is added on top). */
  env?: NodeJS.ProcessEnv;
  /** Injected for tests: the clock, the sleep between retries, the jitter source. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /** SIGTERM → SIGKILL grace on timeout or cancel. */
  killGraceMs?: number;
  /** Aborting interrupts the run (running stages are cancelled). */
  signal?: AbortSignal;
  builtins?: Record<string, BuiltinStage>;
  /** Default `<root>/kiln.lock`. */
  lockFile?: string;
  /** Default `<root>/.kiln/state.json`. */
  stateFile?: string;
}

export interface RunSummary {
  results: StageResult[];
  exitCode: ExitCode;
  lockWritten: boolean;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** The stages a run considers: the targets and everything upstream of them, in DAG order. */
export function selectStages(pipeline: Pipeline, dag: PipelineDag, targets: readonly string[] = []): Stage[] {
  if (targets.length === 0) return dag.order;
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const up of dag.upstream.get(name) ?? []) visit(up);
  };
  for (const target of targets) {
    const matches = pipeline.stages.has(target)
      ? [target]
      : [...pipeline.stages.values()].filter((s) => s.base === target).map((s) => s.name);
    if (matches.length === 0) {
      const known = [...new Set([...pipeline.stages.values()].map((s) => s.base))];
      throw new UsageError(
        `no stage named '${target}' in ${pipeline.file}.${didYouMean(target, [...known, ...pipeline.stages.keys()])} Stages: ${known.sort().join(", ")}.`,
      );
    }
    for (const name of matches) visit(name);
  }
  return dag.order.filter((s) => wanted.has(s.name));
}

/**
 * Run the pipeline: stages in parallel up to `jobs`, each up-to-date check against kiln.lock,
 * restore from the store's run cache, or run (with timeout and retries); failures skip what is
 * downstream. Writes kiln.lock at the end (not with `dry`).
 */
export async function runPipeline(options: RunPipelineOptions): Promise<RunSummary> {
  const { pipeline, dag } = options;
  const root = pipeline.root;
  const reporter = options.reporter ?? silentReporter;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  let builtins = options.builtins;
  const lockFile = options.lockFile ?? join(root, "kiln.lock");
  const stateFile = options.stateFile ?? join(root, ".kiln", "state.json");
  const runCache = options.store ? new RunCache(options.store) : undefined;
  const store = options.store;
  const resolveRemote: RemoteResolver | undefined =
    options.resolveRemote ??
    (store ? async (reference) => ({ store, key: storeKeyOf(reference, store.url) }) : undefined);

  const selected = selectStages(pipeline, dag, options.targets);
  const lockText = await readFile(lockFile, "utf8").catch(() => undefined);
  const lock = await readLock(lockFile);
  // The stat cache (size and mtime → digest) is this checkout's own, kept out of kiln.lock.
  const hashes = await HashCache.load(stateFile);
  const context = { root, lock, hashes, params: new ParamValues(root), resolveRemote };

  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  options.signal?.addEventListener("abort", onInterrupt, { once: true });
  let failFastCause: string | undefined;

  const results = new Map<string, StageResult>();
  const entries = new Map<string, KilnLock["stages"][string]>();
  const selectedNames = new Set(selected.map((s) => s.name));
  const waiting = new Map(
    selected.map((s) => [
      s.name,
      [...(dag.upstream.get(s.name) ?? [])].filter((u) => selectedNames.has(u)).length,
    ]),
  );
  const ready: Stage[] = selected.filter((s) => waiting.get(s.name) === 0);
  const byName = new Map(selected.map((s) => [s.name, s]));
  reporter.begin(selected.map((s) => s.name));

  const finish = (result: StageResult, detail?: string) => {
    results.set(result.name, result);
    reporter.stageFinished(result, detail);
  };

  const process1 = async (stage: Stage): Promise<void> => {
    const started = now();
    const base = { name: stage.name, durationMs: 0, attempts: 0, key: undefined, metrics: {} };
    const upstream = [...(dag.upstream.get(stage.name) ?? [])].filter((u) => selectedNames.has(u));
    const blocked = upstream.find((u) => {
      const s = results.get(u)?.status;
      return s === StageStatus.failed || s === StageStatus.skipped || s === StageStatus.cancelled;
    });
    if (blocked !== undefined) {
      const why = results.get(blocked)?.status === StageStatus.failed ? "failed" : "did not run";
      finish({ ...base, status: StageStatus.skipped, reasons: [`upstream stage '${blocked}' ${why}`] });
      return;
    }
    if (cancel.signal.aborted) {
      finish({
        ...base,
        status: StageStatus.cancelled,
        reasons: [failFastCause ? `cancelled by --fail-fast after '${failFastCause}' failed` : "interrupted"],
      });
      return;
    }
    if (options.dry) {
      const pendingUp = upstream.find((u) => results.get(u)?.status === StageStatus.wouldRun);
      if (pendingUp !== undefined) {
        finish({
          ...base,
          status: StageStatus.wouldRun,
          reasons: [`upstream stage '${pendingUp}' would run`],
        });
        return;
      }
    }
    let assessment: Assessment;
    try {
      assessment = await assessStage(stage, context);
    } catch (error: unknown) {
      finish({
        ...base,
        status: StageStatus.failed,
        reasons: [errorMessage(error)],
        durationMs: now() - started,
      });
      if (options.failFast) abortFor(stage.name);
      return;
    }
    const forced = options.force ? ["forced (--force)"] : stage.alwaysRun ? ["always_run"] : [];
    const reasons = [...forced, ...assessment.reasons];
    const withKey = { ...base, key: assessment.key };
    if (reasons.length === 0) {
      entries.set(stage.name, lock.stages[stage.name] ?? assessment.entry);
      finish({
        ...withKey,
        status: StageStatus.upToDate,
        reasons: [],
        metrics: readMetrics(root, stage),
        durationMs: now() - started,
      });
      return;
    }
    // A stage with an uncached out (`cache: false`) cannot be restored: that out has to be made.
    const restorable = forced.length === 0 && runCache !== undefined && stage.outs.every((o) => o.cache);
    const manifest = restorable ? await runCache?.manifest(assessment.key).catch(() => undefined) : undefined;
    if (options.dry) {
      finish({ ...withKey, status: manifest ? StageStatus.wouldRestore : StageStatus.wouldRun, reasons });
      return;
    }
    if (manifest && runCache) {
      try {
        await runCache.restore(root, manifest, hashes);
        const { locked } = await lockOuts(stage);
        entries.set(stage.name, { ...assessment.entry, outs: locked });
        finish(
          {
            ...withKey,
            status: StageStatus.restored,
            reasons,
            metrics: readMetrics(root, stage),
            durationMs: now() - started,
          },
          `(from ${runCache.url})`,
        );
        return;
      } catch (error: unknown) {
        finish({
          ...withKey,
          status: StageStatus.failed,
          reasons: [`restoring from the run cache failed: ${errorMessage(error)}`],
          durationMs: now() - started,
        });
        if (options.failFast) abortFor(stage.name);
        return;
      }
    }
    const outcome = await execute(stage, reasons);
    if (outcome.ok) {
      try {
        const { locked, cached } = await lockOuts(stage, true);
        const entry = { ...assessment.entry, outs: locked };
        if (runCache) {
          // Stored in the background: nothing downstream waits for the upload; the run does.
          const manifest = {
            version: 1 as const,
            stage: stage.name,
            key: assessment.key,
            outs: cached,
            createdAt: new Date().toISOString(),
          };
          pendingSaves.push(
            limitSaves(() => runCache.save(root, manifest)).catch((error: unknown) => {
              saveFailures.set(stage.name, errorMessage(error));
            }),
          );
        }
        entries.set(stage.name, entry);
        finish({
          ...withKey,
          status: StageStatus.ran,
          reasons,
          attempts: outcome.attempts,
          metrics: readMetrics(root, stage),
          durationMs: now() - started,
        });
        return;
      } catch (error: unknown) {
        outcome.ok = false;
        outcome.detail = errorMessage(error);
      }
    }
    const status = outcome.cancelled ? StageStatus.cancelled : StageStatus.failed;
    finish({
      ...withKey,
      status,
      reasons: [outcome.detail],
      attempts: outcome.attempts,
      durationMs: now() - started,
    });
    if (status === StageStatus.failed && options.failFast) abortFor(stage.name);
  };

  const pendingSaves: Promise<void>[] = [];
  const saveFailures = new Map<string, string>();
  let saving = 0;
  const saveQueue: (() => void)[] = [];
  const limitSaves = async (save: () => Promise<void>): Promise<void> => {
    if (saving >= jobs) await new Promise<void>((resolve) => saveQueue.push(resolve));
    saving++;
    try {
      await save();
    } finally {
      saving--;
      saveQueue.shift()?.();
    }
  };

  const abortFor = (stage: string) => {
    failFastCause ??= stage;
    cancel.abort();
  };

  /** Outs as kiln.lock records them; with `require`, a declared out the stage did not write is an error. */
  const lockOuts = async (
    stage: Stage,
    require = false,
  ): Promise<{ locked: LockedPath[]; cached: CachedOut[] }> => {
    const locked: LockedPath[] = [];
    const cached: CachedOut[] = [];
    for (const out of stage.outs) {
      const digest = await digestPath(root, out.path, hashes);
      if (digest.kind === "missing") {
        if (require) throw new Error(`the stage succeeded but did not write its out '${out.path}'`);
        continue;
      }
      if (digest.kind === "file") {
        locked.push({ path: out.path, digest: digest.digest, kind: "file", size: digest.size });
        if (out.cache)
          cached.push({ path: out.path, kind: "file", digest: digest.digest, size: digest.size });
      } else {
        locked.push({
          path: out.path,
          digest: digest.digest,
          kind: "dir",
          size: digest.size,
          files: digest.files.length,
        });
        if (out.cache)
          cached.push({
            path: out.path,
            kind: "dir",
            digest: digest.digest,
            size: digest.size,
            files: digest.files,
          });
      }
    }
    return { locked, cached };
  };

  const execute = async (
    stage: Stage,
    reasons: string[],
  ): Promise<{ ok: boolean; attempts: number; detail: string; cancelled: boolean }> => {
    let attempt = 0;
    for (;;) {
      attempt++;
      for (const out of stage.outs) await rm(join(root, out.path), { recursive: true, force: true });
      reporter.stageStarted(stage.name, attempt, reasons);
      const outcome = await attemptOnce(stage);
      if (outcome.ok || outcome.cancelled || attempt > stage.retry.count)
        return { ...outcome, attempts: attempt };
      const delay = retryDelay(stage.retry, attempt, random);
      reporter.stageRetrying(stage.name, attempt + 1, delay, outcome.detail);
      await sleep(delay, cancel.signal);
      if (cancel.signal.aborted)
        return { ok: false, attempts: attempt, detail: "cancelled while waiting to retry", cancelled: true };
    }
  };

  const attemptOnce = async (stage: Stage): Promise<{ ok: boolean; detail: string; cancelled: boolean }> => {
    const timeoutText = stage.timeoutMs === undefined ? "" : formatDuration(stage.timeoutMs);
    if (stage.uses !== undefined) {
      builtins ??= await loadBuiltinStages();
      const builtin = lookupBuiltinStage(stage.uses, stage.position, builtins);
      const controller = new AbortController();
      const onCancel = () => controller.abort();
      cancel.signal.addEventListener("abort", onCancel, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        if (stage.timeoutMs !== undefined) timer = setTimeout(() => resolve("timeout"), stage.timeoutMs);
      });
      try {
        if (!store)
          throw new UsageError(`built-in stage '${stage.uses}' needs a store; set --store or KILN_STORE.`);
        const position = stage.fieldPositions.with ?? stage.position;
        const work = builtin.run({
          with: stage.with,
          stage: stage.name,
          file: position.file,
          ...(position.line === undefined ? {} : { line: position.line }),
          ...(position.column === undefined ? {} : { column: position.column }),
          cwd: root,
          logger: stageLogger(stage.name, reporter),
          store,
          signal: controller.signal,
        });
        const outcome = await Promise.race([work.then(() => "done" as const), timedOut]);
        if (outcome === "timeout") {
          controller.abort();
          return { ok: false, detail: `timed out after ${timeoutText}`, cancelled: false };
        }
        return { ok: true, detail: "", cancelled: false };
      } catch (error: unknown) {
        if (cancel.signal.aborted) return { ok: false, detail: "cancelled", cancelled: true };
        return { ok: false, detail: errorMessage(error), cancelled: false };
      } finally {
        if (timer) clearTimeout(timer);
        cancel.signal.removeEventListener("abort", onCancel);
      }
    }
    const result = await runCommand(stage.cmd ?? "true", {
      cwd: root,
      env: { ...(options.env ?? process.env), ...stage.env, KILN_STAGE: stage.name },
      timeoutMs: stage.timeoutMs,
      ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
      signal: cancel.signal,
      onLine: (line, stream) => reporter.output(stage.name, line, stream),
    });
    if (result.spawnError !== undefined)
      return { ok: false, detail: `could not start the command: ${result.spawnError}`, cancelled: false };
    if (result.timedOut)
      return {
        ok: false,
        detail: `timed out after ${timeoutText}; its process group was killed`,
        cancelled: false,
      };
    if (result.cancelled)
      return {
        ok: false,
        detail: failFastCause ? `cancelled by --fail-fast after '${failFastCause}' failed` : "interrupted",
        cancelled: true,
      };
    if (result.exitCode === 0) return { ok: true, detail: "", cancelled: false };
    return {
      ok: false,
      detail:
        result.exitCode === undefined
          ? `killed by ${result.signal}`
          : `command exited with code ${result.exitCode}`,
      cancelled: false,
    };
  };

  await new Promise<void>((resolveAll) => {
    let running = 0;
    let done = 0;
    const pump = () => {
      if (done === selected.length) {
        resolveAll();
        return;
      }
      while (running < jobs && ready.length > 0) {
        const stage = ready.shift() as Stage;
        running++;
        void process1(stage)
          .catch((error: unknown) => {
            finish({
              name: stage.name,
              status: StageStatus.failed,
              reasons: [errorMessage(error)],
              durationMs: 0,
              attempts: 0,
              key: undefined,
              metrics: {},
            });
          })
          .then(() => {
            running--;
            done++;
            for (const next of dag.downstream.get(stage.name) ?? []) {
              if (!selectedNames.has(next)) continue;
              const left = (waiting.get(next) ?? 0) - 1;
              waiting.set(next, left);
              if (left === 0) ready.push(byName.get(next) as Stage);
            }
            pump();
          });
      }
    };
    pump();
  });
  options.signal?.removeEventListener("abort", onInterrupt);

  await Promise.all(pendingSaves);
  for (const [name, message] of saveFailures) {
    const result = results.get(name);
    entries.delete(name);
    if (result) {
      results.set(name, {
        ...result,
        status: StageStatus.failed,
        reasons: [`it ran, but its outs could not be stored in the run cache (${runCache?.url}): ${message}`],
      });
    }
  }
  const ordered = selected.map((s) => results.get(s.name) as StageResult);
  let lockWritten = false;
  if (!options.dry) {
    // A run where every stage was up to date and kept its entry leaves kiln.lock as it was.
    const unchanged =
      lock.outdated !== true &&
      ordered.every(
        (r) => r.status === StageStatus.upToDate && entries.get(r.name) === lock.stages[r.name],
      ) &&
      Object.keys(lock.stages).every((name) => pipeline.stages.has(name));
    for (const result of ordered) {
      const entry = entries.get(result.name);
      if (entry) lock.stages[result.name] = entry;
      else if (result.status === StageStatus.failed || result.status === StageStatus.cancelled)
        delete lock.stages[result.name];
    }
    for (const name of Object.keys(lock.stages)) if (!pipeline.stages.has(name)) delete lock.stages[name];
    lockWritten = unchanged ? false : await writeLock(lockFile, lock, lockText);
    await hashes.save(stateFile);
  }
  await reporter.end(ordered);
  const interrupted = options.signal?.aborted === true;
  const failed = ordered.some(
    (r) =>
      r.status === StageStatus.failed ||
      r.status === StageStatus.cancelled ||
      r.status === StageStatus.skipped,
  );
  return {
    results: ordered,
    exitCode: interrupted ? ExitCode.interrupted : failed ? ExitCode.failure : ExitCode.ok,
    lockWritten,
  };
}

function readMetrics(root: string, stage: Stage): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const file of stage.metrics) {
    try {
      metrics[file] = JSON.parse(readFileSync(join(root, file), "utf8"));
    } catch {
      // A missing or unreadable metrics file is reported by the stage's outs check, not here.
    }
  }
  return metrics;
}

function stageLogger(stage: string, reporter: RunReporter): Logger {
  return {
    debug() {},
    info: (message) => reporter.output(stage, message, "stdout"),
    warn: (message) => reporter.output(stage, `warning: ${message}`, "stderr"),
    error: (message) => reporter.output(stage, `error: ${message}`, "stderr"),
    group: (_name, fn) => fn(),
  };
}

export { renderLock };
