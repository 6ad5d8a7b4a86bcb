import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { DataError } from "../errors.js";
import { planColumns, type ReadTableOptions } from "./column-plan.js";
import { finishTable } from "./finish-table.js";
import type { Table } from "./table.js";

type DecodedValues = ArrayLike<unknown>;

/**
 * Reads a Parquet file with hyparquet, column chunk by column chunk, into a columnar Table.
 * Only flat (top-level, non-nested) columns can be read.
 */
export async function readParquet(file: string, options: ReadTableOptions = {}): Promise<Table> {
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    buffer = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(buffer);
  } catch (error: unknown) {
    throw new DataError({ file }, `not a readable Parquet file: ${(error as Error).message}.`, {
      cause: error,
    });
  }
  const top = parquetSchema(metadata).children;
  const available = top.map((child) => child.element.name);
  const { builders, order } = planColumns(file, available, options);
  for (const [index, builder] of builders) {
    if ((top[index]?.children.length ?? 0) > 0) {
      throw new DataError(
        { file, column: builder.name },
        "nested Parquet columns are not supported; flatten it.",
      );
    }
  }
  const chunks = new Map<string, { rowStart: number; values: DecodedValues }[]>();
  for (const name of order) chunks.set(name, []);
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: order,
      onChunk: (chunk) => {
        chunks.get(chunk.columnName)?.push({ rowStart: chunk.rowStart, values: chunk.columnData });
      },
    });
  } catch (error: unknown) {
    throw new DataError({ file }, `could not decode the Parquet data: ${(error as Error).message}.`, {
      cause: error,
    });
  }
  const rowCount = Number(metadata.num_rows);
  for (const builder of builders.values()) {
    const parts = (chunks.get(builder.name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
    for (const part of parts) {
      const { values, rowStart } = part;
      if (rowStart !== builder.length) {
        throw new DataError(
          { file, column: builder.name },
          `column chunks do not cover row ${builder.length + 1}.`,
        );
      }
      for (let i = 0; i < values.length; i++) builder.push(values[i], { row: rowStart + i + 1 });
    }
  }
  return finishTable(file, rowCount, builders, order);
}
