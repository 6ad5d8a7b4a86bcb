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
 *   decimal strings. Class probabilities follow the order of the model's `kiln.classes`.
 *   Models without a batch dimension log their whole tensors as row 0.
 *
 * Rows are buffered and written in one object per model and day when `maxRows` rows are pending
 * or `flushIntervalMs` has passed. A failed write is retried with exponential backoff and counted;
 * rows are dropped (and counted) only after the last retry or beyond `maxPendingRows`. Nothing
 * here can fail a request.
 */
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { errorMessage } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import type { DecodedInput } from "./infer-request.js";
import type { ModelOutputs } from "./loaded-model.js";
import { elementsPerRow } from "./tensor-rows.js";

const gzip = promisify(gzipCallback);

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

export interface PredictionLogEntry {
  ts: number;
  requestId: string;
  model: string;
  version: string;
  rows: number;
  inputs: readonly DecodedInput[];
  outputs: ModelOutputs;
}

export class PredictionLog {
  readonly #options: Required<Omit<PredictionLogOptions, "onWritten" | "onFailure" | "onDropped">> &
    Pick<PredictionLogOptions, "onWritten" | "onFailure" | "onDropped">;
  #pending: PredictionLogEntry[] = [];
  #pendingRows = 0;
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
  append(entry: {
    requestId: string;
    model: string;
    version: string;
    rows: number;
    inputs: readonly DecodedInput[];
    outputs: ModelOutputs;
    ts?: number;
  }): void {
    if (this.#heldRows + entry.rows > this.#options.maxPendingRows) {
      this.#options.onDropped?.(entry.rows);
      return;
    }
    this.#pending.push({ ...entry, ts: entry.ts ?? this.#options.now() });
    this.#pendingRows += entry.rows;
    this.#heldRows += entry.rows;
    if (this.#pendingRows >= this.#options.maxRows) this.flush();
  }

  /** Start writing everything pending; the returned promise settles when those writes end. */
  flush(): Promise<void> {
    if (this.#pending.length === 0) return Promise.resolve();
    const entries = this.#pending;
    this.#pending = [];
    this.#pendingRows = 0;
    const groups = new Map<string, PredictionLogEntry[]>();
    for (const entry of entries) {
      const key = `${entry.model}/${new Date(entry.ts).toISOString().slice(0, 10)}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    const started: Promise<void>[] = [];
    for (const [prefix, group] of groups) {
      const write = this.#write(prefix, group);
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

  async #write(prefix: string, entries: PredictionLogEntry[]): Promise<void> {
    const rows = entries.reduce((n, e) => n + e.rows, 0);
    const first = new Date(entries[0]!.ts).toISOString().replace(/[-:.]/g, "");
    const key = `predictions/${prefix}/${first}-${randomBytes(6).toString("hex")}.jsonl.gz`;
    let body: Uint8Array;
    try {
      body = await gzip(serializeEntries(entries));
    } catch (error: unknown) {
      this.#options.logger.warn(`prediction log: cannot encode ${rows} rows: ${errorMessage(error)}`);
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

/**
 * The JSON Lines text of some log entries, one line per row (the PredictionRow shape). Written as
 * text directly rather than through objects and JSON.stringify: this runs for every prediction.
 */
export function serializeEntries(entries: readonly PredictionLogEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const head = `{"ts":"${new Date(entry.ts).toISOString()}","request_id":${JSON.stringify(entry.requestId)},"row":`;
    const tail = `,"model":${JSON.stringify(entry.model)},"version":${JSON.stringify(entry.version)},"inputs":{`;
    const inputs = entry.inputs.map((input) => ({
      key: `${JSON.stringify(input.name)}:`,
      datatype: input.datatype,
      data: input.data as unknown,
      perRow: rowsAlongDim0(input.shape, entry.rows) ? elementsPerRow(input.shape) : input.data.length,
    }));
    const outputs = Object.entries(entry.outputs).map(([name, output]) => ({
      key: `${JSON.stringify(name)}:`,
      datatype: output.datatype,
      data: output.data,
      perRow: rowsAlongDim0(output.dims, entry.rows) ? elementsPerRow(output.dims) : sizeOf(output.dims),
    }));
    for (let r = 0; r < entry.rows; r++) {
      let line = `${head}${r}${tail}`;
      for (let k = 0; k < inputs.length; k++) {
        const cut = inputs[k]!;
        line += `${k === 0 ? "" : ","}${cut.key}${rowJson(cut.datatype, cut.data, cut.perRow, r)}`;
      }
      line += `},"outputs":{`;
      for (let k = 0; k < outputs.length; k++) {
        const cut = outputs[k]!;
        line += `${k === 0 ? "" : ","}${cut.key}${rowJson(cut.datatype, cut.data, cut.perRow, r)}`;
      }
      lines.push(`${line}}}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Row `row` of a tensor as JSON text: a scalar when a row has one element, else a flat array. */
function rowJson(datatype: string | undefined, data: unknown, perRow: number, row: number): string {
  const start = row * perRow;
  if (perRow === 1) return elementJson(datatype, data, start);
  let text = "[";
  for (let i = 0; i < perRow; i++) text += `${i === 0 ? "" : ","}${elementJson(datatype, data, start + i)}`;
  return `${text}]`;
}

function elementJson(datatype: string | undefined, data: unknown, index: number): string {
  if (Array.isArray(data)) return JSON.stringify(data[index] ?? null);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    const v = data[index]!;
    return v >= -9007199254740991n && v <= 9007199254740991n ? String(v) : `"${v}"`;
  }
  const v = (data as ArrayLike<number>)[index];
  if (v === undefined || Number.isNaN(v) || !Number.isFinite(v)) return "null";
  if (datatype === "BOOL") return v === 1 ? "true" : "false";
  return String(v);
}

function rowsAlongDim0(dims: readonly number[], rows: number): boolean {
  return dims.length > 0 && dims[0] === rows;
}

function sizeOf(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}
