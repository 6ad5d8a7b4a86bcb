/**
 * The stand-in behaves as GitHub does where other areas' tests depend on it: optimistic
 * concurrency (sha checks, existing refs and tags), merges, reviews bound to the head at the time,
 * permissions, pagination, streamed assets, signed ordered webhooks, and injected faults.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOctokit, type KilnOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { generateAppKeyPair } from "../support/probot-harness.js";

const OWNER = "octo-org";
let standIn: GitHubStandIn;
let alice: KilnOctokit;
let bob: KilnOctokit;
let reader: KilnOctokit;
let bot: KilnOctokit;
let counter = 0;

function client(token: string): KilnOctokit {
  return createOctokit({
    token,
    baseUrl: standIn.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
}

/** A fresh repository per test, so tests do not share state. */
function freshRepo(files?: Record<string, string>): { owner: string; repo: string } {
  counter++;
  const created = standIn.createRepo(OWNER, `repo-${counter}`, files === undefined ? {} : { files });
  return { owner: created.owner, repo: created.repo };
}

const b64 = (text: string): string => Buffer.from(text).toString("base64");

beforeAll(async () => {
  standIn = await startGitHubStandIn({ app: { id: 5, publicKey: generateAppKeyPair().publicKey } });
  alice = client(standIn.addUser("alice").token);
  bob = client(standIn.addUser("bob").token);
  reader = client(standIn.addUser("reader", { permission: "read" }).token);
  bot = client(standIn.createInstallationToken());
});

afterAll(async () => {
  await standIn?.stop();
});

afterEach(() => {
  expect(standIn.serverErrors).toEqual([]);
});

describe("contents", () => {
  it("creates a commit on the branch whose parent is the previous head", async () => {
    const repo = freshRepo();
    const before = standIn.refSha(repo.owner, repo.repo, "main")!;
    const put = await alice.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: "a/b.txt",
      message: "add",
      content: b64("one\n"),
    });
    expect(standIn.refSha(repo.owner, repo.repo, "main")).toBe(put.data.commit.sha);
    expect(put.data.commit.parents?.map((p) => p.sha)).toEqual([before]);
    const read = await alice.rest.repos.getContent({ ...repo, path: "a/b.txt" });
    if (Array.isArray(read.data) || read.data.type !== "file") throw new Error("expected a file");
    expect(Buffer.from(read.data.content, "base64").toString()).toBe("one\n");
    expect(read.data.sha).toBe(createHash("sha1").update("blob 4\0one\n").digest("hex"));
  });

  it("refuses an update without the current sha (422) or with a stale one (409)", async () => {
    const repo = freshRepo({ "f.txt": "v1\n" });
    await expect(
      alice.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: "f.txt",
        message: "m",
        content: b64("v2\n"),
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      alice.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: "f.txt",
        message: "m",
        content: b64("v2\n"),
        sha: "0".repeat(40),
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(standIn.readFile(repo.owner, repo.repo, "f.txt")).toBe("v1\n");
  });

  it("answers 404 for a missing path and for a missing ref", async () => {
    const repo = freshRepo();
    await expect(alice.rest.repos.getContent({ ...repo, path: "nope.txt" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      alice.rest.repos.getContent({ ...repo, path: "README.md", ref: "no-branch" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("refs", () => {
  it("refuses to create an existing ref, and to move a ref backwards unless forced", async () => {
    const repo = freshRepo();
    const first = standIn.refSha(repo.owner, repo.repo, "main")!;
    await alice.rest.git.createRef({ ...repo, ref: "refs/tags/iris@v1.0.0", sha: first });
    const again = alice.rest.git.createRef({ ...repo, ref: "refs/tags/iris@v1.0.0", sha: first });
    await expect(again).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference already exists" } },
    });
    const second = standIn.push(repo.owner, repo.repo, "main", { "x.txt": "x" }).sha;
    await expect(alice.rest.git.updateRef({ ...repo, ref: "heads/main", sha: first })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Update is not a fast forward" } },
    });
    await alice.rest.git.updateRef({ ...repo, ref: "heads/main", sha: first, force: true });
    expect(standIn.refSha(repo.owner, repo.repo, "main")).toBe(first);
    expect(second).not.toBe(first);
  });
});

describe("releases", () => {
  it("creates the tag at target_commitish and refuses a second release with the same tag (422 already_exists)", async () => {
    const repo = freshRepo();
    standIn.createBranch(repo.owner, repo.repo, "train");
    const trained = standIn.push(repo.owner, repo.repo, "train", { "model.txt": "m" }).sha;
    await alice.rest.repos.createRelease({ ...repo, tag_name: "iris@v1.0.0", target_commitish: "train" });
    expect(standIn.refSha(repo.owner, repo.repo, "refs/tags/iris@v1.0.0")).toBe(trained);
    const duplicate = await alice.rest.repos
      .createRelease({ ...repo, tag_name: "iris@v1.0.0" })
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({
      status: 422,
      response: {
        data: {
          message: "Validation Failed",
          errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
        },
      },
    });
  });

  it("paginates with Link headers that Octokit follows", async () => {
    const repo = freshRepo();
    for (let i = 1; i <= 5; i++) await alice.rest.repos.createRelease({ ...repo, tag_name: `v${i}` });
    const first = await alice.rest.repos.listReleases({ ...repo, per_page: 2 });
    expect(first.data.map((r) => r.tag_name)).toEqual(["v5", "v4"]);
    expect(first.headers.link).toContain('rel="next"');
    const all = await alice.paginate(alice.rest.repos.listReleases, { ...repo, per_page: 2 });
    expect(all.map((r) => r.tag_name)).toEqual(["v5", "v4", "v3", "v2", "v1"]);
  });

  it("streams a 32 MB asset in and out, keeping every byte", async () => {
    const repo = freshRepo();
    const release = await alice.rest.repos.createRelease({ ...repo, tag_name: "big" });
    const chunk = randomBytes(1024 * 1024);
    const chunks = 32;
    const expected = createHash("sha256");
    for (let i = 0; i < chunks; i++) expected.update(chunk);
    const digest = expected.digest("hex");
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < chunks; i++) yield chunk;
      })(),
    );
    const asset = await alice.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.data.id,
      url: release.data.upload_url,
      name: "model.onnx",
      data: body as unknown as string,
      headers: { "content-type": "application/octet-stream", "content-length": chunks * chunk.length },
    });
    expect(asset.data.size).toBe(chunks * chunk.length);
    expect(asset.data.digest).toBe(`sha256:${digest}`);
    const download = await fetch(asset.data.browser_download_url);
    const got = createHash("sha256");
    for await (const part of download.body as unknown as AsyncIterable<Uint8Array>) got.update(part);
    expect(got.digest("hex")).toBe(digest);
  });

  it("refuses a second asset with the same name", async () => {
    const repo = freshRepo();
    const release = await alice.rest.repos.createRelease({ ...repo, tag_name: "v1" });
    const upload = () =>
      alice.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: release.data.id,
        url: release.data.upload_url,
        name: "a.bin",
        data: "abc",
      });
    await upload();
    await expect(upload()).rejects.toMatchObject({ status: 422 });
  });
});

