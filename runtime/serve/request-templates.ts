/**
 * Request templates: a fast path for KServe V2 tensor requests that a client sends again and again
 * with the same layout and new numbers — what every generated client, SDK and feature service does.
 *
 * When a request has been read the ordinary way (JSON.parse, then validation against the model's
 * signature), its body bytes become a template: the text with a hole for each element of every
 * input's `data` and for the value of `id`. A later body that is byte for byte the same outside the
 * holes, with a JSON number in each data hole and a plain string in the `id` hole, is decoded by
 * comparing the fixed segments and reading the numbers, with no JSON.parse and no object tree.
 *
 * Why that is the same request: JSON.parse of such a body gives the learned body's tree with other
 * numbers at the same places (the fixed segments hold every key, name, datatype, shape, `outputs`
 * and all whitespace), so readInferRequest would take the same path through it. Each number is
 * checked against the JSON grammar and converted to the double JSON.parse would give; each element
 * goes through the same `writeElement` check. Anything else — another layout, a number out of range
 * for its datatype, an escaped `id` — is not matched, and the body is read the ordinary way, which
 * gives the usual answer or the usual 400.
 *
 * Which number or string of the learned body is which hole is found by parsing it once more with
 * every number and string value replaced by a marker, then finding the markers in the parsed tree.
 */
import type { TensorDatatype } from "../train/model-signature.js";
import type { DecodedInput, InferCall } from "./infer-request.js";
import { allocateTensorData, type TensorData, writeElement } from "./tensor-datatypes.js";

/** Bodies longer than this are not learned (the fast path is for the many small requests). */
export const maxTemplateBodyBytes = 64 * 1024;
/** Layouts remembered per model version. */
export const maxTemplates = 4;

/** Datatypes whose JSON elements are numbers (BOOL and BYTES elements are not learned). */
const numericDatatypes: ReadonlySet<TensorDatatype> = new Set<TensorDatatype>([
  "FP16",
  "FP32",
  "FP64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
]);

const quote = 0x22;
const backslash = 0x5c;
const minus = 0x2d;
const plus = 0x2b;
const dot = 0x2e;
const zero = 0x30;
const nine = 0x39;

/** Doubles 10^0 … 10^22: exact, so `digits / 10^k` is correctly rounded for digits < 2^53. */
const powersOfTen = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A hole of a template: one element of one input's data, or the `id` string. */
interface Hole {
  /** Index of the input in the model's input order, or -1 for `id`. */
  input: number;
  /** Flat row-major index of the element within that input. */
  element: number;
}

class RequestTemplate {
  /** Fixed bytes before each hole, and after the last (one more than the holes). */
  readonly segments: Segment[];
  readonly holes: Hole[];
  readonly inputs: ReadonlyArray<Omit<DecodedInput, "data"> & { size: number }>;
  readonly rows: number;
  readonly outputNames: string[] | undefined;
  /** Fixed bytes in all; a matching body is at least this long. */
  readonly fixedBytes: number;
  /** The hole of each input's each element. */
  readonly holeOf: Int32Array[];

  constructor(segments: Buffer[], holes: Hole[], call: InferCall) {
    this.segments = segments.map((bytes) => new Segment(bytes));
    this.holes = holes;
    this.inputs = call.inputs.map((input) => ({
      name: input.name,
      datatype: input.datatype,
      shape: Object.freeze([...input.shape]) as number[],
      size: input.data.length,
    }));
    this.rows = call.rows;
    this.outputNames = call.outputNames;
    this.fixedBytes = segments.reduce((n, s) => n + s.length, 0);
    this.holeOf = call.inputs.map((input) => new Int32Array(input.data.length));
    holes.forEach((hole, h) => {
      if (hole.input >= 0) this.holeOf[hole.input]![hole.element] = h;
    });
  }

  /** The call `body` holds when it has this layout; undefined when it does not. Never throws. */
  decode(body: Buffer): InferCall | undefined {
    if (body.length < this.fixedBytes) return undefined;
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    let at = this.segments[0]!.endIn(body, view, 0);
    if (at < 0) return undefined;
    const data: TensorData[] = new Array(this.inputs.length);
    for (let k = 0; k < this.inputs.length; k++) {
      const input = this.inputs[k]!;
      data[k] = allocateTensorData(input.datatype, input.size);
    }
    let id: string | undefined;
    const holes = this.holes;
    // Where each hole's text is, for the prediction log.
    const bounds = new Int32Array(holes.length * 2);
    for (let h = 0; h < holes.length; h++) {
      if (h > 0) at = this.segments[h]!.endIn(body, view, at);
      if (at < 0) return undefined;
      const hole = holes[h]!;
      if (hole.input < 0) {
        const end = plainStringEnd(body, at);
        if (end < 0) return undefined;
        id = body.toString("utf8", at, end);
        at = end;
      } else {
        const end = jsonNumberEnd(body, at);
        if (end < 0) return undefined;
        const k = hole.input;
        if (!writeElement(this.inputs[k]!.datatype, data[k]!, hole.element, numberValue(body, at, end))) {
          return undefined;
        }
        bounds[2 * h] = at;
        bounds[2 * h + 1] = end;
        at = end;
      }
    }
    if (holes.length > 0) at = this.segments[holes.length]!.endIn(body, view, at);
    if (at !== body.length) return undefined;
    const inputs: DecodedInput[] = new Array(this.inputs.length);
    for (let k = 0; k < this.inputs.length; k++) {
      const input = this.inputs[k]!;
      inputs[k] = { name: input.name, datatype: input.datatype, shape: input.shape, data: data[k]! };
    }
    return {
      form: "tensors",
      id,
      rows: this.rows,
      inputs,
      outputNames: this.outputNames,
      elementText: { body, bounds, holeOf: this.holeOf },
    };
  }
}

