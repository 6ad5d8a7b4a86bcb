import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DataError } from "../errors.js";
import { ColumnBuilder } from "./column-builder.js";
import type { ReadTableOptions } from "./column-plan.js";
import { finishTable } from "./finish-table.js";
import type { Table } from "./table.js";

/**
 * Streams a JSON Lines file (one JSON object per line) into a columnar Table. Columns are the keys
 * seen in any row, in order of first appearance; a key absent from a row is a missing value.
 */
export async function readJsonLines(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const wanted = options.columns === undefined ? undefined : new Set(options.columns);
  const builders = new Map<string, ColumnBuilder>();
  const order: string[] = [];
  const addColumn = (name: string, rows: number) => {
    const builder = new ColumnBuilder(name, options.schema?.[name], file);
    builder.padTo(rows);
    builders.set(name, builder);
    order.push(name);
    return builder;
  };
  let rows = 0;
  let line = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    rows++;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error: unknown) {
      throw new DataError(
        { file, row: rows },
        `line ${line} is not valid JSON: ${(error as Error).message}.`,
        {
          cause: error,
        },
      );
    }
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new DataError(
        { file, row: rows },
        `line ${line} is not a JSON object; expected one object per line.`,
      );
    }
    const position = { row: rows, line };
    for (const [key, value] of Object.entries(record)) {
      if (wanted !== undefined && !wanted.has(key)) continue;
      const builder = builders.get(key) ?? addColumn(key, rows - 1);
      builder.push(value, position);
    }
    for (const builder of builders.values()) builder.padTo(rows);
  }
  const keys = [...order];
  for (const name of [...Object.keys(options.schema ?? {}), ...(options.columns ?? [])]) {
    if (!builders.has(name)) {
      throw new DataError(
        { file, column: name },
        `no row has this key; the keys are ${keys.map((k) => `'${k}'`).join(", ") || "(none)"}.`,
      );
    }
  }
  return finishTable(file, rows, builders.values(), options.columns ?? order);
}
