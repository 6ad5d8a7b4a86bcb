/**
 * The stand-in answers as GitHub does: every route it serves is called here through real Octokit,
 * and every response body (and every webhook payload it raised on the way) is validated against
 * GitHub's published OpenAPI description. A route added to the table without a call here fails the
 * coverage test.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit, type KilnOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import {
  type GitHubStandIn,
  routeTable,
  startGitHubStandIn,
  webhookKinds,
} from "../support/github-stand-in/index.js";
import { GitHubOpenApi } from "../support/github-stand-in/openapi-conformance.js";
import { routeKey } from "../support/github-stand-in/route-table.js";

const OWNER = "kiln-org";
const REPO = "models";
const repo = { owner: OWNER, repo: REPO };

let api: GitHubOpenApi;
let standIn: GitHubStandIn;
let alice: KilnOctokit;
let bob: KilnOctokit;
let bot: KilnOctokit;
let app: KilnOctokit;

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

beforeAll(async () => {
  api = GitHubOpenApi.load();
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  standIn = await startGitHubStandIn({
    app: { id: 4242, slug: "kiln-bot", publicKey: keys.publicKey },
    recordExchanges: true,
  });
  standIn.createRepo(OWNER, REPO, {
    files: {
      "README.md": "# models\n",
      ".github/workflows/deploy.yml": "on: workflow_dispatch\n",
      "registry/iris.yaml": "staging: 1.0.0\n",
    },
  });
  alice = client(standIn.addUser("alice", { permission: "write" }).token);
  bob = client(standIn.addUser("bob", { permission: "maintain" }).token);
  bot = client(standIn.createInstallationToken());
  app = createOctokit({
    appAuth: { appId: 4242, privateKey: keys.privateKey, installationId: standIn.app!.installationId },
    baseUrl: standIn.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
}, 60_000);

afterAll(async () => {
  await standIn?.stop();
});

describe("the stand-in, exercised through real Octokit", () => {
  it("serves accounts, the app and its installation", async () => {
    await alice.rest.repos.get(repo);
    expect((await alice.rest.users.getAuthenticated()).data.login).toBe("alice");
    expect((await app.rest.apps.getAuthenticated()).data?.slug).toBe("kiln-bot");
    await app.rest.apps.getRepoInstallation(repo);
    // an installation token obtained with the app's JWT, then used
    const installed = await app.rest.issues.listForRepo(repo);
    expect(installed.status).toBe(200);
    const permission = await alice.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "bob" });
    expect(permission.data.role_name).toBe("maintain");
    expect(permission.data.permission).toBe("write");
    standIn.addTeamMember(OWNER, "ml-leads", "bob", { role: "maintainer" });
    expect(
      (
        await alice.rest.teams.getMembershipForUserInOrg({
          org: OWNER,
          team_slug: "ml-leads",
          username: "bob",
        })
      ).data.role,
    ).toBe("maintainer");
    await alice.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: "deploy.yml",
      ref: "main",
      inputs: { model: "iris" },
    });
    expect(standIn.repository(OWNER, REPO).dispatches).toMatchObject([
      { workflowId: "deploy.yml", inputs: { model: "iris" } },
    ]);
  });

  it("serves git data: refs, blobs, trees, commits, branches", async () => {
    const main = await alice.rest.git.getRef({ ...repo, ref: "heads/main" });
    const base = main.data.object.sha;
    await alice.rest.git.listMatchingRefs({ ...repo, ref: "heads/" });
    const blob = await alice.rest.git.createBlob({ ...repo, content: "hello\n", encoding: "utf-8" });
    expect(blob.data.sha).toBe("ce013625030ba8dba906f756967f9e9ca394464a"); // git hash-object of "hello\n"
    await alice.rest.git.getBlob({ ...repo, file_sha: blob.data.sha });
    const baseCommit = await alice.rest.git.getCommit({ ...repo, commit_sha: base });
    const tree = await alice.rest.git.createTree({
      ...repo,
      base_tree: baseCommit.data.tree.sha,
      tree: [{ path: "notes/hello.txt", mode: "100644", type: "blob", sha: blob.data.sha }],
    });
    await alice.rest.git.getTree({ ...repo, tree_sha: tree.data.sha });
    const commit = await alice.rest.git.createCommit({
      ...repo,
      message: "Add hello",
      tree: tree.data.sha,
      parents: [base],
    });
    await alice.rest.git.createRef({ ...repo, ref: "refs/heads/scratch", sha: base });
    await alice.rest.git.updateRef({ ...repo, ref: "heads/scratch", sha: commit.data.sha });
    await alice.rest.repos.getBranch({ ...repo, branch: "scratch" });
    const viaRest = await alice.rest.repos.getCommit({ ...repo, ref: "scratch" });
    expect(viaRest.data.files?.map((f) => f.filename)).toEqual(["notes/hello.txt"]);
    await alice.rest.git.deleteRef({ ...repo, ref: "heads/scratch" });
    await alice.rest.git.createRef({ ...repo, ref: "refs/tags/iris@v0.9.0", sha: base });
    const tags = await alice.rest.repos.listTags(repo);
    expect(tags.data.map((t) => [t.name, t.commit.sha])).toEqual([["iris@v0.9.0", base]]);
  });

  it("serves contents: read a file and a folder, create, update and delete", async () => {
    const file = await alice.rest.repos.getContent({ ...repo, path: "registry/iris.yaml" });
    await alice.rest.repos.getContent({ ...repo, path: "registry" });
    const root = await alice.rest.repos.getContent({ ...repo, path: "" });
    expect(Array.isArray(root.data) ? root.data.map((e) => [e.name, e.type]) : []).toEqual([
      [".github", "dir"],
      ["README.md", "file"],
      ["registry", "dir"],
    ]);
    const raw = await alice.rest.repos.getContent({
      ...repo,
      path: "registry/iris.yaml",
      mediaType: { format: "raw" },
    });
    expect(raw.data).toBe("staging: 1.0.0\n");
    const created = await alice.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: "registry/wine.yaml",
      message: "Register wine",
      content: Buffer.from("staging: 0.1.0\n").toString("base64"),
    });
    expect(created.status).toBe(201);
    const sha = Array.isArray(file.data) ? "" : file.data.sha;
    await alice.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: "registry/iris.yaml",
      message: "Promote iris",
      content: Buffer.from("staging: 1.1.0\n").toString("base64"),
      sha,
    });
    await alice.rest.repos.deleteFile({
      ...repo,
      path: "registry/wine.yaml",
      message: "Drop wine",
      sha: created.data.content!.sha!,
    });
  });

  it("serves releases and assets, uploads through upload_url and downloads through the redirect", async () => {
    const release = await alice.rest.repos.createRelease({
      ...repo,
      tag_name: "iris@v1.0.0",
      name: "iris 1.0.0",
      body: "card",
    });
    const id = release.data.id;
    await alice.rest.repos.getRelease({ ...repo, release_id: id });
    await alice.rest.repos.getReleaseByTag({ ...repo, tag: "iris@v1.0.0" });
    await alice.rest.repos.listReleases(repo);
    await alice.rest.repos.getLatestRelease(repo);
    await alice.rest.repos.updateRelease({ ...repo, release_id: id, body: "model card v2" });
    const bytes = Buffer.from("onnx bytes");
    const asset = await alice.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: id,
      url: release.data.upload_url,
      name: "model.onnx",
      data: bytes as unknown as string,
      headers: { "content-type": "application/octet-stream", "content-length": bytes.length },
    });
    await alice.rest.repos.listReleaseAssets({ ...repo, release_id: id });
    await alice.rest.repos.getReleaseAsset({ ...repo, asset_id: asset.data.id });
    const download = await alice.rest.repos.getReleaseAsset({
      ...repo,
      asset_id: asset.data.id,
      headers: { accept: "application/octet-stream" },
    });
    expect(Buffer.from(download.data as unknown as ArrayBuffer)).toEqual(bytes);
    const browser = await fetch(asset.data.browser_download_url);
    expect(Buffer.from(await browser.arrayBuffer())).toEqual(bytes);
    await alice.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.data.id });
    const scratch = await alice.rest.repos.createRelease({ ...repo, tag_name: "scratch", draft: true });
    await alice.rest.repos.deleteRelease({ ...repo, release_id: scratch.data.id });
  });

  it("serves pull requests: open, list, edit, files, reviews, dismissals, merge", async () => {
    standIn.createBranch(OWNER, REPO, "promote/iris-1.2.0");
    standIn.push(
      OWNER,
      REPO,
      "promote/iris-1.2.0",
      { "registry/iris.yaml": "staging: 1.2.0\n" },
      { as: "alice" },
    );
    const pull = await alice.rest.pulls.create({
      ...repo,
      title: "Promote iris 1.2.0",
      head: "promote/iris-1.2.0",
      base: "main",
    });
    const pull_number = pull.data.number;
    await alice.rest.pulls.get({ ...repo, pull_number });
    await alice.rest.pulls.list({ ...repo, state: "open" });
    await alice.rest.pulls.update({ ...repo, pull_number, body: "Evidence: accuracy 0.97" });
    standIn.push(OWNER, REPO, "promote/iris-1.2.0", { "evidence.md": "accuracy 0.97\n" }, { as: "alice" });
    await alice.rest.pulls.update({ ...repo, pull_number, state: "closed" });
    await alice.rest.pulls.update({ ...repo, pull_number, state: "open" });
    const files = await alice.rest.pulls.listFiles({ ...repo, pull_number });
    expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ["evidence.md", "added", 1, 0],
      ["registry/iris.yaml", "modified", 1, 1],
    ]);
    const commits = await alice.rest.pulls.listCommits({ ...repo, pull_number });
    expect(commits.data.map((c) => c.commit.message)).toEqual([
      "Update registry/iris.yaml",
      "Update evidence.md",
    ]);
    const approval = await bob.rest.pulls.createReview({ ...repo, pull_number, event: "APPROVE" });
    await bob.rest.pulls.listReviews({ ...repo, pull_number });
    await bob.rest.pulls.dismissReview({
      ...repo,
      pull_number,
      review_id: approval.data.id,
      message: "stale",
    });
    await bob.rest.pulls.createReview({ ...repo, pull_number, event: "APPROVE" });
    const head = await bob.rest.pulls.get({ ...repo, pull_number });
    await bob.rest.pulls.merge({ ...repo, pull_number, sha: head.data.head.sha });
  });

  it("serves check runs to the app", async () => {
    const head = standIn.refSha(OWNER, REPO, "main")!;
    const run = await bot.rest.checks.create({
      ...repo,
      name: "kiln/gate",
      head_sha: head,
      status: "in_progress",
    });
    await bot.rest.checks.update({
      ...repo,
      check_run_id: run.data.id,
      conclusion: "success",
      output: { title: "Gate passed", summary: "2 of 2 approvals" },
    });
    await bot.rest.checks.get({ ...repo, check_run_id: run.data.id });
    const listed = await bot.rest.checks.listForRef({ ...repo, ref: "main", check_name: "kiln/gate" });
    expect(listed.data.total_count).toBe(1);
    standIn.rerequestCheckRun(OWNER, REPO, run.data.id, "alice");
  });

  it("serves issues, comments and labels", async () => {
    await alice.rest.issues.createLabel({
      ...repo,
      name: "drift",
      color: "d73a4a",
      description: "Data drift",
    });
    await alice.rest.issues.getLabel({ ...repo, name: "drift" });
    const issue = await bot.rest.issues.create({ ...repo, title: "Drift in iris", body: "PSI 0.3" });
    const issue_number = issue.data.number;
    await bot.rest.issues.get({ ...repo, issue_number });
    await bot.rest.issues.addLabels({ ...repo, issue_number, labels: ["drift"] });
    await bot.rest.issues.listForRepo({ ...repo, labels: "drift" });
    await bot.rest.issues.addLabels({ ...repo, issue_number, labels: ["triaged"] });
    const left = await bot.rest.issues.removeLabel({ ...repo, issue_number, name: "triaged" });
    expect(left.data.map((l) => l.name)).toEqual(["drift"]);
    const comment = await bot.rest.issues.createComment({ ...repo, issue_number, body: "Still drifting" });
    await bot.rest.issues.listComments({ ...repo, issue_number });
    await bot.rest.issues.updateComment({
      ...repo,
      comment_id: comment.data.id,
      body: "Still drifting (day 2)",
    });
    await bot.rest.issues.update({ ...repo, issue_number, state: "closed" });
    await bot.rest.issues.update({ ...repo, issue_number, state: "open", title: "Drift in iris (again)" });
  });

  it("serves deployments and their statuses", async () => {
    const deployment = await bot.rest.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "production",
      auto_merge: false,
      required_contexts: [],
      payload: { model: "iris", version: "1.2.0" },
    });
    if (!("id" in deployment.data)) throw new Error("expected a deployment");
    const deployment_id = deployment.data.id;
    await bot.rest.repos.listDeployments({ ...repo, environment: "production" });
    await bot.rest.repos.getDeployment({ ...repo, deployment_id });
    await bot.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id,
      state: "success",
      environment_url: "http://serve.local",
    });
    await bot.rest.repos.listDeploymentStatuses({ ...repo, deployment_id });
  });

  it("answers errors in GitHub's shapes", async () => {
    await expect(alice.rest.repos.getReleaseByTag({ ...repo, tag: "missing" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(alice.rest.repos.createRelease({ ...repo, tag_name: "iris@v1.0.0" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(alice.request("GET /repos/{owner}/{repo}/nothing-here", repo)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("conformance with GitHub's OpenAPI description", () => {
  it("every response body matches the operation's schema for its status", () => {
    const problems: string[] = [];
    for (const exchange of standIn.exchanges) {
      // the stand-in's own download routes, and raw bytes, have no JSON to check
      if (exchange.openapi === false || exchange.raw) continue;
      if (exchange.openapi === undefined) {
        // an unknown route: GitHub's 404 body
        for (const problem of api.validateBasicError(exchange.body))
          problems.push(`${exchange.path} → 404: ${problem}`);
        continue;
      }
      for (const problem of api.validateResponse(
        exchange.openapi,
        exchange.method,
        exchange.status,
        exchange.body,
      )) {
        problems.push(`${exchange.method} ${exchange.openapi} → ${exchange.status}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(standIn.serverErrors).toEqual([]);
  });

  it("every webhook payload matches the event's schema", () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const delivery of standIn.deliveries) {
      seen.add(api.webhookKey(delivery.event, delivery.action));
      for (const problem of api.validateWebhook(delivery.event, delivery.action, delivery.payload)) {
        problems.push(`${api.webhookKey(delivery.event, delivery.action)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // every kind of webhook the stand-in can raise was raised, and so validated, above
    const kinds = webhookKinds.map((kind) => {
      const [event, action] = kind.split(".") as [string, string | undefined];
      return api.webhookKey(event, action);
    });
    expect([...seen].sort()).toEqual([...kinds].sort());
  });

  it("every served route is a GitHub operation and was exercised with a validated success", () => {
    const exercised = new Set(
      standIn.exchanges
        .filter((e) => e.status >= 200 && e.status < 400 && e.route !== undefined)
        .map((e) => `${e.method} ${e.route}`),
    );
    const missing = routeTable.map(routeKey).filter((key) => !exercised.has(key));
    expect(missing).toEqual([]);
    const unknown = routeTable
      .filter((r) => r.openapi !== false && !api.hasOperation(r.openapi, r.method))
      .map(routeKey);
    expect(unknown).toEqual([]);
  });
});
