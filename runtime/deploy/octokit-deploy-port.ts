/** The DeployPort over Octokit (the REST contents, git refs, pulls and deployments APIs). */
import { GitHubApiError, NotFoundError } from "../errors.js";
import { callGitHub, toGitHubError } from "../github/github-error.js";
import type { KilnOctokit } from "../github/octokit-factory.js";
import type { Repository } from "../github/repository.js";
import type { DeployPort } from "./deploy-port.js";

export function createOctokitDeployPort(octokit: KilnOctokit, repository: Repository): DeployPort {
  const { owner, repo } = repository;
  return {
    async readFile(path, branch) {
      try {
        const { data } = await callGitHub(
          () => octokit.rest.repos.getContent({ owner, repo, path, ref: branch }),
          {
            notFound: `${path} does not exist on ${branch}`,
          },
        );
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return undefined;
        return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
      } catch (error: unknown) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    async writeFile(change) {
      const { data } = await callGitHub(() =>
        octokit.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path: change.path,
          message: change.message,
          content: Buffer.from(change.text, "utf8").toString("base64"),
          branch: change.branch,
          ...(change.sha === undefined ? {} : { sha: change.sha }),
        }),
      );
      return { commitSha: data.commit.sha ?? "", url: data.commit.html_url ?? undefined };
    },
    async createBranch(branch, from) {
      const { data: base } = await callGitHub(() =>
        octokit.rest.git.getRef({ owner, repo, ref: `heads/${from}` }),
      );
      try {
        await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: base.object.sha });
        return true;
      } catch (error: unknown) {
        const converted = toGitHubError(error);
        // 422 "Reference already exists": the branch of an earlier run.
        if (converted instanceof GitHubApiError && converted.status === 422) return false;
        throw converted;
      }
    },
    async openPullRequest(request) {
      const { data: open } = await callGitHub(() =>
        octokit.rest.pulls.list({
          owner,
          repo,
          state: "open",
          head: `${owner}:${request.head}`,
          base: request.base,
        }),
      );
      const existing = open.find((pull) => pull.head.ref === request.head);
      if (existing) return { number: existing.number, url: existing.html_url, created: false };
      const { data } = await callGitHub(() => octokit.rest.pulls.create({ owner, repo, ...request }));
      return { number: data.number, url: data.html_url, created: true };
    },
    async setDeploymentStatus(id, state, description, logUrl) {
      await callGitHub(() =>
        octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state,
          description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
          ...(logUrl === undefined ? {} : { log_url: logUrl }),
        }),
      );
    },
  };
}
