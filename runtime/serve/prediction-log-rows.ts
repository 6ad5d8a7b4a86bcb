/**
 * Writing prediction log rows (the PredictionRow shape of prediction-log.ts) as JSON Lines bytes,
 * straight into the chunks that go to gzip: no row objects, no JSON.stringify and no strings built
 * and flattened per row, since this runs for every prediction on the thread that answers requests.
 * Numbers that a request template read (request-templates.ts) are copied from the request body as
 * the client wrote them; other values are formatted (FP32 with float32Text).
 */
import { float32Text } from "./float32-text.js";
import { fromHalfBits } from "./half-float.js";
import type { DecodedInput, ElementText } from "./infer-request.js";
import type { ModelOutputs } from "./loaded-model.js";
import { jsonSafeBigInt } from "./tensor-datatypes.js";
import { elementCount, elementsPerRow } from "./tensor-rows.js";

export interface PredictionLogEntry {
  ts: number;
  requestId: string;
  model: string;
  version: string;
  rows: number;
  inputs: readonly DecodedInput[];
  /** Where the client's text of the input elements is, when the request kept it. */
  inputText?: ElementText | undefined;
  outputs: ModelOutputs;
}

/** Bytes handed on at once (each hand-over is a gzip write, a job on libuv's thread pool). */
const chunkBytes = 64 * 1024;

/** An append-only byte buffer that hands full chunks to `onChunk` (which keeps them). */
export class ByteSink {
  readonly #onChunk: (bytes: Buffer) => void;
  #chunk = Buffer.allocUnsafe(chunkBytes);
  #at = 0;

  constructor(onChunk: (bytes: Buffer) => void) {
    this.#onChunk = onChunk;
  }

  /** Make room for `n` more bytes. */
  #reserve(n: number): void {
    if (this.#at + n <= this.#chunk.length) return;
    this.flush();
    if (n > this.#chunk.length) this.#chunk = Buffer.allocUnsafe(n);
  }

  /** Text known to be ASCII (numbers, times, escaped keys). */
  ascii(text: string): void {
    this.#reserve(text.length);
    const chunk = this.#chunk;
    let at = this.#at;
    for (let i = 0; i < text.length; i++) chunk[at++] = text.charCodeAt(i);
    this.#at = at;
  }

  utf8(text: string): void {
    this.#reserve(text.length * 3);
    this.#at += this.#chunk.write(text, this.#at, "utf8");
  }

  /** A JSON string literal of `text`: written directly when it needs no escapes and is ASCII. */
  jsonString(text: string): void {
    this.#reserve(text.length + 2);
    const chunk = this.#chunk;
    let at = this.#at;
    chunk[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        // Escapes or more than ASCII: JSON.stringify's text, over what was written here.
        this.utf8(JSON.stringify(text));
        return;
      }
      chunk[at++] = c;
    }
    chunk[at++] = 0x22;
    this.#at = at;
  }

  bytes(source: Uint8Array, start = 0, end = source.length): void {
    this.#reserve(end - start);
    const chunk = this.#chunk;
    let at = this.#at;
    for (let i = start; i < end; i++) chunk[at++] = source[i]!;
    this.#at = at;
  }

  /**
   * `fixed` cut at `ends` into pieces, each followed by a slice of `source`: piece k, then
   * `source[bounds[2h], bounds[2h + 1])` for h = `holes[k]` (one tight loop: this writes most of a
   * log row).
   */
  interleave(
    fixed: Uint8Array,
    ends: Int32Array,
    source: Uint8Array,
    bounds: Int32Array,
    holes: Int32Array,
  ): void {
    let size = fixed.length;
    for (let k = 0; k < holes.length; k++) size += bounds[2 * holes[k]! + 1]! - bounds[2 * holes[k]!]!;
    this.#reserve(size);
    const chunk = this.#chunk;
    let at = this.#at;
    let from = 0;
    for (let k = 0; k < holes.length; k++) {
      const end = ends[k]!;
      for (let i = from; i < end; i++) chunk[at++] = fixed[i]!;
      from = end;
      const h = holes[k]!;
      const stop = bounds[2 * h + 1]!;
      for (let i = bounds[2 * h]!; i < stop; i++) chunk[at++] = source[i]!;
    }
    this.#at = at;
  }

