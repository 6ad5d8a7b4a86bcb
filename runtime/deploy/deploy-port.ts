/**
 * What the deploy reconciler needs from GitHub: read and commit manifest files, open a pull
 * request, and report on a GitHub deployment. The Octokit implementation is
 * octokit-deploy-port.ts; tests run it against the local GitHub stand-in.
 */
export const DeploymentState = { inProgress: "in_progress", success: "success", failure: "failure" } as const;
export type DeploymentState = (typeof DeploymentState)[keyof typeof DeploymentState];

export interface DeployPort {
  /** The file's text and blob sha on `branch`, or undefined when it does not exist there. */
  readFile(path: string, branch: string): Promise<{ text: string; sha: string } | undefined>;
  /** Commit one file on `branch` (an update when `sha`, the blob being replaced, is given). */
  writeFile(change: {
    path: string;
    text: string;
    message: string;
    branch: string;
    sha?: string;
  }): Promise<{ commitSha: string; url: string | undefined }>;
  /** Create `branch` at the head of `from`; false when it already exists. */
  createBranch(branch: string, from: string): Promise<boolean>;
  /** Open a pull request, or return the open one with the same head. */
  openPullRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<{ number: number; url: string; created: boolean }>;
  setDeploymentStatus(
    id: number,
    state: DeploymentState,
    description: string,
    logUrl?: string,
  ): Promise<void>;
}
