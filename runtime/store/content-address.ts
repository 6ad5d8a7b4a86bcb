import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { IntegrityError, PreconditionFailedError } from "../errors.js";
import type { ObjectStore } from "./object-store.js";
import { chunkBuffer, putBodyBytes } from "./put-body.js";

/**
 * Content-addressed objects: bytes stored under `cache/sha256/<digest>`, so equal content is stored
 * once and a reader can check what it got.
 *
 * Writing a stream: the digest names the key, but it is known only once the stream has been read,
 * and a store cannot rename. So the stream is spooled to a temporary file in the OS temp folder while
 * it is hashed (bounded memory), then the file is uploaded create-only under its digest. A file path
 * is hashed first, then uploaded. In all cases a `head` skips the upload when the key already exists,
 * and the create-only write makes a concurrent writer of the same bytes a no-op too.
 */
export const contentAddressPrefix = "cache/sha256/";

export interface ContentAddressedObject {
  /** sha256 of the bytes, hex. */
  digest: string;
  size: number;
  /** `cache/sha256/<digest>` */
  key: string;
  /** True when this call wrote the object, false when it was already stored. */
  stored: boolean;
}

/** A body to store by content: bytes, a string (UTF-8), a stream, or a local file. */
export type ContentBody = Uint8Array | string | Readable | { path: string };

export function contentAddressKey(digest: string): string {
  return `${contentAddressPrefix}${digest}`;
}

async function hashFile(path: string): Promise<{ digest: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunkBuffer(chunk);
    hash.update(buffer);
    size += buffer.byteLength;
  }
  return { digest: hash.digest("hex"), size };
}

async function putOnce(
  store: ObjectStore,
  digest: string,
  size: number,
  body: () => Uint8Array | Readable,
): Promise<ContentAddressedObject> {
  const key = contentAddressKey(digest);
  if ((await store.head(key)) !== undefined) return { digest, size, key, stored: false };
  try {
    await store.put(key, body(), { ifNoneMatch: "*", contentLength: size });
    return { digest, size, key, stored: true };
  } catch (error: unknown) {
    if (error instanceof PreconditionFailedError) return { digest, size, key, stored: false };
    throw error;
  }
}

export async function putContentAddressed(
  store: ObjectStore,
  body: ContentBody,
): Promise<ContentAddressedObject> {
  // (A file read stream has a `path` too, but is a stream: it is read as one.)
  if (typeof body === "object" && !(body instanceof Uint8Array) && !(body instanceof Readable)) {
    const path = body.path;
    const { digest, size } = await hashFile(path);
    return putOnce(store, digest, size, () => createReadStream(path));
  }
  const bytes = putBodyBytes(body as Uint8Array | string | Readable);
  if (bytes !== undefined) {
    const digest = createHash("sha256").update(bytes).digest("hex");
    return putOnce(store, digest, bytes.byteLength, () => bytes);
  }
  const folder = await mkdtemp(join(tmpdir(), "kiln-cas-"));
  try {
    const spool = join(folder, "body");
    const hash = createHash("sha256");
    let size = 0;
    const handle = await open(spool, "wx");
    try {
      for await (const chunk of body as Readable) {
        const buffer = chunkBuffer(chunk);
        hash.update(buffer);
        size += buffer.byteLength;
        await handle.write(buffer);
      }
    } finally {
      await handle.close();
    }
    return await putOnce(store, hash.digest("hex"), size, () => createReadStream(spool));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A pass-through that hashes what flows and fails at the end with IntegrityError on a mismatch. */
class VerifyingStream extends Transform {
  readonly #hash = createHash("sha256");
  constructor(
    readonly what: string,
    readonly expected: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    const actual = this.#hash.digest("hex");
    callback(actual === this.expected ? null : new IntegrityError(this.what, this.expected, actual));
  }
}

/**
 * Stream an object, checking its sha256 as it flows: the stream ends with an IntegrityError (both
 * digests named) instead of a normal end when the bytes do not match. Consume it with `pipeline` so
 * the error reaches you. NotFoundError when the key does not exist.
 */
export async function getVerified(
  store: ObjectStore,
  key: string,
  expectedSha256: string,
): Promise<Readable> {
  const source = await store.get(key);
  const verifying = new VerifyingStream(
    `store object '${key}' in ${store.url}`,
    expectedSha256.toLowerCase(),
  );
  source.on("error", (error) => verifying.destroy(error));
  return source.pipe(verifying);
}

/** An object's bytes, checked against their sha256 (IntegrityError on a mismatch). For small objects. */
export async function getVerifiedBytes(
  store: ObjectStore,
  key: string,
  expectedSha256: string,
): Promise<Uint8Array> {
  const bytes = await store.getBytes(key);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== expectedSha256.toLowerCase()) {
    throw new IntegrityError(`store object '${key}' in ${store.url}`, expectedSha256, actual);
  }
  return bytes;
}

/**
 * Download an object to a file, checking its sha256. The file appears (by rename) only when the bytes
 * match; on a mismatch nothing is left behind and IntegrityError is thrown.
 */
export async function downloadVerified(
  store: ObjectStore,
  key: string,
  expectedSha256: string,
  destination: string,
): Promise<void> {
  const temp = join(dirname(destination), `.kiln-download-${randomUUID()}`);
  try {
    await pipeline(await getVerified(store, key, expectedSha256), createWriteStream(temp, { flags: "wx" }));
    await rename(temp, destination);
  } finally {
    await rm(temp, { force: true });
  }
}
