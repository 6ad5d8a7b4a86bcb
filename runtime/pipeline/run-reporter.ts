import type { StageResult } from "./stage-result.js";

/**
 * Where `kiln run` reports progress. The CLI picks a live status on a TTY and timestamped lines
 * otherwise; the pipeline Action reports into log groups.
 */
export interface RunReporter {
  /** The stages this run will consider, in order. */
  begin(stages: readonly string[]): void;
  stageStarted(stage: string, attempt: number, reasons: readonly string[]): void;
  /** One line of a stage's output. */
  output(stage: string, line: string, stream: "stdout" | "stderr"): void;
  stageRetrying(stage: string, attempt: number, delayMs: number, why: string): void;
  stageFinished(result: StageResult, detail?: string): void;
  end(results: readonly StageResult[]): Promise<void> | void;
}

export const silentReporter: RunReporter = {
  begin() {},
  stageStarted() {},
  output() {},
  stageRetrying() {},
  stageFinished() {},
  end() {},
};
