import { describe, expect, it } from "vitest";
import { driftSeverity } from "../../runtime/monitor/drift-issue-body.js";
import { decideDriftIssue, type ExistingDriftIssue } from "../../runtime/monitor/drift-issue-decision.js";
import {
  driftIssueMarker,
  hasDriftIssueMarker,
  parseDriftIssueKey,
  parseDriftIssueState,
  withDriftIssueState,
} from "../../runtime/monitor/drift-issue-marker.js";

const now = new Date("2026-11-28T12:00:00Z");
const open = (healthyRuns: number, snoozedUntil?: string): ExistingDriftIssue => ({
  number: 7,
  state: { healthyRuns, history: [], ...(snoozedUntil === undefined ? {} : { snoozedUntil }) },
});

describe.each([
  { issue: "no issue", existing: undefined, status: "drift", expected: { kind: "open" } },
  { issue: "no issue", existing: undefined, status: "healthy", expected: { kind: "none" } },
  { issue: "no issue", existing: undefined, status: "insufficient", expected: { kind: "none" } },
  { issue: "an open issue", existing: open(0), status: "drift", expected: { kind: "comment", number: 7 } },
  {
    issue: "an open issue healthy twice",
    existing: open(2),
    status: "drift",
    expected: { kind: "comment", number: 7 },
  },
  {
    issue: "an open issue",
    existing: open(0),
    status: "healthy",
    expected: { kind: "count", number: 7, healthyRuns: 1 },
  },
  {
    issue: "an open issue healthy once",
    existing: open(1),
    status: "healthy",
    expected: { kind: "count", number: 7, healthyRuns: 2 },
  },
  {
    issue: "an open issue healthy twice",
    existing: open(2),
    status: "healthy",
    expected: { kind: "close", number: 7, healthyRuns: 3 },
  },
  {
    issue: "an open issue healthy twice",
    existing: open(2),
    status: "insufficient",
    expected: { kind: "none" },
  },
  {
    issue: "an issue snoozed until tomorrow",
    existing: open(0, "2026-11-29T00:00:00Z"),
    status: "drift",
    expected: { kind: "none" },
  },
  {
    issue: "an issue snoozed until tomorrow",
    existing: open(2, "2026-11-29T00:00:00Z"),
    status: "healthy",
    expected: { kind: "none" },
  },
  {
    issue: "an issue whose snooze ended yesterday",
    existing: open(0, "2026-11-27T00:00:00Z"),
    status: "drift",
    expected: { kind: "comment", number: 7 },
  },
] as const)("with $issue and a $status run", ({ existing, status, expected }) => {
  it(`the monitor does '${expected.kind}'`, () => {
    const action = decideDriftIssue({ status, issue: existing, now, closeAfter: 3 });
    expect(action).toMatchObject(expected);
  });
});

describe("decideDriftIssue", () => {
  it("closes after one healthy run when close_after is 1", () => {
    expect(decideDriftIssue({ status: "healthy", issue: open(0), now, closeAfter: 1 })).toEqual({
      kind: "close",
      number: 7,
      healthyRuns: 1,
    });
  });

  it("says why it does nothing for an insufficient window and a snoozed issue", () => {
    expect(decideDriftIssue({ status: "insufficient", issue: open(0), now, closeAfter: 3 })).toEqual({
      kind: "none",
      reason: "the window has too few rows to judge; the issue is left as it is",
    });
    expect(
      decideDriftIssue({ status: "drift", issue: open(0, "2026-12-05T00:00:00.000Z"), now, closeAfter: 3 }),
    ).toEqual({ kind: "none", reason: "#7 is snoozed until 2026-12-05T00:00:00.000Z" });
  });
});

describe("drift issue markers", () => {
  it("identify one model and environment, and no other", () => {
    const body = `${driftIssueMarker({ model: "churn", environment: "production" })}\n# Drift`;
    expect(body).toContain("<!-- kiln:drift model=churn env=production -->");
    expect(hasDriftIssueMarker(body, { model: "churn", environment: "production" })).toBe(true);
    expect(hasDriftIssueMarker(body, { model: "churn", environment: "staging" })).toBe(false);
    expect(hasDriftIssueMarker(body, { model: "chur", environment: "production" })).toBe(false);
    expect(parseDriftIssueKey(body)).toEqual({ model: "churn", environment: "production" });
  });

  it("keep the state in the body and read it back; a damaged state reads as fresh", () => {
    const body = withDriftIssueState("# Drift\ntext", {
      healthyRuns: 2,
      snoozedUntil: "2026-12-05T00:00:00.000Z",
      history: [{ until: "2026-11-28T00:00:00.000Z", driftShare: 0.75 }],
    });
    expect(body).toMatch(/^<!-- kiln:drift-state \{.*\} -->\n# Drift\ntext$/);
    expect(parseDriftIssueState(body)).toEqual({
      healthyRuns: 2,
      snoozedUntil: "2026-12-05T00:00:00.000Z",
      history: [{ until: "2026-11-28T00:00:00.000Z", driftShare: 0.75 }],
    });
    const again = withDriftIssueState(body, { healthyRuns: 0, history: [] });
    expect(again.match(/kiln:drift-state/g)).toHaveLength(1);
    expect(parseDriftIssueState("<!-- kiln:drift-state {broken} -->")).toEqual({
      healthyRuns: 0,
      history: [],
    });
  });
});

describe.each([
  { share: 1, severity: "high" },
  { share: 0.75, severity: "high" },
  { share: 0.74, severity: "medium" },
  { share: 0.5, severity: "medium" },
  { share: 0.25, severity: "low" },
])("a drifted share of $share", ({ share, severity }) => {
  it(`is severity ${severity}`, () => {
    expect(driftSeverity(share)).toBe(severity);
  });
});
