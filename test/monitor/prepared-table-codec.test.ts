import { describe, expect, it } from "vitest";
import { DataError } from "../../runtime/errors.js";
import { compareDatasets } from "../../runtime/monitor/compare-datasets.js";
import { prepareTable } from "../../runtime/monitor/prepared-table.js";
import { decodePreparedTable, encodePreparedTable } from "../../runtime/monitor/prepared-table-codec.js";
import { normalSample } from "./seeded-random.js";
import { boolean, categorical, cycle, numeric, table } from "./table-builder.js";

const reference = table(
  "train.csv",
  numeric("x", [...normalSample(200, 1), Number.NaN, Number.POSITIVE_INFINITY]),
  categorical("plan", [...cycle(201, ["basic", "pro", "ünïcode"]), null]),
  boolean(
    "flag",
    Array.from({ length: 202 }, (_, i) => i % 3 === 0),
  ),
  numeric("empty", Array(202).fill(Number.NaN)),
);

describe("prepared reference bytes", () => {
  it("round-trip to the same prepared table and the same drift report", () => {
    const prepared = prepareTable(reference);
    const decoded = decodePreparedTable(encodePreparedTable(prepared), "ref.kref");
    expect(decoded).toEqual(prepared);
    const current = table(
      "window",
      numeric("x", normalSample(150, 2, 0.4)),
      categorical("plan", cycle(150, ["basic", "basic", "pro"])),
      boolean(
        "flag",
        Array.from({ length: 150 }, (_, i) => i % 2 === 0),
      ),
      numeric("empty", normalSample(150, 3)),
    );
    expect(compareDatasets(decoded, current)).toEqual(compareDatasets(reference, current));
  });

  it("reject bytes that are not a prepared reference, naming the file", () => {
    expect(() => decodePreparedTable(new TextEncoder().encode("date,x\n1,2\n"), "ref.csv")).toThrow(
      "ref.csv: not a prepared Kiln reference: the magic bytes are missing.",
    );
    expect(() => decodePreparedTable(new Uint8Array(3), "ref.kref")).toThrow(DataError);
  });

  it("reject truncated or reordered values", () => {
    const bytes = encodePreparedTable(prepareTable(reference));
    expect(() => decodePreparedTable(bytes.subarray(0, bytes.length - 8), "ref.kref")).toThrow(
      "the values of column 'x' are truncated",
    );
    const swapped = bytes.slice();
    const view = new DataView(swapped.buffer);
    const last = swapped.length - 8;
    view.setFloat64(last, -1e9, true);
    expect(() => decodePreparedTable(swapped, "ref.kref")).toThrow("are not sorted finite numbers");
  });
});
