import { createReadStream } from "node:fs";
import { PreconditionFailedError } from "../errors.js";
import type { Logger } from "../logger.js";
import { contentAddressKey } from "../store/content-address.js";
import type { ObjectStore } from "../store/object-store.js";
import type { FileDigest } from "./file-digest.js";

/**
 * Put an artifact file in the store under its content address (`cache/sha256/<digest>`), streamed
 * from disk. An object already there with the same size is kept (same address, same bytes).
 * Returns the key.
 */
export async function storeArtifact(
  store: ObjectStore,
  path: string,
  digest: FileDigest,
  logger: Logger,
): Promise<string> {
  const key = contentAddressKey(digest.sha256);
  const existing = await store.head(key);
  if (existing?.size === digest.size) {
    logger.debug(`artifact ${key} is already in the store.`);
    return key;
  }
  logger.info(`uploading ${digest.size} bytes to ${store.url} as ${key}`);
  try {
    await store.put(key, createReadStream(path, { highWaterMark: 1 << 20 }), {
      ifNoneMatch: "*",
      contentLength: digest.size,
      contentType: "application/octet-stream",
    });
  } catch (error: unknown) {
    // Another writer stored the same bytes under the same address meanwhile.
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  return key;
}
