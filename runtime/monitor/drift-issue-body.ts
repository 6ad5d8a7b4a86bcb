/**
 * The text of drift issues: the body (hidden markers, a summary of the latest drifting window, the
 * link to the HTML report, the markdown report with the trend of recent windows), the comment a
 * later drifting window adds, the closing comment, and the duplicate notice. Pure; everything stays
 * under GitHub's 65,536-character limit.
 */
import { fitToLimit } from "../promotion/gate-report.js";
import {
  type DriftIssueKey,
  type DriftIssueState,
  driftIssueMarker,
  renderDriftIssueState,
} from "./drift-issue-marker.js";
import { formatPercent, formatScore } from "./format-number.js";
import type { MonitorResult } from "./monitor-model.js";
import type { PerformanceResult } from "./performance-with-labels.js";
import { escapeMarkdownCell, renderDriftMarkdown } from "./render-drift-markdown.js";

export const Severity = { high: "high", medium: "medium", low: "low" } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** Severity from the share of drifted columns: high from 75%, medium from 50%, low below. */
export function driftSeverity(driftShare: number): Severity {
  if (driftShare >= 0.75) return Severity.high;
  if (driftShare >= 0.5) return Severity.medium;
  return Severity.low;
}

export const severityLabelPrefix = "severity:";

/** The labels of the issue: `drift`, `model:<name>`, `severity:<level>`. */
export function driftIssueLabels(model: string, severity: Severity): string[] {
  return ["drift", `model:${model}`, `${severityLabelPrefix}${severity}`];
}

export function driftIssueTitle(key: DriftIssueKey): string {
  return `Drift: ${key.model} in ${key.environment}`;
}

export interface DriftIssueContent {
  key: DriftIssueKey;
  /** A drifting run's result (with its report). */
  result: MonitorResult;
  /** The HTML report (the workflow run's artifact), when there is one. */
  reportUrl?: string;
  /** The workflow run that made this window. */
  runUrl?: string;
  closeAfter: number;
}

function windowText(result: MonitorResult): string {
  return `${result.window.since} → ${result.window.until}`;
}

function historyLabel(until: string): string {
  return until.slice(5, 16).replace("T", " ");
}

function performanceTable(performance: PerformanceResult): string[] {
  const lines = [
    `#### Performance on ${performance.labelled} labelled rows (${escapeMarkdownCell(performance.labelsSource)})`,
    "",
    "| metric | this window | registered | change |",
    "|---|---|---|---|",
  ];
  for (const c of performance.comparisons) {
    const change = c.registered === undefined ? "–" : formatScore(c.current - c.registered);
    lines.push(
      `| ${c.metric} | ${formatScore(c.current)} | ${c.registered === undefined ? "–" : formatScore(c.registered)} | ${change} |`,
    );
  }
  return [...lines, ""];
}

function summaryLines(content: DriftIssueContent): string[] {
  const { result } = content;
  const report = result.report;
  const share = report?.driftShare ?? 0;
  const lines = [
    "| | |",
    "|---|---|",
    `| model | \`${result.model}@${result.version}\` |`,
    `| environment | ${escapeMarkdownCell(content.key.environment)} |`,
    `| window | ${windowText(result)} (${result.window.rows} rows) |`,
    `| drifted columns | ${report?.share.drifted ?? 0} of ${report?.share.tested ?? 0} (${formatPercent(share)}) |`,
    `| severity | ${driftSeverity(share)} |`,
  ];
  if (report !== undefined && report.predictionDrift.columns.length > 0) {
    lines.push(`| prediction drift | ${report.predictionDrift.drift ? "**yes**" : "no"} |`);
  }
  if (content.reportUrl !== undefined) lines.push(`| HTML report | [open](${content.reportUrl}) |`);
  if (content.runUrl !== undefined) lines.push(`| workflow run | [open](${content.runUrl}) |`);
  lines.push("");
  if (result.performance !== undefined) lines.push(...performanceTable(result.performance));
  return lines;
}

/** The issue body for the latest drifting window. */
export function renderDriftIssueBody(content: DriftIssueContent, state: DriftIssueState): string {
  const head = [
    driftIssueMarker(content.key),
    renderDriftIssueState(state),
    `## ${escapeMarkdownCell(content.result.model)} drifted in ${escapeMarkdownCell(content.key.environment)}`,
    "",
    `Latest drifting window: ${content.result.summary}`,
    "",
    ...summaryLines(content),
  ].join("\n");
  const foot = [
    "",
    "---",
    `Kiln updates this issue on every drifting run and closes it after ${content.closeAfter} healthy run${content.closeAfter === 1 ? "" : "s"} in a row.`,
    "Comment `/kiln retrain` to run the pipeline again, or `/kiln snooze 7d` to silence it for a while (write access needed).",
  ].join("\n");
  const history = state.history.map((h) => ({ label: historyLabel(h.until), driftShare: h.driftShare }));
  const report =
    content.result.report === undefined
      ? ""
      : renderDriftMarkdown(content.result.report, history.length > 1 ? history : undefined, {
          maxLength: Math.max(1000, 60_000 - head.length - foot.length),
        });
  return fitToLimit(`${head}\n${report}\n${foot}`);
}

/** The comment a later drifting window adds to the open issue. */
export function renderDriftComment(content: DriftIssueContent): string {
  const head = [
    `### Still drifting: window ${windowText(content.result)}`,
    "",
    content.result.summary,
    "",
    ...summaryLines(content),
  ].join("\n");
  const report =
    content.result.report === undefined
      ? ""
      : renderDriftMarkdown(content.result.report, undefined, {
          maxLength: Math.max(1000, 60_000 - head.length),
        });
  return fitToLimit(`${head}\n${report}`);
}

export function renderHealthyCloseComment(result: MonitorResult, healthyRuns: number): string {
  return [
    `${result.model} has been healthy for ${healthyRuns} monitoring run${healthyRuns === 1 ? "" : "s"} in a row (latest window ${windowText(result)}, ${result.window.rows} rows: ${result.summary}).`,
    "",
    "Closing. Kiln opens a new issue if it drifts again.",
  ].join("\n");
}

export function renderDuplicateComment(kept: { number: number; url: string }): string {
  return `Duplicate of #${kept.number}: two monitoring runs overlapped and both opened an issue. Kiln keeps the older one (${kept.url}); further updates go there.`;
}
