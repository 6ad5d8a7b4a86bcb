/**
 * Applies a monitoring run to GitHub: finds the open drift issue of the model and environment by
 * its hidden marker (among open issues labelled `drift`), decides (decideDriftIssue) and does the
 * one thing decided, through the DriftIssuePort.
 *
 * No duplicates, even when two runs overlap: after opening an issue the run lists again; when more
 * than one open issue carries the marker, the oldest is kept and the others are closed with a
 * comment pointing to it — every run makes the same choice, so both overlapping runs agree. A run
 * whose own issue lost posts its window as a comment on the kept one.
 */
import type { Logger } from "../logger.js";
import {
  driftIssueLabels,
  driftIssueTitle,
  driftSeverity,
  renderDriftComment,
  renderDriftIssueBody,
  renderDuplicateComment,
  renderHealthyCloseComment,
  Severity,
  severityLabelPrefix,
} from "./drift-issue-body.js";
import { type DriftIssueAction, decideDriftIssue } from "./drift-issue-decision.js";
import {
  type DriftIssueKey,
  type DriftIssueState,
  HISTORY_LENGTH,
  hasDriftIssueMarker,
  parseDriftIssueState,
  withDriftIssueState,
} from "./drift-issue-marker.js";
import type { DriftIssueFacts, DriftIssuePort } from "./drift-issue-port.js";
import type { MonitorResult } from "./monitor-model.js";

export interface SyncDriftIssueDeps {
  port: DriftIssuePort;
  logger: Logger;
  now: () => Date;
}

export interface SyncDriftIssueRequest {
  key: DriftIssueKey;
  result: MonitorResult;
  closeAfter: number;
  reportUrl?: string;
  runUrl?: string;
}

export interface SyncDriftIssueOutcome {
  action: DriftIssueAction;
  /** The drift issue of the model and environment after the run, if one is (or was just) open. */
  issue?: { number: number; url: string };
  /** Issues closed as duplicates by this run. */
  closedDuplicates: number[];
}

const labelColors: Record<string, [string, string]> = {
  drift: ["d93f0b", "Data or prediction drift found by kiln monitor"],
  [`${severityLabelPrefix}${Severity.high}`]: ["b60205", "Drift severity: at least 75% of columns drifted"],
  [`${severityLabelPrefix}${Severity.medium}`]: ["fbca04", "Drift severity: at least 50% of columns drifted"],
  [`${severityLabelPrefix}${Severity.low}`]: ["c2e0c6", "Drift severity: under 50% of columns drifted"],
};

const oldestFirst = (a: DriftIssueFacts, b: DriftIssueFacts) =>
  a.createdAt.localeCompare(b.createdAt) || a.number - b.number;

async function markedIssues(port: DriftIssuePort, key: DriftIssueKey): Promise<DriftIssueFacts[]> {
  const issues = await port.openIssuesWithLabel("drift");
  return issues.filter((i) => hasDriftIssueMarker(i.body, key)).sort(oldestFirst);
}

function nextState(previous: DriftIssueState, result: MonitorResult, healthyRuns: number): DriftIssueState {
  const history = [
    ...previous.history,
    { until: result.window.until, driftShare: result.report?.driftShare ?? 0 },
  ].slice(-HISTORY_LENGTH);
  const state: DriftIssueState = { healthyRuns, history };
  if (
    previous.snoozedUntil !== undefined &&
    Date.parse(previous.snoozedUntil) > Date.parse(result.window.until)
  ) {
    state.snoozedUntil = previous.snoozedUntil;
  }
  return state;
}

function labelsWithSeverity(current: readonly string[], model: string, severity: Severity): string[] {
  const wanted = driftIssueLabels(model, severity);
  const kept = current.filter((l) => !l.startsWith(severityLabelPrefix) && !wanted.includes(l));
  return [...wanted, ...kept];
}

/** Close every issue but the oldest as a duplicate of it; returns the closed numbers. */
async function closeDuplicates(
  port: DriftIssuePort,
  issues: readonly DriftIssueFacts[],
  logger: Logger,
): Promise<number[]> {
  const [kept, ...others] = issues;
  if (kept === undefined) return [];
  const closed: number[] = [];
  for (const other of others) {
    logger.warn(`drift issue #${other.number} duplicates #${kept.number}; closing it.`);
    await port.comment(other.number, renderDuplicateComment(kept));
    await port.updateIssue(other.number, { state: "closed" });
    closed.push(other.number);
  }
  return closed;
}

