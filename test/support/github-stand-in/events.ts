/** Webhook payloads built from the stand-in's state, shaped like GitHub's (see @octokit/webhooks-examples). */
import type { GitCommit } from "./git-objects.js";
import { diffTrees } from "./git-objects.js";
import { nodeId } from "./http-kit.js";
import { pullFigures } from "./pull-figures.js";
import {
  checkRunJson,
  commentJson,
  deploymentJson,
  deploymentStatusJson,
  issueJson,
  labelJson,
  pullJson,
  releaseJson,
  repositoryJson,
  reviewJson,
  userJson,
} from "./shapes.js";
import type {
  Account,
  CheckRunRecord,
  CommentRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  IssueRecord,
  LabelRecord,
  ReleaseRecord,
  RepositoryState,
  ReviewRecord,
} from "./state.js";
import type { World } from "./world.js";

export const ZERO_SHA = "0000000000000000000000000000000000000000";

/** Every webhook the stand-in raises, as `event` or `event.action` (the conformance test checks each one's payload). */
export const webhookKinds = [
  "check_run.completed",
  "check_run.created",
  "check_run.rerequested",
  "create",
  "deployment.created",
  "deployment_status.created",
  "issue_comment.created",
  "issues.closed",
  "issues.edited",
  "issues.labeled",
  "issues.opened",
  "issues.reopened",
  "pull_request.closed",
  "pull_request.edited",
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request_review.dismissed",
  "pull_request_review.submitted",
  "push",
  "release.published",
] as const;

type Json = Record<string, unknown>;

function envelope(world: World, repo: RepositoryState, sender: Account, form: "api" | "push" = "api"): Json {
  const json: Json = {
    repository: repositoryJson(world, repo, form),
    sender: userJson(world, sender),
  };
  if (repo.owner.type === "Organization") {
    const url = world.api(`/orgs/${repo.owner.login}`);
    json.organization = {
      login: repo.owner.login,
      id: repo.owner.id,
      node_id: nodeId("Organization", repo.owner.id),
      url,
      repos_url: `${url}/repos`,
      events_url: `${url}/events`,
      hooks_url: `${url}/hooks`,
      issues_url: `${url}/issues`,
      members_url: `${url}/members{/member}`,
      public_members_url: `${url}/public_members{/member}`,
      avatar_url: `${world.baseUrl}/_avatars/u/${repo.owner.id}`,
      description: null,
    };
  }
  if (world.app !== undefined) {
    json.installation = {
      id: world.app.installationId,
      node_id: nodeId("Installation", world.app.installationId),
    };
  }
  return json;
}

function pushCommit(world: World, repo: RepositoryState, commit: GitCommit, distinct: boolean): Json {
  const parent = commit.parents[0];
  const changes = diffTrees(
    parent === undefined ? new Map() : repo.git.treeOfCommit(parent),
    repo.git.treeOfCommit(commit.sha),
  );
  const who = (p: GitCommit["author"]): Json => ({ name: p.name, email: p.email, username: p.name });
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct,
    message: commit.message,
    timestamp: commit.committer.date,
    url: world.html(`/${repo.fullName}/commit/${commit.sha}`),
    author: who(commit.author),
    committer: who(commit.committer),
    added: changes.filter((c) => c.status === "added").map((c) => c.path),
    removed: changes.filter((c) => c.status === "removed").map((c) => c.path),
    modified: changes.filter((c) => c.status === "modified").map((c) => c.path),
  };
}

export function emitPush(
  world: World,
  repo: RepositoryState,
  ref: string,
  before: string | undefined,
  after: string | undefined,
  sender: Account,
  forced = false,
): void {
  const commits = after === undefined ? [] : repo.git.range(before, after);
  const head = after === undefined ? undefined : repo.git.commits.get(after);
  world.webhooks.enqueue("push", {
    ref,
    before: before ?? ZERO_SHA,
    after: after ?? ZERO_SHA,
    created: before === undefined,
    deleted: after === undefined,
    forced,
    base_ref: null,
    compare: world.html(
      `/${repo.fullName}/compare/${(before ?? ZERO_SHA).slice(0, 12)}...${(after ?? ZERO_SHA).slice(0, 12)}`,
    ),
    commits: commits.map((c) => pushCommit(world, repo, c, true)),
    head_commit: head === undefined ? null : pushCommit(world, repo, head, true),
    pusher: { name: sender.login, email: `${sender.login}@users.noreply.github.com` },
    ...envelope(world, repo, sender, "push"),
  });
}

