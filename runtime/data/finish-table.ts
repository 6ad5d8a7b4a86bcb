import type { ColumnBuilder } from "./column-builder.js";
import type { Table } from "./table.js";

/** Pads every builder to the row count and assembles the Table in the requested column order. */
export function finishTable(
  source: string,
  rowCount: number,
  builders: Map<number, ColumnBuilder> | Iterable<ColumnBuilder>,
  order: string[],
): Table {
  const byName = new Map<string, ColumnBuilder>();
  for (const builder of builders instanceof Map ? builders.values() : builders)
    byName.set(builder.name, builder);
  return {
    source,
    rowCount,
    columns: order.map((name) => {
      const builder = byName.get(name)!;
      builder.padTo(rowCount);
      return builder.finish();
    }),
  };
}
