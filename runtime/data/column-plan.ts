import { DataError } from "../errors.js";
import { ColumnBuilder } from "./column-builder.js";
import type { ColumnKind, Schema } from "./table.js";

/** Which columns of a file to keep, and with which declared kind. */
export interface ReadTableOptions {
  /** Declared column kinds; columns not listed are inferred. */
  schema?: Schema;
  /** Keep only these columns (in this order); all columns when absent. */
  columns?: string[];
}

/**
 * Checks the requested columns and the schema against the columns a file has, and returns a builder
 * for each kept column keyed by its position in the file.
 */
export function planColumns(
  file: string,
  available: readonly string[],
  options: ReadTableOptions,
): { builders: Map<number, ColumnBuilder>; order: string[] } {
  const seen = new Set<string>();
  for (const name of available) {
    if (seen.has(name))
      throw new DataError({ file, column: name }, "the column name appears more than once.");
    seen.add(name);
  }
  const list = () => available.map((n) => `'${n}'`).join(", ");
  const order = options.columns ?? [...available];
  const builders = new Map<number, ColumnBuilder>();
  for (const name of order) {
    const index = available.indexOf(name);
    if (index < 0) throw new DataError({ file, column: name }, `no such column; the file has ${list()}.`);
    const declared: ColumnKind | undefined = options.schema?.[name];
    builders.set(index, new ColumnBuilder(name, declared, file));
  }
  for (const name of Object.keys(options.schema ?? {})) {
    if (!seen.has(name)) {
      throw new DataError(
        { file, column: name },
        `the schema declares this column but the file has only ${list()}.`,
      );
    }
  }
  return { builders, order };
}