export function emitCreate(
  world: World,
  repo: RepositoryState,
  refType: "branch" | "tag",
  ref: string,
  sender: Account,
): void {
  world.webhooks.enqueue("create", {
    ref,
    ref_type: refType,
    master_branch: repo.defaultBranch,
    description: null,
    pusher_type: "user",
    ...envelope(world, repo, sender),
  });
}

export function emitPullRequest(
  world: World,
  repo: RepositoryState,
  action: "opened" | "synchronize" | "closed" | "reopened" | "edited",
  issue: IssueRecord,
  sender: Account,
  extra: Json = {},
): void {
  world.webhooks.enqueue("pull_request", {
    action,
    number: issue.number,
    ...extra,
    pull_request: pullJson(world, repo, issue, pullFigures(world, repo, issue)),
    ...envelope(world, repo, sender),
  });
}

export function emitPullRequestReview(
  world: World,
  repo: RepositoryState,
  action: "submitted" | "dismissed",
  issue: IssueRecord,
  review: ReviewRecord,
  sender: Account,
): void {
  const reviewPayload = reviewJson(world, repo, review);
  world.webhooks.enqueue("pull_request_review", {
    action,
    review: { ...reviewPayload, state: review.state.toLowerCase(), submitted_at: review.submittedAt },
    pull_request: pullJson(world, repo, issue, pullFigures(world, repo, issue), "simple"),
    ...envelope(world, repo, sender),
  });
}

export function emitIssueComment(
  world: World,
  repo: RepositoryState,
  issue: IssueRecord,
  comment: CommentRecord,
  sender: Account,
): void {
  world.webhooks.enqueue("issue_comment", {
    action: "created",
    issue: issueJson(world, repo, issue),
    comment: commentJson(world, repo, comment),
    ...envelope(world, repo, sender),
  });
}

export function emitIssues(
  world: World,
  repo: RepositoryState,
  action: "opened" | "closed" | "labeled" | "reopened" | "edited",
  issue: IssueRecord,
  sender: Account,
  label?: LabelRecord,
  changes?: Record<string, { from: unknown }>,
): void {
  world.webhooks.enqueue("issues", {
    action,
    ...(changes === undefined ? {} : { changes }),
    issue: issueJson(world, repo, issue),
    ...(label === undefined ? {} : { label: labelJson(world, repo, label) }),
    ...envelope(world, repo, sender),
  });
}

export function emitRelease(
  world: World,
  repo: RepositoryState,
  release: ReleaseRecord,
  sender: Account,
): void {
  world.webhooks.enqueue("release", {
    action: "published",
    release: releaseJson(world, repo, release),
    ...envelope(world, repo, sender),
  });
}

export function emitDeployment(
  world: World,
  repo: RepositoryState,
  deployment: DeploymentRecord,
  sender: Account,
): void {
  world.webhooks.enqueue("deployment", {
    action: "created",
    deployment: deploymentJson(world, repo, deployment),
    workflow: null,
    workflow_run: null,
    ...envelope(world, repo, sender),
  });
}

export function emitDeploymentStatus(
  world: World,
  repo: RepositoryState,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord,
  sender: Account,
): void {
  world.webhooks.enqueue("deployment_status", {
    action: "created",
    deployment: deploymentJson(world, repo, deployment),
    deployment_status: deploymentStatusJson(world, repo, deployment, status),
    ...envelope(world, repo, sender),
  });
}

export function emitCheckRun(
  world: World,
  repo: RepositoryState,
  action: "created" | "completed" | "rerequested",
  run: CheckRunRecord,
  sender: Account,
): void {
  const json = checkRunJson(world, repo, run);
  world.webhooks.enqueue("check_run", {
    action,
    check_run: {
      ...json,
      check_suite: {
        id: run.checkSuiteId,
        node_id: nodeId("CheckSuite", run.checkSuiteId),
        head_branch: null,
        head_sha: run.headSha,
        status: run.status === "completed" ? "completed" : "in_progress",
        conclusion: run.conclusion,
        url: world.api(`/repos/${repo.fullName}/check-suites/${run.checkSuiteId}`),
        before: null,
        after: null,
        pull_requests: json.pull_requests,
        app: json.app,
        created_at: run.startedAt,
        updated_at: run.completedAt ?? run.startedAt,
      },
    },
    ...envelope(world, repo, sender),
  });
}
