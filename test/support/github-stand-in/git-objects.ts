/**
 * A repository's git objects, enough for the REST API: blobs with git's own sha-1, flat trees
 * (path → blob sha; the sha is a hash of the sorted entries, not git's nested tree hash) and commits
 * with parents, merge bases and ranges.
 */
import { createHash } from "node:crypto";

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

/** path → blob sha */
export type FlatTree = ReadonlyMap<string, string>;

function sha1(data: string | Buffer): string {
  return createHash("sha1").update(data).digest("hex");
}

export function blobSha(content: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

export class GitObjects {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, FlatTree>();
  readonly commits = new Map<string, GitCommit>();

  putBlob(content: Buffer): string {
    const sha = blobSha(content);
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(entries: ReadonlyMap<string, string>): string {
    const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = sha1(`tree\0${sorted.map(([path, blob]) => `100644 blob ${blob}\t${path}\n`).join("")}`);
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  putCommit(commit: Omit<GitCommit, "sha">): GitCommit {
    const text = [
      `tree ${commit.tree}`,
      ...commit.parents.map((p) => `parent ${p}`),
      `author ${commit.author.name} <${commit.author.email}> ${commit.author.date}`,
      `committer ${commit.committer.name} <${commit.committer.email}> ${commit.committer.date}`,
      "",
      commit.message,
    ].join("\n");
    const sha = sha1(`commit ${Buffer.byteLength(text)}\0${text}`);
    const stored = { ...commit, sha };
    this.commits.set(sha, stored);
    return stored;
  }

  tree(sha: string): FlatTree | undefined {
    return this.trees.get(sha);
  }

  treeOfCommit(commitSha: string): FlatTree {
    const commit = this.commits.get(commitSha);
    if (commit === undefined) throw new Error(`stand-in: unknown commit ${commitSha}`);
    return this.trees.get(commit.tree) ?? new Map();
  }

  /** Every commit reachable from `sha`, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const parent of this.commits.get(current)?.parents ?? []) stack.push(parent);
    }
    return seen;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** The nearest common ancestor (breadth-first from `b`). */
  mergeBase(a: string, b: string): string | undefined {
    const fromA = this.ancestors(a);
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      if (fromA.has(current)) return current;
      queue.push(...(this.commits.get(current)?.parents ?? []));
    }
    return undefined;
  }

  /** Commits reachable from `after` and not from `before`, oldest first (a push's commits). */
  range(before: string | undefined, after: string): GitCommit[] {
    const excluded = before === undefined ? new Set<string>() : this.ancestors(before);
    const result: GitCommit[] = [];
    const seen = new Set<string>();
    const visit = (sha: string): void => {
      if (seen.has(sha) || excluded.has(sha)) return;
      seen.add(sha);
      const commit = this.commits.get(sha);
      if (commit === undefined) return;
      for (const parent of commit.parents) visit(parent);
      result.push(commit);
    };
    visit(after);
    return result;
  }
}

export interface FileChange {
  path: string;
  status: "added" | "modified" | "removed";
  before?: string;
  after?: string;
}

/** The files that differ between two trees. */
export function diffTrees(before: FlatTree, after: FlatTree): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, sha] of after) {
    const old = before.get(path);
    if (old === undefined) changes.push({ path, status: "added", after: sha });
    else if (old !== sha) changes.push({ path, status: "modified", before: old, after: sha });
  }
  for (const [path, sha] of before) {
    if (!after.has(path)) changes.push({ path, status: "removed", before: sha });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : 1));
}

/**
 * A three-way merge of flat trees: changes from `ours` and `theirs` relative to `base`. Returns
 * the merged tree, or the conflicting paths.
 */
export function mergeTrees(
  base: FlatTree,
  ours: FlatTree,
  theirs: FlatTree,
): { tree: Map<string, string>; conflicts: string[] } {
  const tree = new Map(ours);
  const conflicts: string[] = [];
  for (const change of diffTrees(base, theirs)) {
    const mine = ours.get(change.path);
    const original = base.get(change.path);
    if (mine === original || mine === change.after) {
      if (change.after === undefined) tree.delete(change.path);
      else tree.set(change.path, change.after);
    } else {
      conflicts.push(change.path);
    }
  }
  return { tree, conflicts };
}

/** Additions and deletions, counted as lines present in one text and not the other (a multiset diff). */
export function lineChanges(
  before: Buffer | undefined,
  after: Buffer | undefined,
): { additions: number; deletions: number } {
  const lines = (b: Buffer | undefined): string[] =>
    b === undefined || b.length === 0 ? [] : b.toString("utf8").replace(/\n$/, "").split("\n");
  const counts = new Map<string, number>();
  for (const line of lines(before)) counts.set(line, (counts.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of lines(after)) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else additions++;
  }
  let deletions = 0;
  for (const n of counts.values()) deletions += n;
  return { additions, deletions };
}
