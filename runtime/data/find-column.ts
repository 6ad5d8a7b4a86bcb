import { DataError } from "../errors.js";
import type { Column, Table } from "./table.js";

/** The column named `name`, or a DataError listing the columns the table has. */
export function findColumn(table: Table, name: string, role = "column"): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) {
    const names = table.columns.map((c) => `'${c.name}'`).join(", ");
    throw new DataError(
      { file: table.source, column: name },
      `no such ${role}; the data has ${names || "no columns"}.`,
    );
  }
  return column;
}
