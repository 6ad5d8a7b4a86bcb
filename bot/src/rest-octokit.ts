import type { Octokit } from "@octokit/rest";
import type { ProbotOctokit } from "probot";

/**
 * Probot's Octokit is the same REST client as `@octokit/rest` (core + rest endpoint methods +
 * paginate) at run time, but Probot ships its own copy of `@octokit/types`, so TypeScript sees two
 * unrelated types. This is the one place that says they are the same.
 */
export function restOctokit(octokit: ProbotOctokit): Octokit {
  return octokit as unknown as Octokit;
}
