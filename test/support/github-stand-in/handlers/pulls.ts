/** Pull requests (issues with a head and a base), their files, merges and reviews. */
import { emitPullRequest, emitPullRequestReview } from "../events.js";
import { field, HttpError, notFound, paginate, timestamp, validationFailed } from "../http-kit.js";
import { pullFigures, pullFiles, pullMerge } from "../pull-figures.js";
import { personOf, updateRef } from "../ref-updates.js";
import { type Route, type RouteContext, route } from "../route.js";
import { commitJson, pullJson, reviewJson } from "../shapes.js";
import type { IssueRecord, RepositoryState, ReviewRecord } from "../state.js";

const R = "/repos/{owner}/{repo}";

export function pullByNumber(repo: RepositoryState, number: string): IssueRecord {
  const issue = repo.issues.get(Number(number));
  if (issue?.pull === undefined) throw notFound();
  return issue;
}

function full(ctx: RouteContext, issue: IssueRecord): Record<string, unknown> {
  return pullJson(ctx.world, ctx.repo, issue, pullFigures(ctx.world, ctx.repo, issue));
}

function branchOf(repo: RepositoryState, value: string): string {
  const colon = value.indexOf(":");
  if (colon < 0) return value;
  const owner = value.slice(0, colon);
  return owner.toLowerCase() === repo.owner.login.toLowerCase() ? value.slice(colon + 1) : value;
}

function unprocessable(...errors: string[]): HttpError {
  return new HttpError(422, "Unprocessable Entity", { errors });
}

