/**
 * A table made ready for drift comparison, column by column: numerical columns sorted once (finite
 * values, with min, max, mean, std and distinct count), categorical and boolean ones reduced to value
 * counts. Prepare a reference once, at registration, and compare every window against it without
 * sorting it again.
 */
import type { Column, Table } from "../data/table.js";
import type { DriftColumnType } from "./column-pair.js";
import { type SortedReference, sortedReference } from "./sorted-sample.js";

export interface PreparedNumericalColumn {
  name: string;
  type: "numerical";
  /** Sorted finite values and their summaries (missing = NaN count, infinite = ±∞ count). */
  sample: SortedReference;
  rowCount: number;
}

export interface PreparedCategoricalColumn {
  name: string;
  type: "categorical";
  /** Value → count, missing values excluded. */
  counts: Map<string, number>;
  /** Values present (sum of counts). */
  size: number;
  missing: number;
  rowCount: number;
}

export type PreparedColumn = PreparedNumericalColumn | PreparedCategoricalColumn;

export interface PreparedTable {
  kind: "prepared";
  source: string;
  rowCount: number;
  /** In the table's column order. */
  columns: Map<string, PreparedColumn>;
}

function categoryCountsOf(column: Column): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  let missing = 0;
  if (column.kind === "categorical") {
    const perCode = new Float64Array(column.categories.length);
    for (const code of column.codes) {
      if (code < 0) missing++;
      else perCode[code] = (perCode[code] as number) + 1;
    }
    column.categories.forEach((category, code) => {
      const c = perCode[code] as number;
      if (c > 0) counts.set(category, (counts.get(category) ?? 0) + c);
    });
    return { counts, missing };
  }
  for (const v of column.values) {
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (!Number.isFinite(v)) {
      missing++;
      continue;
    }
    const key = column.kind === "boolean" ? (v === 1 ? "true" : "false") : String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, missing };
}

/** Prepares one column as the given drift type (numerical needs a numeric column). */
export function prepareColumn(column: Column, type: DriftColumnType, rowCount: number): PreparedColumn {
  if (type === "numerical" && column.kind === "numeric") {
    return { name: column.name, type, sample: sortedReference(column.values), rowCount };
  }
  const { counts, missing } = categoryCountsOf(column);
  let size = 0;
  for (const c of counts.values()) size += c;
  return { name: column.name, type: "categorical", counts, size, missing, rowCount };
}

/** The drift type a table column has by default: numeric → numerical, others → categorical. */
export function defaultColumnType(column: Column): DriftColumnType {
  return column.kind === "numeric" ? "numerical" : "categorical";
}

/**
 * Prepares every column (or the listed ones) of a table. `types` overrides the default drift type
 * of a column (e.g. a numeric code column to be compared as categories).
 */
export function prepareTable(
  table: Table,
  options: { columns?: readonly string[]; types?: Readonly<Record<string, DriftColumnType>> } = {},
): PreparedTable {
  const wanted = options.columns === undefined ? undefined : new Set(options.columns);
  const columns = new Map<string, PreparedColumn>();
  for (const column of table.columns) {
    if (wanted !== undefined && !wanted.has(column.name)) continue;
    const type = options.types?.[column.name] ?? defaultColumnType(column);
    columns.set(column.name, prepareColumn(column, type, table.rowCount));
  }
  return { kind: "prepared", source: table.source, rowCount: table.rowCount, columns };
}

export function isPreparedTable(value: Table | PreparedTable): value is PreparedTable {
  return (value as PreparedTable).kind === "prepared";
}
