/**
 * The prediction log: every row the server predicts, appended to the store for monitoring, off the
 * request path.
 *
 * Layout: `predictions/<model>/<YYYY-MM-DD>/<YYYYMMDDTHHMMSSmmmZ>-<random>.jsonl.gz`, the date and
 * timestamp in UTC of the first row in the object. Each object is gzip-compressed JSON Lines, one
 * JSON object per predicted row (a request with n rows gives n lines):
 *
 * ```json
 * {"ts": "2026-11-28T23:28:00.123Z", "request_id": "r-1f3a-42", "row": 0,
 *  "model": "iris", "version": "1.2.0",
 *  "inputs": {"sepal_length": 5.1, "species_hint": "x", "pixels": [0, 1, 2]},
 *  "outputs": {"label": "setosa", "probabilities": [0.9, 0.05, 0.05]}}
 * ```
 *
 * - `ts`: ISO 8601 UTC time the request arrived; `request_id`: the request's V2 `id`, else its
 *   `x-request-id` header, else one the server made (also sent back in `x-request-id`);
 *   `row`: the row's index within its request.
 * - `inputs` / `outputs`: one entry per model input / output tensor, cut along dim 0: a scalar
 *   when a row holds one element (shape [-1] or [-1, 1]), else the row's elements as a flat
 *   row-major array. Missing FP32/FP64 values (NaN) are `null`; 64-bit integers beyond 2^53 are
 *   decimal strings. FP32 values are written with the fewest digits that give back the same float32
 *   (0.1, not 0.10000000149011612); the inputs of a request read by a template (request-templates.ts)
 *   are the numbers as the client wrote them, which round to the same values. Class probabilities follow the order of the model's `kiln.classes`.
 *   Models without a batch dimension log their whole tensors as row 0.
 *
 * Rows are written as bytes (prediction-log-rows.ts) once the responses of their event-loop turn
 * are written, compressed in 64 KiB chunks (gzip at its fastest level), and written in one object per model and day when `maxRows` rows are pending or
 * `flushIntervalMs` has passed. A failed write is retried with exponential backoff and counted;
 * rows are dropped (and counted) only after the last retry or beyond `maxPendingRows`. Nothing
 * here can fail a request.
 */
import { randomBytes } from "node:crypto";
import { createGzip, type Gzip, constants as zlibConstants } from "node:zlib";
import { errorMessage } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import { ByteSink, isoTime, type PredictionLogEntry, writeEntry } from "./prediction-log-rows.js";

export type { PredictionLogEntry } from "./prediction-log-rows.js";

const msPerDay = 86_400_000;

/** A log object being filled: rows flow through its gzip stream until the flush ends it. */
interface OpenObject {
  firstTs: number;
  rows: number;
  gzip: Gzip;
  /** Rows written but not yet handed to gzip (handed over in 64 KiB chunks). */
  sink: ByteSink;
  /** The whole gzip member, once the stream has ended. */
  compressed: Promise<Uint8Array>;
}

function openObject(firstTs: number): OpenObject {
  const gzip = createGzip({ level: zlibConstants.Z_BEST_SPEED });
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const compressed = new Promise<Uint8Array>((resolve, reject) => {
    gzip.once("end", () => resolve(Buffer.concat(chunks)));
    gzip.once("error", reject);
  });
  // A stream error surfaces when the object is written; never as an unhandled rejection.
  compressed.catch(() => {});
  // Each gzip write is a job on libuv's thread pool: rows go over in 64 KiB chunks, not per turn.
  const sink = new ByteSink((bytes) => gzip.write(bytes));
  return { firstTs, rows: 0, gzip, sink, compressed };
}

/** One line of a prediction log object. */
export interface PredictionRow {
  ts: string;
  request_id: string;
  row: number;
  model: string;
  version: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

export interface PredictionLogOptions {
  store: ObjectStore;
  logger: Logger;
  /** Rows pending before a flush starts (default 2000). */
  maxRows?: number;
  /** Longest a row waits before being written, ms (default 10000). */
  flushIntervalMs?: number;
  /** Rows held in memory at most (pending + being retried); beyond, new rows are dropped (default 200000). */
  maxPendingRows?: number;
  /** Write attempts per object (default 5). */
  attempts?: number;
  /** First retry delay, doubled each time, ms (default 200). */
  retryBaseMs?: number;
  onWritten?(rows: number): void;
  onFailure?(error: unknown): void;
  onDropped?(rows: number): void;
  now?: () => number;
}

export class PredictionLog {
  readonly #options: Required<Omit<PredictionLogOptions, "onWritten" | "onFailure" | "onDropped">> &
    Pick<PredictionLogOptions, "onWritten" | "onFailure" | "onDropped">;
  /** Entries appended since the last turn of the event loop, not yet serialized. */
  #fresh: PredictionLogEntry[] = [];
  #serializeScheduled = false;
  /** Rows waiting for a flush, by `<model>/<day>`, already flowing through gzip. */
  #pending = new Map<string, OpenObject>();
  #pendingRows = 0;
  /** The current UTC day of each model's rows, and its object key prefix. */
  readonly #days = new Map<string, { start: number; key: string }>();
  #heldRows = 0;
  readonly #writes = new Set<Promise<void>>();
  readonly #timer: NodeJS.Timeout;
  #closed = false;

