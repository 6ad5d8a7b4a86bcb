import type { Readable } from "node:stream";

/**
 * The object store every part of Kiln keeps its state in: the pipeline run cache, the registry's
 * records and events, the prediction logs. Two kinds share this interface and one layout:
 * a local folder (the default, `.kiln/store`) and S3 or any S3-compatible server.
 *
 * Keys are `/`-separated relative paths without a leading slash (e.g. `models/iris/versions/1.0.0.json`).
 * Implementations throw StoreError (and PreconditionFailedError for lost conditional writes), never
 * an SDK error.
 */
export interface ObjectStore {
  /** A human-readable location, e.g. `file:///repo/.kiln/store` or `s3://bucket/prefix`. */
  readonly url: string;

  /** Stream an object's bytes. Throws NotFoundError when the key does not exist. */
  get(key: string): Promise<Readable>;

  /** An object's bytes in one buffer; for small objects (records, indexes). NotFoundError when absent. */
  getBytes(key: string): Promise<Uint8Array>;

  /**
   * Write an object. `ifNoneMatch: "*"` makes it create-only: if the key exists the write fails with
   * PreconditionFailedError and the existing object is untouched. `ifMatch: etag` writes only if the
   * object's current etag is `etag`. The write is atomic: readers see the old object or the new one.
   */
  put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult>;

  /** Metadata of an object, or undefined when it does not exist. */
  head(key: string): Promise<ObjectInfo | undefined>;

  /** Every object under `prefix` in key order, fetched page by page. */
  list(prefix: string, options?: ListOptions): AsyncIterable<ObjectInfo>;

  /** Remove an object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export type PutBody = Uint8Array | string | Readable;

export interface PutOptions {
  /** `"*"`: create-only. */
  ifNoneMatch?: "*";
  /** Write only if the current object has this etag. */
  ifMatch?: string;
  contentType?: string;
  /** Size of a stream body when known; lets S3 skip multipart for small bodies. */
  contentLength?: number;
}

export interface PutResult {
  etag: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  etag: string;
  lastModified: Date;
}

export interface ListOptions {
  /** Page size asked of the backend (S3 caps it at 1000). */
  pageSize?: number;
  /** Start listing after this key. */
  startAfter?: string;
}
