/**
 * How KServe V2 tensor datatypes map to onnxruntime tensor types, and how JSON values are written
 * into (and read out of) the typed arrays onnxruntime takes.
 *
 * JSON conventions of this server, per datatype:
 * - FP32, FP64: JSON numbers; `null` is accepted and means "missing" (NaN), which is how models
 *   trained by Kiln read a missing numeric feature. NaN outputs are written as `null`.
 * - FP16: JSON numbers (and `null` for missing), rounded to the nearest half-precision value;
 *   outputs are written back as numbers.
 * - INT8..INT32, UINT8..UINT32: JSON integers within the type's range.
 * - INT64, UINT64: JSON integers (within ±2^53) or decimal strings; outputs beyond ±2^53 come back
 *   as decimal strings so no digit is lost.
 * - BOOL: `true`/`false`.
 * - BYTES: JSON strings (ONNX string tensors).
 */
import type { Tensor } from "onnxruntime-node";
import { TensorDatatype } from "../train/model-signature.js";
import { fromHalfBits, toHalfBits } from "./half-float.js";

export type OrtType = Tensor.Type;

/** V2 datatype → onnxruntime tensor type. */
export const ortTypeOfDatatype = {
  BOOL: "bool",
  UINT8: "uint8",
  UINT16: "uint16",
  UINT32: "uint32",
  UINT64: "uint64",
  INT8: "int8",
  INT16: "int16",
  INT32: "int32",
  INT64: "int64",
  FP16: "float16",
  FP32: "float32",
  FP64: "float64",
  BYTES: "string",
} as const satisfies Record<TensorDatatype, OrtType>;

/** onnxruntime tensor type → V2 datatype; undefined for types V2 has no name for (int4, uint4). */
export function datatypeOfOrtType(type: string): TensorDatatype | undefined {
  for (const [datatype, ort] of Object.entries(ortTypeOfDatatype)) {
    if (ort === type) return datatype as TensorDatatype;
  }
  return undefined;
}

/** The element store behind one input tensor while a request is being read. */
export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | string[];

/** A typed array (or string array) of `length` elements for `datatype`. */
export function allocateTensorData(datatype: TensorDatatype, length: number): TensorData {
  switch (datatype) {
    case TensorDatatype.FP32:
      return new Float32Array(length);
    case TensorDatatype.FP64:
      return new Float64Array(length);
    case TensorDatatype.INT8:
      return new Int8Array(length);
    case TensorDatatype.INT16:
      return new Int16Array(length);
    case TensorDatatype.INT32:
      return new Int32Array(length);
    case TensorDatatype.INT64:
      return new BigInt64Array(length);
    case TensorDatatype.UINT8:
    case TensorDatatype.BOOL:
      return new Uint8Array(length);
    case TensorDatatype.UINT16:
    case TensorDatatype.FP16:
      return new Uint16Array(length);
    case TensorDatatype.UINT32:
      return new Uint32Array(length);
    case TensorDatatype.UINT64:
      return new BigUint64Array(length);
    case TensorDatatype.BYTES:
      return new Array<string>(length);
  }
}

const integerRanges = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
  UINT8: [0, 255],
  UINT16: [0, 65535],
  UINT32: [0, 4294967295],
} as const;

const int64Range = [-(2n ** 63n), 2n ** 63n - 1n] as const;
const uint64Range = [0n, 2n ** 64n - 1n] as const;

/** What a JSON value of `datatype` must look like, for error messages. */
export function expectedValueText(datatype: TensorDatatype): string {
  switch (datatype) {
    case TensorDatatype.FP16:
    case TensorDatatype.FP32:
    case TensorDatatype.FP64:
      return "a number or null (missing)";
    case TensorDatatype.BOOL:
      return "true or false";
    case TensorDatatype.BYTES:
      return "a string";
    case TensorDatatype.INT64:
    case TensorDatatype.UINT64: {
      const [lo, hi] = datatype === TensorDatatype.INT64 ? int64Range : uint64Range;
      return `an integer from ${lo} to ${hi} (a number, or a decimal string)`;
    }
    default: {
      const [lo, hi] = integerRanges[datatype];
      return `an integer from ${lo} to ${hi}`;
    }
  }
}

function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}

/**
 * Write `value` at `index` of `data`; returns false (and writes nothing meaningful) when the value
 * is not valid for `datatype`. Hot path: no allocation for numeric types.
 */
export function writeElement(
  datatype: TensorDatatype,
  data: TensorData,
  index: number,
  value: unknown,
): boolean {
  switch (datatype) {
    case TensorDatatype.FP32:
    case TensorDatatype.FP64:
      if (typeof value === "number") {
        (data as Float32Array)[index] = value;
        return true;
      }
      if (value === null) {
        (data as Float32Array)[index] = Number.NaN;
        return true;
      }
      return false;
    case TensorDatatype.BYTES:
      if (typeof value !== "string") return false;
      (data as string[])[index] = value;
      return true;
    case TensorDatatype.BOOL:
      if (typeof value !== "boolean") return false;
      (data as Uint8Array)[index] = value ? 1 : 0;
      return true;
    case TensorDatatype.INT64:
    case TensorDatatype.UINT64: {
      const big = toBigInt(value);
      const [lo, hi] = datatype === TensorDatatype.INT64 ? int64Range : uint64Range;
      if (big === undefined || big < lo || big > hi) return false;
      (data as BigInt64Array)[index] = big;
      return true;
    }
    case TensorDatatype.FP16:
      if (typeof value === "number") {
        (data as Uint16Array)[index] = toHalfBits(value);
        return true;
      }
      if (value === null) {
        (data as Uint16Array)[index] = 0x7e00; // NaN: missing
        return true;
      }
      return false;
    default: {
      const [lo, hi] = integerRanges[datatype];
      if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) return false;
      (data as Int32Array)[index] = value;
      return true;
    }
  }
}

/** A 64-bit integer as JSON can hold it: a number within ±(2^53 − 1), else its decimal string. */
export function jsonSafeBigInt(v: bigint): number | string {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v.toString();
}

/** A JSON-safe copy of an output tensor's elements (NaN → null, 64-bit beyond 2^53 → string). */
export function toJsonValues(data: unknown, start = 0, end?: number): unknown[] {
  if (Array.isArray(data)) return data.slice(start, end);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    const out: unknown[] = [];
    const stop = end ?? data.length;
    for (let i = start; i < stop; i++) {
      out.push(jsonSafeBigInt(data[i]!));
    }
    return out;
  }
  if (ArrayBuffer.isView(data)) {
    const array = data as unknown as ArrayLike<number>;
    const stop = end ?? array.length;
    const out = new Array<number | null>(stop - start);
    for (let i = start; i < stop; i++) {
      const v = array[i]!;
      out[i - start] = Number.isNaN(v) ? null : v;
    }
    return out;
  }
  return [];
}

/** BOOL outputs come back from onnxruntime as 0/1 bytes; V2 clients expect booleans. */
export function toJsonElements(
  datatype: TensorDatatype | undefined,
  data: unknown,
  start = 0,
  end?: number,
): unknown[] {
  const values = toJsonValues(data, start, end);
  if (datatype === TensorDatatype.BOOL) return values.map((v) => v === 1);
  if (datatype === TensorDatatype.FP16) {
    return values.map((v) => {
      const n = fromHalfBits(v as number);
      return Number.isFinite(n) ? n : null;
    });
  }
  return values;
}
