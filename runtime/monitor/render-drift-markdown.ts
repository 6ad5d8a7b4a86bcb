/**
 * The markdown summary of a drift report, for issues and job summaries: the verdict and which rule
 * decided it, a table per column (test, score, threshold, verdict, effect size, sizes, smallest
 * detectable shift), data-quality findings, and — given the history of recent windows — a mermaid
 * xychart of the drifted share and of each drifting column's score. Stays under GitHub's 65,536
 * character limit: past `maxLength` the table keeps drifted columns first and says what it left out.
 */
import type { ColumnDrift, DriftReport } from "./drift-report.js";
import { formatPercent, formatPValue, formatScore } from "./format-number.js";

/** One past window, oldest first, for the trend chart. */
export interface DriftHistoryEntry {
  /** Short label for the x axis, e.g. "06-01" or "#41". */
  label: string;
  driftShare: number;
  /** Score per column (the same test's score over time). */
  scores?: Readonly<Record<string, number>>;
}

export interface MarkdownOptions {
  /** Longest body to produce (default 60,000 characters, under GitHub's 65,536). */
  maxLength?: number;
}

/** Escapes text for a markdown table cell (pipes, HTML, backticks, newlines). */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .replace(/[\r\n]+/g, " ");
}

function mermaidText(text: string): string {
  return text.replace(/["\r\n]/g, "'");
}

function scoreCell(c: ColumnDrift): string {
  if (c.status !== "tested")
    return c.status === "empty_current" ? "no current values" : "no reference values";
  return c.testKind === "p_value" ? `p = ${formatPValue(c.score)}` : formatScore(c.score);
}

function thresholdCell(c: ColumnDrift): string {
  if (c.testKind === "p_value") return `${c.test === "ks" ? "p ≤" : "p <"} ${c.threshold}`;
  return `≥ ${c.threshold}`;
}

function verdictCell(c: ColumnDrift): string {
  if (c.status !== "tested") return "not tested";
  return c.drift ? "**drift**" : "no drift";
}

function row(c: ColumnDrift): string {
  const name = `${escapeMarkdownCell(c.column)}${c.role === "output" ? " (output)" : ""}`;
  const effect =
    c.status === "tested" ? `${formatScore(c.effectSize)} ${escapeMarkdownCell(c.effectSizeName)}` : "–";
  const detectable =
    c.status === "tested"
      ? `${formatScore(c.minDetectableShift.value)} ${escapeMarkdownCell(c.minDetectableShift.measure)}`
      : "–";
  return `| ${[
    name,
    c.type,
    escapeMarkdownCell(c.testLabel),
    scoreCell(c),
    thresholdCell(c),
    verdictCell(c),
    effect,
    `${c.nReference} / ${c.nCurrent}`,
    detectable,
  ].join(" | ")} |`;
}

function trendChart(history: readonly DriftHistoryEntry[], report: DriftReport): string[] {
  const labels = history.map((h) => `"${mermaidText(h.label)}"`).join(", ");
  const lines = [
    "```mermaid",
    "xychart-beta",
    '  title "Drifted share of columns over recent windows"',
    `  x-axis [${labels}]`,
    '  y-axis "drifted share" 0 --> 1',
    `  line [${history.map((h) => Number(h.driftShare.toFixed(4))).join(", ")}]`,
    "```",
  ];
  const drifting = report.columns.filter(
    (c) => c.drift && history.some((h) => h.scores?.[c.column] !== undefined),
  );
  for (const c of drifting.slice(0, 5)) {
    const values = history.map((h) => h.scores?.[c.column] ?? Number.NaN);
    const finite = values.filter(Number.isFinite);
    if (finite.length === 0) continue;
    const max = Math.max(...finite, c.testKind === "distance" ? c.threshold : 0);
    lines.push(
      "```mermaid",
      "xychart-beta",
      `  title "${mermaidText(c.column)}: ${mermaidText(c.testLabel)} over recent windows"`,
      `  x-axis [${labels}]`,
      `  y-axis "${c.testKind === "p_value" ? "p-value" : "score"}" 0 --> ${Number((max * 1.1 || 1).toPrecision(3))}`,
      `  line [${values.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : 0)).join(", ")}]`,
      "```",
    );
  }
  return lines;
}

export function renderDriftMarkdown(
  report: DriftReport,
  history?: readonly DriftHistoryEntry[],
  options: MarkdownOptions = {},
): string {
  const maxLength = options.maxLength ?? 60_000;
  const head: string[] = [];
  head.push(`### Data drift: ${report.datasetDrift ? "detected" : "not detected"}`);
  head.push("");
  const rule =
    report.decidedBy === "share"
      ? "the share of drifted columns (Evidently's rule)"
      : `Benjamini–Hochberg at a false discovery rate of ${formatPercent(report.fdr.level)}`;
  head.push(
    `**${report.share.drifted} of ${report.share.tested} columns drifted (${formatPercent(report.share.driftShare)})**; ` +
      `the dataset drifts when at least ${formatPercent(report.driftShareThreshold)} do. Decided by ${rule}.`,
  );
  head.push(
    `With Benjamini–Hochberg (FDR ${formatPercent(report.fdr.level)}): ${report.fdr.drifted} of ${report.fdr.tested} columns (${formatPercent(report.fdr.driftShare)}) → ${report.fdr.datasetDrift ? "drift" : "no drift"}.`,
  );
  if (report.predictionDrift.columns.length > 0) {
    head.push(
      `Prediction drift (${report.predictionDrift.columns.map(escapeMarkdownCell).join(", ")}): ${report.predictionDrift.drift ? "**detected**" : "not detected"}.`,
    );
  }
  head.push("");
  head.push(
    `Reference: ${escapeMarkdownCell(report.reference.source)} (${report.reference.rows} rows) · Current: ${escapeMarkdownCell(report.current.source)} (${report.current.rows} rows)`,
  );
  head.push("");
  const tableHead = [
    "| column | type | test | score | threshold | verdict | effect size | n reference / current | smallest detectable shift |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const failureLines = report.quality.failures.map((f) => `- ${escapeMarkdownCell(f)}`);
  const qualityHead = ["", "#### Data quality", ""];
  const chart = history !== undefined && history.length > 0 ? ["", ...trendChart(history, report)] : [];
  const full = [
    ...head,
    ...tableHead,
    ...report.columns.map(row),
    ...(failureLines.length > 0 ? [...qualityHead, ...failureLines] : []),
    ...chart,
  ].join("\n");
  if (full.length <= maxLength) return `${full}\n`;

  // Too long: the table keeps drifted columns first, then as many others as fit; then as many
  // quality findings as fit; the chart only if it still fits. Each cut is said.
  const reserve = 400;
  let used = [...head, ...tableHead].join("\n").length + reserve;
  const ordered = [...report.columns].sort((a, b) => Number(b.drift) - Number(a.drift));
  const kept: string[] = [];
  for (const c of ordered) {
    const r = row(c);
    if (used + r.length + 1 > maxLength * 0.8) break;
    kept.push(r);
    used += r.length + 1;
  }
  const out = [...head, ...tableHead, ...kept];
  const leftColumns = report.columns.length - kept.length;
  if (leftColumns > 0) {
    out.push(
      "",
      `_${leftColumns} more column${leftColumns === 1 ? "" : "s"} not shown to stay within GitHub's size limit; see the HTML or JSON report._`,
    );
  }
  if (failureLines.length > 0) {
    out.push(...qualityHead);
    used = out.join("\n").length + reserve;
    let shown = 0;
    for (const line of failureLines) {
      if (used + line.length + 1 > maxLength) break;
      out.push(line);
      used += line.length + 1;
      shown++;
    }
    if (shown < failureLines.length) out.push(`- _${failureLines.length - shown} more findings not shown._`);
  }
  const chartText = chart.join("\n");
  if (chart.length > 0 && out.join("\n").length + chartText.length + 1 <= maxLength) out.push(...chart);
  return `${out.join("\n").slice(0, maxLength)}\n`;
}
