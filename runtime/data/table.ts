/**
 * A dataset in memory: named, typed columns of equal length, stored as typed arrays (never arrays
 * of row objects). Missing values stay missing: NaN in numeric and boolean columns, code -1 in
 * categorical ones.
 */
export const ColumnKind = {
  numeric: "numeric",
  categorical: "categorical",
  boolean: "boolean",
} as const;
export type ColumnKind = (typeof ColumnKind)[keyof typeof ColumnKind];

export interface NumericColumn {
  kind: "numeric";
  name: string;
  /** NaN marks a missing value. */
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: "categorical";
  name: string;
  /** Index into `categories`; -1 marks a missing value. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  categories: string[];
}

export interface BooleanColumn {
  kind: "boolean";
  name: string;
  /** 1 true, 0 false, NaN missing. */
  values: Float64Array;
}

export type Column = NumericColumn | CategoricalColumn | BooleanColumn;

export interface Table {
  /** Where the table came from (a path or store key), for error messages. */
  source: string;
  rowCount: number;
  columns: Column[];
}

/** The declared or inferred type of each column. */
export type Schema = Record<string, ColumnKind>;
