/**
 * What a monitoring run does to the drift issue of its model and environment. Pure: the run's
 * status, the open issue's state (if any), the time and `closeAfter` in, one action out.
 *
 * | issue            | run          | action                                                  |
 * |------------------|--------------|---------------------------------------------------------|
 * | none             | drift        | open                                                    |
 * | none             | healthy      | nothing                                                 |
 * | open             | drift        | comment with the window, update the summary, count = 0  |
 * | open             | healthy, n<N | count the healthy run in the body (no comment)          |
 * | open             | healthy, n=N | comment and close                                       |
 * | any              | insufficient | nothing (the run reports it)                            |
 * | open, snoozed    | any          | nothing until the snooze date passes                    |
 */
import type { DriftIssueState } from "./drift-issue-marker.js";
import type { MonitorStatus } from "./monitor-model.js";

/** Healthy runs in a row after which a drift issue is closed, by default. */
export const DEFAULT_CLOSE_AFTER = 3;

export interface ExistingDriftIssue {
  number: number;
  state: DriftIssueState;
}

export interface DriftIssueDecisionInput {
  status: MonitorStatus;
  issue: ExistingDriftIssue | undefined;
  now: Date;
  closeAfter: number;
}

export type DriftIssueAction =
  | { kind: "open" }
  | { kind: "comment"; number: number }
  | { kind: "count"; number: number; healthyRuns: number }
  | { kind: "close"; number: number; healthyRuns: number }
  | { kind: "none"; reason: string };

export function decideDriftIssue(input: DriftIssueDecisionInput): DriftIssueAction {
  const { status, issue } = input;
  if (status === "insufficient") {
    return { kind: "none", reason: "the window has too few rows to judge; the issue is left as it is" };
  }
  if (issue === undefined) {
    return status === "drift"
      ? { kind: "open" }
      : { kind: "none", reason: "healthy, and no drift issue is open" };
  }
  const snoozedUntil = issue.state.snoozedUntil;
  if (snoozedUntil !== undefined && Date.parse(snoozedUntil) > input.now.getTime()) {
    return { kind: "none", reason: `#${issue.number} is snoozed until ${snoozedUntil}` };
  }
  if (status === "drift") return { kind: "comment", number: issue.number };
  const healthyRuns = issue.state.healthyRuns + 1;
  if (healthyRuns >= input.closeAfter) return { kind: "close", number: issue.number, healthyRuns };
  return { kind: "count", number: issue.number, healthyRuns };
}
