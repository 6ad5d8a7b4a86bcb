/**
 * `kiln monitor <model>[:<stage>|@<version>]`: the model's prediction log over a window against its
 * reference (the version's training data by digest, or --reference), with drift, prediction drift,
 * data quality and — with --labels — performance. Exit codes: 0 healthy, 1 drift, 2 usage or data
 * error, 3 store unavailable, 4 not enough data in the window (never reported as healthy).
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { MonitorExitCode, type MonitorRequest, monitorModel } from "../../monitor/monitor-model.js";
import { monitorResultJson } from "../../monitor/monitor-result-json.js";
import { renderMonitorMarkdown } from "../../monitor/monitor-summary-markdown.js";
import { resolveWindow } from "../../monitor/monitor-window.js";
import { renderDriftHtml } from "../../monitor/render-drift-html.js";
import { openStore } from "../../store/open-store.js";
import { createConsoleLogger } from "../console-logger.js";
import { driftTable } from "./drift-command.js";

interface MonitorFlags {
  window?: string;
  since?: string;
  until?: string;
  reference?: string;
  labels?: string;
  minRows?: string;
  json?: boolean;
  html?: string;
  markdown?: string;
  store?: string;
}

function minRowsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--min-rows: expected a whole number of at least 1, got '${text}'.`);
  return n;
}

async function monitor(model: string, flags: MonitorFlags): Promise<void> {
  const window = resolveWindow(flags, new Date());
  const minRows = minRowsOf(flags.minRows);
  const store = await openStore(flags.store, { env: process.env, cwd: process.cwd() });
  const request: MonitorRequest = { model, ...window };
  if (flags.reference !== undefined) request.reference = flags.reference;
  if (flags.labels !== undefined) request.labels = flags.labels;
  if (minRows !== undefined) request.minRows = minRows;
  const result = await monitorModel({ store, logger: createConsoleLogger({ quiet: true }) }, request);

  if (flags.html !== undefined && result.report !== undefined) {
    await writeFile(flags.html, renderDriftHtml(result.report));
    process.stderr.write(`wrote ${flags.html}\n`);
  }
  if (flags.markdown !== undefined) {
    await writeFile(flags.markdown, renderMonitorMarkdown(result));
    process.stderr.write(`wrote ${flags.markdown}\n`);
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(monitorResultJson(result), null, 2)}\n`);
  } else {
    const lines = [
      `${result.model}@${result.version}: ${result.status === "insufficient" ? "NOT ENOUGH DATA" : result.status === "drift" ? "DRIFT" : "healthy"} — ${result.summary}`,
      `window ${result.window.since} .. ${result.window.until}: ${result.window.rows} rows from ${result.window.objects} log objects`,
    ];
    if (result.reference !== undefined)
      lines.push(`reference ${result.reference.source}: ${result.reference.rows} rows`);
    process.stdout.write(`${lines.join("\n")}\n`);
    if (result.report !== undefined) process.stdout.write(`\n${driftTable(result.report)}`);
    if (result.performance !== undefined) {
      process.stdout.write(`\nPerformance on ${result.performance.labelled} labelled rows:\n`);
      for (const c of result.performance.comparisons) {
        process.stdout.write(
          `  ${c.metric.padEnd(16)} ${c.current.toPrecision(4).padStart(10)}${c.registered === undefined ? "" : `   registered ${c.registered.toPrecision(4)}`}\n`,
        );
      }
    }
  }
  process.exitCode = MonitorExitCode[result.status];
}

export function registerMonitorCommand(program: Command): void {
  program
    .command("monitor")
    .description(
      "Check a registered model's served traffic (the prediction log) against its training data: drift, prediction drift, data quality, and performance when labels are given.\n" +
        "Exit code: 0 healthy, 1 drift, 2 bad arguments or data, 3 store unavailable, 4 not enough data in the window.",
    )
    .argument(
      "<model>",
      "the model: name (latest version), name:production, or name@1.2.0 (only that version's traffic)",
    )
    .option("--window <period>", "the last period up to now (or --until), e.g. 24h, 7d (default 24h)")
    .option("--since <time>", "window start: ISO 8601 time or a period ago (e.g. 7d)")
    .option("--until <time>", "window end (default now)")
    .option(
      "--reference <file>",
      "compare with this CSV / JSON Lines / Parquet file instead of the training data",
    )
    .option(
      "--labels <source>",
      "ground truth by request_id (+ row): a file, or store:<prefix> of JSON Lines objects",
    )
    .option("--min-rows <n>", "rows the window needs to be compared (default 30)")
    .option("--json", "print the result as JSON")
    .option("--html <file>", "write the self-contained HTML drift report")
    .option("--markdown <file>", "write the markdown summary")
    .option("--store <url>", "the store (default KILN_STORE, else .kiln/store)")
    .action(monitor);
}
