import { describe, expect, it } from "vitest";
import { plainReporter } from "../../runtime/pipeline/plain-reporter.js";
import type { StageResult } from "../../runtime/pipeline/stage-result.js";
import { ttyReporter } from "../../runtime/pipeline/tty-reporter.js";

const esc = String.fromCharCode(27);

const ran: StageResult = {
  name: "train",
  status: "ran",
  reasons: ["never ran"],
  durationMs: 2300,
  attempts: 2,
  key: undefined,
  metrics: {},
};

describe("progress without a terminal", () => {
  it("writes one UTC-timestamped line per event and prefixes stage output with the stage name", () => {
    const lines: string[] = [];
    const reporter = plainReporter(
      (text) => lines.push(text),
      () => new Date("2026-03-01T12:34:56Z"),
    );
    reporter.begin(["train"]);
    reporter.stageStarted("train", 1, ["never ran"]);
    reporter.output("train", "epoch 1", "stdout");
    reporter.stageRetrying("train", 2, 1500, "command exited with code 1");
    reporter.stageFinished(ran);
    reporter.end([ran]);
    expect(lines.join("")).toBe(
      [
        "12:34:56 1 stage to consider",
        "12:34:56 train: running (never ran)",
        "[train] epoch 1",
        "12:34:56 train: command exited with code 1; retrying in 1.5s (attempt 2)",
        "12:34:56 train: ran in 2.3s (2 attempts)",
        "12:34:56 1 ran",
        "",
      ].join("\n"),
    );
  });
});

describe("live progress on a terminal", () => {
  it("keeps a footer of running stages, redrawn in place, and ends with the summary", () => {
    let screen = "";
    const write = (text: string) => {
      screen += text;
      return true;
    };
    const stream = { write } as unknown as NodeJS.WriteStream;
    let now = 0;
    const reporter = ttyReporter(stream, () => now);
    reporter.begin(["train"]);
    reporter.stageStarted("train", 1, []);
    now = 1200;
    reporter.output("train", "epoch 1", "stdout");
    expect(screen).toContain("train 1.2s");
    expect(screen).toContain("0/1 stages done");
    reporter.stageFinished(ran);
    reporter.end([ran]);
    // Cursor-up + clear-to-end erase the footer before each redraw.
    expect(screen).toMatch(new RegExp(`${esc}\\[\\d+A${esc}\\[0J`));
    expect(screen).toContain("epoch 1");
    expect(screen.endsWith("1 ran\n")).toBe(true);
  });
});
