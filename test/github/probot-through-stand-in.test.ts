/**
 * A real Probot app, a real Octokit and @actions/github's getOctokit, all against the stand-in:
 * state changes raise signed webhooks, the app authenticates as its installation (JWT → token)
 * and writes back; a forged delivery is refused and changes nothing.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ApplicationFunction } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { generateAppKeyPair, type RunningProbotApp, startProbotApp } from "../support/probot-harness.js";

const OWNER = "kiln-org";
const REPO = "models";
const repo = { owner: OWNER, repo: REPO };

/** The app under test: greets every opened issue and pull request, with the greeting from its config. */
const greeter: ApplicationFunction = (app) => {
  app.on(["issues.opened", "pull_request.opened"], async (context) => {
    const number =
      "pull_request" in context.payload ? context.payload.pull_request.number : context.payload.issue.number;
    // the repository's own config, read as real apps do (.github/greeter.yml on the default branch)
    const config = (await context.config<{ greeting?: string }>("greeter.yml")) ?? {};
    await context.octokit.rest.issues.createComment(
      context.repo({ issue_number: number, body: `${config.greeting ?? "Thanks"} for #${number}!` }),
    );
  });
};

function examplePayload(event: string, action: string): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@octokit/webhooks-examples/package.json"));
  const all = JSON.parse(readFileSync(join(root, "api.github.com", "index.json"), "utf8")) as {
    name: string;
    examples: Record<string, unknown>[];
  }[];
  const example = all.find((e) => e.name === event)?.examples.find((p) => p.action === action);
  if (example === undefined) throw new Error(`no example for ${event}.${action}`);
  return example;
}

let standIn: GitHubStandIn;
let probotApp: RunningProbotApp;
let alice: ReturnType<typeof createOctokit>;
let aliceToken: string;

beforeAll(async () => {
  const keys = generateAppKeyPair();
  standIn = await startGitHubStandIn({ app: { id: 77, slug: "kiln-bot", publicKey: keys.publicKey } });
  standIn.createRepo(OWNER, REPO, { files: { ".github/greeter.yml": "greeting: Cheers\n" } });
  aliceToken = standIn.addUser("alice", { permission: "write" }).token;
  alice = createOctokit({
    token: aliceToken,
    baseUrl: standIn.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
  probotApp = await startProbotApp(greeter, { standIn, privateKey: keys.privateKey });
}, 60_000);

afterAll(async () => {
  await probotApp?.stop();
  await standIn?.stop();
});

describe("a Probot app driven by the stand-in's webhooks", () => {
  it("comments on an opened issue as its bot user, after authenticating as the installation", async () => {
    const issue = await alice.rest.issues.create({ ...repo, title: "Model drifted" });
    await standIn.waitForIdle();
    const comments = await alice.rest.issues.listComments({ ...repo, issue_number: issue.data.number });
    expect(comments.data.map((c) => [c.user?.login, c.body])).toEqual([
      ["kiln-bot[bot]", `Cheers for #${issue.data.number}!`],
    ]);
    const delivery = standIn.deliveries.find((d) => d.event === "issues" && d.action === "opened");
    expect(delivery?.status).toBe(200);
  });

  it("comments on an opened pull request", async () => {
    standIn.createBranch(OWNER, REPO, "feature");
    standIn.push(OWNER, REPO, "feature", { "kiln.yaml": "stages: {}\n" }, { as: "alice" });
    const pull = await alice.rest.pulls.create({
      ...repo,
      title: "Add pipeline",
      head: "feature",
      base: "main",
    });
    await standIn.waitForIdle();
    const comments = await alice.rest.issues.listComments({ ...repo, issue_number: pull.data.number });
    expect(comments.data.map((c) => c.body)).toEqual([`Cheers for #${pull.data.number}!`]);
  });

  /** The issues.opened example payload from @octokit/webhooks-examples, pointed at an issue of the test repository. */
  function openedPayload(issueNumber: number): Record<string, unknown> {
    const example = examplePayload("issues", "opened");
    const repository = example.repository as { owner: object };
    return {
      ...example,
      issue: { ...(example.issue as object), number: issueNumber },
      repository: {
        ...repository,
        name: REPO,
        full_name: `${OWNER}/${REPO}`,
        owner: { ...repository.owner, login: OWNER },
      },
    };
  }

  it("refuses a forged delivery with 400 and does nothing", async () => {
    const issue = await alice.rest.issues.create({ ...repo, title: "Quiet" });
    await standIn.waitForIdle();
    const before = standIn.repository(OWNER, REPO).comments.size;
    const status = await probotApp.sendWebhook("issues", openedPayload(issue.data.number), {
      secret: "not-the-secret",
    });
    expect(status).toBe(400);
    await standIn.waitForIdle();
    expect(standIn.repository(OWNER, REPO).comments.size).toBe(before);
  });

  it("takes the same delivery when it is signed with the app's secret", async () => {
    const issue = await alice.rest.issues.create({ ...repo, title: "Loud" });
    await standIn.waitForIdle();
    const comments = standIn.repository(OWNER, REPO).comments;
    const before = comments.size;
    expect(await probotApp.sendWebhook("issues", openedPayload(issue.data.number))).toBe(200);
    expect(comments.size).toBe(before + 1);
  });
});

describe("other real clients", () => {
  it("@actions/github's getOctokit reaches the stand-in through GITHUB_API_URL", async () => {
    process.env.GITHUB_API_URL = standIn.baseUrl;
    // @actions/github reads GITHUB_API_URL when it is first imported
    const { getOctokit } = await import("@actions/github");
    const octokit = getOctokit(aliceToken);
    const me = await octokit.rest.users.getAuthenticated();
    expect(me.data.login).toBe("alice");
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: "v0.1.0" });
    expect(standIn.refSha(OWNER, REPO, "v0.1.0")).toBe(standIn.refSha(OWNER, REPO, "main"));
    expect(release.data.upload_url.startsWith(standIn.baseUrl)).toBe(true);
  });

  it("rejects an unknown token with 401 Bad credentials", async () => {
    const stranger = createOctokit({
      token: "ghp_unknown",
      baseUrl: standIn.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
    await expect(stranger.rest.repos.get(repo)).rejects.toMatchObject({
      status: 401,
      response: { data: { message: "Bad credentials" } },
    });
  });
});
