/** What GitHub computes for a pull request: changed files, line counts, commits, mergeability. */
import { diffTrees, lineChanges, mergeTrees } from "./git-objects.js";
import type { PullFigures } from "./shapes.js";
import type { IssueRecord, RepositoryState } from "./state.js";
import type { World } from "./world.js";

export interface PullFile {
  filename: string;
  status: "added" | "modified" | "removed";
  additions: number;
  deletions: number;
  changes: number;
  sha: string;
  blobSha: string | undefined;
}

/**
 * The pull request's base commit. A merged pull request keeps the base it had when it was merged,
 * as on GitHub: the merge commit's first parent, not the base branch (which now contains the head).
 */
export function pullBaseSha(
  repo: RepositoryState,
  pull: NonNullable<IssueRecord["pull"]>,
): string | undefined {
  const mergedFrom = pull.mergeCommitSha ? repo.git.commits.get(pull.mergeCommitSha)?.parents[0] : undefined;
  return mergedFrom ?? repo.branchSha(pull.base);
}

function baseOf(
  repo: RepositoryState,
  issue: IssueRecord,
): { base: string; head: string; mergeBase: string } {
  const pull = issue.pull!;
  const head = pull.headSha;
  const base = pullBaseSha(repo, pull) ?? head;
  return { base, head, mergeBase: repo.git.mergeBase(base, head) ?? base };
}

/** Files changed on the head since it left the base (GitHub's three-dot comparison). */
export function pullFiles(repo: RepositoryState, issue: IssueRecord): PullFile[] {
  const { head, mergeBase } = baseOf(repo, issue);
  const before = repo.git.treeOfCommit(mergeBase);
  const after = repo.git.treeOfCommit(head);
  return diffTrees(before, after).map((change) => {
    const { additions, deletions } = lineChanges(
      change.before === undefined ? undefined : repo.git.blobs.get(change.before),
      change.after === undefined ? undefined : repo.git.blobs.get(change.after),
    );
    return {
      filename: change.path,
      status: change.status,
      additions,
      deletions,
      changes: additions + deletions,
      sha: change.after ?? change.before ?? "",
      blobSha: change.after,
    };
  });
}

/** The merge tree of the pull request, or the conflicting paths. */
export function pullMerge(repo: RepositoryState, issue: IssueRecord): ReturnType<typeof mergeTrees> {
  const { base, head, mergeBase } = baseOf(repo, issue);
  return mergeTrees(
    repo.git.treeOfCommit(mergeBase),
    repo.git.treeOfCommit(base),
    repo.git.treeOfCommit(head),
  );
}

export function pullFigures(_world: World, repo: RepositoryState, issue: IssueRecord): PullFigures {
  const files = pullFiles(repo, issue);
  const { base, head } = baseOf(repo, issue);
  const merged = issue.pull!.merged;
  return {
    commits: repo.git.range(base, head).length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
    mergeable: merged ? null : pullMerge(repo, issue).conflicts.length === 0,
  };
}
