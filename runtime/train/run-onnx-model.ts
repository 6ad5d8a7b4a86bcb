/**
 * Runs an ONNX model in onnxruntime-node on the rows of a Table: each model input is fed from the
 * column of the same name ([-1, 1] or [-1] tensors; numbers as FP32/FP64/INT64, categories as
 * strings, a missing number as NaN and a missing category as the empty string), in batches.
 * onnxruntime errors are turned into ModelError here.
 */
import * as ort from "onnxruntime-node";
import { findColumn } from "../data/find-column.js";
import type { Column, Table } from "../data/table.js";
import { DataError, ModelError } from "../errors.js";
import { categoryText } from "./encode-features.js";
import type { ModelSignature, TensorSpec } from "./model-signature.js";
import { readOnnxSignature } from "./read-onnx-signature.js";

export type OutputData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];

export interface ModelOutputs {
  signature: ModelSignature;
  /** Output name → data for all rows (row-major) and its shape. */
  outputs: Record<string, { data: OutputData; dims: number[] }>;
}

/** A loaded model; `source` names it in messages. */
export interface LoadedModel {
  session: ort.InferenceSession;
  signature: ModelSignature;
  source: string;
}

export async function loadOnnxModel(bytes: Uint8Array, source: string): Promise<LoadedModel> {
  const signature = readOnnxSignature(bytes, source);
  try {
    const session = await ort.InferenceSession.create(bytes);
    return { session, signature, source };
  } catch (error: unknown) {
    throw new ModelError(`onnxruntime cannot load ${source}: ${firstLine(error)}.`, {}, { cause: error });
  }
}

export async function runOnnxModel(
  model: LoadedModel,
  table: Table,
  options: { batchSize?: number; outputs?: string[] } = {},
): Promise<ModelOutputs> {
  const batchSize = options.batchSize ?? 50_000;
  const wanted = options.outputs ?? model.signature.outputs.map((o) => o.name);
  const columns = model.signature.inputs.map((spec) => ({ spec, column: inputColumn(table, spec) }));
  const parts = new Map<string, { data: OutputData; dims: number[] }[]>();
  for (let start = 0; start < table.rowCount || (start === 0 && table.rowCount === 0); start += batchSize) {
    const end = Math.min(table.rowCount, start + batchSize);
    const feeds: Record<string, ort.Tensor> = {};
    for (const { spec, column } of columns) feeds[spec.name] = tensorFor(spec, column, start, end);
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await model.session.run(feeds, wanted);
    } catch (error: unknown) {
      throw new ModelError(
        `${model.source} failed on rows ${start + 1}–${end}: ${firstLine(error)}.`,
        {},
        { cause: error },
      );
    }
    for (const name of wanted) {
      const tensor = results[name]!;
      const list = parts.get(name) ?? [];
      list.push({ data: tensor.data as OutputData, dims: [...tensor.dims].map(Number) });
      parts.set(name, list);
    }
    if (table.rowCount === 0) break;
  }
  const outputs: ModelOutputs["outputs"] = {};
  for (const [name, list] of parts) outputs[name] = concatenate(list);
  return { signature: model.signature, outputs };
}

function inputColumn(table: Table, spec: TensorSpec): Column {
  const column = table.columns.find((c) => c.name === spec.name);
  if (column === undefined) {
    findColumn(table, spec.name, `column for model input (${spec.datatype})`);
  }
  return column!;
}

function tensorFor(spec: TensorSpec, column: Column, start: number, end: number): ort.Tensor {
  const n = end - start;
  const dims = spec.shape.length <= 1 ? [n] : [n, ...spec.shape.slice(1).map((d) => (d < 0 ? 1 : d))];
  if (dims.slice(1).some((d) => d !== 1)) {
    throw new ModelError(
      `model input '${spec.name}' has shape [${spec.shape.join(", ")}]; only one value per row ([-1] or [-1, 1]) can be fed from a column.`,
    );
  }
  if (spec.datatype === "BYTES") {
    const data = new Array<string>(n);
    if (column.kind === "categorical") {
      for (let i = 0; i < n; i++) {
        const code = column.codes[start + i]!;
        data[i] = code < 0 ? "" : column.categories[code]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = column.values[start + i]!;
        data[i] = Number.isNaN(v) ? "" : categoryText(column, v);
      }
    }
    return new ort.Tensor("string", data, dims);
  }
  if (column.kind === "categorical") {
    const row = column.codes.findIndex((c) => c >= 0);
    throw new DataError(
      { row: row + 1, column: column.name },
      `model input '${spec.name}' takes numbers (${spec.datatype}) but the column holds '${column.categories[column.codes[row]!] ?? ""}'.`,
    );
  }
  const values = column.values.subarray(start, end);
  switch (spec.datatype) {
    case "FP32":
      return new ort.Tensor("float32", Float32Array.from(values), dims);
    case "FP64":
      return new ort.Tensor("float64", Float64Array.from(values), dims);
    case "INT64":
      return new ort.Tensor("int64", BigInt64Array.from(integers(values, column.name, start), BigInt), dims);
    case "INT32":
      return new ort.Tensor("int32", Int32Array.from(integers(values, column.name, start)), dims);
    case "BOOL":
      return new ort.Tensor(
        "bool",
        Uint8Array.from(values, (v) => (v ? 1 : 0)),
        dims,
      );
    default:
      throw new ModelError(
        `model input '${spec.name}' has datatype ${spec.datatype}, which Kiln cannot feed from a column.`,
      );
  }
}

function integers(values: Float64Array, column: string, start: number): number[] {
  return Array.from(values, (v, i) => {
    if (!Number.isInteger(v)) {
      throw new DataError(
        { row: start + i + 1, column },
        `the model takes whole numbers here but found ${v}.`,
      );
    }
    return v;
  });
}

function concatenate(list: { data: OutputData; dims: number[] }[]): { data: OutputData; dims: number[] } {
  if (list.length === 1) return list[0]!;
  const first = list[0]!;
  const rows = list.reduce((sum, p) => sum + (p.dims[0] ?? 0), 0);
  const dims = [rows, ...first.dims.slice(1)];
  if (Array.isArray(first.data)) return { data: list.flatMap((p) => p.data as string[]), dims };
  const total = list.reduce((sum, p) => sum + p.data.length, 0);
  const Constructor = first.data.constructor as new (n: number) => Exclude<OutputData, string[]>;
  const data = new Constructor(total);
  let offset = 0;
  for (const p of list) {
    (data as Float32Array).set(p.data as Float32Array, offset);
    offset += p.data.length;
  }
  return { data, dims };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? message).replace(/\.$/, "");
}
