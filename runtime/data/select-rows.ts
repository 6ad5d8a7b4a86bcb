import type { Column, Table } from "./table.js";

/** A new Table holding the given rows (by 0-based index, in that order). Categories are kept as they are. */
export function selectRows(table: Table, rows: ArrayLike<number>): Table {
  return {
    source: table.source,
    rowCount: rows.length,
    columns: table.columns.map((column): Column => {
      if (column.kind === "categorical") {
        const codes = new Int32Array(rows.length);
        for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]!]!;
        return { ...column, codes };
      }
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = column.values[rows[i]!]!;
      return { ...column, values };
    }),
  };
}
