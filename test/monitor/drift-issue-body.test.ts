import { describe, expect, it } from "vitest";
import { compareDatasets } from "../../runtime/monitor/compare-datasets.js";
import {
  driftIssueLabels,
  renderDriftComment,
  renderDriftIssueBody,
} from "../../runtime/monitor/drift-issue-body.js";
import { parseDriftIssueKey, parseDriftIssueState } from "../../runtime/monitor/drift-issue-marker.js";
import type { MonitorResult } from "../../runtime/monitor/monitor-model.js";
import { numeric, table } from "./table-builder.js";

/** A drifting result over `columns` columns of 50 rows, every column shifted by 30 (KS D = 0.6). */
function wideResult(columns: number): MonitorResult {
  const names = Array.from({ length: columns }, (_, i) => `feature_with_a_rather_long_name_${i}`);
  const reference = table(
    "train.csv",
    ...names.map((n) =>
      numeric(
        n,
        Array.from({ length: 50 }, (_, i) => i),
      ),
    ),
  );
  const current = table(
    "window",
    ...names.map((n) =>
      numeric(
        n,
        Array.from({ length: 50 }, (_, i) => i + 30),
      ),
    ),
  );
  const report = compareDatasets(reference, current);
  return {
    status: "drift",
    model: "churn",
    version: "1.2.0",
    window: {
      since: "2026-11-27T12:00:00.000Z",
      until: "2026-11-28T12:00:00.000Z",
      rows: 50,
      objects: 1,
      versions: { "1.2.0": 50 },
    },
    minRows: 30,
    reference: { source: "train.csv", rows: 50 },
    report,
    summary: `${columns} of ${columns} columns drifted.`,
  };
}

const key = { model: "churn", environment: "production" };

describe("the drift issue body", () => {
  it("starts with the hidden markers and carries the summary, the report link and the commands", () => {
    const body = renderDriftIssueBody(
      { key, result: wideResult(3), closeAfter: 3, reportUrl: "https://example.test/runs/1#artifacts" },
      { healthyRuns: 0, history: [{ until: "2026-11-28T12:00:00.000Z", driftShare: 1 }] },
    );
    const [first, second] = body.split("\n");
    expect(first).toBe("<!-- kiln:drift model=churn env=production -->");
    expect(second).toMatch(/^<!-- kiln:drift-state /);
    expect(parseDriftIssueKey(body)).toEqual(key);
    expect(parseDriftIssueState(body).history).toHaveLength(1);
    expect(body).toContain("| drifted columns | 3 of 3 (100%) |");
    expect(body).toContain("| severity | high |");
    expect(body).toContain("| HTML report | [open](https://example.test/runs/1#artifacts) |");
    expect(body).toContain("closes it after 3 healthy runs in a row");
    expect(body).toContain("`/kiln snooze 7d`");
  });

  it("stays under GitHub's 65,536 characters for thousands of columns, markers intact", () => {
    const result = wideResult(3000);
    const body = renderDriftIssueBody({ key, result, closeAfter: 3 }, { healthyRuns: 0, history: [] });
    expect(body.length).toBeLessThan(65_536);
    expect(parseDriftIssueKey(body)).toEqual(key);
    const comment = renderDriftComment({ key, result, closeAfter: 3 });
    expect(comment.length).toBeLessThan(65_536);
    expect(comment).toMatch(
      /^### Still drifting: window 2026-11-27T12:00:00.000Z → 2026-11-28T12:00:00.000Z/,
    );
  });

  it("labels the issue drift, model and severity", () => {
    expect(driftIssueLabels("churn", "medium")).toEqual(["drift", "model:churn", "severity:medium"]);
  });
});
