/**
 * A self-contained HTML drift report: inline CSS and inline SVG only (no scripts, fonts or links to
 * fetch), readable offline and as a workflow artifact. Summary and verdict, the per-column table,
 * a chart of drift strength against each threshold, a chart of missing shares, and per column the
 * reference and current distributions (histograms or category bars) with its quality findings.
 * All text from data (column names, categories, file names) is escaped. Pure.
 */
import type { ColumnDrift, DriftReport } from "./drift-report.js";
import { escapeHtml } from "./escape-html.js";
import { formatPercent, formatPValue, formatScore } from "./format-number.js";
import { groupedBarChart, horizontalBarChart } from "./svg-charts.js";

const REFERENCE_COLOR = "#6b7a8f";
const CURRENT_COLOR = "#e07b39";
const DRIFT_COLOR = "#c0392b";
const OK_COLOR = "#2e8b57";
/** Drift strength is drawn up to this many times the threshold. */
const STRENGTH_CAP = 4;

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:1rem;color:#fff;font-weight:600;font-size:.9rem}
.drift{background:${DRIFT_COLOR}}.ok{background:${OK_COLOR}}.muted{color:#57606a;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}tr.drifted td:first-child{border-left:4px solid ${DRIFT_COLOR}}
td.num{text-align:right;font-variant-numeric:tabular-nums}
ul.quality{margin:.25rem 0 0 1.2rem;padding:0}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
svg .axis{stroke:#57606a;stroke-width:1}svg .marker{stroke:${DRIFT_COLOR};stroke-width:1.5;stroke-dasharray:4 3}
svg text{font-family:inherit;fill:#1f2328}svg .tick{font-size:10px;fill:#57606a}svg .label{font-size:11px}svg .legend{font-size:11px}
section.column{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
@media print{section.column{break-inside:avoid}}
`;

/** Score relative to the threshold: 1 at the threshold, above 1 = drift, for both kinds of test. */
export function driftStrength(c: ColumnDrift): number {
  if (c.status !== "tested" || !Number.isFinite(c.score)) return Number.NaN;
  if (c.testKind === "distance") return c.score / c.threshold;
  if (c.score <= 0) return Number.POSITIVE_INFINITY;
  return Math.log(c.score) / Math.log(c.threshold);
}

function scoreText(c: ColumnDrift): string {
  if (c.status !== "tested")
    return c.status === "empty_current" ? "no current values" : "no reference values";
  return c.testKind === "p_value" ? `p = ${formatPValue(c.score)}` : formatScore(c.score);
}

function summaryRow(c: ColumnDrift): string {
  const cls = c.drift ? ` class="drifted"` : "";
  const threshold =
    c.testKind === "p_value" ? `${c.test === "ks" ? "p ≤" : "p &lt;"} ${c.threshold}` : `≥ ${c.threshold}`;
  const adjusted = c.adjustedPValue === undefined ? "–" : formatPValue(c.adjustedPValue);
  return `<tr${cls}><td><a href="#col-${encodeURIComponent(c.column)}">${escapeHtml(c.column)}</a>${c.role === "output" ? ' <span class="muted">(output)</span>' : ""}</td><td>${c.type}</td><td>${escapeHtml(c.testLabel)}</td><td class="num">${escapeHtml(scoreText(c))}</td><td>${threshold}</td><td>${c.status !== "tested" ? "not tested" : c.drift ? "<strong>drift</strong>" : "no drift"}</td><td class="num">${escapeHtml(`${formatScore(c.effectSize)} ${c.effectSizeName}`)}</td><td class="num">${adjusted}</td><td class="num">${c.nReference} / ${c.nCurrent}</td><td class="num">${escapeHtml(`${formatScore(c.minDetectableShift.value)} ${c.minDetectableShift.measure}`)}</td></tr>`;
}

function columnSection(c: ColumnDrift): string {
  const d = c.distribution;
  let chart: string;
  if (d.kind === "histogram") {
    const labels = d.edges.slice(0, -1).map((e) => formatScore(e));
    chart = groupedBarChart({
      title: `${c.column}: distribution, reference vs current`,
      labels,
      series: [
        { name: "reference", values: d.reference, color: REFERENCE_COLOR },
        { name: "current", values: d.current, color: CURRENT_COLOR },
      ],
    });
  } else {
    chart = groupedBarChart({
      title: `${c.column}: category shares, reference vs current`,
      labels: d.labels,
      series: [
        { name: "reference", values: d.reference, color: REFERENCE_COLOR },
        { name: "current", values: d.current, color: CURRENT_COLOR },
      ],
    });
  }
  const q = c.quality;
  const findings: string[] = [
    `missing: ${formatPercent(q.referenceMissingShare)} in reference, ${formatPercent(q.currentMissingShare)} in current${q.missingShareRose ? " — <strong>rose by more than 10%</strong>" : ""}`,
  ];
  if (q.referenceRange) {
    findings.push(
      `reference range ${escapeHtml(formatScore(q.referenceRange[0]))} … ${escapeHtml(formatScore(q.referenceRange[1]))}; ${q.outOfRangeCount} current values (${formatPercent(q.outOfRangeShare)}) outside it`,
    );
  }
  if (q.unseenCategoryCount > 0) {
    findings.push(
      `${q.unseenCategoryCount} categories never seen in the reference (${formatPercent(q.unseenShare)} of current values): ${escapeHtml(q.unseenCategories.join(", "))}`,
    );
  }
  if (q.constantInReference) findings.push("constant in the reference");
  if (q.constantInCurrent) findings.push("constant in the current data");
  return `<section class="column" id="col-${escapeHtml(encodeURIComponent(c.column))}"><h3>${escapeHtml(c.column)} <span class="badge ${c.drift ? "drift" : "ok"}">${c.status !== "tested" ? "not tested" : c.drift ? "drift" : "no drift"}</span></h3>
<p class="muted">${escapeHtml(c.testLabel)}: ${escapeHtml(scoreText(c))} (threshold ${c.threshold}); ${escapeHtml(c.effectSizeName)} ${escapeHtml(formatScore(c.effectSize))}; ${c.distinctValues} distinct values; test chosen: ${escapeHtml(c.selection)}.</p>
${chart}
<ul class="quality">${findings.map((f) => `<li>${f}</li>`).join("")}</ul></section>`;
}

export function renderDriftHtml(report: DriftReport): string {
  const verdict = report.datasetDrift
    ? `<span class="badge drift">dataset drift detected</span>`
    : `<span class="badge ok">no dataset drift</span>`;
  const rule =
    report.decidedBy === "share"
      ? "the share of drifted columns (Evidently's rule)"
      : `Benjamini–Hochberg at FDR ${formatPercent(report.fdr.level)}`;
  const strengthBars = report.columns.map((c) => {
    const s = driftStrength(c);
    return {
      label: c.column,
      value: Number.isFinite(s)
        ? Math.min(s, STRENGTH_CAP)
        : s === Number.POSITIVE_INFINITY
          ? STRENGTH_CAP
          : 0,
      text: scoreText(c),
      color: c.drift ? DRIFT_COLOR : OK_COLOR,
    };
  });
  const missingBars = report.columns.flatMap((c) => [
    {
      label: `${c.column} (reference)`,
      value: c.quality.referenceMissingShare,
      text: formatPercent(c.quality.referenceMissingShare),
      color: REFERENCE_COLOR,
    },
    {
      label: `${c.column} (current)`,
      value: c.quality.currentMissingShare,
      text: formatPercent(c.quality.currentMissingShare),
      color: CURRENT_COLOR,
    },
  ]);
  const anyMissing = report.columns.some(
    (c) => c.quality.referenceMissingShare > 0 || c.quality.currentMissingShare > 0,
  );
  const missingChart = anyMissing
    ? horizontalBarChart({
        title: "Missing share by column",
        bars: missingBars,
        max: Math.max(
          0.01,
          ...report.columns.flatMap((c) => [c.quality.referenceMissingShare, c.quality.currentMissingShare]),
        ),
      })
    : "<p>No missing values in any compared column, in either dataset.</p>";
  const failures =
    report.quality.failures.length === 0
      ? "<p>No data-quality check failed.</p>"
      : `<ul>${report.quality.failures.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>`;
  const prediction =
    report.predictionDrift.columns.length === 0
      ? ""
      : `<p>Prediction drift (${escapeHtml(report.predictionDrift.columns.join(", "))}): <strong>${report.predictionDrift.drift ? "detected" : "not detected"}</strong>.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiln drift report: ${escapeHtml(report.current.source)} vs ${escapeHtml(report.reference.source)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Drift report</h1>
<p class="muted">Reference: ${escapeHtml(report.reference.source)} (${report.reference.rows} rows) · Current: ${escapeHtml(report.current.source)} (${report.current.rows} rows)</p>
<p>${verdict} ${report.share.drifted} of ${report.share.tested} columns drifted (${formatPercent(report.share.driftShare)}); the dataset drifts when at least ${formatPercent(report.driftShareThreshold)} do. Decided by ${rule}. With Benjamini–Hochberg (FDR ${formatPercent(report.fdr.level)}): ${report.fdr.drifted} of ${report.fdr.tested} (${formatPercent(report.fdr.driftShare)}) → ${report.fdr.datasetDrift ? "drift" : "no drift"}.</p>
${prediction}
<h2>Columns</h2>
<table><thead><tr><th>column</th><th>type</th><th>test</th><th>score</th><th>threshold</th><th>verdict</th><th>effect size</th><th>BH-adjusted p</th><th>n reference / current</th><th>smallest detectable shift</th></tr></thead>
<tbody>${report.columns.map(summaryRow).join("\n")}</tbody></table>
<h2>Drift scores</h2>
<p class="muted">Each score relative to its threshold (1 = threshold; p-values as log p / log threshold; drawn up to ${STRENGTH_CAP}×).</p>
${horizontalBarChart({ title: "Drift strength by column", bars: strengthBars, max: STRENGTH_CAP, marker: { value: 1, label: "threshold" } })}
<h2>Missing values</h2>
${missingChart}
<h2>Data quality</h2>
${failures}
<h2>Distributions</h2>
${report.columns.map(columnSection).join("\n")}
<p class="muted">Made by Kiln. Tests and thresholds follow Evidently's defaults unless overridden.</p>
</body>
</html>
`;
}
