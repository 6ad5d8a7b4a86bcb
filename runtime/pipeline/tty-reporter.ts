import { formatDuration } from "./duration.js";
import { describeResult, summarize } from "./plain-reporter.js";
import type { RunReporter } from "./run-reporter.js";

/**
 * A live status for terminals: finished stages and output scroll above a footer that shows each
 * running stage and how long it has run, redrawn in place.
 */
export function ttyReporter(
  stream: NodeJS.WriteStream,
  now: () => number = () => performance.now(),
): RunReporter {
  const running = new Map<string, number>();
  let footerLines = 0;
  let timer: NodeJS.Timeout | undefined;
  let total = 0;
  let finished = 0;
  const clearFooter = () => {
    if (footerLines > 0) stream.write(`\x1b[${footerLines}A\x1b[0J`);
    footerLines = 0;
  };
  const drawFooter = () => {
    const lines = [...running].map(
      ([stage, since]) => `  \x1b[36m⠿\x1b[0m ${stage} ${formatDuration(now() - since)}`,
    );
    lines.push(`  ${finished}/${total} stages done`);
    stream.write(`${lines.join("\n")}\n`);
    footerLines = lines.length;
  };
  const print = (text: string) => {
    clearFooter();
    stream.write(text);
    drawFooter();
  };
  return {
    begin(stages) {
      total = stages.length;
      timer = setInterval(() => print(""), 250);
      timer.unref();
    },
    stageStarted(stage, attempt) {
      running.set(stage, now());
      print(attempt > 1 ? `${stage}: attempt ${attempt}\n` : "");
    },
    output(stage, line) {
      print(`\x1b[2m${stage} │\x1b[0m ${line}\n`);
    },
    stageRetrying(stage, attempt, delayMs, why) {
      running.delete(stage);
      print(
        `\x1b[33m↻\x1b[0m ${stage}: ${why}; retrying in ${formatDuration(delayMs)} (attempt ${attempt})\n`,
      );
    },
    stageFinished(result, detail) {
      running.delete(result.name);
      finished++;
      const mark =
        {
          ran: "\x1b[32m✓\x1b[0m",
          "up-to-date": "\x1b[2m=\x1b[0m",
          restored: "\x1b[34m↓\x1b[0m",
          failed: "\x1b[31m✗\x1b[0m",
        }[result.status as "ran"] ?? "·";
      print(`${mark} ${describeResult(result)}${detail ? ` ${detail}` : ""}\n`);
    },
    end(results) {
      if (timer) clearInterval(timer);
      clearFooter();
      stream.write(`${summarize(results)}\n`);
    },
  };
}
