/**
 * The markdown of one monitoring run, for `kiln monitor --markdown` and the action's job summary:
 * the status in a sentence, the window, performance when labels were given, then the drift
 * report. An insufficient window says so and shows no verdict. Pure.
 */
import { fitToLimit } from "../promotion/gate-report.js";
import { formatScore } from "./format-number.js";
import type { MonitorResult } from "./monitor-model.js";
import { escapeMarkdownCell, renderDriftMarkdown } from "./render-drift-markdown.js";

const headline = {
  healthy: "✅ healthy",
  drift: "⚠️ drift",
  insufficient: "⏸️ not enough data",
} as const;

export function renderMonitorMarkdown(result: MonitorResult): string {
  const lines = [
    `## kiln monitor: ${escapeMarkdownCell(result.model)}@${result.version} — ${headline[result.status]}`,
    "",
    result.summary,
    "",
    `Window ${result.window.since} → ${result.window.until}: ${result.window.rows} rows from ${result.window.objects} log object${result.window.objects === 1 ? "" : "s"} (at least ${result.minRows} needed).`,
    "",
  ];
  if (result.performance !== undefined) {
    lines.push(
      `### Performance on ${result.performance.labelled} labelled rows`,
      "",
      "| metric | this window | registered |",
      "|---|---|---|",
      ...result.performance.comparisons.map(
        (c) =>
          `| ${c.metric} | ${formatScore(c.current)} | ${c.registered === undefined ? "–" : formatScore(c.registered)} |`,
      ),
      "",
    );
  }
  const head = lines.join("\n");
  const report =
    result.report === undefined
      ? ""
      : renderDriftMarkdown(result.report, undefined, { maxLength: Math.max(1000, 60_000 - head.length) });
  return fitToLimit(`${head}\n${report}`);
}
