import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { NotFoundError, PreconditionFailedError } from "../../runtime/errors.js";
import type {
  ObjectInfo,
  ObjectStore,
  PutBody,
  PutOptions,
  PutResult,
} from "../../runtime/store/object-store.js";

/** An in-memory ObjectStore for the pipeline's unit tests (integration tests use the real stores). */
export class MemoryStore implements ObjectStore {
  readonly url = "memory://test";
  readonly objects = new Map<string, { bytes: Uint8Array; etag: string; lastModified: Date }>();

  async get(key: string): Promise<Readable> {
    return Readable.from([Buffer.from(await this.getBytes(key))]);
  }

  async getBytes(key: string): Promise<Uint8Array> {
    const object = this.objects.get(key);
    if (!object) throw new NotFoundError(`no object '${key}'`);
    return object.bytes;
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    let bytes: Uint8Array;
    if (typeof body === "string") bytes = Buffer.from(body);
    else if (body instanceof Uint8Array) bytes = body;
    else {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
      bytes = Buffer.concat(chunks);
    }
    const existing = this.objects.get(key);
    if (options.ifNoneMatch === "*" && existing) throw new PreconditionFailedError(key, "ifNoneMatch");
    if (options.ifMatch !== undefined && existing?.etag !== options.ifMatch)
      throw new PreconditionFailedError(key, "ifMatch");
    const etag = `"${createHash("md5").update(bytes).digest("hex")}"`;
    this.objects.set(key, { bytes, etag, lastModified: new Date() });
    return { etag };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const object = this.objects.get(key);
    return object
      ? { key, size: object.bytes.length, etag: object.etag, lastModified: object.lastModified }
      : undefined;
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    for (const key of [...this.objects.keys()].sort()) {
      if (!key.startsWith(prefix)) continue;
      const info = await this.head(key);
      if (info) yield info;
    }
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  keys(prefix = ""): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