export const pullRoutes: Route[] = [
  route("POST", `${R}/pulls`, async (ctx) => {
    const { repo, world } = ctx;
    const body = await ctx.json();
    const title = field(body, "title", "string", "PullRequest", true)!;
    const head = branchOf(repo, field(body, "head", "string", "PullRequest", true)!);
    const base = field(body, "base", "string", "PullRequest", true)!;
    const headSha = repo.branchSha(head);
    const baseSha = repo.branchSha(base);
    if (baseSha === undefined)
      throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    if (headSha === undefined)
      throw validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
    if (repo.git.isAncestor(headSha, baseSha)) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${base} and ${head}`,
      });
    }
    const duplicate = [...repo.issues.values()].find(
      (i) => i.pull !== undefined && i.state === "open" && i.pull.head === head && i.pull.base === base,
    );
    if (duplicate !== undefined) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `A pull request already exists for ${repo.owner.login}:${head}.`,
      });
    }
    const now = timestamp();
    const issue: IssueRecord = {
      number: repo.nextNumber++,
      id: world.nextId(),
      title,
      body: field(body, "body", "string", "PullRequest", false) ?? null,
      state: "open",
      stateReason: null,
      labels: [],
      assignees: [],
      user: ctx.identity.account,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
      locked: false,
      pull: {
        id: world.nextId(),
        head,
        base,
        headSha,
        draft: field(body, "draft", "boolean", "PullRequest", false) ?? false,
        merged: false,
        mergedAt: null,
        mergedBy: null,
        mergeCommitSha: null,
        maintainerCanModify: field(body, "maintainer_can_modify", "boolean", "PullRequest", false) ?? false,
      },
    };
    repo.issues.set(issue.number, issue);
    emitPullRequest(world, repo, "opened", issue, ctx.identity.account);
    return { status: 201, body: full(ctx, issue) };
  }),

  route("GET", `${R}/pulls/{pull_number}`, (ctx) => ({
    status: 200,
    body: full(ctx, pullByNumber(ctx.repo, ctx.params.pull_number!)),
  })),

  route("GET", `${R}/pulls`, (ctx) => {
    const { repo, url } = ctx;
    const state = url.searchParams.get("state") ?? "open";
    const head = url.searchParams.get("head");
    const base = url.searchParams.get("base");
    const direction = url.searchParams.get("direction") ?? "desc";
    const pulls = [...repo.issues.values()]
      .filter((i) => i.pull !== undefined)
      .filter((i) => state === "all" || i.state === state)
      .filter((i) => head === null || i.pull!.head === branchOf(repo, head))
      .filter((i) => base === null || i.pull!.base === base)
      .sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    const { page, headers } = paginate(url, pulls);
    return {
      status: 200,
      body: page.map((i) => pullJson(ctx.world, repo, i, pullFigures(ctx.world, repo, i), "simple")),
      headers,
    };
  }),

  route("PATCH", `${R}/pulls/{pull_number}`, async (ctx) => {
    const issue = pullByNumber(ctx.repo, ctx.params.pull_number!);
    const body = await ctx.json();
    const changes: Record<string, { from: unknown }> = {};
    const title = field(body, "title", "string", "PullRequest", false);
    if (title !== undefined && title !== issue.title) {
      changes.title = { from: issue.title };
      issue.title = title;
    }
    if ("body" in body) {
      const text = field(body, "body", "string", "PullRequest", false) ?? null;
      if (text !== issue.body) {
        changes.body = { from: issue.body ?? "" };
        issue.body = text;
      }
    }
    const base = field(body, "base", "string", "PullRequest", false);
    if (base !== undefined && base !== issue.pull!.base) {
      if (ctx.repo.branchSha(base) === undefined)
        throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
      changes.base = { from: { ref: issue.pull!.base, sha: ctx.repo.branchSha(issue.pull!.base) } };
      issue.pull!.base = base;
    }
    const state = field(body, "state", "string", "PullRequest", false);
    if (state !== undefined && state !== "open" && state !== "closed") {
      throw validationFailed({ resource: "PullRequest", field: "state", code: "invalid" });
    }
    issue.updatedAt = timestamp();
    if (Object.keys(changes).length > 0)
      emitPullRequest(ctx.world, ctx.repo, "edited", issue, ctx.identity.account, { changes });
    if (state === "closed" && issue.state === "open") {
      issue.state = "closed";
      issue.closedAt = timestamp();
      issue.closedBy = ctx.identity.account;
      emitPullRequest(ctx.world, ctx.repo, "closed", issue, ctx.identity.account);
    } else if (state === "open" && issue.state === "closed") {
      if (issue.pull!.merged)
        throw validationFailed({ resource: "PullRequest", field: "state", code: "invalid" });
      issue.state = "open";
      issue.closedAt = null;
      issue.closedBy = null;
      issue.pull!.headSha = ctx.repo.branchSha(issue.pull!.head) ?? issue.pull!.headSha;
      emitPullRequest(ctx.world, ctx.repo, "reopened", issue, ctx.identity.account);
    }
    return { status: 200, body: full(ctx, issue) };
  }),

  route("GET", `${R}/pulls/{pull_number}/files`, (ctx) => {
    const issue = pullByNumber(ctx.repo, ctx.params.pull_number!);
    const { world, repo } = ctx;
    const files = pullFiles(repo, issue).map((f) => ({
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: world.html(`/${repo.fullName}/blob/${issue.pull!.headSha}/${f.filename}`),
      raw_url: `${world.baseUrl}/_raw/${repo.fullName}/${issue.pull!.headSha}/${f.filename}`,
      contents_url: world.api(`/repos/${repo.fullName}/contents/${f.filename}?ref=${issue.pull!.headSha}`),
    }));
    const { page, headers } = paginate(ctx.url, files);
    return { status: 200, body: page, headers };
  }),

  route("GET", `${R}/pulls/{pull_number}/commits`, (ctx) => {
    const issue = pullByNumber(ctx.repo, ctx.params.pull_number!);
    const base = ctx.repo.branchSha(issue.pull!.base) ?? issue.pull!.headSha;
    // the head's commits not on the base, oldest first (GitHub lists up to 250)
    const commits = ctx.repo.git.range(base, issue.pull!.headSha).slice(0, 250);
    const { page, headers } = paginate(ctx.url, commits);
    return { status: 200, body: page.map((c) => commitJson(ctx.world, ctx.repo, c)), headers };
  }),

  route("PUT", `${R}/pulls/{pull_number}/merge`, async (ctx) => {
    const { repo, world } = ctx;
    const issue = pullByNumber(repo, ctx.params.pull_number!);
    const pull = issue.pull!;
    const body = await ctx.json();
    const sha = field(body, "sha", "string", "PullRequest", false);
    const method = field(body, "merge_method", "string", "PullRequest", false) ?? "merge";
    if (!["merge", "squash", "rebase"].includes(method)) {
      throw validationFailed({ resource: "PullRequest", field: "merge_method", code: "invalid" });
    }
    if (issue.state !== "open" || pull.merged) throw new HttpError(405, "Pull Request is not mergeable");
    if (sha !== undefined && sha !== pull.headSha) {
      throw new HttpError(409, "Head branch was modified. Review and try the merge again.");
    }
    const baseSha = repo.branchSha(pull.base);
    if (baseSha === undefined) throw new HttpError(405, "Pull Request is not mergeable");
    const merged = pullMerge(repo, issue);
    if (merged.conflicts.length > 0) throw new HttpError(405, "Pull Request is not mergeable");
    const title =
      field(body, "commit_title", "string", "PullRequest", false) ??
      (method === "merge"
        ? `Merge pull request #${issue.number} from ${repo.owner.login}/${pull.head}`
        : `${issue.title} (#${issue.number})`);
    const message =
      field(body, "commit_message", "string", "PullRequest", false) ??
      (method === "merge" ? issue.title : "");
    const who = personOf(ctx.identity.account);
    const commit = repo.git.putCommit({
      tree: repo.git.putTree(merged.tree),
      parents: method === "merge" ? [baseSha, pull.headSha] : [baseSha],
      message: message === "" ? title : `${title}\n\n${message}`,
      author: method === "merge" ? who : personOf(issue.user),
      committer: { name: "GitHub", email: "noreply@github.com", date: who.date },
    });
    const now = timestamp();
    pull.merged = true;
    pull.mergedAt = now;
    pull.mergedBy = ctx.identity.account;
    pull.mergeCommitSha = commit.sha;
    issue.state = "closed";
    issue.closedAt = now;
    issue.closedBy = ctx.identity.account;
    issue.updatedAt = now;
    updateRef(world, repo, `refs/heads/${pull.base}`, commit.sha, ctx.identity.account);
    emitPullRequest(world, repo, "closed", issue, ctx.identity.account);
    return {
      status: 200,
      body: { sha: commit.sha, merged: true, message: "Pull Request successfully merged" },
    };
  }),

  route(
    "POST",
    `${R}/pulls/{pull_number}/reviews`,
    async (ctx) => {
      const { repo, world } = ctx;
      const issue = pullByNumber(repo, ctx.params.pull_number!);
      const body = await ctx.json();
      const event = field(body, "event", "string", "PullRequestReview", false);
      const text = field(body, "body", "string", "PullRequestReview", false) ?? "";
      const states = {
        APPROVE: "APPROVED",
        REQUEST_CHANGES: "CHANGES_REQUESTED",
        COMMENT: "COMMENTED",
      } as const;
      if (event !== undefined && !(event in states)) {
        throw unprocessable(`Unknown review event '${event}'; expected APPROVE, REQUEST_CHANGES or COMMENT`);
      }
      const isAuthor = issue.user.id === ctx.identity.account.id;
      if (isAuthor && event === "APPROVE") throw unprocessable("Can not approve your own pull request");
      if (isAuthor && event === "REQUEST_CHANGES")
        throw unprocessable("Can not request changes on your own pull request");
      if ((event === "REQUEST_CHANGES" || event === "COMMENT") && text.trim() === "") {
        throw unprocessable(
          `Review Can not ${event === "COMMENT" ? "comment" : "request changes"} without a body`,
        );
      }
      if (issue.state !== "open") throw unprocessable("Can not review a closed pull request");
      const commitId = field(body, "commit_id", "string", "PullRequestReview", false) ?? issue.pull!.headSha;
      const review: ReviewRecord = {
        id: world.nextId(),
        pullNumber: issue.number,
        user: ctx.identity.account,
        body: text,
        state: event === undefined ? "PENDING" : states[event as keyof typeof states],
        commitId,
        submittedAt: event === undefined ? null : timestamp(),
      };
      repo.reviews.set(review.id, review);
      if (review.state !== "PENDING") {
        emitPullRequestReview(world, repo, "submitted", issue, review, ctx.identity.account);
      }
      return { status: 200, body: reviewJson(world, repo, review) };
    },
    { permission: "read" },
  ),

  route("GET", `${R}/pulls/{pull_number}/reviews`, (ctx) => {
    const issue = pullByNumber(ctx.repo, ctx.params.pull_number!);
    const reviews = [...ctx.repo.reviews.values()]
      .filter((r) => r.pullNumber === issue.number)
      .filter((r) => r.state !== "PENDING" || r.user.id === ctx.identity.account.id)
      .sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(ctx.url, reviews);
    return { status: 200, body: page.map((r) => reviewJson(ctx.world, ctx.repo, r)), headers };
  }),

  route("PUT", `${R}/pulls/{pull_number}/reviews/{review_id}/dismissals`, async (ctx) => {
    const issue = pullByNumber(ctx.repo, ctx.params.pull_number!);
    const review = ctx.repo.reviews.get(Number(ctx.params.review_id));
    if (review === undefined || review.pullNumber !== issue.number) throw notFound();
    const body = await ctx.json();
    field(body, "message", "string", "PullRequestReview", true);
    if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED") {
      throw unprocessable(`Can not dismiss a ${review.state.toLowerCase()} pull request review`);
    }
    review.state = "DISMISSED";
    emitPullRequestReview(ctx.world, ctx.repo, "dismissed", issue, review, ctx.identity.account);
    return { status: 200, body: reviewJson(ctx.world, ctx.repo, review) };
  }),
];
