import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { DataError } from "../errors.js";
import type { ReadTableOptions } from "./column-plan.js";
import { readCsv } from "./read-csv.js";
import { readJsonLines } from "./read-json-lines.js";
import { readParquet } from "./read-parquet.js";
import type { Table } from "./table.js";

export type { ReadTableOptions } from "./column-plan.js";

/** The readers by file extension. */
const readers: Record<string, (file: string, options: ReadTableOptions) => Promise<Table>> = {
  ".csv": (file, options) => readCsv(file, options),
  ".tsv": (file, options) => readCsv(file, { ...options, delimiter: "\t" }),
  ".jsonl": readJsonLines,
  ".ndjson": readJsonLines,
  ".parquet": readParquet,
};

const columnKinds: readonly string[] = ["boolean", "categorical", "numeric"];

/**
 * Reads a data file into a columnar Table, choosing the reader by extension (.csv, .tsv, .jsonl,
 * .ndjson, .parquet). Column kinds come from `schema` where declared and are inferred otherwise.
 * Missing values (empty cells, NA, null, NaN) are kept as missing. Throws DataError naming the file,
 * row and column for values that do not fit.
 */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const extension = extname(file).toLowerCase();
  const reader = readers[extension];
  if (reader === undefined) {
    throw new DataError(
      { file },
      `cannot read '${extension || "(no extension)"}' files; Kiln reads ${Object.keys(readers).sort().join(", ")}.`,
    );
  }
  for (const [column, kind] of Object.entries(options.schema ?? {})) {
    if (!columnKinds.includes(kind)) {
      throw new DataError(
        { file, column },
        `the schema gives kind '${String(kind)}'; expected one of ${columnKinds.join(", ")}.`,
      );
    }
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new DataError({ file }, "is not a file.");
  } catch (error: unknown) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file }, "the data file does not exist or cannot be read.", { cause: error });
  }
  return reader(file, options);
}
