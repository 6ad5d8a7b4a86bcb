/**
 * `/kiln retrain` and `/kiln snooze` on drift issues, through the real Probot app (kilnApp) receiving
 * the stand-in's signed webhooks when users comment.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kilnApp } from "../../bot/src/app.js";
import { createOctokit, type KilnOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import {
  driftIssueMarker,
  parseDriftIssueState,
  renderDriftIssueState,
} from "../../runtime/monitor/drift-issue-marker.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { generateAppKeyPair, type RunningProbotApp, startProbotApp } from "../support/probot-harness.js";

const owner = "octo-org";
const repo = "models";
let github: GitHubStandIn;
let bot: RunningProbotApp;
let folder: string;
const as: Record<string, KilnOctokit> = {};
let driftIssue: number;
let plainIssue: number;

beforeAll(async () => {
  const keys = generateAppKeyPair();
  github = await startGitHubStandIn({ app: { id: 7, slug: "kiln", publicKey: keys.publicKey } });
  github.createRepo(owner, repo, {
    files: { ".github/workflows/kiln-pipeline.yml": "on: workflow_dispatch\n", "README.md": "models\n" },
  });
  folder = await mkdtemp(join(tmpdir(), "kiln-drift-commands-"));
  const store = new LocalFolderStore(join(folder, "store"));
  bot = await startProbotApp(kilnApp({ openStore: async () => store }), {
    standIn: github,
    privateKey: keys.privateKey,
  });
  for (const login of ["alice", "reader"]) {
    const { token } = github.addUser(login, { permission: login === "reader" ? "read" : "write" });
    as[login] = createOctokit({
      token,
      baseUrl: github.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
  }
  const body = [
    driftIssueMarker({ model: "churn", environment: "production" }),
    renderDriftIssueState({
      healthyRuns: 1,
      history: [{ until: "2026-11-28T00:00:00.000Z", driftShare: 0.75 }],
    }),
    "## churn drifted in production",
  ].join("\n");
  driftIssue = (
    await as.alice!.rest.issues.create({
      owner,
      repo,
      title: "Drift: churn in production",
      body,
      labels: ["drift"],
    })
  ).data.number;
  plainIssue = (await as.alice!.rest.issues.create({ owner, repo, title: "A bug", body: "Something else" }))
    .data.number;
  await github.waitForIdle();
});

afterAll(async () => {
  await bot?.stop();
  await github?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function say(login: string, issue: number, body: string): Promise<string> {
  await as[login]!.rest.issues.createComment({ owner, repo, issue_number: issue, body });
  await github.waitForIdle();
  const comments = [...github.repository(owner, repo).comments.values()].filter(
    (c) => c.issueNumber === issue,
  );
  const reply = comments.at(-1)!;
  expect(reply.user.login).toBe("kiln[bot]");
  return reply.body;
}

const bodyOf = (issue: number) => github.repository(owner, repo).issues.get(issue)!.body ?? "";

describe("/kiln snooze on a drift issue", () => {
  it("records the snooze in the issue's hidden state and answers with the date", async () => {
    const before = Date.now();
    const reply = await say("alice", driftIssue, "/kiln snooze 7d");
    const state = parseDriftIssueState(bodyOf(driftIssue));
    const until = Date.parse(state.snoozedUntil ?? "");
    expect(until - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(until - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(state.healthyRuns).toBe(1);
    expect(state.history).toHaveLength(1);
    expect(reply).toContain(
      `Snoozed until ${new Date(until).toISOString().slice(0, 16).replace("T", " ")} UTC`,
    );
    expect(bodyOf(driftIssue)).toContain("## churn drifted in production");
  });

  it("refuses a period it cannot read, saying what it expects", async () => {
    const reply = await say("alice", driftIssue, "/kiln snooze soon");
    expect(reply).toBe(
      "`/kiln snooze` failed: /kiln snooze: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got 'soon'.",
    );
  });

  it("refuses more than 90 days", async () => {
    expect(await say("alice", driftIssue, "/kiln snooze 13w")).toBe(
      "`/kiln snooze` failed: a snooze lasts at most 90 days; got 13w.",
    );
  });

  it("politely refuses a user without write permission and changes nothing", async () => {
    const before = bodyOf(driftIssue);
    const reply = await say("reader", driftIssue, "/kiln snooze 30d");
    expect(reply).toMatch(/^Sorry @reader, `\/kiln snooze` needs write permission on octo-org\/models/);
    expect(bodyOf(driftIssue)).toBe(before);
  });
});

describe("/kiln retrain on a drift issue", () => {
  it("dispatches the pipeline workflow on the default branch and links its runs", async () => {
    const reply = await say("alice", driftIssue, "/kiln retrain");
    const dispatches = github.repository(owner, repo).dispatches;
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]).toMatchObject({ workflowId: "kiln-pipeline.yml", ref: "main" });
    expect(reply).toContain("Started `kiln-pipeline.yml` on `main` to retrain **churn**, as @alice asked.");
    expect(reply).toContain("/octo-org/models/actions/workflows/kiln-pipeline.yml");
  });

  it("says so when the named workflow does not exist", async () => {
    const reply = await say("alice", driftIssue, "/kiln retrain missing.yml");
    expect(reply).toMatch(/^`\/kiln retrain` failed: octo-org\/models has no workflow 'missing.yml'/);
    expect(github.repository(owner, repo).dispatches).toHaveLength(1);
  });

  it("does nothing on an issue that is not a drift issue", async () => {
    const reply = await say("alice", plainIssue, "/kiln retrain");
    expect(reply).toBe(
      `\`/kiln retrain\` failed: \`/kiln retrain\` works on drift issues opened by \`kiln monitor\`; #${plainIssue} is not one.`,
    );
    expect(github.repository(owner, repo).dispatches).toHaveLength(1);
  });

  it("politely refuses a user without write permission", async () => {
    const reply = await say("reader", driftIssue, "/kiln retrain");
    expect(reply).toMatch(/^Sorry @reader, `\/kiln retrain` needs write permission/);
    expect(github.repository(owner, repo).dispatches).toHaveLength(1);
  });

  it("is listed in the usage next to the promotion commands", async () => {
    const reply = await say("alice", driftIssue, "/kiln help");
    expect(reply).toContain("- `/kiln retrain [workflow file] (on a drift issue)`");
    expect(reply).toContain("- `/kiln snooze <period, e.g. 7d> (on a drift issue)`");
    expect(reply).toContain("- `/kiln promote");
  });
});
