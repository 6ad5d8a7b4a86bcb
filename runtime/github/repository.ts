import { UsageError } from "../errors.js";

/** A GitHub repository, as the REST API addresses it. */
export interface Repository {
  owner: string;
  repo: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Parse `owner/repo`. `source` names where the text came from (an input, an env variable) so the
 * error says what to fix.
 */
export function parseRepository(text: string, source = "repository"): Repository {
  const trimmed = text.trim();
  const parts = trimmed.split("/");
  const [owner, repo] = parts;
  if (
    parts.length !== 2 ||
    owner === undefined ||
    repo === undefined ||
    !OWNER.test(owner) ||
    !NAME.test(repo) ||
    repo === "." ||
    repo === ".."
  ) {
    throw new UsageError(`${source} '${text}' is not of the form owner/repo.`, {
      hint: "Expected something like 'octo-org/models'.",
    });
  }
  return { owner, repo };
}

/** The repository the workflow runs in, from `GITHUB_REPOSITORY`. */
export function repositoryFromEnv(env: Readonly<Record<string, string | undefined>>): Repository {
  const value = env.GITHUB_REPOSITORY;
  if (value === undefined || value.trim() === "") {
    throw new UsageError("GITHUB_REPOSITORY is not set, so the repository is unknown.", {
      hint: "Set GITHUB_REPOSITORY=owner/repo, or pass the repository explicitly.",
    });
  }
  return parseRepository(value, "GITHUB_REPOSITORY");
}

export function formatRepository(repository: Repository): string {
  return `${repository.owner}/${repository.repo}`;
}
