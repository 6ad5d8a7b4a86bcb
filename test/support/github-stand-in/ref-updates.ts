/** The one way refs move: every change emits create/push and synchronizes open pull requests. */

import { emitCreate, emitPullRequest, emitPush } from "./events.js";
import type { GitPerson } from "./git-objects.js";
import { timestamp } from "./http-kit.js";
import type { Account, RepositoryState } from "./state.js";
import type { World } from "./world.js";

export function updateRef(
  world: World,
  repo: RepositoryState,
  fullRef: string,
  sha: string | undefined,
  sender: Account,
  forced = false,
): void {
  const before = repo.refs.get(fullRef);
  if (before === sha) return;
  if (sha === undefined) repo.refs.delete(fullRef);
  else repo.refs.set(fullRef, sha);
  repo.pushedAt = timestamp();
  const isTag = fullRef.startsWith("refs/tags/");
  const short = fullRef.replace(/^refs\/(heads|tags)\//, "");
  if (before === undefined && sha !== undefined)
    emitCreate(world, repo, isTag ? "tag" : "branch", short, sender);
  emitPush(world, repo, fullRef, before, sha, sender, forced);
  if (!isTag && sha !== undefined) {
    for (const issue of repo.issues.values()) {
      if (issue.pull === undefined || issue.state !== "open" || issue.pull.head !== short) continue;
      if (issue.pull.headSha === sha) continue;
      const previous = issue.pull.headSha;
      issue.pull.headSha = sha;
      issue.updatedAt = timestamp();
      emitPullRequest(world, repo, "synchronize", issue, sender, { before: previous, after: sha });
    }
  }
}

export function personOf(account: Account, date = timestamp()): GitPerson {
  return { name: account.login, email: `${account.id}+${account.login}@users.noreply.github.com`, date };
}

/**
 * Commit file changes (path → bytes, or null to delete) on top of a branch and move it.
 * Returns the new commit.
 */
export function commitToBranch(
  world: World,
  repo: RepositoryState,
  branch: string,
  changes: ReadonlyMap<string, Buffer | null>,
  message: string,
  author: Account,
  people?: { author?: GitPerson; committer?: GitPerson },
): ReturnType<RepositoryState["git"]["putCommit"]> {
  const parent = repo.branchSha(branch);
  const tree = new Map(parent === undefined ? [] : repo.git.treeOfCommit(parent));
  for (const [path, content] of changes) {
    if (content === null) tree.delete(path);
    else tree.set(path, repo.git.putBlob(content));
  }
  const commit = repo.git.putCommit({
    tree: repo.git.putTree(tree),
    parents: parent === undefined ? [] : [parent],
    message,
    author: people?.author ?? personOf(author),
    committer: people?.committer ?? personOf(author),
  });
  updateRef(world, repo, `refs/heads/${branch}`, commit.sha, author);
  return commit;
}
