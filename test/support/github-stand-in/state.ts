/** The stand-in's state: accounts, tokens, repositories and everything inside them. */
import { GitObjects, type GitPerson } from "./git-objects.js";

export const Permission = {
  admin: "admin",
  maintain: "maintain",
  write: "write",
  triage: "triage",
  read: "read",
  none: "none",
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
export function permissionAtLeast(have: Permission, need: Permission): boolean {
  return RANK[have] >= RANK[need];
}

export interface Account {
  login: string;
  id: number;
  type: "User" | "Organization" | "Bot";
}

/** Who a request acts as. */
export interface Identity {
  account: Account;
  kind: "user" | "installation" | "app";
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  makeLatest: string;
  author: Account;
  createdAt: string;
  publishedAt: string | null;
  assetIds: number[];
}

export interface AssetRecord {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  size: number;
  digest: string;
  file: string;
  uploader: Account;
  createdAt: string;
  updatedAt: string;
  downloadCount: number;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  labels: string[];
  assignees: string[];
  user: Account;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: Account | null;
  locked: boolean;
  /** Set when the issue is a pull request. */
  pull?: PullRecord;
}

export interface PullRecord {
  id: number;
  head: string;
  base: string;
  /** The head's sha, kept after the head branch is deleted. */
  headSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
}

export interface ReviewRecord {
  id: number;
  pullNumber: number;
  user: Account;
  body: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotationsCount: number };
  app: Account;
  checkSuiteId: number;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: Account;
  createdAt: string;
  updatedAt: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  statuses: DeploymentStatusRecord[];
}

export interface DeploymentStatusRecord {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: Account;
  createdAt: string;
}

export interface WorkflowDispatchRecord {
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  actor: string;
  at: string;
}

export class RepositoryState {
  readonly git = new GitObjects();
  /** Full ref name ("refs/heads/main", "refs/tags/v1") → commit sha. */
  readonly refs = new Map<string, string>();
  readonly releases = new Map<number, ReleaseRecord>();
  readonly assets = new Map<number, AssetRecord>();
  readonly issues = new Map<number, IssueRecord>();
  readonly comments = new Map<number, CommentRecord>();
  /** Lower-cased name → label. */
  readonly labels = new Map<string, LabelRecord>();
  readonly reviews = new Map<number, ReviewRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly deployments = new Map<number, DeploymentRecord>();
  readonly dispatches: WorkflowDispatchRecord[] = [];
  /** `${headSha}:${appId}` → check suite id. */
  readonly checkSuites = new Map<string, number>();
  /** Per-user permission overrides on this repository. */
  readonly permissions = new Map<string, Permission>();
  nextNumber = 1;
  pushedAt: string;

  constructor(
    readonly id: number,
    readonly owner: Account,
    readonly name: string,
    public defaultBranch: string,
    readonly isPrivate: boolean,
    readonly createdAt: string,
  ) {
    this.pushedAt = createdAt;
  }

  get fullName(): string {
    return `${this.owner.login}/${this.name}`;
  }

  /** Resolve a branch, tag, full ref or commit sha to a commit sha. */
  resolve(ref: string): string | undefined {
    const candidates = ref.startsWith("refs/") ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
    for (const candidate of candidates) {
      const sha = this.refs.get(candidate);
      if (sha !== undefined) return sha;
    }
    if (/^[0-9a-f]{7,40}$/.test(ref)) {
      if (this.git.commits.has(ref)) return ref;
      for (const sha of this.git.commits.keys()) if (sha.startsWith(ref)) return sha;
    }
    return undefined;
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }
}

export const STAND_IN_COMMITTER: GitPerson = {
  name: "GitHub",
  email: "noreply@github.com",
  date: "",
};
