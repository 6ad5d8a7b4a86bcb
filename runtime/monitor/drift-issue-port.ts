/**
 * What drift issues ask of GitHub, for one repository. Implemented over Octokit by
 * `createOctokitDriftIssuePort`; every error is a Kiln error.
 */

export interface DriftIssueFacts {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  url: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface DriftIssuePort {
  /** `owner/name`. */
  readonly repository: string;
  /** Open issues (not pull requests) carrying `label`, oldest first. */
  openIssuesWithLabel(label: string): Promise<DriftIssueFacts[]>;
  getIssue(number: number): Promise<DriftIssueFacts>;
  /** Create the label unless it exists. */
  ensureLabel(name: string, color: string, description: string): Promise<void>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<DriftIssueFacts>;
  updateIssue(
    number: number,
    change: { body?: string; labels?: string[]; state?: "open" | "closed" },
  ): Promise<void>;
  comment(number: number, body: string): Promise<{ url: string }>;
  defaultBranch(): Promise<string>;
  /** Start a `workflow_dispatch` run of `workflow` (a file name in .github/workflows, or an id) on `ref`. */
  dispatchWorkflow(workflow: string, ref: string): Promise<void>;
}
