/**
 * Pearson's chi-square goodness-of-fit test of the current counts against the reference shares, as
 * Evidently calls scipy.stats.chisquare(f_obs, f_exp): expected_i = reference_count_i × n_cur / n_ref,
 * statistic Σ (o − e)²/e, k − 1 degrees of freedom (k = categories seen in either sample), p-value
 * from the chi-square survival function. A category absent from the reference has e = 0: the
 * statistic is +∞ and p = 0 (scipy does the same, with a warning).
 *
 * Effect size: Cramér's V for goodness of fit, sqrt(χ² / (n_cur·(k − 1))).
 * Smallest detectable shift: Cohen's w = sqrt(χ²_crit(k−1, α) / n_cur) — the distance between share
 * vectors, sqrt(Σ (c_i − r_i)²/r_i), that reaches significance with this many current rows.
 */
import { chiSquareCritical, chiSquareSurvival } from "./chi-square-distribution.js";

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  cramersV: number;
}

export function chiSquareTest(referenceCounts: Float64Array, currentCounts: Float64Array): ChiSquareResult {
  let nRef = 0;
  let nCur = 0;
  for (const c of referenceCounts) nRef += c;
  for (const c of currentCounts) nCur += c;
  const k = referenceCounts.length;
  const scale = nCur / nRef;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const expected = (referenceCounts[i] as number) * scale;
    const observed = currentCounts[i] as number;
    const d = observed - expected;
    statistic += expected === 0 ? (d === 0 ? Number.NaN : Number.POSITIVE_INFINITY) : (d * d) / expected;
  }
  const degreesOfFreedom = k - 1;
  const pValue =
    degreesOfFreedom <= 0 || Number.isNaN(statistic)
      ? Number.NaN
      : chiSquareSurvival(statistic, degreesOfFreedom);
  const cramersV = degreesOfFreedom > 0 ? Math.sqrt(statistic / (nCur * degreesOfFreedom)) : 0;
  return { statistic, pValue, degreesOfFreedom, cramersV };
}

/** Cohen's w the test can detect at level alpha with n current rows and k categories. */
export function chiSquareDetectableW(n: number, categories: number, alpha: number): number {
  if (categories < 2 || n <= 0) return Number.NaN;
  return Math.sqrt(chiSquareCritical(alpha, categories - 1) / n);
}
