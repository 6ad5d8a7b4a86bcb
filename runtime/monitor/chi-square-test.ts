/**
 * Pearson's chi-square goodness-of-fit test of the current counts against the reference shares, as
 * Evidently calls scipy.stats.chisquare(f_obs, f_exp): expected_i = reference_count_i × n_cur / n_ref,
 * statistic Σ (o − e)²/e, k − 1 degrees of freedom (k = categories seen in either sample), p-value
 * from the chi-square survival function. A category absent from the reference has e = 0: the
 * statistic is +∞ and p = 0 (scipy does the same, with a warning).
 *
 * Effect size: Cramér's V of the 2 × k table (sample × category), sqrt(χ²_table / N) with
 * N = n_ref + n_cur — bounded by [0, 1] and finite even when the current data has a category the
 * reference lacks (where the goodness-of-fit statistic itself is +∞).
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
  return {
    statistic,
    pValue,
    degreesOfFreedom,
    cramersV: cramersVTwoSamples(referenceCounts, currentCounts),
  };
}

/** Cramér's V of the 2 × k contingency table of two count vectors (0 = same shares, 1 = disjoint). */
export function cramersVTwoSamples(referenceCounts: Float64Array, currentCounts: Float64Array): number {
  let nRef = 0;
  let nCur = 0;
  for (const c of referenceCounts) nRef += c;
  for (const c of currentCounts) nCur += c;
  const total = nRef + nCur;
  let chi2 = 0;
  let categories = 0;
  for (let i = 0; i < referenceCounts.length; i++) {
    const r = referenceCounts[i] as number;
    const c = currentCounts[i] as number;
    const column = r + c;
    if (column === 0) continue;
    categories++;
    const er = (nRef * column) / total;
    const ec = (nCur * column) / total;
    chi2 += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
  }
  if (categories < 2 || nRef === 0 || nCur === 0) return 0;
  return Math.sqrt(chi2 / total);
}

/** Cohen's w the test can detect at level alpha with n current rows and k categories. */
export function chiSquareDetectableW(n: number, categories: number, alpha: number): number {
  if (categories < 2 || n <= 0) return Number.NaN;
  return Math.sqrt(chiSquareCritical(alpha, categories - 1) / n);
}