describe("pull requests", () => {
  async function openPull(repo: { owner: string; repo: string }, files: Record<string, string>) {
    standIn.createBranch(repo.owner, repo.repo, "topic");
    standIn.push(repo.owner, repo.repo, "topic", files, { as: "alice" });
    return alice.rest.pulls.create({ ...repo, title: "Topic", head: "topic", base: "main" });
  }

  it("needs existing head and base branches", async () => {
    const repo = freshRepo();
    await expect(
      alice.rest.pulls.create({ ...repo, title: "t", head: "ghost", base: "main" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: "head", code: "invalid" }] } },
    });
  });

  it("merges with a merge commit on the base whose parents are the base and the head", async () => {
    const repo = freshRepo({ "registry/iris.yaml": "staging: 1.0.0\n" });
    const base = standIn.refSha(repo.owner, repo.repo, "main")!;
    const pull = await openPull(repo, { "registry/iris.yaml": "staging: 1.1.0\n" });
    await bob.rest.pulls.createReview({ ...repo, pull_number: pull.data.number, event: "APPROVE" });
    const merged = await bob.rest.pulls.merge({
      ...repo,
      pull_number: pull.data.number,
      sha: pull.data.head.sha,
    });
    expect(standIn.refSha(repo.owner, repo.repo, "main")).toBe(merged.data.sha);
    const commit = await alice.rest.git.getCommit({ ...repo, commit_sha: merged.data.sha });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([base, pull.data.head.sha]);
    expect(standIn.readFile(repo.owner, repo.repo, "registry/iris.yaml")).toBe("staging: 1.1.0\n");
    const after = await alice.rest.pulls.get({ ...repo, pull_number: pull.data.number });
    expect([after.data.state, after.data.merged, after.data.merged_by?.login]).toEqual([
      "closed",
      true,
      "bob",
    ]);
    await expect(bob.rest.pulls.merge({ ...repo, pull_number: pull.data.number })).rejects.toMatchObject({
      status: 405,
    });
  });

  it("refuses a merge whose expected head sha is stale (409) and a conflicting merge (405)", async () => {
    const repo = freshRepo({ "f.txt": "base\n" });
    const pull = await openPull(repo, { "f.txt": "topic\n" });
    standIn.push(repo.owner, repo.repo, "topic", { "g.txt": "more\n" });
    await expect(
      bob.rest.pulls.merge({ ...repo, pull_number: pull.data.number, sha: pull.data.head.sha }),
    ).rejects.toMatchObject({
      status: 409,
    });
    standIn.push(repo.owner, repo.repo, "main", { "f.txt": "main changed\n" });
    const now = await alice.rest.pulls.get({ ...repo, pull_number: pull.data.number });
    expect(now.data.mergeable).toBe(false);
    await expect(bob.rest.pulls.merge({ ...repo, pull_number: pull.data.number })).rejects.toMatchObject({
      status: 405,
    });
  });

  it("records each review with its author and the head sha at the time, and refuses self-approval", async () => {
    const repo = freshRepo();
    const pull = await openPull(repo, { "a.txt": "a\n" });
    await expect(
      alice.rest.pulls.createReview({ ...repo, pull_number: pull.data.number, event: "APPROVE" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: ["Can not approve your own pull request"] } },
    });
    await bob.rest.pulls.createReview({ ...repo, pull_number: pull.data.number, event: "APPROVE" });
    const pushed = standIn.push(repo.owner, repo.repo, "topic", { "b.txt": "b\n" });
    await reader.rest.pulls.createReview({ ...repo, pull_number: pull.data.number, event: "APPROVE" });
    const reviews = await alice.rest.pulls.listReviews({ ...repo, pull_number: pull.data.number });
    expect(reviews.data.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([
      ["bob", "APPROVED", pull.data.head.sha],
      ["reader", "APPROVED", pushed.sha],
    ]);
    await standIn.waitForIdle();
    const sync = standIn.deliveries.find(
      (d) =>
        d.event === "pull_request" &&
        d.action === "synchronize" &&
        (d.payload.repository as { name: string }).name === repo.repo,
    );
    expect(sync?.payload).toMatchObject({ before: pull.data.head.sha, after: pushed.sha });
  });

  it("lists the changed files with line counts against the merge base", async () => {
    const repo = freshRepo({ "keep.txt": "k\n", "edit.txt": "a\nb\nc\n", "drop.txt": "d\n" });
    const pull = await openPull(repo, {
      "edit.txt": "a\nB\nc\nd\n",
      "drop.txt": null as unknown as string,
      "new.txt": "n\n",
    });
    standIn.push(repo.owner, repo.repo, "main", { "keep.txt": "main moved on\n" });
    const files = await alice.rest.pulls.listFiles({ ...repo, pull_number: pull.data.number });
    expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ["drop.txt", "removed", 0, 1],
      ["edit.txt", "modified", 2, 1],
      ["new.txt", "added", 1, 0],
    ]);
  });
});