/** A fixed segment of a template, with its bytes also as little-endian 32-bit words for comparing. */
class Segment {
  readonly bytes: Buffer;
  readonly words: Uint32Array;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    this.words = new Uint32Array(bytes.length >> 2);
    for (let i = 0; i < this.words.length; i++) this.words[i] = bytes.readUInt32LE(4 * i);
  }

  /** Where this segment ends when `body` (seen through `view`) holds it at `at`, else -1. */
  endIn(body: Buffer, view: DataView, at: number): number {
    const bytes = this.bytes;
    const end = at + bytes.length;
    if (end > body.length) return -1;
    const words = this.words;
    for (let i = 0; i < words.length; i++) if (view.getUint32(at + 4 * i, true) !== words[i]) return -1;
    for (let i = words.length * 4; i < bytes.length; i++) if (body[at + i] !== bytes[i]) return -1;
    return end;
  }
}

/** The end of a string's contents starting at `at` (its closing quote), if it has no escapes or control characters; else -1. */
function plainStringEnd(body: Buffer, at: number): number {
  for (let i = at; i < body.length; i++) {
    const b = body[i]!;
    if (b === quote) return i;
    if (b === backslash || b < 0x20) return -1;
  }
  return -1;
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= zero && b <= nine;
}

/** The end of the JSON number token at `at` (RFC 8259 grammar), else -1. */
function jsonNumberEnd(body: Buffer, at: number): number {
  let i = at;
  if (body[i] === minus) i++;
  if (body[i] === zero) i++;
  else if (isDigit(body[i])) while (isDigit(body[i])) i++;
  else return -1;
  if (body[i] === dot) {
    i++;
    if (!isDigit(body[i])) return -1;
    while (isDigit(body[i])) i++;
  }
  if (body[i] === 0x65 || body[i] === 0x45) {
    i++;
    if (body[i] === plus || body[i] === minus) i++;
    if (!isDigit(body[i])) return -1;
    while (isDigit(body[i])) i++;
  }
  return i;
}

/**
 * The double a valid JSON number token denotes, as JSON.parse gives it: exact integer arithmetic
 * for up to 15 digits without an exponent (one correctly rounded division), else the engine's own
 * string-to-number conversion.
 */
function numberValue(body: Buffer, start: number, end: number): number {
  let i = start;
  const negative = body[i] === minus;
  if (negative) i++;
  let digits = 0;
  let count = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = body[i]!;
    if (b === dot) fraction = 0;
    else if (b >= zero && b <= nine) {
      digits = digits * 10 + (b - zero);
      count++;
      if (fraction >= 0) fraction++;
    } else {
      count = 16; // an exponent: take the general path
      break;
    }
  }
  if (count > 15) return Number(body.toString("latin1", start, end));
  const value = fraction > 0 ? digits / powersOfTen[fraction]! : digits;
  return negative ? -value : value;
}

/** A number or string value token of a JSON text (object keys are not values). */
interface ValueToken {
  kind: "number" | "string";
  start: number;
  end: number;
}

/** Every number and string value in a JSON text that JSON.parse accepted, in text order. */
function valueTokens(body: Buffer): ValueToken[] | undefined {
  const tokens: ValueToken[] = [];
  let i = 0;
  while (i < body.length) {
    const b = body[i]!;
    if (b === quote) {
      let j = i + 1;
      while (j < body.length && body[j] !== quote) j += body[j] === backslash ? 2 : 1;
      if (j >= body.length) return undefined;
      let next = j + 1;
      while (
        next < body.length &&
        (body[next] === 0x20 || body[next] === 0x0a || body[next] === 0x0d || body[next] === 0x09)
      )
        next++;
      if (body[next] !== 0x3a) tokens.push({ kind: "string", start: i, end: j + 1 });
      i = j + 1;
    } else if (b === minus || isDigit(b)) {
      const end = jsonNumberEnd(body, i);
      if (end < 0) return undefined;
      tokens.push({ kind: "number", start: i, end });
      i = end;
    } else i++;
  }
  return tokens;
}

/** The marker standing for value token `index` in the marked text (no JSON text can hold U+0000 unescaped). */
function marker(index: number): string {
  return `\u0000${index}`;
}

