/**
 * The shape of a drift test in the registry (drift-tests.ts): a name, whether its score is a p-value
 * or a distance, the default threshold and the comparison that turns score and threshold into a
 * verdict (Evidently's directions: p <= t for KS, p < t for chi-square and z, distance >= t).
 */
import type { ColumnPair, DriftColumnType } from "./column-pair.js";

export const DriftTestName = {
  ks: "ks",
  wasserstein: "wasserstein",
  psi: "psi",
  jensenshannon: "jensenshannon",
  chisquare: "chisquare",
  z: "z",
  kl: "kl",
} as const;
export type DriftTestName = (typeof DriftTestName)[keyof typeof DriftTestName];

export interface MinDetectableShift {
  /** The smallest shift the test flags at its threshold with these sample sizes. */
  value: number;
  /** What `value` measures, e.g. "KS distance D" or "difference in proportions". */
  measure: string;
}

export interface DriftTestOutcome {
  /** The statistic or distance compared with the threshold (a p-value for p-value tests). */
  score: number;
  /** For p-value tests: the p-value (equal to score). */
  pValue?: number;
  /** The test statistic itself (D, χ², z, W1/std, PSI, …). */
  statistic: number;
  effectSize: number;
  /** e.g. "KS D", "Cohen's h", "Cramér's V", "normed Wasserstein". */
  effectSizeName: string;
  minDetectableShift: MinDetectableShift;
}

export interface DriftTest {
  name: DriftTestName;
  /** As Evidently labels it, e.g. "K-S p_value". */
  label: string;
  kind: "p_value" | "distance";
  defaultThreshold: number;
  /** Column types the test can be applied to. */
  types: readonly DriftColumnType[];
  isDrift(score: number, threshold: number): boolean;
  run(pair: ColumnPair, threshold: number): DriftTestOutcome;
}
