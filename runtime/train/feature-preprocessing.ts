/**
 * The preprocessing every built-in trainer puts in front of its model, fitted on the training rows:
 * imputation of missing numbers, optional standard scaling, and categorical encoding (one-hot, with
 * unseen and missing categories mapped to all zeros, or ordinal codes with missing/unseen as NaN for
 * trees). The same preprocessing runs in TypeScript (encode-features.ts) and in the exported ONNX
 * graph (feature-graph.ts), so a trainer's in-process predictions and the served model agree.
 *
 * The feature matrix has one column per numeric, boolean or ordinal feature and one per category
 * for one-hot features, in the order of `features`.
 */

import { findColumn } from "../data/find-column.js";
import type { ColumnKind, Table } from "../data/table.js";
import { DataError } from "../errors.js";

/** A raw feature column of the model: its name is the ONNX input name. */
export interface FeatureSpec {
  name: string;
  kind: ColumnKind;
}

export interface NumericTransform {
  name: string;
  kind: "numeric" | "boolean";
  /** Value that replaces a missing one, or null to keep NaN (trees route missing values themselves). */
  impute: number | null;
  /** Output = (x - center) / scale; 0 and 1 when not scaling. Float32-representable. */
  center: number;
  scale: number;
}

export interface CategoricalTransform {
  name: string;
  kind: "categorical";
  encoding: "one-hot" | "ordinal";
  /** The categories seen in training, in order: one-hot columns, or ordinal codes 0..K-1. */
  categories: string[];
}

export type FeatureTransform = NumericTransform | CategoricalTransform;

export interface Preprocessing {
  features: FeatureTransform[];
}

export interface PreprocessingOptions {
  /** Replace missing numbers with the training mean (default true). */
  impute?: boolean;
  /** Standardize numeric and boolean features to mean 0, standard deviation 1 (default false). */
  scale?: boolean;
  /** How categorical features become numbers (default one-hot). */
  categorical?: "one-hot" | "ordinal";
}

/** Fits the preprocessing of `features` on the rows of `table` (the training split). */
export function fitPreprocessing(
  table: Table,
  features: readonly string[],
  options: PreprocessingOptions = {},
): Preprocessing {
  const impute = options.impute ?? true;
  const scale = options.scale ?? false;
  const encoding = options.categorical ?? "one-hot";
  return {
    features: features.map((name): FeatureTransform => {
      const column = findColumn(table, name, "feature column");
      if (column.kind === "categorical") {
        const seen = new Uint8Array(column.categories.length);
        const codes = column.codes;
        for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) seen[codes[i]!] = 1;
        const categories = column.categories.filter((_, i) => seen[i] === 1);
        return { name, kind: "categorical", encoding, categories };
      }
      const values = column.values;
      let sum = 0;
      let count = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      if (count === 0 && impute) {
        throw new DataError(
          { file: table.source, column: name },
          "the feature has no values in the training rows; there is nothing to learn from it.",
          { hint: "Drop it from the features." },
        );
      }
      const mean = count === 0 ? 0 : sum / count;
      let squares = 0;
      for (let i = 0; i < values.length; i++) {
        const d = values[i]! - mean;
        if (!Number.isNaN(d)) squares += d * d;
      }
      const std = count === 0 ? 0 : Math.sqrt(squares / count);
      return {
        name,
        kind: column.kind,
        impute: impute ? Math.fround(mean) : null,
        center: scale ? Math.fround(mean) : 0,
        scale: scale && std > 1e-12 ? Math.fround(std) : 1,
      };
    }),
  };
}

/** The number of columns of the feature matrix. */
export function featureMatrixWidth(preprocessing: Preprocessing): number {
  let width = 0;
  for (const f of preprocessing.features) {
    width += f.kind === "categorical" && f.encoding === "one-hot" ? f.categories.length : 1;
  }
  return width;
}

/** Names of the feature matrix columns: the feature, or `feature=category` for one-hot columns. */
export function featureMatrixNames(preprocessing: Preprocessing): string[] {
  return preprocessing.features.flatMap((f) =>
    f.kind === "categorical" && f.encoding === "one-hot"
      ? f.categories.map((c) => `${f.name}=${c}`)
      : [f.name],
  );
}

/** The raw feature columns of the model, in input order. */
export function featureSpecs(preprocessing: Preprocessing): FeatureSpec[] {
  return preprocessing.features.map((f) => ({ name: f.name, kind: f.kind }));
}