function markerIndex(value: unknown): number | undefined {
  if (typeof value !== "string" || value.charCodeAt(0) !== 0) return undefined;
  return Number(value.slice(1));
}

/** The leaves of nested `data` in row-major order. */
function flatLeaves(data: unknown, out: unknown[]): unknown[] {
  if (Array.isArray(data)) for (const item of data) flatLeaves(item, out);
  else out.push(data);
  return out;
}

/**
 * A template from a body that was read the ordinary way into `call`, or undefined when the body
 * cannot be one (not the tensor form, a non-numeric input, too long, or anything unexpected).
 */
export function learnTemplate(body: Buffer, call: InferCall): RequestTemplate | undefined {
  if (call.form !== "tensors" || body.length > maxTemplateBodyBytes) return undefined;
  if (!call.inputs.every((input) => numericDatatypes.has(input.datatype))) return undefined;
  const tokens = valueTokens(body);
  if (tokens === undefined) return undefined;
  let marked = "";
  let at = 0;
  for (let t = 0; t < tokens.length; t++) {
    marked += `${body.toString("utf8", at, tokens[t]!.start)}${JSON.stringify(marker(t))}`;
    at = tokens[t]!.end;
  }
  marked += body.toString("utf8", at);
  let tree: unknown;
  try {
    tree = JSON.parse(marked);
  } catch {
    return undefined;
  }
  if (typeof tree !== "object" || tree === null || !Array.isArray((tree as { inputs?: unknown }).inputs)) {
    return undefined;
  }
  const holeAt = new Map<number, Hole>();
  const idToken = markerIndex((tree as { id?: unknown }).id);
  if (idToken !== undefined) {
    if (tokens[idToken]?.kind !== "string") return undefined;
    holeAt.set(idToken, { input: -1, element: 0 });
  }
  const order = new Map(call.inputs.map((input, k) => [input.name, k]));
  for (const entry of (tree as { inputs: unknown[] }).inputs) {
    const nameToken = markerIndex((entry as { name?: unknown } | null)?.name);
    if (nameToken === undefined) return undefined;
    const t = tokens[nameToken]!;
    const k = order.get(JSON.parse(body.toString("utf8", t.start, t.end)) as string);
    if (k === undefined) return undefined;
    const leaves = flatLeaves((entry as { data?: unknown }).data, []);
    if (leaves.length !== call.inputs[k]!.data.length) return undefined;
    for (let j = 0; j < leaves.length; j++) {
      const token = markerIndex(leaves[j]);
      if (token === undefined || tokens[token]!.kind !== "number") return undefined;
      holeAt.set(token, { input: k, element: j });
    }
  }
  const segments: Buffer[] = [];
  const holes: Hole[] = [];
  at = 0;
  for (const [t, hole] of [...holeAt].sort((a, b) => a[0] - b[0])) {
    const token = tokens[t]!;
    // A string hole is its contents: the quotes stay in the fixed segments.
    const start = hole.input < 0 ? token.start + 1 : token.start;
    segments.push(Buffer.from(body.subarray(at, start)));
    holes.push(hole);
    at = hole.input < 0 ? token.end - 1 : token.end;
  }
  segments.push(Buffer.from(body.subarray(at)));
  const template = new RequestTemplate(segments, holes, call);
  // The learned body must read back as the very call it was learned from.
  const again = template.decode(body);
  return again !== undefined && sameCall(again, call) ? template : undefined;
}

function sameCall(a: InferCall, b: InferCall): boolean {
  if (a.id !== b.id || a.rows !== b.rows || a.inputs.length !== b.inputs.length) return false;
  return a.inputs.every((input, k) => {
    const other = b.inputs[k]!;
    if (input.name !== other.name || input.data.length !== other.data.length) return false;
    for (let i = 0; i < input.data.length; i++) if (!Object.is(input.data[i], other.data[i])) return false;
    return true;
  });
}

/**
 * The templates of one model version: the few layouts its clients send, most recently matched
 * first. Learning stops being tried so often when bodies never repeat a layout.
 */
export class RequestTemplates {
  #templates: RequestTemplate[] = [];
  /** Bodies in a row that no template matched; one is learned when this reaches a power of two. */
  #misses = 0;

  /** The call for `body` when it has a learned layout; undefined when it must be read the ordinary way. */
  match(body: Buffer): InferCall | undefined {
    const templates = this.#templates;
    for (let i = 0; i < templates.length; i++) {
      const call = templates[i]!.decode(body);
      if (call !== undefined) {
        if (i > 0) templates.unshift(...templates.splice(i, 1));
        this.#misses = 0;
        return call;
      }
    }
    return undefined;
  }

  /** Offer a body that no template matched and that was read the ordinary way into `call`. */
  learn(body: Buffer, call: InferCall): void {
    this.#misses++;
    if ((this.#misses & (this.#misses - 1)) !== 0) return;
    const template = learnTemplate(body, call);
    if (template === undefined) return;
    this.#templates.unshift(template);
    if (this.#templates.length > maxTemplates) this.#templates.pop();
  }

  get size(): number {
    return this.#templates.length;
  }
}
