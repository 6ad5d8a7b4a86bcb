import type { Logger } from "../logger.js";
import { describeResult, summarize } from "./plain-reporter.js";
import type { RunReporter } from "./run-reporter.js";
import { StageStatus } from "./stage-result.js";

/**
 * For CI logs with collapsible groups (GitHub Actions): each stage's output is held until the stage
 * finishes and then written as one group named by its result, so parallel stages do not interleave.
 */
export function groupedReporter(logger: Logger): RunReporter {
  const buffers = new Map<string, string[]>();
  let chain: Promise<unknown> = Promise.resolve();
  return {
    begin(stages) {
      logger.info(`${stages.length} stage${stages.length === 1 ? "" : "s"} to consider`);
    },
    stageStarted(stage, attempt, reasons) {
      const lines = buffers.get(stage) ?? [];
      lines.push(`attempt ${attempt}${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`);
      buffers.set(stage, lines);
    },
    output(stage, line) {
      const lines = buffers.get(stage) ?? [];
      lines.push(line);
      buffers.set(stage, lines);
    },
    stageRetrying(stage, attempt, delayMs, why) {
      buffers.get(stage)?.push(`${why}; retrying in ${Math.round(delayMs)}ms (attempt ${attempt})`);
    },
    stageFinished(result, detail) {
      const lines = buffers.get(result.name) ?? [];
      buffers.delete(result.name);
      const title = `${describeResult(result)}${detail ? ` ${detail}` : ""}`;
      chain = chain.then(() =>
        logger.group(title, async () => {
          for (const line of lines) logger.info(line);
          if (result.status === StageStatus.failed)
            logger.error(`stage '${result.name}' failed: ${result.reasons.join("; ")}`);
        }),
      );
    },
    async end(results) {
      await chain;
      logger.info(summarize(results));
    },
  };
}
