/**
 * The text of the prediction log: one JSON line per predicted row (the PredictionRow shape in
 * prediction-log.ts), written as text directly rather than through objects and JSON.stringify,
 * since it runs for every prediction. Pure; used by the log's encoder thread.
 */
import { fromHalfBits } from "./half-float.js";
import type { DecodedInput } from "./infer-request.js";
import type { ModelOutputs } from "./loaded-model.js";
import { elementsPerRow } from "./tensor-rows.js";

export interface PredictionLogEntry {
  ts: number;
  requestId: string;
  model: string;
  version: string;
  rows: number;
  inputs: readonly DecodedInput[];
  outputs: ModelOutputs;
}

/**
 * The JSON Lines text of some log entries, one line per row (the PredictionRow shape). Written as
 * text directly rather than through objects and JSON.stringify: this runs for every prediction.
 */
export function serializeEntries(entries: readonly PredictionLogEntry[]): string {
  let text = "";
  for (const entry of entries) {
    const head = `{"ts":"${isoTime(entry.ts)}","request_id":${JSON.stringify(entry.requestId)},"row":`;
    const tail = `,"model":${jsonKey(entry.model)},"version":${jsonKey(entry.version)},"inputs":{`;
    const cuts: Cut[] = [];
    for (const input of entry.inputs) {
      cuts.push(cutOf(input.name, input.datatype, input.data, input.shape, entry.rows, input.data.length));
    }
    const inputCount = cuts.length;
    for (const name in entry.outputs) {
      const output = entry.outputs[name]!;
      cuts.push(cutOf(name, output.datatype, output.data, output.dims, entry.rows, sizeOf(output.dims)));
    }
    for (let r = 0; r < entry.rows; r++) {
      let line = `${head}${r}${tail}`;
      for (let k = 0; k < cuts.length; k++) {
        const cut = cuts[k]!;
        if (k === inputCount) line += `},"outputs":{`;
        line += `${k === 0 || k === inputCount ? "" : ","}${cut.key}${rowJson(cut, r)}`;
      }
      if (inputCount === cuts.length) line += `},"outputs":{`;
      text += `${line}}}\n`;
    }
  }
  return text;
}

/** How to write one tensor's rows: its JSON key, element kind and elements per row. */
interface Cut {
  key: string;
  kind: ElementKind;
  data: unknown;
  perRow: number;
}

const ElementKind = { string: 0, bigint: 1, bool: 2, number: 3, half: 4 } as const;
type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

function cutOf(
  name: string,
  datatype: string | undefined,
  data: unknown,
  dims: readonly number[],
  rows: number,
  size: number,
): Cut {
  const kind = Array.isArray(data)
    ? ElementKind.string
    : data instanceof BigInt64Array || data instanceof BigUint64Array
      ? ElementKind.bigint
      : datatype === "BOOL"
        ? ElementKind.bool
        : datatype === "FP16"
          ? ElementKind.half
          : ElementKind.number;
  return {
    key: `${jsonKey(name)}:`,
    kind,
    data,
    perRow: rowsAlongDim0(dims, rows) ? elementsPerRow(dims) : size,
  };
}

/** JSON string literals of names (model, version, tensor names), made once each. */
const jsonKeys = new Map<string, string>();
function jsonKey(name: string): string {
  let key = jsonKeys.get(name);
  if (key === undefined) {
    key = JSON.stringify(name);
    if (jsonKeys.size < 10_000) jsonKeys.set(name, key);
  }
  return key;
}

let lastTs = Number.NaN;
let lastIso = "";
export function isoTime(ts: number): string {
  if (ts !== lastTs) {
    lastTs = ts;
    lastIso = new Date(ts).toISOString();
  }
  return lastIso;
}

/** Row `row` of a tensor as JSON text: a scalar when a row has one element, else a flat array. */
function rowJson(cut: Cut, row: number): string {
  const start = row * cut.perRow;
  if (cut.perRow === 1) return elementJson(cut.kind, cut.data, start);
  let text = "[";
  for (let i = 0; i < cut.perRow; i++)
    text += `${i === 0 ? "" : ","}${elementJson(cut.kind, cut.data, start + i)}`;
  return `${text}]`;
}

function elementJson(kind: ElementKind, data: unknown, index: number): string {
  switch (kind) {
    case ElementKind.string:
      return JSON.stringify((data as unknown[])[index] ?? null);
    case ElementKind.bigint: {
      const v = (data as BigInt64Array)[index]!;
      return v >= -9007199254740991n && v <= 9007199254740991n ? String(v) : `"${v}"`;
    }
    case ElementKind.half: {
      const v = fromHalfBits((data as Uint16Array)[index] ?? 0x7e00);
      return Number.isFinite(v) ? String(v) : "null";
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

function sizeOf(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}
