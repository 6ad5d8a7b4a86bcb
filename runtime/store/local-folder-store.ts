import { createHash, randomUUID } from "node:crypto";
import { createReadStream, type Dirent } from "node:fs";
import {
  type FileHandle,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rmdir,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { NotFoundError, PreconditionFailedError, StoreError } from "../errors.js";
import { acquireLock } from "./local-folder-lock.js";
import type { ListOptions, ObjectInfo, ObjectStore, PutBody, PutOptions, PutResult } from "./object-store.js";
import { chunkBuffer, putBodyBytes } from "./put-body.js";
import { compareKeys, reservedNamePrefix, validateStoreKey, validateStorePrefix } from "./store-key.js";

/**
 * The default store: objects are files under a folder (`.kiln/store` in the project), keys are their
 * relative paths. Next to each object the store keeps files whose names start with `.kiln-`:
 *
 * - `.kiln-tmp-<uuid>`: bytes being written. Every write goes to a temporary file in the target's
 *   folder, is fsynced, then renamed over the target (or linked, for create-only), so readers see
 *   the old object or the new one, never a part.
 * - `.kiln-etag-<name>`: the object's etag (sha256 of its bytes, hex) with the inode, size and mtime
 *   of the file it was computed for. When they do not match the file (a crash between two renames),
 *   the etag is recomputed from the bytes, so it is never wrong, only occasionally slower.
 * - `.kiln-lock-<name>`: the per-key lock (see local-folder-lock.ts) held while a write is committed.
 *
 * Conditional writes: create-only commits with `link(temp, target)`, which fails with EEXIST when the
 * target exists — atomic across processes by itself. `ifMatch` compares the current etag and renames
 * while holding the key's lock; every other commit (plain puts, create-only, deletes) takes the same
 * lock, so nothing can replace the object between the comparison and the rename.
 *
 * A folder cannot hold a file and a folder of one name, so unlike S3 the keys `a` and `a/b` cannot
 * both exist; such a write fails with a StoreError saying so.
 */
export interface LocalFolderStoreOptions {
  /** Give up waiting for a key's lock after this long (default 30 s). */
  lockTimeoutMs?: number;
  /** A lock older than this is stale (default 60 s). */
  staleLockMs?: number;
}

interface EtagSidecar {
  etag: string;
  ino: string;
  size: string;
  mtimeNs: string;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

const missingCodes = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export class LocalFolderStore implements ObjectStore {
  readonly url: string;
  readonly root: string;
  readonly #lockTimeoutMs: number;
  readonly #staleLockMs: number;

  constructor(root: string, options: LocalFolderStoreOptions = {}) {
    this.root = resolve(root);
    this.url = pathToFileURL(this.root).href;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
    this.#staleLockMs = options.staleLockMs ?? 60_000;
  }

  #path(key: string): string {
    return join(this.root, ...validateStoreKey(key).split("/"));
  }

  #sidecarPath(path: string): string {
    return join(dirname(path), `${reservedNamePrefix}etag-${path.slice(dirname(path).length + 1)}`);
  }

  #lockPath(path: string): string {
    return join(dirname(path), `${reservedNamePrefix}lock-${path.slice(dirname(path).length + 1)}`);
  }

  #notFound(key: string): NotFoundError {
    return new NotFoundError(`store key '${key}' not found in ${this.url}.`);
  }

  #failure(action: string, key: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const code = errorCode(error);
    if (code === "ENOTDIR" || code === "EISDIR") {
      return new StoreError(
        `cannot ${action} store key '${key}' in ${this.url}: a key and keys under it cannot both exist in a local folder store (${code}).`,
        { key },
        { cause: error, hint: "Use a key that is neither a folder of other keys nor inside another key." },
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new StoreError(
      `cannot ${action} store key '${key}' in ${this.url}: ${detail}`,
      { key },
      { cause: error },
    );
  }

  async get(key: string): Promise<Readable> {
    const path = this.#path(key);
    try {
      const handle = await open(path, "r");
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        throw this.#notFound(key);
      }
      return handle.createReadStream();
    } catch (error: unknown) {
      if (error instanceof NotFoundError) throw error;
      if (missingCodes.has(errorCode(error) ?? "")) throw this.#notFound(key);
      throw this.#failure("read", key, error);
    }
  }

  async getBytes(key: string): Promise<Uint8Array> {
    const path = this.#path(key);
    try {
      return new Uint8Array(await readFile(path));
    } catch (error: unknown) {
      if (missingCodes.has(errorCode(error) ?? "")) throw this.#notFound(key);
      throw this.#failure("read", key, error);
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.#path(key);
    try {
      return await this.#info(key, path);
    } catch (error: unknown) {
      throw this.#failure("inspect", key, error);
    }
  }

  /** The object's metadata, or undefined when absent. Raw fs errors other than "missing" propagate. */
  async #info(key: string, path: string): Promise<ObjectInfo | undefined> {
    const etagAndStat = await this.#currentEtag(path);
    if (etagAndStat === undefined) return undefined;
    const { etag, info } = etagAndStat;
    return { key, size: Number(info.size), etag, lastModified: new Date(Number(info.mtimeMs)) };
  }

  async #currentEtag(path: string) {
    let info: Awaited<ReturnType<typeof statBig>>;
    try {
      info = await statBig(path);
    } catch (error: unknown) {
      if (missingCodes.has(errorCode(error) ?? "")) return undefined;
      throw error;
    }
    if (!info.isFile()) return undefined;
    try {
      const sidecar = JSON.parse(await readFile(this.#sidecarPath(path), "utf8")) as EtagSidecar;
      if (
        sidecar.ino === String(info.ino) &&
        sidecar.size === String(info.size) &&
        sidecar.mtimeNs === String(info.mtimeNs)
      ) {
        return { etag: sidecar.etag, info };
      }
    } catch {
      // missing or unreadable sidecar: recompute below
    }
    try {
      return { etag: await sha256OfFile(path), info };
    } catch (error: unknown) {
      if (missingCodes.has(errorCode(error) ?? "")) return undefined;
      throw error;
    }
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const path = this.#path(key);
    const folder = dirname(path);
    const temp = join(folder, `${reservedNamePrefix}tmp-${randomUUID()}`);
    const sidecarTemp = join(folder, `${reservedNamePrefix}tmp-${randomUUID()}`);
    try {
      const etag = await this.#writeTemp(temp, body);
      const info = await statBig(temp);
      const sidecar: EtagSidecar = {
        etag,
        ino: String(info.ino),
        size: String(info.size),
        mtimeNs: String(info.mtimeNs),
      };
      await writeFile(sidecarTemp, JSON.stringify(sidecar), { flag: "wx" });
      const release = await acquireLock(this.#lockPath(path), {
        timeoutMs: this.#lockTimeoutMs,
        staleMs: this.#staleLockMs,
      });
      try {
        if (options.ifMatch !== undefined) {
          const current = await this.#currentEtag(path);
          if (current?.etag !== options.ifMatch) throw new PreconditionFailedError(key, "ifMatch");
        }
        if (options.ifNoneMatch === "*") {
          try {
            await link(temp, path);
          } catch (error: unknown) {
            if (errorCode(error) === "EEXIST") throw new PreconditionFailedError(key, "ifNoneMatch");
            throw error;
          }
          await rename(sidecarTemp, this.#sidecarPath(path));
        } else {
          await rename(sidecarTemp, this.#sidecarPath(path));
          await rename(temp, path);
        }
        await syncFolder(folder);
      } finally {
        await release();
      }
      return { etag };
    } catch (error: unknown) {
      throw this.#failure("write", key, error);
    } finally {
      await unlink(temp).catch(() => undefined);
      await unlink(sidecarTemp).catch(() => undefined);
    }
  }

  /** Write the body to a new temporary file (creating folders), fsync it, return its sha256. */
  async #writeTemp(temp: string, body: PutBody): Promise<string> {
    // A concurrent delete may remove the (empty) folder between mkdir and open: retry a few times.
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(temp), { recursive: true });
      try {
        const handle = await open(temp, "wx");
        try {
          const hash = createHash("sha256");
          const bytes = putBodyBytes(body);
          if (bytes !== undefined) {
            hash.update(bytes);
            await writeAll(handle, bytes);
            await handle.sync();
            return hash.digest("hex");
          }
          for await (const chunk of body as Readable) {
            const buffer = chunkBuffer(chunk);
            hash.update(buffer);
            await writeAll(handle, buffer);
          }
          await handle.sync();
          return hash.digest("hex");
        } finally {
          await handle.close();
        }
      } catch (error: unknown) {
        if (errorCode(error) !== "ENOENT" || attempt >= 5) throw error;
      }
    }
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ObjectInfo> {
    validateStorePrefix(prefix);
    const cut = prefix.lastIndexOf("/");
    const baseKey = cut < 0 ? "" : prefix.slice(0, cut + 1);
    yield* this.#walk(baseKey, prefix, options.startAfter);
  }

  async *#walk(folderKey: string, prefix: string, after: string | undefined): AsyncGenerator<ObjectInfo> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(this.root, ...folderKey.split("/").filter((s) => s !== "")), {
        withFileTypes: true,
      });
    } catch (error: unknown) {
      if (missingCodes.has(errorCode(error) ?? "")) return;
      throw this.#failure("list", prefix, error);
    }
    // A folder sorts as "name/": every key below it starts so, which keeps the walk in byte order.
    const items = entries
      .filter(
        (entry) => !entry.name.startsWith(reservedNamePrefix) && (entry.isFile() || entry.isDirectory()),
      )
      .map((entry) => ({
        folder: entry.isDirectory(),
        key: `${folderKey}${entry.name}${entry.isDirectory() ? "/" : ""}`,
      }))
      .sort((a, b) => compareKeys(a.key, b.key));
    for (const item of items) {
      if (item.folder) {
        if (!item.key.startsWith(prefix) && !prefix.startsWith(item.key)) continue;
        if (after !== undefined && compareKeys(item.key, after) < 0 && !after.startsWith(item.key)) continue;
        yield* this.#walk(item.key, prefix, after);
        continue;
      }
      if (!item.key.startsWith(prefix)) continue;
      if (after !== undefined && compareKeys(item.key, after) <= 0) continue;
      let info: ObjectInfo | undefined;
      try {
        info = await this.#info(item.key, join(this.root, ...item.key.split("/")));
      } catch (error: unknown) {
        throw this.#failure("list", item.key, error);
      }
      if (info !== undefined) yield info; // deleted meanwhile: skip
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.#path(key);
    try {
      const release = await acquireLock(this.#lockPath(path), {
        timeoutMs: this.#lockTimeoutMs,
        staleMs: this.#staleLockMs,
      });
      try {
        await unlink(path).catch((error: unknown) => {
          if (!missingCodes.has(errorCode(error) ?? "")) throw error;
        });
        await unlink(this.#sidecarPath(path)).catch(() => undefined);
      } finally {
        await release();
      }
    } catch (error: unknown) {
      if (missingCodes.has(errorCode(error) ?? "")) return;
      throw this.#failure("delete", key, error);
    }
    // Remove folders the delete left empty, so a later key of the same name as a folder can be written.
    let folder = dirname(path);
    while (folder.length > this.root.length && folder.startsWith(this.root)) {
      try {
        await rmdir(folder);
      } catch {
        break;
      }
      folder = dirname(folder);
    }
  }
}

/** Write every byte (a write may be short). */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

function statBig(path: string) {
  return stat(path, { bigint: true });
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } catch {
    // some filesystems refuse fsync on a directory; the rename is still atomic
  } finally {
    await handle.close();
  }
}
