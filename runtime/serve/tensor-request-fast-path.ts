/**
 * The fast path for the most common request: a KServe V2 tensor-form body of numeric tensors with
 * flat `data`, read straight from the body's bytes into the typed arrays onnxruntime takes, with
 * no intermediate JSON objects. `JSON.parse` of such a body was the largest cost of an inference
 * request after onnxruntime itself.
 *
 * It accepts only a strict subset of JSON and of the protocol:
 * - a top-level object with `inputs` and optionally `id`, no other member;
 * - each input an object with exactly `name`, `datatype`, `shape` and `data`; data flat, of
 *   FP32 / FP64 (numbers or null) or INT8-32 / UINT8-32 (integers);
 * - strings without escapes, no member given twice.
 * Anything else, and anything invalid, returns undefined and the request takes the general path
 * (`JSON.parse` + `readInferRequest`), which also writes every error message. So for any body this
 * accepts, the call is the one the general path would build: same values, same checks.
 */
import { type ModelSignature, TensorDatatype, type TensorSpec } from "../train/model-signature.js";
import { type DecodedInput, hasBatchDimension, type InferCall, RequestForm } from "./infer-request.js";
import { allocateTensorData, writeElement } from "./tensor-datatypes.js";

const fastDatatypes: ReadonlySet<string> = new Set([
  TensorDatatype.FP32,
  TensorDatatype.FP64,
  TensorDatatype.INT8,
  TensorDatatype.INT16,
  TensorDatatype.INT32,
  TensorDatatype.UINT8,
  TensorDatatype.UINT16,
  TensorDatatype.UINT32,
]);

/** 10^k for k ≤ 22: exact in a double, so m / 10^k and m × 10^k round correctly, as JSON.parse does. */
const exactPowersOf10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Thrown inside the scanner to leave the fast path; never escapes it. */
const bailOut = Symbol("bail out");

/** Scratch space for the numbers of one array, grown as needed and reused across requests. */
let scratch = new Float64Array(256);

/** Each input name's index in the signature, per loaded model. */
const inputIndexes = new WeakMap<ModelSignature, Map<string, number>>();

function inputIndexOf(signature: ModelSignature): Map<string, number> {
  let index = inputIndexes.get(signature);
  if (index === undefined) {
    index = new Map(signature.inputs.map((spec, k) => [spec.name, k]));
    inputIndexes.set(signature, index);
  }
  return index;
}

