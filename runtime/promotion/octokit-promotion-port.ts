import type { Octokit } from "@octokit/rest";
import { NotFoundError } from "../errors.js";
import { callGitHub } from "../github/github-error.js";
import type { Repository } from "../github/repository.js";
import type { ReviewFact } from "./count-approvals.js";
import type { Permission, PromotionGitHubPort, PullRequestFacts } from "./promotion-github-port.js";

interface PullData {
  number: number;
  title: string;
  body?: string | null;
  user: { login: string } | null;
  state: string;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  html_url: string;
}

const toFacts = (data: PullData): PullRequestFacts => ({
  number: data.number,
  title: data.title,
  body: data.body ?? "",
  author: data.user?.login ?? "ghost",
  state: data.state === "closed" ? "closed" : "open",
  merged: Boolean(data.merged_at),
  mergeCommitSha: data.merge_commit_sha ?? undefined,
  headSha: data.head.sha,
  headRef: data.head.ref,
  baseSha: data.base.sha,
  baseRef: data.base.ref,
  url: data.html_url,
});

const reviewStates = new Set<ReviewFact["state"]>([
  "APPROVED",
  "CHANGES_REQUESTED",
  "COMMENTED",
  "DISMISSED",
  "PENDING",
]);

/** Read absence as `undefined`; any other failure stays an error. */
async function orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error: unknown) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** The PromotionGitHubPort over an Octokit client made at the edge (the bot's, or the action's). */
export function createOctokitPromotionPort(octokit: Octokit, repository: Repository): PromotionGitHubPort {
  const { owner, repo } = repository;
  const name = `${owner}/${repo}`;
  let defaultBranch: string | undefined;
  /** The sha of a ref, read through matching-refs: absence is an empty list, not a 404 logged as an error. */
  const exactRef = async (ref: string): Promise<string | undefined> => {
    const { data } = await callGitHub(() => octokit.rest.git.listMatchingRefs({ owner, repo, ref }));
    return data.find((entry) => entry.ref === `refs/${ref}`)?.object.sha;
  };

  const port: PromotionGitHubPort = {
    repository: name,

    async defaultBranch() {
      if (defaultBranch === undefined) {
        const { data } = await callGitHub(() => octokit.rest.repos.get({ owner, repo }));
        defaultBranch = data.default_branch;
      }
      return defaultBranch;
    },

    async getPullRequest(number) {
      const { data } = await callGitHub(() => octokit.rest.pulls.get({ owner, repo, pull_number: number }), {
        notFound: `${name}: pull request #${number} does not exist.`,
      });
      return toFacts(data);
    },

    async findOpenPullRequest(branch) {
      const { data } = await callGitHub(() =>
        octokit.rest.pulls.list({ owner, repo, state: "open", head: `${owner}:${branch}`, per_page: 10 }),
      );
      const found = data.find((pull) => pull.head.ref === branch);
      return found === undefined ? undefined : toFacts(found);
    },

    async pullRequestsWithHead(sha) {
      const { data } = await callGitHub(() =>
        octokit.rest.pulls.list({ owner, repo, state: "open", per_page: 100 }),
      );
      return data.filter((pull) => pull.head.sha === sha).map((pull) => pull.number);
    },

    async mergedPullRequestOf(sha, commitMessage) {
      // GitHub's merge commit says "Merge pull request #N from …"; a squash merge ends its title with "(#N)".
      const named =
        /^Merge pull request #(\d+)/.exec(commitMessage ?? "") ??
        /\(#(\d+)\)\s*$/m.exec((commitMessage ?? "").split("\n")[0] ?? "");
      if (named?.[1] !== undefined) {
        const pull = await orUndefined(() => port.getPullRequest(Number(named[1])));
        if (pull?.merged && pull.mergeCommitSha === sha) return pull;
      }
      const { data } = await callGitHub(() =>
        octokit.rest.pulls.list({
          owner,
          repo,
          state: "closed",
          sort: "updated",
          direction: "desc",
          per_page: 50,
        }),
      );
      const found = data.find((pull) => pull.merge_commit_sha === sha && pull.merged_at);
      return found === undefined ? undefined : toFacts(found);
    },

    async changedFiles(number) {
      const files = await callGitHub(() =>
        octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 }),
      );
      return files.flatMap((file) =>
        file.previous_filename === undefined ? [file.filename] : [file.filename, file.previous_filename],
      );
    },

    async reviews(number) {
      const reviews = await callGitHub(() =>
        octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: number, per_page: 100 }),
      );
      return reviews.flatMap((review): ReviewFact[] => {
        const state = review.state as ReviewFact["state"];
        if (!reviewStates.has(state) || review.user === null) return [];
        return [
          {
            id: review.id,
            login: review.user.login,
            state,
            commitId: review.commit_id ?? "",
            submittedAt: review.submitted_at ?? "",
            isBot: review.user.type === "Bot",
          },
        ];
      });
    },

    async readFile(path, ref) {
      return orUndefined(async () => {
        const { data } = await callGitHub(() => octokit.rest.repos.getContent({ owner, repo, path, ref }), {
          notFound: `${path} does not exist at ${ref}`,
        });
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return undefined;
        return Buffer.from(data.content, "base64").toString("utf8");
      });
    },

    async listFolder(folder, ref) {
      const listing = await orUndefined(async () => {
        const { data } = await callGitHub(
          () => octokit.rest.repos.getContent({ owner, repo, path: folder, ref }),
          { notFound: `${folder} does not exist at ${ref}` },
        );
        return Array.isArray(data) ? data.filter((e) => e.type === "file").map((e) => e.name) : [];
      });
      return listing ?? [];
    },

    async isTeamMember(org, slug, login) {
      const membership = await orUndefined(async () => {
        const { data } = await callGitHub(
          () => octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login }),
          { notFound: `${login} is not in @${org}/${slug}` },
        );
        return data;
      });
      return membership?.state === "active";
    },

    async permissionOf(login) {
      const answer = await orUndefined(async () => {
        const { data } = await callGitHub(
          () => octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login }),
          { notFound: `${login} is not a collaborator of ${name}` },
        );
        return data;
      });
      const permission = answer?.role_name ?? answer?.permission ?? "none";
      const known: Permission[] = ["admin", "maintain", "write", "triage", "read", "none"];
      return known.includes(permission as Permission) ? (permission as Permission) : "none";
    },

    async openDriftIssues(model) {
      const { data } = await callGitHub(() =>
        octokit.rest.issues.listForRepo({
          owner,
          repo,
          state: "open",
          labels: `drift,model:${model}`,
          per_page: 20,
        }),
      );
      return data
        .filter((issue) => issue.pull_request === undefined)
        .map((issue) => ({ number: issue.number, url: issue.html_url }));
    },

    async publishCheckRun(check) {
      const { data: existing } = await callGitHub(() =>
        octokit.rest.checks.listForRef({ owner, repo, ref: check.sha, check_name: check.name, per_page: 10 }),
      );
      const fields = {
        status: "completed" as const,
        conclusion: check.conclusion,
        completed_at: new Date().toISOString(),
        output: check.output,
      };
      const previous = existing.check_runs[0];
      if (previous !== undefined) {
        const { data } = await callGitHub(() =>
          octokit.rest.checks.update({ owner, repo, check_run_id: previous.id, ...fields }),
        );
        return { id: data.id, url: data.html_url ?? "" };
      }
      const { data } = await callGitHub(() =>
        octokit.rest.checks.create({ owner, repo, name: check.name, head_sha: check.sha, ...fields }),
      );
      return { id: data.id, url: data.html_url ?? "" };
    },

    async branchSha(branch) {
      return exactRef(`heads/${branch}`);
    },

    async commitFile(change) {
      const { data: parent } = await callGitHub(() =>
        octokit.rest.git.getCommit({ owner, repo, commit_sha: change.parentSha }),
      );
      const { data: tree } = await callGitHub(() =>
        octokit.rest.git.createTree({
          owner,
          repo,
          base_tree: parent.tree.sha,
          tree: [{ path: change.path, mode: "100644", type: "blob", content: change.text }],
        }),
      );
      const { data: commit } = await callGitHub(() =>
        octokit.rest.git.createCommit({
          owner,
          repo,
          message: change.message,
          tree: tree.sha,
          parents: [change.parentSha],
        }),
      );
      if ((await port.branchSha(change.branch)) === undefined) {
        await callGitHub(() =>
          octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${change.branch}`, sha: commit.sha }),
        );
      } else {
        await callGitHub(() =>
          octokit.rest.git.updateRef({
            owner,
            repo,
            ref: `heads/${change.branch}`,
            sha: commit.sha,
            force: true,
          }),
        );
      }
      return commit.sha;
    },

    async createPullRequest(request) {
      const { data } = await callGitHub(() => octokit.rest.pulls.create({ owner, repo, ...request }));
      return toFacts(data);
    },

    async updatePullRequest(number, change) {
      await callGitHub(() => octokit.rest.pulls.update({ owner, repo, pull_number: number, ...change }));
    },

    async comment(issueNumber, body) {
      await callGitHub(() =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
      );
    },

    async tagSha(tag) {
      return exactRef(`tags/${tag}`);
    },

    async setTag(tag, sha) {
      if ((await port.tagSha(tag)) === undefined) {
        await callGitHub(() => octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha }));
      } else {
        await callGitHub(() =>
          octokit.rest.git.updateRef({ owner, repo, ref: `tags/${tag}`, sha, force: true }),
        );
      }
    },

    async deployments(environment) {
      const { data } = await callGitHub(() =>
        octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 30 }),
      );
      return data.map((d) => ({
        id: d.id,
        sha: d.sha,
        payload:
          typeof d.payload === "object" && d.payload !== null ? (d.payload as Record<string, unknown>) : {},
      }));
    },

    async createDeployment(deployment) {
      const { data } = await callGitHub(() =>
        octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: deployment.ref,
          environment: deployment.environment,
          description: deployment.description,
          payload: deployment.payload,
          task: "deploy",
          auto_merge: false,
          // Promotion is the gate; commit statuses were checked by the pull request.
          required_contexts: [],
          production_environment: deployment.environment === "production",
        }),
      );
      if (!("id" in data))
        throw new NotFoundError(
          `GitHub did not create the ${deployment.environment} deployment: ${data.message ?? ""}`,
        );
      return { id: data.id };
    },
  };
  return port;
}
