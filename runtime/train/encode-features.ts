/**
 * The TypeScript side of the preprocessing: turns a Table's raw feature columns into the feature
 * matrix, exactly as the ONNX graph from feature-graph.ts does (inputs rounded to float32 as the
 * served model receives them, the same float32 constants).
 */

import { findColumn } from "../data/find-column.js";
import type { Column, Table } from "../data/table.js";
import { DataError } from "../errors.js";
import { type FeatureTransform, featureMatrixWidth, type Preprocessing } from "./feature-preprocessing.js";

export type MatrixLayout = "row-major" | "column-major";

export interface FeatureMatrix<T extends Float32Array | Float64Array> {
  /** rows × cols values; element (r, c) is at r * cols + c (row-major) or c * rows + r (column-major). */
  matrix: T;
  rows: number;
  cols: number;
  layout: MatrixLayout;
}

/** The feature matrix as float32 (what the ONNX model computes with), row-major by default. */
export function encodeFeatures(
  table: Table,
  preprocessing: Preprocessing,
  options: { layout?: MatrixLayout } = {},
): FeatureMatrix<Float32Array> {
  const cols = featureMatrixWidth(preprocessing);
  const matrix = new Float32Array(table.rowCount * cols);
  const layout = options.layout ?? "row-major";
  encodeInto(matrix, table, preprocessing, layout);
  return { matrix, rows: table.rowCount, cols, layout };
}

/** The feature matrix as float64 (for solvers that need float64 accumulation), row-major by default. */
export function encodeFeaturesFloat64(
  table: Table,
  preprocessing: Preprocessing,
  options: { layout?: MatrixLayout } = {},
): FeatureMatrix<Float64Array> {
  const cols = featureMatrixWidth(preprocessing);
  const matrix = new Float64Array(table.rowCount * cols);
  const layout = options.layout ?? "row-major";
  encodeInto(matrix, table, preprocessing, layout);
  return { matrix, rows: table.rowCount, cols, layout };
}

/** Rows encoded per block: a block of the matrix stays in cache while every feature writes into it. */
const blockRows = 2048;

/** Writes one feature's columns for rows [start, end) of the matrix. */
type FeatureWriter = (start: number, end: number) => void;

function encodeInto(
  target: Float32Array | Float64Array,
  table: Table,
  preprocessing: Preprocessing,
  layout: MatrixLayout,
): void {
  const rows = table.rowCount;
  const cols = featureMatrixWidth(preprocessing);
  const rowStride = layout === "row-major" ? cols : 1;
  const colStride = layout === "row-major" ? 1 : rows;
  const writers: FeatureWriter[] = [];
  let offset = 0;
  for (const feature of preprocessing.features) {
    const column = findColumn(table, feature.name, "feature column");
    const base = offset * colStride;
    if (feature.kind === "categorical") {
      const index = categoryIndex(column, feature);
      if (feature.encoding === "one-hot") {
        writers.push((start, end) => {
          for (let r = start; r < end; r++) {
            const k = index(r);
            if (k >= 0) target[r * rowStride + base + k * colStride] = 1;
          }
        });
        offset += feature.categories.length;
      } else {
        writers.push((start, end) => {
          for (let r = start; r < end; r++) {
            const k = index(r);
            target[r * rowStride + base] = k >= 0 ? k : Number.NaN;
          }
        });
        offset += 1;
      }
      continue;
    }
    if (column.kind === "categorical") {
      const example = column.categories[0] ?? "";
      throw new DataError(
        { file: table.source, column: feature.name },
        `expected numbers for the ${feature.kind} feature but the column holds text such as '${example}'.`,
      );
    }
    const values = column.values;
    const impute = feature.impute === null ? Number.NaN : feature.impute;
    const { center, scale } = feature;
    const identity = center === 0 && scale === 1;
    writers.push((start, end) => {
      for (let r = start; r < end; r++) {
        let x = Math.fround(values[r]!);
        if (Number.isNaN(x)) x = impute;
        target[r * rowStride + base] = identity ? x : (x - center) / scale;
      }
    });
    offset += 1;
  }
  const step = layout === "row-major" ? blockRows : rows;
  for (let start = 0; start < rows; start += step) {
    const end = Math.min(rows, start + step);
    for (const write of writers) write(start, end);
  }
}

/** Maps a row to the feature's category index, -1 for a missing or unseen category. */
function categoryIndex(
  column: Column,
  feature: FeatureTransform & { kind: "categorical" },
): (row: number) => number {
  const known = new Map(feature.categories.map((c, i) => [c, i]));
  if (column.kind === "categorical") {
    const lookup = Int32Array.from(column.categories, (c) => known.get(c) ?? -1);
    const codes = column.codes;
    return (row) => {
      const code = codes[row]!;
      return code < 0 ? -1 : lookup[code]!;
    };
  }
  const values = column.values;
  return (row) => {
    const v = values[row]!;
    return Number.isNaN(v) ? -1 : (known.get(categoryText(column, v)) ?? -1);
  };
}

/** The text a number or boolean cell has when fed to a categorical (string) model input. */
export function categoryText(column: Column, value: number): string {
  if (column.kind === "boolean") return value === 1 ? "true" : "false";
  return String(value);
}
