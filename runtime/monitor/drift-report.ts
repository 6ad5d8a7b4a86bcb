/**
 * What a drift comparison produces: per column the test, score, verdict, effect size, sample sizes,
 * the smallest detectable shift and data-quality findings; for the dataset the Evidently share rule
 * and the Benjamini–Hochberg decision, and which of them decided. Plain data, ready for the
 * renderers (markdown, HTML, JSON) and for the monitor's history.
 */
import type { DriftColumnType } from "./column-pair.js";
import type { DriftTestName, MinDetectableShift } from "./drift-test.js";

export const DatasetDriftRule = { share: "share", fdr: "fdr" } as const;
export type DatasetDriftRule = (typeof DatasetDriftRule)[keyof typeof DatasetDriftRule];

/** Reference and current distributions of one column, for charts. */
export type ColumnDistribution =
  | { kind: "histogram"; edges: number[]; reference: number[]; current: number[] }
  | { kind: "categories"; labels: string[]; reference: number[]; current: number[] };

export interface ColumnQuality {
  referenceMissingShare: number;
  currentMissingShare: number;
  /** Evidently's rule: the current missing share exceeds the reference share by more than 10%. */
  missingShareRose: boolean;
  /** Categories in the current data that the reference never had (first 10), and their count. */
  unseenCategories: string[];
  unseenCategoryCount: number;
  /** Share of current values in categories the reference never had. */
  unseenShare: number;
  /** Current finite values below the reference minimum or above its maximum. */
  outOfRangeCount: number;
  outOfRangeShare: number;
  referenceRange?: [number, number];
  constantInReference: boolean;
  constantInCurrent: boolean;
}

export const ColumnStatus = {
  tested: "tested",
  emptyReference: "empty_reference",
  emptyCurrent: "empty_current",
} as const;
export type ColumnStatus = (typeof ColumnStatus)[keyof typeof ColumnStatus];

export interface ColumnDrift {
  column: string;
  type: DriftColumnType;
  /** "output" for model outputs (prediction drift), "feature" otherwise. */
  role: "feature" | "output";
  status: ColumnStatus;
  test: DriftTestName;
  testLabel: string;
  testKind: "p_value" | "distance";
  /** Why this test: the default rule that chose it, or the override. */
  selection: string;
  score: number;
  pValue?: number;
  statistic: number;
  threshold: number;
  drift: boolean;
  effectSize: number;
  effectSizeName: string;
  nReference: number;
  nCurrent: number;
  /** Distinct values over reference and current (after cleaning). */
  distinctValues: number;
  minDetectableShift: MinDetectableShift;
  /** Benjamini–Hochberg adjusted p-value (p-value tests only). */
  adjustedPValue?: number;
  /** The verdict after BH adjustment (distance tests keep their verdict). */
  driftAfterFdr: boolean;
  distribution: ColumnDistribution;
  quality: ColumnQuality;
}

export interface DatasetQuality {
  referenceRows: number;
  currentRows: number;
  /** Evidently's rule: the row count differs by more than 10% of the reference's. */
  rowCountChanged: boolean;
  /** Columns of the reference missing from the current data, and new ones. */
  missingColumns: string[];
  newColumns: string[];
  /** Columns whose kind differs between the tables (compared as categories). */
  typeChanges: { column: string; reference: string; current: string }[];
  /** Human-readable list of failed checks. */
  failures: string[];
}

export interface DriftReport {
  reference: { source: string; rows: number };
  current: { source: string; rows: number };
  /** The decision of the rule in `decidedBy`. */
  datasetDrift: boolean;
  /** Share of tested columns that drifted, under the rule in `decidedBy`. */
  driftShare: number;
  decidedBy: DatasetDriftRule;
  /** Dataset drifts when the drifted share is at least this (Evidently: 0.5). */
  driftShareThreshold: number;
  /** Evidently's rule: raw per-column verdicts, share >= threshold. */
  share: { drifted: number; tested: number; driftShare: number; datasetDrift: boolean };
  /** BH at `level` over the p-value columns; distance columns keep their verdicts. */
  fdr: { level: number; drifted: number; tested: number; driftShare: number; datasetDrift: boolean };
  /** Drift of the model's output columns (empty when none were named). */
  predictionDrift: { columns: string[]; drift: boolean };
  columns: ColumnDrift[];
  quality: DatasetQuality;
}
