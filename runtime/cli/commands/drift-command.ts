/**
 * `kiln drift <reference-file> <current-file>`: compares two CSV / JSON Lines / Parquet files with
 * Evidently's default tests (or a forced --method), prints a table (or --json), and can write the
 * HTML and markdown reports. Exit code 0 when the dataset did not drift, 1 when it did (like
 * `diff`; --exit-zero to always return 0), 2 for a usage or data error.
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { readTable } from "../../data/read-table.js";
import { ExitCode, UsageError } from "../../errors.js";
import { type CompareOptions, compareDatasets } from "../../monitor/compare-datasets.js";
import type { ColumnDrift, DriftReport } from "../../monitor/drift-report.js";
import { driftReportJson } from "../../monitor/drift-report-json.js";
import { driftTests } from "../../monitor/drift-tests.js";
import { formatPercent, formatPValue, formatScore } from "../../monitor/format-number.js";
import { renderDriftHtml } from "../../monitor/render-drift-html.js";
import { renderDriftMarkdown } from "../../monitor/render-drift-markdown.js";

interface DriftFlags {
  columns?: string;
  method?: string;
  threshold?: string;
  json?: boolean;
  html?: string;
  markdown?: string;
  outputs?: string;
  decideBy: string;
  fdr?: string;
  driftShare?: string;
  exitZero?: boolean;
}

function positiveNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) {
    throw new UsageError(`--${flag}: expected a positive number, got '${text}'.`);
  }
  return value;
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0)
    throw new UsageError(`expected a comma-separated list of column names, got '${text}'.`);
  return items;
}

function scoreText(c: ColumnDrift): string {
  if (c.status !== "tested")
    return c.status === "empty_current" ? "no current values" : "no reference values";
  return c.testKind === "p_value" ? `p=${formatPValue(c.score)}` : formatScore(c.score);
}

/** The human-readable table printed by default. */
export function driftTable(report: DriftReport): string {
  const header = ["column", "type", "test", "score", "threshold", "verdict", "effect size", "n ref/cur"];
  const rows = report.columns.map((c) => [
    c.role === "output" ? `${c.column} (output)` : c.column,
    c.type,
    c.test,
    scoreText(c),
    c.testKind === "p_value" ? `${c.test === "ks" ? "p<=" : "p<"}${c.threshold}` : `>=${c.threshold}`,
    c.status !== "tested" ? "not tested" : c.drift ? "DRIFT" : "ok",
    c.status === "tested" ? `${formatScore(c.effectSize)} (${c.effectSizeName})` : "-",
    `${c.nReference}/${c.nCurrent}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  out.push(
    `${report.datasetDrift ? "Dataset drift detected" : "No dataset drift"}: ${report.share.drifted} of ${report.share.tested} columns drifted (${formatPercent(report.share.driftShare)}; threshold ${formatPercent(report.driftShareThreshold)}), decided by ${report.decidedBy === "share" ? "the drifted share (Evidently's rule)" : `Benjamini-Hochberg at FDR ${report.fdr.level}`}.`,
  );
  out.push(
    `Benjamini-Hochberg (FDR ${report.fdr.level}): ${report.fdr.drifted} of ${report.fdr.tested} columns (${formatPercent(report.fdr.driftShare)}) -> ${report.fdr.datasetDrift ? "drift" : "no drift"}.`,
  );
  if (report.predictionDrift.columns.length > 0) {
    out.push(
      `Prediction drift (${report.predictionDrift.columns.join(", ")}): ${report.predictionDrift.drift ? "detected" : "not detected"}.`,
    );
  }
  if (report.quality.failures.length > 0) {
    out.push("", "Data quality:");
    for (const f of report.quality.failures) out.push(`  - ${f}`);
  }
  return `${out.join("\n")}\n`;
}

async function drift(referenceFile: string, currentFile: string, flags: DriftFlags): Promise<void> {
  if (flags.decideBy !== "share" && flags.decideBy !== "fdr") {
    throw new UsageError(`--decide-by: expected 'share' or 'fdr', got '${flags.decideBy}'.`);
  }
  const options: CompareOptions = { decideBy: flags.decideBy };
  const columns = list(flags.columns);
  if (columns !== undefined) options.columns = columns;
  const outputs = list(flags.outputs);
  if (outputs !== undefined) options.outputs = outputs;
  if (flags.method !== undefined) options.method = flags.method;
  const threshold = positiveNumber("threshold", flags.threshold);
  if (threshold !== undefined) options.threshold = threshold;
  const fdr = positiveNumber("fdr", flags.fdr);
  if (fdr !== undefined) options.fdrLevel = fdr;
  const driftShare = positiveNumber("drift-share", flags.driftShare);
  if (driftShare !== undefined) options.driftShare = driftShare;

  const [reference, current] = await Promise.all([readTable(referenceFile), readTable(currentFile)]);
  const report = compareDatasets(reference, current, options);

  if (flags.html !== undefined) {
    await writeFile(flags.html, renderDriftHtml(report));
    process.stderr.write(`wrote ${flags.html}\n`);
  }
  if (flags.markdown !== undefined) {
    await writeFile(flags.markdown, renderDriftMarkdown(report));
    process.stderr.write(`wrote ${flags.markdown}\n`);
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify(driftReportJson(report), null, 2)}\n` : driftTable(report),
  );
  process.exitCode = report.datasetDrift && !flags.exitZero ? ExitCode.failure : ExitCode.ok;
}

export function registerDriftCommand(program: Command): void {
  program
    .command("drift")
    .description(
      "Compare two datasets (CSV, JSON Lines or Parquet) column by column for drift, with Evidently's default tests.\n" +
        "Exit code: 0 no dataset drift, 1 dataset drift, 2 bad arguments or data.",
    )
    .argument("<reference-file>", "the reference data, e.g. the training set")
    .argument("<current-file>", "the data to check, e.g. recent inputs")
    .option("--columns <a,b,...>", "compare only these columns (default: every column both files have)")
    .option(
      "--method <test>",
      `force one test for every column it applies to: ${Object.keys(driftTests).sort().join(", ")}`,
    )
    .option(
      "--threshold <x>",
      "threshold for the tests (p-value for ks/chisquare/z, distance for the others)",
    )
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write a self-contained HTML report")
    .option("--markdown <file>", "write the markdown summary")
    .option("--outputs <a,b,...>", "columns that are model outputs (prediction drift)")
    .option(
      "--decide-by <rule>",
      "dataset drift by 'share' (Evidently's rule) or 'fdr' (Benjamini-Hochberg)",
      "share",
    )
    .option("--fdr <q>", "false discovery rate for the Benjamini-Hochberg decision", "0.05")
    .option("--drift-share <x>", "dataset drift when at least this share of columns drifts", "0.5")
    .option("--exit-zero", "exit 0 even when the dataset drifted")
    .action(drift);
}
