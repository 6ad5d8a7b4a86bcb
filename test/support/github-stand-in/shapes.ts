/**
 * JSON as GitHub answers it, built from the stand-in's state. Field sets follow GitHub's OpenAPI
 * description (the conformance test validates them); URLs point at the stand-in.
 */
import type { GitCommit } from "./git-objects.js";
import { nodeId, timestamp } from "./http-kit.js";
import { pullBaseSha } from "./pull-figures.js";
import type {
  Account,
  AssetRecord,
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

type Json = Record<string, unknown>;

export function userJson(world: World, account: Account): Json {
  const login = encodeURIComponent(account.login);
  const url = world.api(`/users/${login}`);
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === "Organization" ? "Organization" : "User", account.id),
    avatar_url: `${world.baseUrl}/_avatars/u/${account.id}`,
    gravatar_id: "",
    url,
    html_url: world.html(`/${login}`),
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The repository object: a superset of `repository`, `full-repository` and the webhooks' form. */
export function repositoryJson(world: World, repo: RepositoryState, form: "api" | "push" = "api"): Json {
  const url = world.api(`/repos/${repo.fullName}`);
  const openIssues = [...repo.issues.values()].filter((i) => i.state === "open").length;
  const date = (iso: string): string | number => (form === "push" ? Math.floor(Date.parse(iso) / 1000) : iso);
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.isPrivate,
    owner: userJson(world, repo.owner),
    html_url: world.html(`/${repo.fullName}`),
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://127.0.0.1/${repo.fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${repo.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${world.baseUrl}/_git/${repo.fullName}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: world.html(`/${repo.fullName}`),
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.isPrivate ? "private" : "public",
    pushed_at: date(repo.pushedAt),
    created_at: date(repo.createdAt),
    updated_at: repo.pushedAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 0,
    stargazers: 0,
  };
}

