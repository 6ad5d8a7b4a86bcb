/**
 * A scheduled monitoring run (the monitor action's one runtime call): monitor the model over the
 * window, write the HTML report, bring the drift issue of the model and environment up to date,
 * and return what the edge prints (job summary) and outputs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import type { DriftIssuePort } from "./drift-issue-port.js";
import { type SyncDriftIssueOutcome, syncDriftIssue } from "./drift-issue-sync.js";
import { type MonitorRequest, type MonitorResult, monitorModel } from "./monitor-model.js";
import { renderMonitorMarkdown } from "./monitor-summary-markdown.js";
import { renderDriftHtml } from "./render-drift-html.js";

export interface MonitorJobDeps {
  store: ObjectStore;
  logger: Logger;
  /** Without a port (no token), no issue is touched. */
  issues?: DriftIssuePort;
  now: () => Date;
}

export interface MonitorJobRequest extends MonitorRequest {
  environment: string;
  closeAfter: number;
  /** Where to write the HTML report (written when the window was compared). */
  htmlReportPath: string;
  /** Link to the HTML report (the workflow run's artifacts), for the issue. */
  reportUrl?: string;
  runUrl?: string;
}

export interface MonitorJobResult {
  result: MonitorResult;
  issue?: SyncDriftIssueOutcome;
  /** The HTML report's path, when one was written. */
  reportPath?: string;
  /** Markdown for the job summary. */
  summary: string;
}

export async function runMonitorJob(
  deps: MonitorJobDeps,
  request: MonitorJobRequest,
): Promise<MonitorJobResult> {
  const { logger } = deps;
  const result = await monitorModel({ store: deps.store, logger }, request);
  logger.info(
    `${result.model}@${result.version} in ${request.environment}: ${result.status}. ${result.summary}`,
  );
  const job: MonitorJobResult = { result, summary: renderMonitorMarkdown(result) };
  if (result.report !== undefined) {
    await mkdir(dirname(request.htmlReportPath), { recursive: true });
    await writeFile(request.htmlReportPath, renderDriftHtml(result.report));
    job.reportPath = request.htmlReportPath;
  }
  if (deps.issues !== undefined) {
    job.issue = await syncDriftIssue(
      { port: deps.issues, logger, now: deps.now },
      {
        key: { model: result.model, environment: request.environment },
        result,
        closeAfter: request.closeAfter,
        ...(request.reportUrl === undefined ? {} : { reportUrl: request.reportUrl }),
        ...(request.runUrl === undefined ? {} : { runUrl: request.runUrl }),
      },
    );
    const issue = job.issue.issue;
    const line =
      issue === undefined
        ? `Drift issue: none (${job.issue.action.kind === "none" ? job.issue.action.reason : job.issue.action.kind}).`
        : `Drift issue: [#${issue.number}](${issue.url}) — ${job.issue.action.kind === "none" ? job.issue.action.reason : job.issue.action.kind}.`;
    job.summary = `${job.summary}\n\n${line}\n`;
  }
  return job;
}
