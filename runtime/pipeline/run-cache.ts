import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline as streamPipeline } from "node:stream/promises";
import { IntegrityError, NotFoundError, StoreError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import type { HashCache } from "./hash-cache.js";
import type { FileDigest } from "./path-digest.js";

/** One out in a run manifest. */
export type CachedOut =
  | { path: string; kind: "file"; digest: string; size: number }
  | { path: string; kind: "dir"; digest: string; size: number; files: FileDigest[] };

/** `cache/runs/<stage-key>.json`: what a successful run of a stage with this key produced. */
export interface RunManifest {
  version: 1;
  stage: string;
  key: string;
  outs: CachedOut[];
  createdAt: string;
}

export const contentKey = (digest: string) => `cache/sha256/${digest}`;
export const runKey = (stageKey: string) => `cache/runs/${stageKey}.json`;

/**
 * The run cache in the object store, shared by every machine using the store: content by digest
 * under `cache/sha256/`, one manifest per stage key under `cache/runs/`.
 */
export class RunCache {
  constructor(private readonly store: ObjectStore) {}

  get url(): string {
    return this.store.url;
  }

  /** The manifest for a stage key, or undefined when no run with that key was stored. */
  async manifest(stageKey: string): Promise<RunManifest | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await this.store.getBytes(runKey(stageKey));
    } catch (error: unknown) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
    try {
      return JSON.parse(Buffer.from(bytes).toString("utf8")) as RunManifest;
    } catch {
      throw new StoreError(`run cache manifest ${runKey(stageKey)} in ${this.store.url} is not valid JSON.`, {
        key: runKey(stageKey),
      });
    }
  }

  /** Upload the outs' content (skipping digests already stored) and then the manifest. */
  async save(root: string, manifest: RunManifest): Promise<void> {
    for (const out of manifest.outs) {
      const files =
        out.kind === "file"
          ? [{ local: out.path, digest: out.digest, size: out.size }]
          : out.files.map((f) => ({ local: join(out.path, f.path), digest: f.digest, size: f.size }));
      for (const file of files) {
        const key = contentKey(file.digest);
        if (await this.store.head(key)) continue;
        await this.store.put(key, createReadStream(join(root, file.local)), { contentLength: file.size });
      }
    }
    await this.store.put(runKey(manifest.key), `${JSON.stringify(manifest, null, 2)}\n`, {
      contentType: "application/json",
    });
  }

  /**
   * Write the manifest's outs under `root`, verifying every file's digest while it streams
   * (IntegrityError on a mismatch; nothing partial is left at the out's path).
   */
  async restore(root: string, manifest: RunManifest, hashes: HashCache): Promise<void> {
    for (const out of manifest.outs) {
      const target = join(root, out.path);
      if (out.kind === "file") {
        await this.restoreFile(target, out.digest, out.path, hashes);
        continue;
      }
      const staging = `${target}.kiln-restore-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      try {
        for (const file of out.files)
          await this.restoreFile(join(staging, file.path), file.digest, join(out.path, file.path));
        await rm(target, { recursive: true, force: true });
        await mkdir(dirname(target), { recursive: true });
        await rename(staging, target);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      for (const file of out.files) {
        const absolute = join(target, file.path);
        const stat = statSync(absolute);
        hashes.remember(absolute, { size: stat.size, mtimeMs: stat.mtimeMs, digest: file.digest });
      }
    }
  }

  private async restoreFile(
    target: string,
    digest: string,
    label: string,
    hashes?: HashCache,
  ): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.kiln-tmp-${process.pid}`;
    const hash = createHash("sha256");
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await streamPipeline(await this.store.get(contentKey(digest)), tap, createWriteStream(temporary));
      const actual = hash.digest("hex");
      if (actual !== digest) {
        throw new IntegrityError(
          `run cache object ${contentKey(digest)} (for '${label}') in ${this.store.url}`,
          digest,
          actual,
        );
      }
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    if (hashes) {
      const stat = statSync(target);
      hashes.remember(target, { size: stat.size, mtimeMs: stat.mtimeMs, digest });
    }
  }
}