  constructor(options: PredictionLogOptions) {
    this.#options = {
      maxRows: 2000,
      flushIntervalMs: 10_000,
      maxPendingRows: 200_000,
      attempts: 5,
      retryBaseMs: 200,
      now: Date.now,
      ...options,
    };
    this.#timer = setInterval(() => this.flush(), this.#options.flushIntervalMs);
    this.#timer.unref();
  }

  /** Record a request's predictions; cheap, never throws. */
  append(entry: Omit<PredictionLogEntry, "ts"> & { ts?: number }): void {
    if (this.#heldRows + entry.rows > this.#options.maxPendingRows) {
      this.#options.onDropped?.(entry.rows);
      return;
    }
    this.#fresh.push({
      ts: entry.ts ?? this.#options.now(),
      requestId: entry.requestId,
      model: entry.model,
      version: entry.version,
      rows: entry.rows,
      inputs: entry.inputs,
      inputText: entry.inputText,
      outputs: entry.outputs,
    });
    this.#heldRows += entry.rows;
    // Serialized after the responses of this turn are written, so the request objects die young.
    if (!this.#serializeScheduled) {
      this.#serializeScheduled = true;
      setImmediate(() => this.#serializeFresh());
    }
  }

  #serializeFresh(): void {
    this.#serializeScheduled = false;
    const fresh = this.#fresh;
    if (fresh.length === 0) return;
    this.#fresh = [];
    // Each object's text goes to its gzip stream (compressed on the thread pool) in large chunks,
    // so what stays in memory until the flush is mostly compressed bytes, not strings.
    for (const entry of fresh) {
      const key = this.#objectKey(entry.model, entry.ts);
      let object = this.#pending.get(key);
      if (object === undefined) {
        object = openObject(entry.ts);
        this.#pending.set(key, object);
      }
      writeEntry(object.sink, entry);
      object.rows += entry.rows;
      this.#pendingRows += entry.rows;
    }
    if (this.#pendingRows >= this.#options.maxRows) this.flush();
  }

  /** `<model>/<YYYY-MM-DD>` of a row (UTC), made once per model and day rather than per row. */
  #objectKey(model: string, ts: number): string {
    let day = this.#days.get(model);
    if (day === undefined || ts < day.start || ts >= day.start + msPerDay) {
      const start = ts - (((ts % msPerDay) + msPerDay) % msPerDay);
      day = { start, key: `${model}/${isoTime(start).slice(0, 10)}` };
      this.#days.set(model, day);
    }
    return day.key;
  }

  /** Start writing everything pending; the returned promise settles when those writes end. */
  flush(): Promise<void> {
    this.#serializeFresh();
    if (this.#pending.size === 0) return Promise.resolve();
    const groups = this.#pending;
    this.#pending = new Map();
    this.#pendingRows = 0;
    const started: Promise<void>[] = [];
    for (const [prefix, object] of groups) {
      const write = this.#write(prefix, object);
      this.#writes.add(write);
      void write.finally(() => this.#writes.delete(write));
      started.push(write);
    }
    return Promise.all(started).then(() => undefined);
  }

  /** Stop the timer, write everything pending and wait for every write (for shutdown). */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      clearInterval(this.#timer);
    }
    this.flush();
    while (this.#writes.size > 0) await Promise.all([...this.#writes]);
  }

  async #write(prefix: string, object: OpenObject): Promise<void> {
    const rows = object.rows;
    const first = new Date(object.firstTs).toISOString().replace(/[-:.]/g, "");
    const key = `predictions/${prefix}/${first}-${randomBytes(6).toString("hex")}.jsonl.gz`;
    let body: Uint8Array;
    try {
      object.sink.flush();
      object.gzip.end();
      body = await object.compressed;
    } catch (error: unknown) {
      this.#options.logger.warn(`prediction log: cannot compress ${rows} rows: ${errorMessage(error)}`);
      this.#drop(rows);
      return;
    }
    const { attempts, retryBaseMs } = this.#options;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.#options.store.put(key, body, {
          ifNoneMatch: "*",
          contentType: "application/x-ndjson",
          contentLength: body.length,
        });
        this.#heldRows -= rows;
        this.#options.onWritten?.(rows);
        return;
      } catch (error: unknown) {
        this.#options.onFailure?.(error);
        this.#options.logger.warn(
          `prediction log: writing ${key} failed (attempt ${attempt} of ${attempts}): ${errorMessage(error)}`,
        );
        if (attempt < attempts) await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** (attempt - 1)));
      }
    }
    this.#options.logger.error(
      `prediction log: gave up on ${rows} rows for ${key} after ${attempts} attempts.`,
    );
    this.#drop(rows);
  }

  #drop(rows: number): void {
    this.#heldRows -= rows;
    this.#options.onDropped?.(rows);
  }
}
