import { formatDuration } from "./duration.js";
import { flattenMetrics } from "./flatten-metrics.js";
import { isCacheHit, type StageResult, StageStatus } from "./stage-result.js";

/** Metrics files' content by file, e.g. `{"metrics.json": {"rmse": 0.3}}`. */
export type MetricsByFile = Record<string, unknown>;

export interface RunSummaryInput {
  results: readonly StageResult[];
  metrics: MetricsByFile;
  /** The metrics of the last run on the default branch, when known. */
  previous: MetricsByFile | undefined;
  /** The branch `previous` comes from, for the column title. */
  baseBranch: string;
}

const statusMark: Record<StageResult["status"], string> = {
  ran: "✅ ran",
  "up-to-date": "💤 up to date",
  restored: "♻️ restored",
  failed: "❌ failed",
  skipped: "⏭️ skipped",
  cancelled: "🚫 cancelled",
  "would-run": "would run",
  "would-restore": "would restore",
};

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? value.toFixed(2) : Number(value.toPrecision(6)).toString();
}

function change(current: unknown, previous: unknown): string {
  if (previous === undefined) return "new";
  if (typeof current !== "number" || typeof previous !== "number")
    return current === previous ? "=" : `was ${String(previous)}`;
  const delta = current - previous;
  if (delta === 0) return "=";
  const sign = delta > 0 ? "+" : "−";
  const relative = previous === 0 ? "" : ` (${sign}${formatNumber(Math.abs((delta / previous) * 100))}%)`;
  return `${sign}${formatNumber(Math.abs(delta))}${relative}`;
}

/**
 * The job summary of a pipeline run (GitHub-flavoured markdown): a table of stages with status,
 * duration and cache hit, and a table of metrics with the change against the default branch.
 */
export function renderRunSummary(input: RunSummaryInput): string {
  const lines = ["## kiln pipeline", ""];
  const counts = (status: string) => input.results.filter((r) => r.status === status).length;
  lines.push(
    `${counts(StageStatus.ran)} ran · ${input.results.filter((r) => isCacheHit(r.status)).length} cached · ${counts(StageStatus.failed)} failed · ${counts(StageStatus.skipped)} skipped`,
    "",
    "| Stage | Status | Duration | Cache hit | Notes |",
    "| --- | --- | ---: | :---: | --- |",
  );
  for (const result of input.results) {
    const hit = isCacheHit(result.status) ? "yes" : result.status === StageStatus.ran ? "no" : "–";
    const notes = result.reasons.join("; ") + (result.attempts > 1 ? ` (${result.attempts} attempts)` : "");
    lines.push(
      `| \`${cell(result.name)}\` | ${statusMark[result.status]} | ${formatDuration(result.durationMs)} | ${hit} | ${cell(notes)} |`,
    );
  }
  const files = Object.keys(input.metrics).sort();
  if (files.length > 0) {
    lines.push(
      "",
      "### Metrics",
      "",
      `| File | Metric | Value | ${cell(input.baseBranch)} | Change |`,
      "| --- | --- | ---: | ---: | ---: |",
    );
    for (const file of files) {
      const current = flattenMetrics(input.metrics[file]);
      const previous =
        input.previous?.[file] === undefined ? undefined : flattenMetrics(input.previous[file]);
      for (const [name, value] of Object.entries(current)) {
        const before = previous?.[name];
        const shown = typeof value === "number" ? formatNumber(value) : String(value);
        const beforeShown =
          before === undefined ? "–" : typeof before === "number" ? formatNumber(before) : String(before);
        lines.push(
          `| \`${cell(file)}\` | ${cell(name)} | ${cell(shown)} | ${cell(beforeShown)} | ${input.previous === undefined ? "–" : change(value, before)} |`,
        );
      }
    }
    if (input.previous === undefined)
      lines.push("", `_No earlier metrics from \`${input.baseBranch}\` in the store to compare with._`);
  }
  return `${lines.join("\n")}\n`;
}
