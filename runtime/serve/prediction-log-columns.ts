/**
 * Prediction log entries in columns, to hand them to the encoder thread cheaply: a turn's entries
 * become a few concatenated typed arrays (moved to the thread, not copied again) instead of
 * thousands of small objects to clone. Entries whose tensors differ (another model version, with
 * another signature) go into separate batches. `decodeColumns` gives the entries back.
 */
import type { TensorDatatype } from "../train/model-signature.js";
import type { DecodedInput } from "./infer-request.js";
import type { ModelOutputs } from "./loaded-model.js";
import type { PredictionLogEntry } from "./prediction-log-lines.js";

interface ColumnTensor {
  name: string;
  datatype: string | undefined;
  output: boolean;
  /** Every entry's shape is [rows, ...rowShape]; else `dims` holds each entry's shape. */
  rowShape: number[] | undefined;
  dims: number[][] | undefined;
  /** Where each entry's elements start in `data` (one more offset than entries). */
  offsets: Int32Array;
  data: ArrayLike<unknown>;
}

export interface ColumnBatch {
  ts: Float64Array;
  rows: Int32Array;
  requestIds: string[];
  models: string[];
  versions: string[];
  tensors: ColumnTensor[];
}

type Typed = ArrayLike<unknown> & { length: number; set?(source: ArrayLike<unknown>, offset: number): void };

function tensorsOf(entry: PredictionLogEntry): Array<{
  name: string;
  datatype: string | undefined;
  output: boolean;
  dims: readonly number[];
  data: unknown;
}> {
  const list = entry.inputs.map((input) => ({
    name: input.name,
    datatype: input.datatype as string | undefined,
    output: false,
    dims: input.shape,
    data: input.data as unknown,
  }));
  for (const name in entry.outputs) {
    const output = entry.outputs[name]!;
    list.push({ name, datatype: output.datatype, output: true, dims: output.dims, data: output.data });
  }
  return list;
}

function sameLayout(a: ReturnType<typeof tensorsOf>, b: ReturnType<typeof tensorsOf>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.name !== y.name || x.datatype !== y.datatype || x.output !== y.output) return false;
    if ((x.data as object).constructor !== (y.data as object).constructor) return false;
  }
  return true;
}

/** Entries in columns, and the buffers to transfer with them. */
export function encodeColumns(entries: readonly PredictionLogEntry[]): {
  batches: ColumnBatch[];
  transfer: ArrayBuffer[];
} {
  const batches: ColumnBatch[] = [];
  const transfer: ArrayBuffer[] = [];
  let start = 0;
  while (start < entries.length) {
    const layout = tensorsOf(entries[start]!);
    const members = [layout];
    let end = start + 1;
    while (end < entries.length) {
      const next = tensorsOf(entries[end]!);
      if (!sameLayout(layout, next)) break;
      members.push(next);
      end++;
    }
    const group = entries.slice(start, end);
    const tensors: ColumnTensor[] = layout.map((first, k) => {
      const offsets = new Int32Array(group.length + 1);
      let total = 0;
      let rowShape: number[] | undefined = first.dims.slice(1);
      for (let i = 0; i < group.length; i++) {
        const tensor = members[i]![k]!;
        offsets[i] = total;
        total += (tensor.data as Typed).length;
        const dims = tensor.dims;
        if (rowShape !== undefined) {
          let fits = dims.length === rowShape.length + 1 && dims[0] === group[i]!.rows;
          for (let d = 0; fits && d < rowShape.length; d++) fits = dims[d + 1] === rowShape[d];
          if (!fits) rowShape = undefined;
        }
      }
      offsets[group.length] = total;
      let data: ArrayLike<unknown>;
      if (Array.isArray(first.data)) {
        const values: unknown[] = [];
        for (let i = 0; i < group.length; i++)
          for (const v of members[i]![k]!.data as unknown[]) values.push(v);
        data = values;
      } else {
        const Constructor = (first.data as object).constructor as new (length: number) => Typed;
        const values = new Constructor(total);
        for (let i = 0; i < group.length; i++)
          values.set!(members[i]![k]!.data as ArrayLike<unknown>, offsets[i]!);
        data = values;
        transfer.push((values as unknown as { buffer: ArrayBuffer }).buffer);
      }
      return {
        name: first.name,
        datatype: first.datatype,
        output: first.output,
        rowShape,
        dims: rowShape === undefined ? members.map((m) => [...m[k]!.dims]) : undefined,
        offsets,
        data,
      };
    });
    const ts = Float64Array.from(group, (e) => e.ts);
    const rows = Int32Array.from(group, (e) => e.rows);
    transfer.push(ts.buffer, rows.buffer, ...tensors.map((t) => t.offsets.buffer as ArrayBuffer));
    batches.push({
      ts,
      rows,
      requestIds: group.map((e) => e.requestId),
      models: group.map((e) => e.model),
      versions: group.map((e) => e.version),
      tensors,
    });
    start = end;
  }
  return { batches, transfer };
}

/** The entries a batch holds. */
export function decodeColumns(batch: ColumnBatch): PredictionLogEntry[] {
  const entries: PredictionLogEntry[] = [];
  for (let i = 0; i < batch.ts.length; i++) {
    const rows = batch.rows[i]!;
    const inputs: DecodedInput[] = [];
    const outputs: ModelOutputs = {};
    for (const tensor of batch.tensors) {
      const from = tensor.offsets[i]!;
      const to = tensor.offsets[i + 1]!;
      const data = Array.isArray(tensor.data)
        ? tensor.data.slice(from, to)
        : (tensor.data as unknown as { subarray(a: number, b: number): unknown }).subarray(from, to);
      const dims = tensor.rowShape === undefined ? tensor.dims![i]! : [rows, ...tensor.rowShape];
      if (tensor.output) {
        outputs[tensor.name] = { datatype: tensor.datatype as TensorDatatype | undefined, dims, data };
      } else {
        inputs.push({
          name: tensor.name,
          datatype: tensor.datatype as TensorDatatype,
          shape: dims,
          data: data as DecodedInput["data"],
        });
      }
    }
    entries.push({
      ts: batch.ts[i]!,
      requestId: batch.requestIds[i]!,
      model: batch.models[i]!,
      version: batch.versions[i]!,
      rows,
      inputs,
      outputs,
    });
  }
  return entries;
}
