import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { NotFoundError, PreconditionFailedError } from "../../runtime/errors.js";
import type {
  ListOptions,
  ObjectInfo,
  ObjectStore,
  PutBody,
  PutOptions,
  PutResult,
} from "../../runtime/store/object-store.js";

/** An in-memory ObjectStore for unit tests (the real stores are tested in the e2e suites). */
export class MemoryStore implements ObjectStore {
  readonly url = "memory://test";
  readonly objects = new Map<string, { bytes: Uint8Array; etag: string; lastModified: Date }>();
  /** Called before every put; throw to inject a failure. */
  beforePut: (key: string) => void = () => {};
  /** Called after every put has stored its object; throw to inject a lost response. */
  afterPut: (key: string) => void = () => {};

  async get(key: string): Promise<Readable> {
    return Readable.from([Buffer.from(await this.getBytes(key))]);
  }

  async getBytes(key: string): Promise<Uint8Array> {
    const found = this.objects.get(key);
    if (found === undefined) throw new NotFoundError(`no object '${key}'`);
    return found.bytes;
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const bytes = await toBytes(body);
    this.beforePut(key);
    const current = this.objects.get(key);
    if (options.ifNoneMatch === "*" && current !== undefined)
      throw new PreconditionFailedError(key, "ifNoneMatch");
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch)
      throw new PreconditionFailedError(key, "ifMatch");
    const etag = createHash("md5").update(bytes).update(String(Math.random())).digest("hex");
    this.objects.set(key, { bytes, etag, lastModified: new Date() });
    this.afterPut(key);
    return { etag };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const found = this.objects.get(key);
    return found && { key, size: found.bytes.length, etag: found.etag, lastModified: found.lastModified };
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ObjectInfo> {
    for (const key of [...this.objects.keys()].sort()) {
      if (!key.startsWith(prefix)) continue;
      if (options.startAfter !== undefined && key <= options.startAfter) continue;
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

async function toBytes(body: PutBody): Promise<Uint8Array> {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
