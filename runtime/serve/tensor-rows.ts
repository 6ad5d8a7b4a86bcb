/**
 * Cutting tensors into rows along the batch dimension (dim 0): for the records form, the
 * prediction log, and splitting a micro-batch's outputs back to its requests.
 */
import type { TensorDatatype } from "../train/model-signature.js";
import { toJsonElements } from "./tensor-datatypes.js";

/** An output tensor as onnxruntime returned it. */
export interface OutputTensor {
  datatype: TensorDatatype | undefined;
  dims: number[];
  data: unknown;
}

/** Elements per row: the product of all dimensions after the first (1 for rank-1 tensors). */
export function elementsPerRow(dims: readonly number[]): number {
  let n = 1;
  for (let k = 1; k < dims.length; k++) n *= dims[k]!;
  return n;
}

/** Elements in a tensor of shape `dims`: the product of all dimensions (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** Row `row` of a tensor as JSON: a scalar when a row has one element, else a flat array. */
export function rowValue(
  datatype: TensorDatatype | undefined,
  data: unknown,
  perRow: number,
  row: number,
): unknown {
  const values = toJsonElements(datatype, data, row * perRow, (row + 1) * perRow);
  return perRow === 1 ? values[0] : values;
}

/** Rows [start, end) of a tensor's data, sharing memory for typed arrays. */
export function sliceRows(data: unknown, perRow: number, start: number, end: number): unknown {
  if (Array.isArray(data)) return data.slice(start * perRow, end * perRow);
  if (ArrayBuffer.isView(data) && "subarray" in data) {
    const typed = data as unknown as { subarray(a: number, b: number): unknown };
    return typed.subarray(start * perRow, end * perRow);
  }
  return data;
}
