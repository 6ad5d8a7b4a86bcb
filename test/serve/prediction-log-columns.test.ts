import { describe, expect, it } from "vitest";
import { decodeColumns, encodeColumns } from "../../runtime/serve/prediction-log-columns.js";
import { type PredictionLogEntry, serializeEntries } from "../../runtime/serve/prediction-log-lines.js";

function entry(i: number, version: string, rows: number): PredictionLogEntry {
  return {
    ts: 1_790_000_000_000 + i,
    requestId: `r-${i}`,
    model: "m",
    version,
    rows,
    inputs: [
      {
        name: "x",
        datatype: "FP32",
        shape: [rows, 2],
        data: Float32Array.from({ length: rows * 2 }, (_, k) => i + k / 8),
      },
      {
        name: "city",
        datatype: "BYTES",
        shape: [rows, 1],
        data: Array.from({ length: rows }, (_, k) => `c${i}${k}"q`),
      },
      {
        name: "n",
        datatype: "INT64",
        shape: [rows],
        data: BigInt64Array.from({ length: rows }, (_, k) => 2n ** 60n + BigInt(i + k)),
      },
      {
        name: "h",
        datatype: "FP16",
        shape: [rows, 1],
        data: Uint16Array.from({ length: rows }, () => 0x3c00),
      },
    ],
    outputs: {
      // A batch output's rows: a view into a larger buffer, as the micro-batcher hands them out.
      p: {
        datatype: "FP32",
        dims: [rows, 3],
        data: new Float32Array(64).fill(0.25 + i).subarray(3, 3 + rows * 3),
      },
      label: {
        datatype: "BYTES",
        dims: [rows],
        data: Array.from({ length: rows }, () => (i % 2 ? "yes" : "no")),
      },
    },
  };
}

describe("prediction log columns", () => {
  it("give back entries that serialize to the same lines, across versions and batch sizes", () => {
    const entries = [
      entry(0, "1", 1),
      entry(1, "1", 3),
      entry(2, "1", 2),
      entry(3, "2", 1),
      entry(4, "1", 1),
    ];
    // Version 2 has one more output: its entry cannot share columns with the others.
    entries[3]!.outputs.extra = { datatype: "INT32", dims: [1], data: new Int32Array([7]) };
    const { batches, transfer } = encodeColumns(entries);
    expect(batches.map((b) => b.ts.length)).toEqual([3, 1, 1]);
    expect(new Set(transfer).size).toBe(transfer.length);
    // Structured clone, as postMessage does, so nothing relies on sharing memory.
    const copies = structuredClone(batches);
    const decoded = copies.flatMap(decodeColumns);
    expect(serializeEntries(decoded)).toBe(serializeEntries(entries));
    expect(serializeEntries(decoded).split("\n")).toHaveLength(1 + 3 + 2 + 1 + 1 + 1);
  });

  it("keep each entry's own shape when tensors do not follow the batch dimension", () => {
    const a0 = entry(0, "1", 1);
    const b0 = entry(1, "1", 1);
    const a = {
      ...a0,
      inputs: [
        { name: "x", datatype: "FP32" as const, shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) },
        ...a0.inputs.slice(1),
      ],
    };
    const b = {
      ...b0,
      inputs: [
        { name: "x", datatype: "FP32" as const, shape: [1, 3], data: new Float32Array([5, 6, 7]) },
        ...b0.inputs.slice(1),
      ],
    };
    const { batches } = encodeColumns([a, b]);
    expect(batches).toHaveLength(1);
    expect(serializeEntries(decodeColumns(structuredClone(batches[0]!)))).toBe(serializeEntries([a, b]));
  });
});
