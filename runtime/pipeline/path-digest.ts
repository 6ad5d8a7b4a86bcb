import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { globSync } from "tinyglobby";
import { type HashCache, sha256 } from "./hash-cache.js";

/** One file inside a folder out or dep. */
export interface FileDigest {
  /** Relative to the folder (or, for globs, to the project folder). */
  path: string;
  digest: string;
  size: number;
}

/** The state of a path on disk: a file, a folder (a manifest of its files), or missing. */
export type PathDigest =
  | { kind: "file"; digest: string; size: number; mtimeMs: number }
  | { kind: "dir"; digest: string; size: number; files: FileDigest[] }
  | { kind: "missing" };

/** The digest of a list of files: sha256 over sorted `path digest size` lines (like DVC's .dir). */
export function manifestDigest(files: FileDigest[]): string {
  return sha256(files.map((f) => `${f.path}\t${f.digest}\t${f.size}\n`).join(""));
}

/** Hash a file or folder under `root`. Files whose size and mtime are unchanged are not re-read. */
export async function digestPath(root: string, path: string, cache: HashCache): Promise<PathDigest> {
  const absolute = join(root, path);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (!stat) return { kind: "missing" };
  if (stat.isDirectory()) {
    const files: FileDigest[] = [];
    await walk(absolute, absolute, cache, files);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { kind: "dir", digest: manifestDigest(files), size: files.reduce((n, f) => n + f.size, 0), files };
  }
  const entry = await cache.digestOf(absolute, stat);
  return { kind: "file", digest: entry.digest, size: entry.size, mtimeMs: entry.mtimeMs };
}

/** Hash the files a glob matches, as a manifest (an empty match is a digest too). */
export async function digestGlob(root: string, pattern: string, cache: HashCache): Promise<PathDigest> {
  const matches = globSync(pattern, { cwd: root, onlyFiles: true, dot: true }).sort();
  const files: FileDigest[] = [];
  for (const match of matches) {
    const entry = await cache.digestOf(join(root, match));
    files.push({ path: match, digest: entry.digest, size: entry.size });
  }
  return { kind: "dir", digest: manifestDigest(files), size: files.reduce((n, f) => n + f.size, 0), files };
}

async function walk(base: string, folder: string, cache: HashCache, files: FileDigest[]): Promise<void> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const absolute = join(folder, entry.name);
    if (entry.isDirectory()) await walk(base, absolute, cache, files);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const digest = await cache.digestOf(absolute);
      files.push({ path: relative(base, absolute), digest: digest.digest, size: digest.size });
    }
  }
}
