/**
 * The GitHub port's edge: the Octokit factory (retry, throttling, GITHUB_API_URL, app auth) and the
 * one converter of Octokit failures, exercised through real Octokit against the stand-in.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubApiError, NotFoundError, UsageError } from "../../runtime/errors.js";
import { callGitHub, toGitHubError } from "../../runtime/github/github-error.js";
import { createOctokit, type OctokitFactoryOptions } from "../../runtime/github/octokit-factory.js";
import type { Logger } from "../../runtime/logger.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { generateAppKeyPair } from "../support/probot-harness.js";

const repo = { owner: "octo-org", repo: "models" };

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug() {},
    info() {},
    warn(message) {
      warnings.push(message);
    },
    error() {},
    group: (_name, fn) => fn(),
  };
}

let standIn: GitHubStandIn;
let token: string;
const keys = generateAppKeyPair();

beforeAll(async () => {
  standIn = await startGitHubStandIn({ app: { id: 9, slug: "kiln-bot", publicKey: keys.publicKey } });
  standIn.createRepo(repo.owner, repo.repo);
  token = standIn.addUser("alice").token;
});

afterAll(async () => {
  await standIn?.stop();
});

function options(overrides: Partial<OctokitFactoryOptions> = {}): OctokitFactoryOptions {
  return {
    env: { GITHUB_API_URL: standIn.baseUrl, GITHUB_TOKEN: token },
    logger: recordingLogger(),
    retry: false,
    throttle: false,
    ...overrides,
  };
}

describe("createOctokit", () => {
  it("takes the API URL and token from GITHUB_API_URL and GITHUB_TOKEN", async () => {
    const octokit = createOctokit(options());
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe("alice");
  });

  it("prefers an explicit baseUrl and token over the environment", async () => {
    const octokit = createOctokit(
      options({ baseUrl: `${standIn.baseUrl}/`, token, env: { GITHUB_API_URL: "http://127.0.0.1:1" } }),
    );
    expect((await octokit.rest.repos.get(repo)).data.full_name).toBe("octo-org/models");
  });

  it("refuses to start without a token, saying how to provide one", () => {
    expect(() => createOctokit(options({ env: { GITHUB_API_URL: standIn.baseUrl } }))).toThrow(UsageError);
    expect(() => createOctokit(options({ env: { GITHUB_API_URL: standIn.baseUrl } }))).toThrow(
      "No GitHub token: pass one or set GITHUB_TOKEN.",
    );
  });

  it("refuses an API URL that is not http(s)", () => {
    expect(() =>
      createOctokit(options({ env: { GITHUB_API_URL: "ftp://example", GITHUB_TOKEN: "x" } })),
    ).toThrow("GitHub API URL 'ftp://example' is not an http(s) URL.");
  });

  it("authenticates as an app installation with a JWT, acting as the app's bot", async () => {
    const octokit = createOctokit(
      options({
        appAuth: { appId: 9, privateKey: keys.privateKey, installationId: standIn.app!.installationId },
      }),
    );
    const issue = await octokit.rest.issues.create({ ...repo, title: "from the bot" });
    expect(issue.data.user?.login).toBe("kiln-bot[bot]");
  });

  it("retries a 502 when retry is on", async () => {
    standIn.failNext({ method: "GET", path: "/repos/{owner}/{repo}", status: 502 });
    const octokit = createOctokit(options({ retry: true }));
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
  });

  it("fails on the first 502 when retry is off", async () => {
    standIn.failNext({ method: "GET", path: "/repos/{owner}/{repo}", status: 502 });
    const octokit = createOctokit(options());
    await expect(octokit.rest.repos.get(repo)).rejects.toMatchObject({ status: 502 });
  });

  it("waits out a secondary rate limit, logging it, and gives up after the bound", async () => {
    const logger = recordingLogger();
    const octokit = createOctokit(options({ throttle: true, logger, rateLimitRetries: 1 }));
    const limit = {
      method: "GET",
      path: "/repos/{owner}/{repo}",
      status: 403,
      headers: { "retry-after": "1" },
    };
    const message =
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    standIn.failNext({ ...limit, message });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
    expect(logger.warnings).toEqual([
      `GitHub secondary rate limit hit on GET /repos/{owner}/{repo}; retrying in 1 s (retry 1 of 1).`,
    ]);
    standIn.failNext({ ...limit, message, times: 2 });
    await expect(octokit.rest.repos.get(repo)).rejects.toMatchObject({ status: 403 });
    expect(logger.warnings.at(-1)).toBe(
      "GitHub secondary rate limit hit on GET /repos/{owner}/{repo}; giving up.",
    );
  });
});

describe("toGitHubError", () => {
  const octokit = () => createOctokit(options());

  it("names the endpoint, the status and GitHub's message", async () => {
    const error = await octokit()
      .rest.repos.getReleaseByTag({ ...repo, tag: "iris@v9.9.9" })
      .catch((e: unknown) => toGitHubError(e));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 404,
      endpoint: "GET /repos/octo-org/models/releases/tags/iris%40v9.9.9",
    });
    expect((error as Error).message).toMatch(
      /^GitHub API GET \/repos\/octo-org\/models\/releases\/tags\/iris%40v9\.9\.9 failed with 404: Not Found\. /,
    );
  });

  it("turns a 404 into a NotFoundError when the caller says what was looked up", async () => {
    const error = await callGitHub(
      () => octokit().rest.repos.getReleaseByTag({ ...repo, tag: "iris@v9.9.9" }),
      {
        notFound: "release iris@v9.9.9 does not exist in octo-org/models.",
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("release iris@v9.9.9 does not exist in octo-org/models.");
  });

  it("includes the validation errors of a 422", async () => {
    await octokit().rest.repos.createRelease({ ...repo, tag_name: "dup" });
    const error = await callGitHub(() =>
      octokit().rest.repos.createRelease({ ...repo, tag_name: "dup" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).message).toBe(
      "GitHub API POST /repos/octo-org/models/releases failed with 422: Validation Failed (Release tag_name already_exists).",
    );
  });

  it("explains a 401 with a hint about the token", async () => {
    const stranger = createOctokit(options({ token: "ghp_nobody" }));
    const error = await callGitHub(() => stranger.rest.repos.get(repo)).catch((e: unknown) => e);
    expect((error as GitHubApiError).message).toBe(
      "GitHub API GET /repos/octo-org/models failed with 401: Bad credentials. Check the token: it is missing, expired or revoked.",
    );
  });

  it("reports a dropped connection as GitHub being unreachable, without a status", async () => {
    standIn.failNext({ path: "/repos/{owner}/{repo}", dropConnection: true });
    const error = await callGitHub(() => octokit().rest.repos.get(repo)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: undefined, endpoint: "GET /repos/octo-org/models" });
    expect((error as Error).message).toMatch(/^could not reach GitHub for GET \/repos\/octo-org\/models: /);
  });

  it("reports a refused connection as GitHub being unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = createOctokit(options({ baseUrl: `http://127.0.0.1:${port}` }));
    const error = await callGitHub(() => nowhere.rest.repos.get(repo)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^could not reach GitHub for GET \/repos\/octo-org\/models: .*ECONNREFUSED/,
    );
  });

  it("leaves Kiln errors as they are", () => {
    const original = new NotFoundError("gone");
    expect(toGitHubError(original)).toBe(original);
  });
});
