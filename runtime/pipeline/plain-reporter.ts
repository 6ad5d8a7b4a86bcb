import { formatDuration } from "./duration.js";
import type { RunReporter } from "./run-reporter.js";
import { type StageResult, StageStatus } from "./stage-result.js";

/** One line per event, with a UTC time, for logs and pipes; stage output prefixed `[stage]`. */
export function plainReporter(
  write: (text: string) => void,
  clock: () => Date = () => new Date(),
): RunReporter {
  const time = () => clock().toISOString().slice(11, 19);
  return {
    begin(stages) {
      write(`${time()} ${stages.length} stage${stages.length === 1 ? "" : "s"} to consider\n`);
    },
    stageStarted(stage, attempt, reasons) {
      const why = reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
      write(`${time()} ${stage}: running${attempt > 1 ? `, attempt ${attempt}` : ""}${why}\n`);
    },
    output(stage, line) {
      write(`[${stage}] ${line}\n`);
    },
    stageRetrying(stage, attempt, delayMs, why) {
      write(`${time()} ${stage}: ${why}; retrying in ${formatDuration(delayMs)} (attempt ${attempt})\n`);
    },
    stageFinished(result, detail) {
      write(`${time()} ${describeResult(result)}${detail ? ` ${detail}` : ""}\n`);
    },
    end(results) {
      write(`${time()} ${summarize(results)}\n`);
    },
  };
}

/** `train: ran in 1.2s` / `train: failed (command exited with code 1)` */
export function describeResult(result: StageResult): string {
  const took = formatDuration(result.durationMs);
  switch (result.status) {
    case StageStatus.ran:
      return `${result.name}: ran in ${took}${result.attempts > 1 ? ` (${result.attempts} attempts)` : ""}`;
    case StageStatus.upToDate:
      return `${result.name}: up to date`;
    case StageStatus.restored:
      return `${result.name}: restored from the run cache in ${took}`;
    case StageStatus.wouldRun:
      return `${result.name}: would run (${result.reasons.join("; ")})`;
    case StageStatus.wouldRestore:
      return `${result.name}: would be restored from the run cache (${result.reasons.join("; ")})`;
    default:
      return `${result.name}: ${result.status} (${result.reasons.join("; ")})`;
  }
}

/** `3 ran, 2 cached, 1 failed, 1 skipped` */
export function summarize(results: readonly StageResult[]): string {
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  const parts = [
    [count(StageStatus.ran), "ran"],
    [count(StageStatus.upToDate), "up to date"],
    [count(StageStatus.restored), "restored"],
    [count(StageStatus.wouldRun), "would run"],
    [count(StageStatus.wouldRestore), "would be restored"],
    [count(StageStatus.failed), "failed"],
    [count(StageStatus.skipped), "skipped"],
    [count(StageStatus.cancelled), "cancelled"],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return text.length > 0 ? text.join(", ") : "nothing to do";
}