export function labelJson(world: World, repo: RepositoryState, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: world.api(`/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`),
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

function issueLabels(world: World, repo: RepositoryState, names: readonly string[]): Json[] {
  return names
    .map((n) => repo.labels.get(n.toLowerCase()))
    .filter((l): l is LabelRecord => l !== undefined)
    .map((l) => labelJson(world, repo, l));
}

function authorAssociation(repo: RepositoryState, account: Account): string {
  if (account.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  if (account.type === "Bot") return "NONE";
  const permission = repo.permissions.get(account.login.toLowerCase());
  return permission === undefined || permission === "none" || permission === "read"
    ? "CONTRIBUTOR"
    : "COLLABORATOR";
}

export function issueJson(world: World, repo: RepositoryState, issue: IssueRecord): Json {
  const url = world.api(`/repos/${repo.fullName}/issues/${issue.number}`);
  const commentCount = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  const json: Json = {
    id: issue.id,
    node_id: nodeId("Issue", issue.id),
    url,
    repository_url: world.api(`/repos/${repo.fullName}`),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: world.html(`/${repo.fullName}/${issue.pull ? "pull" : "issues"}/${issue.number}`),
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(world, issue.user),
    labels: issueLabels(world, repo, issue.labels),
    assignee: issue.assignees[0] === undefined ? null : userJson(world, world.account(issue.assignees[0])),
    assignees: issue.assignees.map((a) => userJson(world, world.account(a))),
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: commentCount,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: issue.closedBy === null ? null : userJson(world, issue.closedBy),
    author_association: authorAssociation(repo, issue.user),
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
  };
  if (issue.pull !== undefined) {
    const pullUrl = world.api(`/repos/${repo.fullName}/pulls/${issue.number}`);
    json.pull_request = {
      url: pullUrl,
      html_url: world.html(`/${repo.fullName}/pull/${issue.number}`),
      diff_url: world.html(`/${repo.fullName}/pull/${issue.number}.diff`),
      patch_url: world.html(`/${repo.fullName}/pull/${issue.number}.patch`),
      merged_at: issue.pull.mergedAt,
    };
    json.draft = issue.pull.draft;
  }
  return json;
}

function reactions(url: string): Json {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export function commentJson(world: World, repo: RepositoryState, comment: CommentRecord): Json {
  const url = world.api(`/repos/${repo.fullName}/issues/comments/${comment.id}`);
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url,
    html_url: world.html(`/${repo.fullName}/issues/${comment.issueNumber}#issuecomment-${comment.id}`),
    issue_url: world.api(`/repos/${repo.fullName}/issues/${comment.issueNumber}`),
    body: comment.body,
    user: userJson(world, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

function branchRef(world: World, repo: RepositoryState, branch: string, sha: string, user: Account): Json {
  return {
    label: `${repo.owner.login}:${branch}`,
    ref: branch,
    sha,
    user: userJson(world, user),
    repo: repositoryJson(world, repo),
  };
}

export interface PullFigures {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeable: boolean | null;
}

export function pullJson(
  world: World,
  repo: RepositoryState,
  issue: IssueRecord,
  figures: PullFigures,
  form: "full" | "simple" = "full",
): Json {
  const pull = issue.pull!;
  const url = world.api(`/repos/${repo.fullName}/pulls/${issue.number}`);
  const issueUrl = world.api(`/repos/${repo.fullName}/issues/${issue.number}`);
  const html = world.html(`/${repo.fullName}/pull/${issue.number}`);
  const baseSha = pullBaseSha(repo, pull) ?? pull.headSha;
  const json: Json = {
    url,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: world.api(`/repos/${repo.fullName}/pulls/comments{/number}`),
    comments_url: `${issueUrl}/comments`,
    statuses_url: world.api(`/repos/${repo.fullName}/statuses/${pull.headSha}`),
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userJson(world, issue.user),
    body: issue.body,
    labels: issueLabels(world, repo, issue.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: issue.assignees[0] === undefined ? null : userJson(world, world.account(issue.assignees[0])),
    assignees: issue.assignees.map((a) => userJson(world, world.account(a))),
    requested_reviewers: [],
    requested_teams: [],
    head: branchRef(world, repo, pull.head, pull.headSha, repo.owner),
    base: branchRef(world, repo, pull.base, baseSha, repo.owner),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: world.api(`/repos/${repo.fullName}/pulls/comments{/number}`) },
      commits: { href: `${url}/commits` },
      statuses: { href: world.api(`/repos/${repo.fullName}/statuses/${pull.headSha}`) },
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: null,
    draft: pull.draft,
  };
  if (form === "simple") return json;
  return {
    ...json,
    merged: pull.merged,
    mergeable: issue.state === "closed" ? null : figures.mergeable,
    rebaseable: issue.state === "closed" ? null : figures.mergeable,
    mergeable_state: issue.state === "closed" ? "unknown" : figures.mergeable === false ? "dirty" : "clean",
    merged_by: pull.mergedBy === null ? null : userJson(world, pull.mergedBy),
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: figures.commits,
    additions: figures.additions,
    deletions: figures.deletions,
    changed_files: figures.changedFiles,
  };
}

export function reviewJson(world: World, repo: RepositoryState, review: ReviewRecord): Json {
  const pullUrl = world.api(`/repos/${repo.fullName}/pulls/${review.pullNumber}`);
  const html = world.html(`/${repo.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`);
  const json: Json = {
    id: review.id,
    node_id: nodeId("PullRequestReview", review.id),
    user: userJson(world, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: review.commitId,
    author_association: authorAssociation(repo, review.user),
  };
  if (review.submittedAt !== null) json.submitted_at = review.submittedAt;
  return json;
}

export function assetJson(
  world: World,
  repo: RepositoryState,
  release: ReleaseRecord,
  asset: AssetRecord,
): Json {
  return {
    url: world.api(`/repos/${repo.fullName}/releases/assets/${asset.id}`),
    browser_download_url: `${world.baseUrl}/_downloads/${repo.fullName}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: nodeId("ReleaseAsset", asset.id),
    name: asset.name,
    label: asset.label,
    state: "uploaded",
    content_type: asset.contentType,
    size: asset.size,
    digest: asset.digest,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    uploader: userJson(world, asset.uploader),
  };
}

export function releaseJson(world: World, repo: RepositoryState, release: ReleaseRecord): Json {
  const url = world.api(`/repos/${repo.fullName}/releases/${release.id}`);
  const tagPath = encodeURIComponent(release.tagName);
  return {
    url,
    html_url: world.html(
      `/${repo.fullName}/releases/${release.draft ? `untagged-${release.id}` : `tag/${tagPath}`}`,
    ),
    assets_url: `${url}/assets`,
    upload_url: `${world.baseUrl}/uploads/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: world.api(`/repos/${repo.fullName}/tarball/${tagPath}`),
    zipball_url: world.api(`/repos/${repo.fullName}/zipball/${tagPath}`),
    id: release.id,
    node_id: nodeId("Release", release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.createdAt,
    updated_at: release.publishedAt ?? release.createdAt,
    published_at: release.publishedAt,
    author: userJson(world, release.author),
    assets: release.assetIds
      .map((id) => repo.assets.get(id))
      .filter((a): a is AssetRecord => a !== undefined)
      .map((a) => assetJson(world, repo, release, a)),
  };
}

export function appJson(world: World): Json {
  const app = world.app!;
  const owner = world.account("kiln-org", "Organization");
  return {
    id: app.id,
    slug: app.slug,
    client_id: `Iv1.${app.id}`,
    node_id: nodeId("Integration", app.id),
    owner: userJson(world, owner),
    name: app.name,
    description: "",
    external_url: world.html(`/apps/${app.slug}`),
    html_url: world.html(`/apps/${app.slug}`),
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    permissions: APP_PERMISSIONS,
    events: [...APP_EVENTS],
    installations_count: 1,
  };
}

export const APP_PERMISSIONS = {
  checks: "write",
  contents: "write",
  deployments: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  actions: "write",
} as const;

const APP_EVENTS = [
  "check_run",
  "issue_comment",
  "issues",
  "pull_request",
  "pull_request_review",
  "push",
  "release",
];

export function installationJson(world: World): Json {
  const app = world.app!;
  const account = world.account("kiln-org", "Organization");
  return {
    id: app.installationId,
    account: userJson(world, account),
    repository_selection: "all",
    access_tokens_url: world.api(`/app/installations/${app.installationId}/access_tokens`),
    repositories_url: world.api("/installation/repositories"),
    html_url: world.html(`/organizations/${account.login}/settings/installations/${app.installationId}`),
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: "Organization",
    permissions: APP_PERMISSIONS,
    events: [...APP_EVENTS],
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

export function checkRunJson(world: World, repo: RepositoryState, run: CheckRunRecord): Json {
  const url = world.api(`/repos/${repo.fullName}/check-runs/${run.id}`);
  const pulls = [...repo.issues.values()]
    .filter((i) => i.pull !== undefined && i.state === "open" && i.pull.headSha === run.headSha)
    .map((i) => ({
      id: i.pull!.id,
      number: i.number,
      url: world.api(`/repos/${repo.fullName}/pulls/${i.number}`),
      head: {
        ref: i.pull!.head,
        sha: i.pull!.headSha,
        repo: { id: repo.id, url: world.api(`/repos/${repo.fullName}`), name: repo.name },
      },
      base: {
        ref: i.pull!.base,
        sha: repo.branchSha(i.pull!.base) ?? i.pull!.headSha,
        repo: { id: repo.id, url: world.api(`/repos/${repo.fullName}`), name: repo.name },
      },
    }));
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId("CheckRun", run.id),
    external_id: run.externalId ?? "",
    url,
    html_url: world.html(`/${repo.fullName}/runs/${run.id}`),
    details_url: run.detailsUrl ?? world.html(`/${repo.fullName}/runs/${run.id}`),
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotationsCount,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: appJsonFor(world, run.app),
    pull_requests: pulls,
  };
}

function appJsonFor(world: World, account: Account): Json {
  if (world.app !== undefined && world.botAccount?.id === account.id) return appJson(world);
  // a check run written by another bot (GITHUB_TOKEN's github-actions): describe it as its own app
  return {
    ...(world.app === undefined ? {} : appJson(world)),
    id: account.id,
    slug: account.login.replace(/\[bot\]$/, ""),
    node_id: nodeId("Integration", account.id),
    owner: userJson(world, account),
    name: account.login.replace(/\[bot\]$/, ""),
    description: "",
    external_url: world.html(`/apps/${account.login}`),
    html_url: world.html(`/apps/${account.login}`),
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    permissions: APP_PERMISSIONS,
    events: [],
  };
}

export function deploymentJson(world: World, repo: RepositoryState, deployment: DeploymentRecord): Json {
  const url = world.api(`/repos/${repo.fullName}/deployments/${deployment.id}`);
  return {
    url,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userJson(world, deployment.creator),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: world.api(`/repos/${repo.fullName}`),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null,
  };
}

export function deploymentStatusJson(
  world: World,
  repo: RepositoryState,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord,
): Json {
  const deploymentUrl = world.api(`/repos/${repo.fullName}/deployments/${deployment.id}`);
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    creator: userJson(world, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: world.api(`/repos/${repo.fullName}`),
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null,
  };
}

function person(p: GitCommit["author"]): Json {
  return { name: p.name, email: p.email, date: p.date };
}

/** `git-commit`: GET /repos/{o}/{r}/git/commits/{sha}. */
export function gitCommitJson(world: World, repo: RepositoryState, commit: GitCommit): Json {
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: world.api(`/repos/${repo.fullName}/git/commits/${commit.sha}`),
    html_url: world.html(`/${repo.fullName}/commit/${commit.sha}`),
    author: person(commit.author),
    committer: person(commit.committer),
    message: commit.message,
    tree: { sha: commit.tree, url: world.api(`/repos/${repo.fullName}/git/trees/${commit.tree}`) },
    parents: commit.parents.map((p) => ({
      sha: p,
      url: world.api(`/repos/${repo.fullName}/git/commits/${p}`),
      html_url: world.html(`/${repo.fullName}/commit/${p}`),
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

/** `commit`: GET /repos/{o}/{r}/commits/{ref}. */
export function commitJson(world: World, repo: RepositoryState, commit: GitCommit, files?: Json[]): Json {
  const url = world.api(`/repos/${repo.fullName}/commits/${commit.sha}`);
  const json: Json = {
    url,
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    html_url: world.html(`/${repo.fullName}/commit/${commit.sha}`),
    comments_url: `${url}/comments`,
    commit: {
      url: world.api(`/repos/${repo.fullName}/git/commits/${commit.sha}`),
      author: person(commit.author),
      committer: person(commit.committer),
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: world.api(`/repos/${repo.fullName}/git/trees/${commit.tree}`) },
      verification: {
        verified: false,
        reason: "unsigned",
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: world.api(`/repos/${repo.fullName}/commits/${p}`),
      html_url: world.html(`/${repo.fullName}/commit/${p}`),
    })),
  };
  if (files !== undefined) {
    const additions = files.reduce((n, f) => n + Number(f.additions), 0);
    const deletions = files.reduce((n, f) => n + Number(f.deletions), 0);
    json.stats = { additions, deletions, total: additions + deletions };
    json.files = files;
  }
  return json;
}

export function refJson(world: World, repo: RepositoryState, ref: string, sha: string): Json {
  return {
    ref,
    node_id: nodeId("Ref", `${repo.id}:${ref}`),
    url: world.api(`/repos/${repo.fullName}/git/${ref}`),
    object: { sha, type: "commit", url: world.api(`/repos/${repo.fullName}/git/commits/${sha}`) },
  };
}

export function contentFileJson(
  world: World,
  repo: RepositoryState,
  path: string,
  blob: string,
  content: Buffer | undefined,
  ref: string,
): Json {
  const url = world.api(`/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`);
  const git = world.api(`/repos/${repo.fullName}/git/blobs/${blob}`);
  const html = world.html(`/${repo.fullName}/blob/${ref}/${path}`);
  const json: Json = {
    type: "file",
    name: path.split("/").pop()!,
    path,
    sha: blob,
    size: content?.length ?? 0,
    url,
    html_url: html,
    git_url: git,
    download_url: `${world.baseUrl}/_raw/${repo.fullName}/${ref}/${path}`,
    _links: { self: url, git, html },
  };
  if (content !== undefined) {
    json.encoding = "base64";
    // GitHub wraps base64 at 60 characters
    json.content =
      (content.toString("base64").match(/.{1,60}/g) ?? [""]).join("\n") + (content.length > 0 ? "\n" : "");
  }
  return json;
}

export { timestamp };
