import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntegrityError, NotFoundError } from "../../runtime/errors.js";
import {
  downloadVerified,
  getVerified,
  getVerifiedBytes,
  putContentAddressed,
} from "../../runtime/store/content-address.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { type LocalS3, startS3rver } from "../support/s3-harness.js";

// Published SHA-256 test vectors (FIPS 180-2): "abc" and the empty string.
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

let folder: string;
let s3: LocalS3;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kiln-cas-test-"));
  s3 = await startS3rver({ bucket: "kiln-cas" });
});
afterAll(async () => {
  await s3?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe.each([
  ["a local folder store", () => openStore(join(folder, "store"), { env: {}, cwd: folder })],
  ["an S3 store (s3rver)", () => openStore(`${s3.storeUrl}cas-test`, { env: s3.env, cwd: folder })],
])("content-addressed objects in %s", (_kind, open) => {
  let store: ObjectStore;
  beforeAll(async () => {
    store = await open();
  });

  it("stores bytes under cache/sha256/<digest> and reports digest and size", async () => {
    const result = await putContentAddressed(store, Buffer.from("abc"));
    expect(result).toEqual({ digest: ABC, size: 3, key: `cache/sha256/${ABC}`, stored: true });
    expect(new TextDecoder().decode(await store.getBytes(result.key))).toBe("abc");
  });

  it("stores the same content once: the second write is a no-op", async () => {
    const again = await putContentAddressed(store, "abc");
    expect(again).toEqual({ digest: ABC, size: 3, key: `cache/sha256/${ABC}`, stored: false });
  });

  it("hashes a stream while spooling it, and gives it the digest its bytes have", async () => {
    const parts = Array.from({ length: 300 }, (_, i) => Buffer.alloc(1000, i % 256));
    const expected = createHash("sha256").update(Buffer.concat(parts)).digest("hex");
    const result = await putContentAddressed(store, Readable.from(parts));
    expect(result).toMatchObject({ digest: expected, size: 300_000, stored: true });
    expect((await store.head(result.key))?.size).toBe(300_000);
  });

  it("stores a local file by path", async () => {
    const path = join(folder, "empty-file");
    await writeFile(path, "");
    const result = await putContentAddressed(store, { path });
    expect(result).toMatchObject({ digest: EMPTY, size: 0, key: `cache/sha256/${EMPTY}` });
  });

  it("reads a file stream as a stream (not as a path), to its end", async () => {
    const path = join(folder, "abc-file");
    await writeFile(path, "abc");
    const stream = createReadStream(path);
    const result = await putContentAddressed(store, stream);
    expect(result).toMatchObject({ digest: ABC, size: 3 });
    expect(stream.readableEnded).toBe(true);
  });

  it("streams an object back when its bytes match the digest", async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of await getVerified(store, `cache/sha256/${ABC}`, ABC))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("abc");
    expect(new TextDecoder().decode(await getVerifiedBytes(store, `cache/sha256/${ABC}`, ABC))).toBe("abc");
  });

  it("fails with IntegrityError naming both digests when the stored bytes were altered", async () => {
    const key = "cache/sha256/tampered";
    await store.put(key, "abd");
    const actual = createHash("sha256").update("abd").digest("hex");
    const sink = join(folder, `sink-${Date.now()}`);
    const streamed = pipeline(await getVerified(store, key, ABC), createWriteStream(sink));
    await expect(streamed).rejects.toThrow(IntegrityError);
    await expect(getVerifiedBytes(store, key, ABC)).rejects.toThrow(
      `expected sha256:${ABC} but the bytes hash to sha256:${actual}`,
    );
  });

  it("downloads to a file only when the bytes match, leaving nothing behind otherwise", async () => {
    const target = join(folder, "downloads");
    await rm(target, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(target));
    await downloadVerified(store, `cache/sha256/${ABC}`, ABC, join(target, "good.bin"));
    await expect(
      downloadVerified(store, "cache/sha256/tampered", ABC, join(target, "bad.bin")),
    ).rejects.toThrow(IntegrityError);
    expect(await readdir(target)).toEqual(["good.bin"]);
  });

  it("reports a missing object as NotFoundError", async () => {
    await expect(getVerified(store, `cache/sha256/${"0".repeat(64)}`, "0".repeat(64))).rejects.toThrow(
      NotFoundError,
    );
  });
});
