import type { ReviewFact } from "./count-approvals.js";

/** A pull request as the promotion code needs it. */
export interface PullRequestFacts {
  number: number;
  title: string;
  body: string;
  author: string;
  state: "open" | "closed";
  merged: boolean;
  mergeCommitSha: string | undefined;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  url: string;
}

/** Collaborator permission levels, GitHub's names. */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** The conclusion a check run ends with. */
export type CheckConclusion = "success" | "failure" | "neutral";

/**
 * What promotion asks of GitHub, for one repository. Implemented over Octokit by
 * `createOctokitPromotionPort`; every error is a Kiln error. Reads take an explicit ref, so the
 * policy is always read where the caller says (the base sha), never from the default branch.
 */
export interface PromotionGitHubPort {
  /** `owner/name`. */
  readonly repository: string;
  defaultBranch(): Promise<string>;
  getPullRequest(number: number): Promise<PullRequestFacts>;
  /** Open pull requests whose head is `branch` (a branch of this repository). */
  findOpenPullRequest(branch: string): Promise<PullRequestFacts | undefined>;
  /** Open pull requests whose head commit is `sha`. */
  pullRequestsWithHead(sha: string): Promise<number[]>;
  /** The merged pull request whose merge commit is `sha`, if any. */
  mergedPullRequestOf(sha: string, commitMessage: string | undefined): Promise<PullRequestFacts | undefined>;
  changedFiles(number: number): Promise<string[]>;
  reviews(number: number): Promise<ReviewFact[]>;
  /** A file's text at a ref (branch, tag or sha), or undefined when it does not exist there. */
  readFile(path: string, ref: string): Promise<string | undefined>;
  /** File names (not paths) directly inside `folder` at `ref`; empty when the folder is missing. */
  listFolder(folder: string, ref: string): Promise<string[]>;
  isTeamMember(org: string, slug: string, login: string): Promise<boolean>;
  permissionOf(login: string): Promise<Permission>;
  /** Open issues labelled both `drift` and `model:<model>`. */
  openDriftIssues(model: string): Promise<{ number: number; url: string }[]>;
  /** Create the check run `name` on `sha`, or update the one this app made there before. */
  publishCheckRun(check: {
    name: string;
    sha: string;
    conclusion: CheckConclusion;
    output: { title: string; summary: string; text: string };
  }): Promise<{ id: number; url: string }>;
  branchSha(branch: string): Promise<string | undefined>;
  /**
   * Make one commit on top of `parentSha` that writes `text` to `path`, and point `branch` at it
   * (created, or moved with force: the branch always holds exactly this one change). Returns its sha.
   */
  commitFile(change: {
    branch: string;
    parentSha: string;
    path: string;
    text: string;
    message: string;
  }): Promise<string>;
  createPullRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<PullRequestFacts>;
  updatePullRequest(number: number, change: { title: string; body: string }): Promise<void>;
  comment(issueNumber: number, body: string): Promise<void>;
  /** The sha a tag points at, or undefined. */
  tagSha(tag: string): Promise<string | undefined>;
  /** Point `refs/tags/<tag>` at `sha`, creating or moving it. */
  setTag(tag: string, sha: string): Promise<void>;
  /** Deployments to `environment`, newest first (their payloads as objects). */
  deployments(environment: string): Promise<{ id: number; sha: string; payload: Record<string, unknown> }[]>;
  createDeployment(deployment: {
    ref: string;
    environment: string;
    description: string;
    payload: Record<string, unknown>;
  }): Promise<{ id: number }>;
}
