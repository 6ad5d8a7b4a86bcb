/**
 * A prepared reference as bytes, so it is sorted once at registration, stored next to the model
 * version, and loaded by every monitoring run without sorting again. Layout: the 8-byte magic
 * "KILNREF1", a little-endian uint32 header length, a JSON header (source, row count, per column its
 * type and summaries, category counts), zero padding to a multiple of 8, then for each numerical
 * column its sorted finite values as little-endian float64. Decoding checks sizes and order.
 */
import { DataError } from "../errors.js";
import type { PreparedColumn, PreparedTable } from "./prepared-table.js";

const MAGIC = "KILNREF1";

type HeaderColumn =
  | {
      name: string;
      type: "numerical";
      count: number;
      missing: number;
      infinite: number;
      min: number | null;
      max: number | null;
      mean: number | null;
      std: number | null;
      distinct: number;
      allIntegers: boolean;
      rowCount: number;
    }
  | {
      name: string;
      type: "categorical";
      counts: [string, number][];
      size: number;
      missing: number;
      rowCount: number;
    };

interface Header {
  source: string;
  rowCount: number;
  columns: HeaderColumn[];
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);
const orNaN = (x: number | null) => (x === null ? Number.NaN : x);

export function encodePreparedTable(table: PreparedTable): Uint8Array {
  const header: Header = { source: table.source, rowCount: table.rowCount, columns: [] };
  const blocks: Float64Array[] = [];
  for (const column of table.columns.values()) {
    if (column.type === "numerical") {
      const s = column.sample;
      header.columns.push({
        name: column.name,
        type: "numerical",
        count: s.values.length,
        missing: s.missing,
        infinite: s.infinite,
        min: orNull(s.min),
        max: orNull(s.max),
        mean: orNull(s.mean),
        std: orNull(s.std),
        distinct: s.distinct,
        allIntegers: s.allIntegers,
        rowCount: column.rowCount,
      });
      blocks.push(s.values);
    } else {
      header.columns.push({
        name: column.name,
        type: "categorical",
        counts: [...column.counts],
        size: column.size,
        missing: column.missing,
        rowCount: column.rowCount,
      });
    }
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 12 + json.length;
  const dataStart = Math.ceil(headerEnd / 8) * 8;
  const total = dataStart + blocks.reduce((sum, b) => sum + b.length * 8, 0);
  const bytes = new Uint8Array(total);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  const view = new DataView(bytes.buffer);
  let offset = dataStart;
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) view.setFloat64(offset + i * 8, block[i] as number, true);
    offset += block.length * 8;
  }
  return bytes;
}

export function decodePreparedTable(bytes: Uint8Array, file: string): PreparedTable {
  const fail = (what: string): never => {
    throw new DataError(
      { file },
      `not a prepared Kiln reference: ${what}. Prepare it again from the reference data.`,
    );
  };
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    fail("the magic bytes are missing");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) fail("the header is truncated");
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch (error: unknown) {
    throw new DataError({ file }, "not a prepared Kiln reference: the header is not JSON.", { cause: error });
  }
  if (!header || typeof header.source !== "string" || !Array.isArray(header.columns))
    fail("the header lacks its fields");
  let offset = Math.ceil((12 + headerLength) / 8) * 8;
  const columns = new Map<string, PreparedColumn>();
  for (const c of header.columns) {
    if (c.type === "numerical") {
      if (!Number.isSafeInteger(c.count) || c.count < 0 || offset + c.count * 8 > bytes.length) {
        fail(`the values of column '${c.name}' are truncated`);
      }
      const values = new Float64Array(c.count);
      for (let i = 0; i < c.count; i++) {
        const v = view.getFloat64(offset + i * 8, true);
        if (!Number.isFinite(v) || (i > 0 && v < (values[i - 1] as number))) {
          fail(`the values of column '${c.name}' are not sorted finite numbers`);
        }
        values[i] = v;
      }
      offset += c.count * 8;
      columns.set(c.name, {
        name: c.name,
        type: "numerical",
        rowCount: c.rowCount,
        sample: {
          values,
          missing: c.missing,
          infinite: c.infinite,
          min: orNaN(c.min),
          max: orNaN(c.max),
          mean: orNaN(c.mean),
          std: orNaN(c.std),
          distinct: c.distinct,
          allIntegers: c.allIntegers,
        },
      });
    } else if (c.type === "categorical") {
      columns.set(c.name, {
        name: c.name,
        type: "categorical",
        counts: new Map(c.counts),
        size: c.size,
        missing: c.missing,
        rowCount: c.rowCount,
      });
    } else {
      fail("a column has an unknown type");
    }
  }
  if (offset !== bytes.length) fail("there are bytes after the last column");
  return { kind: "prepared", source: header.source, rowCount: header.rowCount, columns };
}
