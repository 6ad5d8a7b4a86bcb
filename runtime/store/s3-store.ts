import { PassThrough, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { NotFoundError, PreconditionFailedError, StoreError } from "../errors.js";
import type { ListOptions, ObjectInfo, ObjectStore, PutBody, PutOptions, PutResult } from "./object-store.js";
import { putBodyBytes } from "./put-body.js";
import { storeErrorFromS3 } from "./s3-error.js";
import { validateStoreKey, validateStorePrefix } from "./store-key.js";

/**
 * The object store on S3 or an S3-compatible server. The client comes from createS3Client (at the
 * edge); keys live under `prefix` in `bucket`.
 *
 * Bodies in memory go up with one PutObject. Streams go through lib-storage's Upload: a body that
 * fits one part is sent with PutObject, a larger one as a multipart upload, `queueSize` parts of
 * `partSize` bytes in flight at most (bounded memory). Conditions (`IfNoneMatch: *`, `IfMatch`) are
 * sent on the PutObject, and for multipart uploads on CompleteMultipartUpload (Upload passes the
 * request's parameters to it), which S3 evaluates atomically when the object is committed — so a
 * create-only stream write of any size is honoured, and a losing multipart upload is aborted.
 */
export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `kiln/` (a trailing `/` is added when missing). */
  prefix?: string;
  /** Part size for multipart uploads of streams (default and minimum 5 MiB). */
  partSize?: number;
  /** Parts uploaded at once (default 4). */
  queueSize?: number;
  /** The custom endpoint, named in errors. */
  endpoint?: string;
}

function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}

export class S3Store implements ObjectStore {
  readonly url: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly #client: S3Client;
  readonly #partSize: number;
  readonly #queueSize: number;
  readonly #endpoint: string | undefined;

  constructor(client: S3Client, options: S3StoreOptions) {
    this.#client = client;
    this.bucket = options.bucket;
    this.prefix = normalizePrefix(options.prefix);
    this.url = `s3://${this.bucket}/${this.prefix}`;
    this.#partSize = Math.max(options.partSize ?? 5 * 1024 * 1024, 5 * 1024 * 1024);
    this.#queueSize = options.queueSize ?? 4;
    this.#endpoint = options.endpoint;
  }

  #objectKey(key: string): string {
    return this.prefix + validateStoreKey(key);
  }

  #error(error: unknown, action: string, key?: string, condition?: "ifNoneMatch" | "ifMatch") {
    return storeErrorFromS3(error, {
      action,
      url: this.url,
      ...(key === undefined ? {} : { key }),
      ...(condition === undefined ? {} : { condition }),
      ...(this.#endpoint === undefined ? {} : { endpoint: this.#endpoint }),
    });
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.#objectKey(key);
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      const body = response.Body;
      const source =
        body instanceof Readable
          ? body
          : body !== undefined && "transformToWebStream" in body
            ? Readable.fromWeb(body.transformToWebStream() as WebReadableStream)
            : undefined;
      if (source === undefined)
        throw new StoreError(`S3 returned no body for '${key}' in ${this.url}.`, { key });
      // A connection lost mid-body surfaces as a StoreError too, not as a raw socket error.
      const out = new PassThrough();
      source.once("error", (error: unknown) => out.destroy(this.#error(error, "read", key)));
      return source.pipe(out);
    } catch (error: unknown) {
      throw this.#error(error, "read", key);
    }
  }

  async getBytes(key: string): Promise<Uint8Array> {
    const objectKey = this.#objectKey(key);
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      if (response.Body === undefined) return new Uint8Array();
      return await response.Body.transformToByteArray();
    } catch (error: unknown) {
      throw this.#error(error, "read", key);
    }
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const objectKey = this.#objectKey(key);
    const condition =
      options.ifMatch !== undefined ? "ifMatch" : options.ifNoneMatch ? "ifNoneMatch" : undefined;
    const params = {
      Bucket: this.bucket,
      Key: objectKey,
      ...(options.contentType === undefined ? {} : { ContentType: options.contentType }),
      ...(options.ifNoneMatch === undefined ? {} : { IfNoneMatch: options.ifNoneMatch }),
      ...(options.ifMatch === undefined ? {} : { IfMatch: options.ifMatch }),
    };
    try {
      const bytes = putBodyBytes(body);
      if (bytes !== undefined) {
        const response = await this.#client.send(
          new PutObjectCommand({ ...params, Body: bytes, ContentLength: bytes.byteLength }),
        );
        return { etag: response.ETag ?? "" };
      }
      const upload = new Upload({
        client: this.#client,
        params: {
          ...params,
          Body: body as Readable,
          ...(options.contentLength === undefined ? {} : { ContentLength: options.contentLength }),
        },
        partSize: this.#partSize,
        queueSize: this.#queueSize,
        leavePartsOnError: false,
      });
      const response = await upload.done();
      return { etag: response.ETag ?? "" };
    } catch (error: unknown) {
      const converted = this.#error(error, "write", key, condition);
      // If-Match on a missing key: S3 answers 404; for the caller the condition simply did not hold.
      if (converted instanceof NotFoundError && condition === "ifMatch") {
        throw new PreconditionFailedError(key, "ifMatch");
      }
      throw converted;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const objectKey = this.#objectKey(key);
    try {
      const response = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }),
      );
      return {
        key,
        size: response.ContentLength ?? 0,
        etag: response.ETag ?? "",
        lastModified: response.LastModified ?? new Date(0),
      };
    } catch (error: unknown) {
      const converted = this.#error(error, "inspect", key);
      if (converted.name === "NotFoundError") return undefined;
      throw converted;
    }
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ObjectInfo> {
    validateStorePrefix(prefix);
    let continuationToken: string | undefined;
    do {
      let response: ListObjectsV2CommandOutput;
      try {
        response = await this.#client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            MaxKeys: options.pageSize ?? 1000,
            ...(continuationToken !== undefined
              ? { ContinuationToken: continuationToken }
              : options.startAfter !== undefined
                ? { StartAfter: this.prefix + options.startAfter }
                : {}),
          }),
        );
      } catch (error: unknown) {
        throw this.#error(error, "list", prefix === "" ? undefined : prefix);
      }
      for (const object of response.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield {
          key: object.Key.slice(this.prefix.length),
          size: object.Size ?? 0,
          etag: object.ETag ?? "",
          lastModified: object.LastModified ?? new Date(0),
        };
      }
      continuationToken = response.IsTruncated ? response.NextContinuationToken : undefined;
    } while (continuationToken !== undefined);
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.#objectKey(key);
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error: unknown) {
      const converted = this.#error(error, "delete", key);
      if (converted.name === "NotFoundError") return;
      throw converted;
    }
  }
}
