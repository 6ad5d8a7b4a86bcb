/** The DriftIssuePort over an Octokit client made at the edge (the monitor action's, or the bot's). */
import type { Octokit } from "@octokit/rest";
import { GitHubApiError, NotFoundError } from "../errors.js";
import { callGitHub } from "../github/github-error.js";
import type { Repository } from "../github/repository.js";
import type { DriftIssueFacts, DriftIssuePort } from "./drift-issue-port.js";

interface IssueData {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  html_url: string;
  created_at: string;
  pull_request?: unknown;
}

const toFacts = (data: IssueData): DriftIssueFacts => ({
  number: data.number,
  title: data.title,
  body: data.body ?? "",
  state: data.state === "closed" ? "closed" : "open",
  labels: data.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== ""),
  url: data.html_url,
  createdAt: data.created_at,
});

export function createOctokitDriftIssuePort(octokit: Octokit, repository: Repository): DriftIssuePort {
  const { owner, repo } = repository;
  const name = `${owner}/${repo}`;
  let defaultBranch: string | undefined;
  return {
    repository: name,

    async openIssuesWithLabel(label) {
      const data = await callGitHub(() =>
        octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: "open",
          labels: label,
          sort: "created",
          direction: "asc",
          per_page: 100,
        }),
      );
      return (data as IssueData[]).filter((i) => i.pull_request === undefined).map(toFacts);
    },

    async getIssue(number) {
      const { data } = await callGitHub(
        () => octokit.rest.issues.get({ owner, repo, issue_number: number }),
        {
          notFound: `${name}: issue #${number} does not exist.`,
        },
      );
      return toFacts(data as IssueData);
    },

    async ensureLabel(label, color, description) {
      try {
        await callGitHub(() => octokit.rest.issues.getLabel({ owner, repo, name: label }), {
          notFound: `label ${label}`,
        });
        return;
      } catch (error: unknown) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      try {
        await callGitHub(() =>
          octokit.rest.issues.createLabel({ owner, repo, name: label, color, description }),
        );
      } catch (error: unknown) {
        // Created meanwhile by an overlapping run: that is what we wanted.
        if (error instanceof GitHubApiError && error.status === 422) return;
        throw error;
      }
    },

    async createIssue(issue) {
      const { data } = await callGitHub(() =>
        octokit.rest.issues.create({
          owner,
          repo,
          title: issue.title,
          body: issue.body,
          labels: issue.labels,
        }),
      );
      return toFacts(data as IssueData);
    },

    async updateIssue(number, change) {
      await callGitHub(() => octokit.rest.issues.update({ owner, repo, issue_number: number, ...change }));
    },

    async comment(number, body) {
      const { data } = await callGitHub(() =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }),
      );
      return { url: data.html_url };
    },

    async defaultBranch() {
      if (defaultBranch === undefined) {
        const { data } = await callGitHub(() => octokit.rest.repos.get({ owner, repo }));
        defaultBranch = data.default_branch;
      }
      return defaultBranch;
    },

    async dispatchWorkflow(workflow, ref) {
      await callGitHub(
        () => octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref }),
        {
          notFound: `${name} has no workflow '${workflow}' in .github/workflows on ${ref} (or it has no workflow_dispatch trigger).`,
        },
      );
    },
  };
}
