import { readFile, rename, writeFile } from "node:fs/promises";
import { ConfigError } from "../errors.js";

/**
 * A dep or out as recorded in kiln.lock: content only, so two checkouts of one commit write the
 * same lock. What lets a re-run skip re-hashing (mtimes) lives in the uncommitted `.kiln/state.json`.
 */
export interface LockedPath {
  path: string;
  /** sha256 hex of a file; of the file manifest for a folder or glob; `etag:…` for a store object. */
  digest: string;
  kind: "file" | "dir" | "remote";
  /** Bytes: of the file, of all files of a folder or glob, of the store object. */
  size?: number;
  /** Number of files, for folders and globs. */
  files?: number;
}

export interface LockedStage {
  /** The stage key: what the run cache is addressed by. */
  key: string;
  cmd?: string;
  uses?: string;
  with?: Record<string, unknown>;
  deps: LockedPath[];
  /** Param values by file, then dotted key (`""` for a whole file). */
  params: Record<string, Record<string, unknown>>;
  env: Record<string, string>;
  outs: LockedPath[];
}

/** kiln.lock: what produced the project's outs, per stage. JSON (hence also YAML), sorted by stage. */
export interface KilnLock {
  version: 1;
  stages: Record<string, LockedStage>;
  /** Set by readLock when the file holds fields Kiln no longer writes; it is then written again. */
  outdated?: boolean;
}

export function emptyLock(): KilnLock {
  return { version: 1, stages: {} };
}

/**
 * Read kiln.lock; a missing file is an empty lock. Fields Kiln no longer writes (the `mtime` of
 * locks written before it kept them in `.kiln/state.json`) are dropped, so the next write is clean.
 */
export async function readLock(file: string): Promise<KilnLock> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyLock();
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<KilnLock>;
    if (parsed.version !== 1 || typeof parsed.stages !== "object" || parsed.stages === null) {
      throw new Error("expected {version: 1, stages: {...}}");
    }
    let outdated = false;
    const contentOnly = (item: LockedPath): LockedPath => {
      const { path, digest, kind, size, files, ...dropped } = item;
      if (Object.keys(dropped).length > 0) outdated = true;
      return {
        path,
        digest,
        kind,
        ...(size === undefined ? {} : { size }),
        ...(files === undefined ? {} : { files }),
      };
    };
    const stages: Record<string, LockedStage> = {};
    for (const [name, stage] of Object.entries(parsed.stages)) {
      stages[name] = { ...stage, deps: stage.deps.map(contentOnly), outs: stage.outs.map(contentOnly) };
    }
    return { version: 1, stages, ...(outdated ? { outdated } : {}) };
  } catch (error: unknown) {
    throw new ConfigError(
      { file },
      `kiln.lock cannot be read (${error instanceof Error ? error.message : String(error)}).`,
      { hint: "Delete it and run `kiln run` to write a new one." },
    );
  }
}

/** kiln.lock's text: stages in name order, two-space JSON, final newline. */
export function renderLock(lock: KilnLock): string {
  const stages = Object.fromEntries(
    Object.entries(lock.stages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return `${JSON.stringify({ version: 1, stages }, null, 2)}\n`;
}

/** Write kiln.lock atomically; returns false (and writes nothing) when the text is unchanged. */
export async function writeLock(file: string, lock: KilnLock, previousText?: string): Promise<boolean> {
  const text = renderLock(lock);
  if (text === previousText) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  return true;
}
