import { createHash } from "node:crypto";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** What is known about one file: its size and mtime when it was hashed, and the digest. */
export interface StatEntry {
  size: number;
  mtimeMs: number;
  digest: string;
}

/** Files at or above this size are hashed as a stream instead of read whole. */
const streamThreshold = 16 * 1024 * 1024;

/**
 * Digests of files, reused while a file's size and mtime are unchanged (like DVC's state db), so a
 * re-run of an unchanged project hashes nothing. Kept in `.kiln/state.json`, never in kiln.lock:
 * mtimes differ between checkouts of one commit, and the committed lock holds content only.
 * Keys are absolute paths.
 */
export class HashCache {
  private readonly entries = new Map<string, StatEntry>();
  private changed = false;

  constructor(entries: Iterable<[string, StatEntry]> = []) {
    for (const [path, entry] of entries) this.entries.set(path, entry);
  }

  /** Load a state file written by `save`; a missing or unreadable one starts empty. */
  static async load(file: string): Promise<HashCache> {
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as { files?: Record<string, StatEntry> };
      return new HashCache(Object.entries(parsed.files ?? {}));
    } catch {
      return new HashCache();
    }
  }

  /** Write the state file if anything was hashed since it was loaded. */
  async save(file: string): Promise<void> {
    if (!this.changed) return;
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, files: Object.fromEntries(this.entries) }));
    await rename(temporary, file);
    this.changed = false;
  }

  /** Remember a digest computed elsewhere (e.g. a file just restored and verified). */
  remember(path: string, entry: StatEntry): void {
    this.entries.set(path, entry);
    this.changed = true;
  }

  /** The sha256 (hex) of a file, from the cache when its size and mtime match. */
  async digestOf(path: string, stat?: { size: number; mtimeMs: number }): Promise<StatEntry> {
    const current = stat ?? statSync(path);
    const known = this.entries.get(path);
    if (known && known.size === current.size && known.mtimeMs === current.mtimeMs) return known;
    const digest = current.size >= streamThreshold ? await hashStream(path) : sha256(readFileSync(path));
    const entry = { size: current.size, mtimeMs: current.mtimeMs, digest };
    this.remember(path, entry);
    return entry;
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

async function hashStream(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
