/**
 * Drift issues end to end: real monitoring runs over served traffic, applied through the Octokit
 * port to the GitHub stand-in — open, comment, count, close, snooze, and overlapping runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { parseDriftIssueState, withDriftIssueState } from "../../runtime/monitor/drift-issue-marker.js";
import { createOctokitDriftIssuePort } from "../../runtime/monitor/drift-issue-octokit-port.js";
import type { DriftIssuePort } from "../../runtime/monitor/drift-issue-port.js";
import { syncDriftIssue } from "../../runtime/monitor/drift-issue-sync.js";
import { type MonitorResult, monitorModel } from "../../runtime/monitor/monitor-model.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { createMonitorWorld, MODEL, type MonitorWorld } from "./monitor-world.js";

const hour = 3_600_000;
const owner = "octo-org";
const repo = "models";
let world: MonitorWorld;
let github: GitHubStandIn;
let port: DriftIssuePort;
let drifting: MonitorResult;
let healthy: MonitorResult;
let insufficient: MonitorResult;
const now = () => new Date("2026-11-28T12:00:00Z");

beforeAll(async () => {
  world = await createMonitorWorld();
  const healthyStart = new Date("2026-11-20T08:00:00Z");
  const driftStart = new Date("2026-11-22T08:00:00Z");
  await world.writeTraffic({ start: healthyStart, rows: 200, seed: 21 });
  await world.writeTraffic({ start: driftStart, rows: 200, shift: 2, seed: 22 });
  const run = (since: Date) =>
    monitorModel(
      { store: world.store, logger: silentLogger },
      { model: MODEL, since, until: new Date(since.getTime() + 2 * hour) },
    );
  [healthy, drifting, insufficient] = await Promise.all([
    run(healthyStart),
    run(driftStart),
    run(new Date("2026-11-24T00:00:00Z")),
  ]);
  github = await startGitHubStandIn();
  github.createRepo(owner, repo);
  const { token } = github.addUser("monitor", { permission: "write" });
  const octokit = createOctokit({
    token,
    baseUrl: github.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
  port = createOctokitDriftIssuePort(octokit, { owner, repo });
});

afterAll(async () => {
  await github?.stop();
  await world?.close();
});

const state = () => github.repository(owner, repo);
const issuesOf = (environment: string) =>
  [...state().issues.values()].filter((i) =>
    (i.body ?? "").includes(`<!-- kiln:drift model=${MODEL} env=${environment} -->`),
  );
const commentsOn = (number: number) => [...state().comments.values()].filter((c) => c.issueNumber === number);

const sync = (result: MonitorResult, environment: string, p: DriftIssuePort = port) =>
  syncDriftIssue(
    { port: p, logger: silentLogger, now },
    {
      key: { model: MODEL, environment },
      result,
      closeAfter: 3,
      reportUrl: "https://github.com/octo-org/models/actions/runs/42#artifacts",
    },
  );

describe("drift issues on GitHub", () => {
  it("the monitoring runs are what the scenario needs", () => {
    expect([drifting.status, healthy.status, insufficient.status]).toEqual([
      "drift",
      "healthy",
      "insufficient",
    ]);
  });

  it("a drifting window opens one issue with the report, the labels and the HTML report link", async () => {
    const outcome = await sync(drifting, "production");
    expect(outcome.action.kind).toBe("open");
    const issues = issuesOf("production");
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(outcome.issue?.number).toBe(issue.number);
    expect(issue.state).toBe("open");
    expect(issue.title).toBe(`Drift: ${MODEL} in production`);
    const severity =
      drifting.report!.driftShare >= 0.75 ? "high" : drifting.report!.driftShare >= 0.5 ? "medium" : "low";
    expect(issue.labels.sort()).toEqual(["drift", `model:${MODEL}`, `severity:${severity}`].sort());
    expect(issue.body).toContain("[open](https://github.com/octo-org/models/actions/runs/42#artifacts)");
    expect(issue.body).toContain("### Data drift: detected");
    expect(issue.body).toContain(`\`${MODEL}@${world.record.version}\``);
    expect(state().labels.has("drift")).toBe(true);
  });

  it("a second drifting run comments on the same issue and updates its summary", async () => {
    const [issue] = issuesOf("production");
    const outcome = await sync(drifting, "production");
    expect(outcome.action).toEqual({ kind: "comment", number: issue!.number });
    expect(issuesOf("production")).toHaveLength(1);
    const comments = commentsOn(issue!.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^### Still drifting: window /);
    expect(parseDriftIssueState(issuesOf("production")[0]!.body ?? "").history).toHaveLength(2);
  });

  it("an insufficient window changes nothing", async () => {
    const [issue] = issuesOf("production");
    const before = issue!.body;
    const outcome = await sync(insufficient, "production");
    expect(outcome.action.kind).toBe("none");
    expect(issuesOf("production")[0]!.body).toBe(before);
    expect(commentsOn(issue!.number)).toHaveLength(1);
  });

  it("healthy runs are counted quietly and the third closes the issue with a comment", async () => {
    const [issue] = issuesOf("production");
    await sync(healthy, "production");
    await sync(healthy, "production");
    expect(issuesOf("production")[0]!.state).toBe("open");
    expect(parseDriftIssueState(issuesOf("production")[0]!.body ?? "").healthyRuns).toBe(2);
    expect(commentsOn(issue!.number)).toHaveLength(1);
    const outcome = await sync(healthy, "production");
    expect(outcome.action.kind).toBe("close");
    const closed = issuesOf("production")[0]!;
    expect(closed.state).toBe("closed");
    const last = commentsOn(issue!.number).at(-1)!;
    expect(last.body).toMatch(new RegExp(`^${MODEL} has been healthy for 3 monitoring runs in a row`));
  });

  it("after closing, a new drift opens a new issue, never reopening by title", async () => {
    await sync(drifting, "production");
    const open = issuesOf("production").filter((i) => i.state === "open");
    expect(open).toHaveLength(1);
    expect(issuesOf("production")).toHaveLength(2);
  });

  it("a snoozed issue gets no comment until the snooze date passes", async () => {
    const [issue] = issuesOf("production").filter((i) => i.state === "open");
    const body = withDriftIssueState(issue!.body ?? "", {
      ...parseDriftIssueState(issue!.body ?? ""),
      snoozedUntil: "2026-12-05T00:00:00.000Z",
    });
    await port.updateIssue(issue!.number, { body });
    const comments = commentsOn(issue!.number).length;
    const outcome = await sync(drifting, "production");
    expect(outcome.action).toEqual({
      kind: "none",
      reason: `#${issue!.number} is snoozed until 2026-12-05T00:00:00.000Z`,
    });
    expect(commentsOn(issue!.number)).toHaveLength(comments);
  });

  it("two overlapping runs that both find no issue end with exactly one open issue", async () => {
    // Hold both runs' first listing until both have listed, so both decide to open.
    let waiting: (() => void)[] = [];
    let listed = 0;
    const racing: DriftIssuePort = {
      ...port,
      async openIssuesWithLabel(label) {
        const issues = await port.openIssuesWithLabel(label);
        if (listed < 2) {
          listed++;
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) for (const go of waiting) go();
          });
        }
        return issues;
      },
    };
    const [a, b] = await Promise.all([sync(drifting, "staging", racing), sync(drifting, "staging", racing)]);
    waiting = [];
    expect([a.action.kind, b.action.kind]).toEqual(["open", "open"]);
    const all = issuesOf("staging");
    expect(all).toHaveLength(2);
    const open = all.filter((i) => i.state === "open");
    expect(open).toHaveLength(1);
    const kept = open[0]!;
    expect(kept.number).toBe(Math.min(...all.map((i) => i.number)));
    expect(a.issue?.number).toBe(kept.number);
    expect(b.issue?.number).toBe(kept.number);
    const duplicate = all.find((i) => i.state === "closed")!;
    expect(commentsOn(duplicate.number).map((c) => c.body)).toEqual([
      expect.stringMatching(new RegExp(`^Duplicate of #${kept.number}:`)),
    ]);
    // The next run finds the kept issue and comments there.
    const next = await sync(drifting, "staging");
    expect(next.action).toEqual({ kind: "comment", number: kept.number });
    expect(issuesOf("staging").filter((i) => i.state === "open")).toHaveLength(1);
  });

  it("five overlapping runs still leave one open issue", async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => sync(drifting, "canary")));
    const open = issuesOf("canary").filter((i) => i.state === "open");
    expect(open).toHaveLength(1);
    expect(new Set(results.map((r) => r.issue?.number))).toEqual(new Set([open[0]!.number]));
    expect(github.serverErrors).toEqual([]);
  });
});
