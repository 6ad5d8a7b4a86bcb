/** Builders for small in-memory tables in drift tests. */
import type { Column, Table } from "../../runtime/data/table.js";

export function numeric(name: string, values: ArrayLike<number>): Column {
  return { kind: "numeric", name, values: Float64Array.from(values) };
}

export function categorical(name: string, values: readonly (string | null)[]): Column {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = categories.length;
      categories.push(v);
      index.set(v, code);
    }
    return code;
  });
  return { kind: "categorical", name, codes, categories };
}

export function boolean(name: string, values: readonly (boolean | null)[]): Column {
  return {
    kind: "boolean",
    name,
    values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v ? 1 : 0)),
  };
}

export function table(source: string, ...columns: Column[]): Table {
  const rowCount =
    columns.length === 0
      ? 0
      : columns[0]!.kind === "categorical"
        ? (columns[0] as { codes: Int32Array }).codes.length
        : (columns[0] as { values: Float64Array }).values.length;
  return { source, rowCount, columns };
}

/** n values cycling through the given categories. */
export function cycle(n: number, categories: readonly string[]): string[] {
  return Array.from({ length: n }, (_, i) => categories[i % categories.length] as string);
}