class Scanner {
  readonly bytes: Uint8Array;
  pos = 0;
  /** Numbers of the current array (null is NaN). */
  numbers = scratch;
  /** Whether the current `data` array held a null. */
  sawNull = false;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  skipSpace(): void {
    const b = this.bytes;
    let p = this.pos;
    while (p < b.length) {
      const c = b[p]!;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.pos = p;
  }

  /** The next non-space byte, consumed. */
  next(): number {
    this.skipSpace();
    if (this.pos >= this.bytes.length) throw bailOut;
    return this.bytes[this.pos++]!;
  }

  expect(byte: number): void {
    if (this.next() !== byte) throw bailOut;
  }

  /** A string without escapes (the opening quote not yet consumed). */
  string(): string {
    if (this.next() !== QUOTE) throw bailOut;
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    while (p < b.length) {
      const c = b[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20) throw bailOut;
      p++;
    }
    if (p >= b.length) throw bailOut;
    this.pos = p + 1;
    return Buffer.from(b.buffer, b.byteOffset + start, p - start).toString("utf8");
  }

  /** A JSON number, or null as NaN. */
  number(): number {
    this.skipSpace();
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    if (b[p] === 0x6e) {
      // null
      if (b[p + 1] !== 0x75 || b[p + 2] !== 0x6c || b[p + 3] !== 0x6c) throw bailOut;
      this.pos = p + 4;
      this.sawNull = true;
      return Number.NaN;
    }
    const negative = b[p] === MINUS;
    if (negative) p++;
    let mantissa = 0;
    let digits = 0;
    const intStart = p;
    while (p < b.length && b[p]! >= ZERO && b[p]! <= NINE) {
      mantissa = mantissa * 10 + (b[p]! - ZERO);
      digits++;
      p++;
    }
    if (p === intStart || (b[intStart] === ZERO && p - intStart > 1)) throw bailOut;
    let scale = 0;
    if (b[p] === DOT) {
      p++;
      const fracStart = p;
      while (p < b.length && b[p]! >= ZERO && b[p]! <= NINE) {
        mantissa = mantissa * 10 + (b[p]! - ZERO);
        digits++;
        p++;
      }
      if (p === fracStart) throw bailOut;
      scale = -(p - fracStart);
    }
    let exact = true;
    if (b[p] === LOWER_E || b[p] === UPPER_E) {
      p++;
      let expNegative = false;
      if (b[p] === MINUS || b[p] === PLUS) {
        expNegative = b[p] === MINUS;
        p++;
      }
      const expStart = p;
      let exponent = 0;
      while (p < b.length && b[p]! >= ZERO && b[p]! <= NINE) {
        exponent = exponent * 10 + (b[p]! - ZERO);
        p++;
      }
      if (p === expStart) throw bailOut;
      if (exponent > 400) exact = false;
      else scale += expNegative ? -exponent : exponent;
    }
    this.pos = p;
    if (exact && digits <= 15 && scale >= -22 && scale <= 22) {
      const value = scale < 0 ? mantissa / exactPowersOf10[-scale]! : mantissa * exactPowersOf10[scale]!;
      return negative ? -value : value;
    }
    // Beyond the exact fast case: the engine's own correctly rounded conversion of the whole token.
    return Number(Buffer.from(b.buffer, b.byteOffset + start, p - start).toString("latin1"));
  }

  /** A flat array of numbers into `numbers`; returns the count. */
  numberArray(): number {
    this.expect(OPEN_BRACKET);
    this.skipSpace();
    if (this.bytes[this.pos] === CLOSE_BRACKET) {
      this.pos++;
      return 0;
    }
    let n = 0;
    for (;;) {
      if (n === this.numbers.length) {
        const grown = new Float64Array(n * 2);
        grown.set(this.numbers);
        this.numbers = grown;
        scratch = grown;
      }
      this.numbers[n++] = this.number();
      const c = this.next();
      if (c === CLOSE_BRACKET) return n;
      if (c !== COMMA) throw bailOut;
    }
  }

  /** Iterate an object's members: calls `member(key)` with the scanner at the value. */
  object(member: (key: string) => void): void {
    this.expect(OPEN_BRACE);
    this.skipSpace();
    if (this.bytes[this.pos] === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.string();
      this.expect(COLON);
      member(key);
      const c = this.next();
      if (c === CLOSE_BRACE) return;
      if (c !== COMMA) throw bailOut;
    }
  }
}

/** Read a tensor-form request for `signature` from body bytes, or undefined for the general path. */
export function readTensorRequestFast(bytes: Uint8Array, signature: ModelSignature): InferCall | undefined {
  const scanner = new Scanner(bytes);
  try {
    return scan(scanner, signature);
  } catch (error: unknown) {
    if (error === bailOut) return undefined;
    throw error;
  }
}

function scan(s: Scanner, signature: ModelSignature): InferCall | undefined {
  let id: string | undefined;
  let sawId = false;
  let inputs: DecodedInput[] | undefined;
  s.object((key) => {
    if (key === "id" && !sawId) {
      sawId = true;
      id = s.string();
    } else if (key === "inputs" && inputs === undefined) {
      inputs = readInputs(s, signature);
    } else {
      throw bailOut;
    }
  });
  s.skipSpace();
  if (s.pos !== s.bytes.length || inputs === undefined) return undefined;
  let rows = 1;
  if (hasBatchDimension(signature)) {
    rows = inputs[0]!.shape[0]!;
    for (const input of inputs) if (input.shape[0] !== rows) return undefined;
  }
  return { form: RequestForm.tensors, id, rows, inputs, outputNames: undefined };
}

function readInputs(s: Scanner, signature: ModelSignature): DecodedInput[] {
  const specs = signature.inputs;
  const indexOf = inputIndexOf(signature);
  const found: Array<DecodedInput | undefined> = new Array(specs.length);
  let count = 0;
  s.expect(OPEN_BRACKET);
  for (;;) {
    const [index, input] = readInput(s, specs, indexOf);
    if (found[index] !== undefined) throw bailOut;
    found[index] = input;
    count++;
    const c = s.next();
    if (c === CLOSE_BRACKET) break;
    if (c !== COMMA) throw bailOut;
  }
  if (count !== specs.length) throw bailOut;
  return found as DecodedInput[];
}

function readInput(
  s: Scanner,
  specs: readonly TensorSpec[],
  indexOf: ReadonlyMap<string, number>,
): [number, DecodedInput] {
  let name: string | undefined;
  let datatype: string | undefined;
  let shape: number[] | undefined;
  let values: Float64Array | undefined;
  let sawNull = false;
  s.object((key) => {
    if (key === "name" && name === undefined) name = s.string();
    else if (key === "datatype" && datatype === undefined) datatype = s.string();
    else if (key === "shape" && shape === undefined) {
      const n = s.numberArray();
      shape = Array.from(s.numbers.subarray(0, n));
      if (s.sawNull) throw bailOut;
    } else if (key === "data" && values === undefined) {
      s.sawNull = false;
      const n = s.numberArray();
      values = s.numbers.slice(0, n);
      sawNull = s.sawNull;
      s.sawNull = false;
    } else throw bailOut;
  });
  if (name === undefined || datatype === undefined || shape === undefined || values === undefined)
    throw bailOut;
  const index = indexOf.get(name);
  const spec = index === undefined ? undefined : specs[index];
  if (index === undefined || spec === undefined || spec.datatype !== datatype || !fastDatatypes.has(datatype))
    throw bailOut;
  let size = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw bailOut;
    size *= d;
  }
  if (spec.shape.length > 0) {
    if (shape.length !== spec.shape.length) throw bailOut;
    for (let k = 0; k < shape.length; k++) {
      const want = spec.shape[k]!;
      if (want >= 0 && want !== shape[k]) throw bailOut;
    }
  }
  if (values.length !== size) throw bailOut;
  const data = allocateTensorData(spec.datatype, size);
  for (let i = 0; i < size; i++) {
    // null is NaN here; writeElement takes it as null (missing) for floats and refuses it for integers.
    const value = sawNull && Number.isNaN(values[i]!) ? null : values[i]!;
    if (!writeElement(spec.datatype, data, i, value)) throw bailOut;
  }
  return [index, { name, datatype: spec.datatype, shape, data }];
}