export async function syncDriftIssue(
  deps: SyncDriftIssueDeps,
  request: SyncDriftIssueRequest,
): Promise<SyncDriftIssueOutcome> {
  const { port, logger } = deps;
  const { key, result } = request;
  let issues = await markedIssues(port, key);
  const closedDuplicates = await closeDuplicates(port, issues, logger);
  const existing = issues[0];
  const state = existing === undefined ? undefined : parseDriftIssueState(existing.body);
  const action = decideDriftIssue({
    status: result.status,
    issue: existing === undefined || state === undefined ? undefined : { number: existing.number, state },
    now: deps.now(),
    closeAfter: request.closeAfter,
  });
  const content = {
    key,
    result,
    closeAfter: request.closeAfter,
    ...(request.reportUrl === undefined ? {} : { reportUrl: request.reportUrl }),
    ...(request.runUrl === undefined ? {} : { runUrl: request.runUrl }),
  };
  const severity = driftSeverity(result.report?.driftShare ?? 0);
  const link = (issue: DriftIssueFacts) => ({ number: issue.number, url: issue.url });

  switch (action.kind) {
    case "none":
      logger.info(`drift issue: nothing to do (${action.reason}).`);
      return { action, ...(existing === undefined ? {} : { issue: link(existing) }), closedDuplicates };
    case "open": {
      const labels = driftIssueLabels(key.model, severity);
      for (const label of labels) {
        const [color, description] = labelColors[label] ?? ["5319e7", `Drift issues of model ${key.model}`];
        await port.ensureLabel(label, color, description);
      }
      const body = renderDriftIssueBody(content, nextState({ healthyRuns: 0, history: [] }, result, 0));
      const created = await port.createIssue({ title: driftIssueTitle(key), body, labels });
      logger.info(`drift issue: opened #${created.number}.`);
      // Another run may have opened one at the same time. Every run keeps the oldest; a run whose
      // own issue is not the oldest closes it and posts its window on the kept one instead.
      issues = await markedIssues(port, key);
      // A listing that lags behind the create still counts this run's own issue.
      if (!issues.some((i) => i.number === created.number)) issues = [...issues, created].sort(oldestFirst);
      const kept = issues[0] ?? created;
      if (kept.number !== created.number) {
        logger.warn(
          `drift issue #${created.number} duplicates #${kept.number}, opened by an overlapping run; closing it.`,
        );
        await port.comment(created.number, renderDuplicateComment(kept));
        await port.updateIssue(created.number, { state: "closed" });
        closedDuplicates.push(created.number);
        await port.comment(kept.number, renderDriftComment(content));
      }
      return { action, issue: link(kept), closedDuplicates };
    }
    case "comment": {
      const issue = existing as DriftIssueFacts;
      await port.comment(issue.number, renderDriftComment(content));
      const body = renderDriftIssueBody(content, nextState(state as DriftIssueState, result, 0));
      await port.updateIssue(issue.number, {
        body,
        labels: labelsWithSeverity(issue.labels, key.model, severity),
      });
      logger.info(`drift issue: commented on #${issue.number}.`);
      return { action, issue: link(issue), closedDuplicates };
    }
    case "count": {
      const issue = existing as DriftIssueFacts;
      const body = withDriftIssueState(
        issue.body,
        nextState(state as DriftIssueState, result, action.healthyRuns),
      );
      await port.updateIssue(issue.number, { body });
      logger.info(
        `drift issue: #${issue.number} healthy for ${action.healthyRuns} of ${request.closeAfter} runs before closing.`,
      );
      return { action, issue: link(issue), closedDuplicates };
    }
    case "close": {
      const issue = existing as DriftIssueFacts;
      await port.comment(issue.number, renderHealthyCloseComment(result, action.healthyRuns));
      const body = withDriftIssueState(
        issue.body,
        nextState(state as DriftIssueState, result, action.healthyRuns),
      );
      await port.updateIssue(issue.number, { body, state: "closed" });
      logger.info(`drift issue: closed #${issue.number} after ${action.healthyRuns} healthy runs.`);
      return { action, issue: link(issue), closedDuplicates };
    }
  }
}
