import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { IntegrityError, UsageError } from "../errors.js";
import { getVerified } from "../store/content-address.js";
import type { ObjectStore } from "../store/object-store.js";
import { type ModelRecord, modelVersionLabel } from "./model-record.js";

/**
 * The artifact of a version, streamed from the store and verified against the record: the stream
 * ends with an IntegrityError naming the recorded and the actual digest when the bytes differ.
 * Consume it with `pipeline` and trust the bytes only once it ended without error.
 */
export async function downloadArtifact(store: ObjectStore, record: ModelRecord): Promise<Readable> {
  return getVerified(store, record.artifact.storeKey, record.artifact.sha256);
}

/**
 * Download a version's artifact into `path`. The bytes go to a temporary file beside it, renamed
 * into place only when their digest matches the record; on a mismatch nothing is left behind.
 */
export async function pullArtifact(store: ObjectStore, record: ModelRecord, path: string): Promise<void> {
  const partial = join(dirname(path), `.kiln-pull-${randomUUID()}`);
  try {
    await pipeline(await downloadArtifact(store, record), createWriteStream(partial, { flags: "wx" }));
    await rename(partial, path);
  } catch (error: unknown) {
    if (error instanceof IntegrityError)
      throw new IntegrityError(
        `${modelVersionLabel(record)} artifact '${record.artifact.storeKey}' in ${store.url}`,
        error.expected,
        error.actual,
      );
    if (error instanceof Error && "code" in error && typeof error.code === "string")
      throw new UsageError(`could not write '${path}': ${error.message}.`, { cause: error });
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
}