describe("issues, checks and permissions", () => {
  it("numbers issues and pull requests together and lists both as issues, filtered by labels", async () => {
    const repo = freshRepo();
    const issue = await alice.rest.issues.create({ ...repo, title: "drift", labels: ["drift", "iris"] });
    standIn.createBranch(repo.owner, repo.repo, "t");
    standIn.push(repo.owner, repo.repo, "t", { "t.txt": "t" });
    const pull = await alice.rest.pulls.create({ ...repo, title: "pr", head: "t", base: "main" });
    expect([issue.data.number, pull.data.number]).toEqual([1, 2]);
    const all = await alice.rest.issues.listForRepo(repo);
    expect(all.data.map((i) => [i.number, i.pull_request === undefined])).toEqual([
      [2, false],
      [1, true],
    ]);
    const drift = await alice.rest.issues.listForRepo({ ...repo, labels: "iris,drift" });
    expect(drift.data.map((i) => i.number)).toEqual([1]);
  });

  it("refuses a body over 65,536 characters as GitHub does", async () => {
    const repo = freshRepo();
    await expect(
      alice.rest.issues.create({ ...repo, title: "long", body: "x".repeat(65_537) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("lets only apps write check runs", async () => {
    const repo = freshRepo();
    const head = standIn.refSha(repo.owner, repo.repo, "main")!;
    await expect(alice.rest.checks.create({ ...repo, name: "gate", head_sha: head })).rejects.toMatchObject({
      status: 403,
      response: { data: { message: "You must authenticate via a GitHub App." } },
    });
    const run = await bot.rest.checks.create({
      ...repo,
      name: "gate",
      head_sha: head,
      conclusion: "success",
    });
    expect([run.data.status, run.data.app?.slug]).toEqual(["completed", "kiln-bot"]);
  });

  it("refuses writes to users with read permission and hides private repositories from strangers", async () => {
    const repo = freshRepo();
    await expect(reader.rest.repos.createRelease({ ...repo, tag_name: "v1" })).rejects.toMatchObject({
      status: 403,
    });
    counter++;
    const secret = standIn.createRepo(OWNER, `private-${counter}`, { private: true });
    const strangerToken = standIn.addUser(`stranger-${counter}`, { permission: "none" }).token;
    await expect(
      client(strangerToken).rest.repos.get({ owner: secret.owner, repo: secret.repo }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("answers 401 without a token and 404 with GitHub's body for an unknown route", async () => {
    const anonymous = await fetch(`${standIn.baseUrl}/repos/${OWNER}/whatever`);
    expect(anonymous.status).toBe(401);
    const unknown = await alice
      .request("GET /repos/{owner}/{repo}/no-such-thing", { owner: OWNER, repo: "x" })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      status: 404,
      response: { data: { message: "Not Found", documentation_url: expect.any(String) } },
    });
  });
});

describe("webhooks", () => {
  let receiver: Server;
  let received: { event: string; action: unknown; valid: boolean }[];

  beforeAll(async () => {
    received = [];
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      const valid = await verify("s3cret", body, String(req.headers["x-hub-signature-256"]));
      received.push({
        event: String(req.headers["x-github-event"]),
        action: (JSON.parse(body) as { action?: unknown }).action,
        valid,
      });
      res.writeHead(valid ? 200 : 400).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    standIn.setWebhook(undefined);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("delivers signed events in the order the changes happened", async () => {
    const repo = freshRepo();
    standIn.setWebhook({
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      secret: "s3cret",
    });
    received.length = 0;
    const issue = await alice.rest.issues.create({ ...repo, title: "a" });
    await alice.rest.issues.createComment({ ...repo, issue_number: issue.data.number, body: "b" });
    await alice.rest.issues.update({ ...repo, issue_number: issue.data.number, state: "closed" });
    await standIn.waitForIdle();
    expect(received).toEqual([
      { event: "issues", action: "opened", valid: true },
      { event: "issue_comment", action: "created", valid: true },
      { event: "issues", action: "closed", valid: true },
    ]);
  });

  it("logs events without delivering them while webhooks are off", async () => {
    const repo = freshRepo();
    standIn.setWebhooksEnabled(false);
    received.length = 0;
    await alice.rest.issues.create({ ...repo, title: "quiet" });
    await standIn.waitForIdle();
    standIn.setWebhooksEnabled(true);
    expect(received).toEqual([]);
    expect(standIn.deliveries.at(-1)).toMatchObject({ event: "issues", action: "opened", status: "skipped" });
  });
});

describe("fault injection", () => {
  it("fails the next matching requests, then answers normally", async () => {
    const repo = freshRepo();
    standIn.failNext({ method: "POST", path: "/repos/{owner}/{repo}/releases", status: 503, times: 2 });
    await expect(alice.rest.repos.createRelease({ ...repo, tag_name: "v1" })).rejects.toMatchObject({
      status: 503,
    });
    await expect(alice.rest.repos.createRelease({ ...repo, tag_name: "v1" })).rejects.toMatchObject({
      status: 503,
    });
    expect((await alice.rest.repos.createRelease({ ...repo, tag_name: "v1" })).status).toBe(201);
  });

  it("can drop the connection, matching the path by a regular expression", async () => {
    const repo = freshRepo();
    standIn.failNext({ path: /\/releases\/tags\//, dropConnection: true });
    await expect(alice.rest.repos.getReleaseByTag({ ...repo, tag: "v1" })).rejects.toMatchObject({
      status: 500,
    });
    await expect(alice.rest.repos.getReleaseByTag({ ...repo, tag: "v1" })).rejects.toMatchObject({
      status: 404,
    });
  });
});
