import { randomUUID } from "node:crypto";
import { link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { StoreError } from "../errors.js";

/**
 * A per-key lock for the local folder store, safe across processes on one machine (and on shared
 * filesystems with atomic O_EXCL create).
 *
 * Scheme: the lock is a file created with O_CREAT|O_EXCL (`open(path, "wx")`), which exactly one
 * process can create. It holds `{pid, host, token, at}`. The holder runs a short critical section
 * (compare the current etag, rename the new object into place) and then removes the lock if it
 * still holds its own token.
 *
 * A lock is stale when its owner is a process on this host that no longer runs, or when it is older
 * than `staleMs` (the critical section takes milliseconds; object bytes are written before the lock
 * is taken). A stale lock is broken by renaming it to a unique name — rename of one directory entry
 * succeeds for one process only — and checking the renamed file still carries the stale token; if a
 * fresh lock was taken instead (another process broke and re-took it in between), it is put back
 * with `link()` (create-only). Waiters poll with a jittered backoff and give up after `timeoutMs`.
 */
export interface LockOptions {
  /** Give up waiting after this long. */
  timeoutMs: number;
  /** A lock older than this is stale even if its owner seems alive. */
  staleMs: number;
}

interface LockContent {
  pid: number;
  host: string;
  token: string;
  at: number;
}

export type ReleaseLock = () => Promise<void>;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return errorCode(error) === "EPERM";
  }
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    if (typeof parsed === "object" && parsed !== null && "token" in parsed) return parsed as LockContent;
    return undefined;
  } catch {
    return undefined;
  }
}

async function isStale(path: string, staleMs: number): Promise<LockContent | "unreadable" | undefined> {
  const content = await readLock(path);
  if (content === undefined) {
    // Empty or half-written: its creator is between open() and write(). Stale only when old.
    try {
      const info = await stat(path);
      return Date.now() - info.mtimeMs > staleMs ? "unreadable" : undefined;
    } catch {
      return undefined;
    }
  }
  const ownerGone = content.host === hostname() && !processIsAlive(content.pid);
  return ownerGone || Date.now() - content.at > staleMs ? content : undefined;
}

async function breakLock(path: string, stale: LockContent | "unreadable"): Promise<void> {
  const aside = `${path}.broken-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else broke or released it
  }
  const taken = await readLock(aside);
  const sameLock = stale === "unreadable" ? taken === undefined : taken?.token === stale.token;
  if (!sameLock) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Take the lock at `path`; resolves to the function that releases it. */
export async function acquireLock(path: string, options: LockOptions): Promise<ReleaseLock> {
  const content: LockContent = { pid: process.pid, host: hostname(), token: randomUUID(), at: Date.now() };
  const started = Date.now();
  let delay = 1;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(JSON.stringify({ ...content, at: Date.now() }));
      } finally {
        await handle.close();
      }
      return async () => {
        const current = await readLock(path);
        if (current?.token === content.token) await unlink(path).catch(() => undefined);
      };
    } catch (error: unknown) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    const stale = await isStale(path, options.staleMs);
    if (stale !== undefined) {
      await breakLock(path, stale);
      continue;
    }
    if (Date.now() - started > options.timeoutMs) {
      const holder = await readLock(path);
      throw new StoreError(
        `timed out after ${options.timeoutMs} ms waiting for the lock ${path}${holder ? ` held by process ${holder.pid} on ${holder.host}` : ""}.`,
        {},
        { hint: "If no kiln process is still writing to this store, delete that lock file." },
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 25);
  }
}