  /** Hand on what has been written (a fresh chunk is used from now on). */
  flush(): void {
    if (this.#at === 0) return;
    this.#onChunk(this.#chunk.subarray(0, this.#at));
    this.#chunk = Buffer.allocUnsafe(chunkBytes);
    this.#at = 0;
  }
}

/** Bytes of tensor names as JSON keys (`"name":`), made once each. */
const keys = new Map<string, Buffer>();
function keyOf(name: string): Buffer {
  let bytes = keys.get(name);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(name)}:`);
    if (keys.size < 10_000) keys.set(name, bytes);
  }
  return bytes;
}

let lastTs = Number.NaN;
let lastIso = "";
/** ISO 8601 text of a time in ms (the last one is remembered: rows come in runs of one time). */
export function isoTime(ts: number): string {
  if (ts !== lastTs) {
    lastTs = ts;
    lastIso = new Date(ts).toISOString();
  }
  return lastIso;
}

const ElementKind = { string: 0, bigint: 1, bool: 2, number: 3, half: 4, float32: 5 } as const;
type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

function elementKind(datatype: string | undefined, data: unknown): ElementKind {
  if (Array.isArray(data)) return ElementKind.string;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return ElementKind.bigint;
  if (datatype === "BOOL") return ElementKind.bool;
  if (datatype === "FP16") return ElementKind.half;
  if (data instanceof Float32Array) return ElementKind.float32;
  return ElementKind.number;
}

const comma = Buffer.from(",");
const outputsOpen = Buffer.from('},"outputs":{');
const lineEnd = Buffer.from("}}\n");

const tsOpen = Buffer.from('{"ts":"');
const idOpen = Buffer.from('","request_id":');
const rowOpen = Buffer.from(',"row":');

/** `,"model":…,"version":…,"inputs":{` for each model and version, made once. */
const modelVersionParts = new Map<string, Map<string, Buffer>>();
function modelVersionPart(model: string, version: string): Buffer {
  let versions = modelVersionParts.get(model);
  if (versions === undefined) {
    versions = new Map();
    if (modelVersionParts.size < 1000) modelVersionParts.set(model, versions);
  }
  let part = versions.get(version);
  if (part === undefined) {
    part = Buffer.from(`,"model":${JSON.stringify(model)},"version":${JSON.stringify(version)},"inputs":{`);
    if (versions.size < 1000) versions.set(version, part);
  }
  return part;
}

/**
 * The input keys (`"name":`, with a comma before all but the first) of the requests one template
 * reads, found by its holes (the same for every request it reads), so they are not looked up per row.
 */
interface TemplateKeys {
  /** Each input's key (`"name":`, with a comma before all but the first). */
  keys: Buffer[];
  /** The keys one after the other, and where each ends in `joined`. */
  joined: Buffer;
  ends: Int32Array;
  /** When every input holds one element (one row, one feature each): the hole of each input. */
  singleHoles: Int32Array | undefined;
}

const templateKeys = new WeakMap<ElementText["holeOf"], TemplateKeys>();
function inputKeys(entry: PredictionLogEntry): TemplateKeys | undefined {
  const text = entry.inputText;
  if (text === undefined) return undefined;
  let found = templateKeys.get(text.holeOf);
  if (found === undefined) {
    const keys = entry.inputs.map((input, k) =>
      Buffer.from(`${k === 0 ? "" : ","}${JSON.stringify(input.name)}:`),
    );
    const ends = new Int32Array(keys.length);
    keys.reduce((end, key, k) => (ends[k] = end + key.length), 0);
    found = {
      keys,
      joined: Buffer.concat(keys),
      ends,
      singleHoles: text.holeOf.every((holes) => holes.length === 1)
        ? Int32Array.from(text.holeOf, (holes) => holes[0]!)
        : undefined,
    };
    templateKeys.set(text.holeOf, found);
  }
  return found;
}

/** Write every row of `entry` as one JSON line each. */
export function writeEntry(out: ByteSink, entry: PredictionLogEntry): void {
  const rows = entry.rows;
  const ts = isoTime(entry.ts);
  const middle = modelVersionPart(entry.model, entry.version);
  const inputs = entry.inputs;
  const text = entry.inputText;
  const keys = inputKeys(entry);
  for (let r = 0; r < rows; r++) {
    out.bytes(tsOpen);
    out.ascii(ts);
    out.bytes(idOpen);
    out.jsonString(entry.requestId);
    out.bytes(rowOpen);
    out.ascii(String(r));
    out.bytes(middle);
    if (keys?.singleHoles !== undefined && rows === 1) {
      // One row of single-element inputs read by a template: keys and the client's numbers in turn.
      out.interleave(keys.joined, keys.ends, text!.body, text!.bounds, keys.singleHoles);
    } else {
      for (let k = 0; k < inputs.length; k++) {
        const input = inputs[k]!;
        const data = input.data;
        const perRow = rowsAlongDim0(input.shape, rows) ? elementsPerRow(input.shape) : data.length;
        if (text !== undefined) {
          out.bytes(keys!.keys[k]!);
          writeRowText(out, text, k, perRow, r);
        } else {
          if (k > 0) out.bytes(comma);
          out.bytes(keyOf(input.name));
          writeRow(out, elementKind(input.datatype, data), data, perRow, r);
        }
      }
    }
    out.bytes(outputsOpen);
    let first = true;
    for (const name in entry.outputs) {
      const output = entry.outputs[name]!;
      if (!first) out.bytes(comma);
      first = false;
      out.bytes(keyOf(name));
      const perRow = rowsAlongDim0(output.dims, rows)
        ? elementsPerRow(output.dims)
        : elementCount(output.dims);
      writeRow(out, elementKind(output.datatype, output.data), output.data, perRow, r);
    }
    out.bytes(lineEnd);
  }
}

/** The JSON Lines text of some entries (what writeEntry writes), as a string. */
export function serializeEntries(entries: readonly PredictionLogEntry[]): string {
  const chunks: Buffer[] = [];
  const out = new ByteSink((bytes) => chunks.push(bytes));
  for (const entry of entries) writeEntry(out, entry);
  out.flush();
  return Buffer.concat(chunks).toString("utf8");
}

/** Row `row` of a tensor: a scalar when a row has one element, else a flat array. */
function writeRow(out: ByteSink, kind: ElementKind, data: unknown, perRow: number, row: number): void {
  const start = row * perRow;
  if (perRow > 1) out.bytes(openBracket);
  for (let i = 0; i < perRow; i++) {
    if (i > 0) out.bytes(comma);
    if (kind === ElementKind.string) {
      const value = (data as unknown[])[start + i];
      if (typeof value === "string") out.jsonString(value);
      else out.utf8(JSON.stringify(value ?? null));
    } else out.ascii(elementJson(kind, data, start + i));
  }
  if (perRow > 1) out.bytes(closeBracket);
}

const openBracket = Buffer.from("[");
const closeBracket = Buffer.from("]");

/** Row `row` of input `input` from the client's own text of its elements. */
function writeRowText(out: ByteSink, text: ElementText, input: number, perRow: number, row: number): void {
  const holes = text.holeOf[input]!;
  const bounds = text.bounds;
  const start = row * perRow;
  if (perRow > 1) out.bytes(openBracket);
  for (let i = 0; i < perRow; i++) {
    if (i > 0) out.bytes(comma);
    const h = holes[start + i]!;
    out.bytes(text.body, bounds[2 * h]!, bounds[2 * h + 1]!);
  }
  if (perRow > 1) out.bytes(closeBracket);
}

/** One element as JSON text: NaN (missing) is null, 64-bit integers beyond 2^53 are strings. */
function elementJson(kind: ElementKind, data: unknown, index: number): string {
  switch (kind) {
    case ElementKind.string:
      return JSON.stringify((data as unknown[])[index] ?? null);
    case ElementKind.bigint: {
      const v = jsonSafeBigInt((data as BigInt64Array)[index]!);
      return typeof v === "number" ? String(v) : `"${v}"`;
    }
    case ElementKind.half: {
      const v = fromHalfBits((data as Uint16Array)[index] ?? 0x7e00);
      return Number.isFinite(v) ? String(v) : "null";
    }
    case ElementKind.float32: {
      const v = (data as Float32Array)[index]!;
      return Number.isFinite(v) ? float32Text(v) : "null";
    }
    default: {
      const v = (data as ArrayLike<number>)[index];
      if (v === undefined || !Number.isFinite(v)) return "null";
      if (kind === ElementKind.bool) return v === 1 ? "true" : "false";
      return String(v);
    }
  }
}

function rowsAlongDim0(dims: readonly number[], rows: number): boolean {
  return dims.length > 0 && dims[0] === rows;
}
