import { createReadStream } from "node:fs";
import { CsvError, parse } from "csv-parse";
import { DataError } from "../errors.js";
import type { ColumnBuilder } from "./column-builder.js";
import { planColumns, type ReadTableOptions } from "./column-plan.js";
import { finishTable } from "./finish-table.js";
import type { Table } from "./table.js";

/**
 * Streams a delimited text file with a header row into a columnar Table. Rows are parsed by
 * csv-parse one at a time and their cells go straight into typed column builders.
 */
export async function readCsv(
  file: string,
  options: ReadTableOptions & { delimiter?: string } = {},
): Promise<Table> {
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ",",
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  let builders: Map<number, ColumnBuilder> | undefined;
  let order: string[] = [];
  let width = 0;
  let rows = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (builders === undefined) {
        const header = record.map((h) => h.trim());
        ({ builders, order } = planColumns(file, header, options));
        width = header.length;
        continue;
      }
      rows++;
      if (record.length !== width) {
        throw new DataError(
          { file, row: rows },
          `expected ${width} fields like the header but found ${record.length} (line ${info.lines}).`,
        );
      }
      const position = { row: rows, line: info.lines };
      for (const [index, builder] of builders) builder.push(record[index], position);
    }
  } catch (error: unknown) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new DataError(
        { file },
        `not valid CSV${line === undefined ? "" : ` at line ${line}`}: ${error.message}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  if (builders === undefined) throw new DataError({ file }, "the file is empty; expected a header row.");
  return finishTable(file, rows, builders, order);
}
