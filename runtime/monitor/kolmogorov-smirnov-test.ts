/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, as scipy.stats.ks_2samp(reference, current)
 * computes it with method='auto':
 * - D = max over all observed values v of |F_ref(v) − F_cur(v)|, each ECDF counting values <= v
 *   (searchsorted side='right'), so tied values move both ECDFs together;
 * - exact p-value when both samples have at most 10,000 values (Hodges' lattice path counting;
 *   D first rounded to the lattice h/lcm(n1, n2)), asymptotic otherwise: kstwo.sf(D, round(en)) with
 *   en = n1·n2/(n1+n2), also the fallback if the exact computation fails.
 * Works on sorted samples, so a reference sorted once is reused without re-sorting.
 */
import { kolmogorovSurvival } from "./kolmogorov-distribution.js";
import { exactTwoSampleKsPValue, roundHalfEven } from "./kolmogorov-smirnov-exact.js";

/** scipy's MAX_AUTO_N: 'auto' is exact when both sizes are at most this. */
export const KS_EXACT_MAX_N = 10_000;

export interface KsResult {
  /** The statistic D (on the lattice h/lcm when the exact method was used, as scipy returns it). */
  statistic: number;
  pValue: number;
  method: "exact" | "asymptotic";
  /** The value where the ECDFs differ most. */
  location: number;
  /** +1 when the reference ECDF is above the current one there, −1 otherwise. */
  sign: 1 | -1;
}

/** max and min of F_a − F_b over the pooled values of two ascending arrays, as scipy computes them. */
export function ksStatistic(
  a: Float64Array,
  b: Float64Array,
): { statistic: number; location: number; sign: 1 | -1 } {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = Number.NEGATIVE_INFINITY;
  let minS = Number.POSITIVE_INFINITY;
  let maxAt = Number.NaN;
  let minAt = Number.NaN;
  while (i < n1 || j < n2) {
    const x = i < n1 ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < n2 ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const v = Math.min(x, y);
    while (i < n1 && (a[i] as number) <= v) i++;
    while (j < n2 && (b[j] as number) <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) {
      maxS = diff;
      maxAt = v;
    }
    if (diff < minS) {
      minS = diff;
      minAt = v;
    }
  }
  const minMagnitude = Math.min(Math.max(-minS, 0), 1);
  if (minMagnitude > maxS) return { statistic: minMagnitude, location: minAt, sign: -1 };
  return { statistic: maxS, location: maxAt, sign: 1 };
}

/** P-value of D for sizes n1, n2 by scipy's 'auto' rule (exported for tests against scipy's table). */
export function ksTwoSamplePValue(
  n1: number,
  n2: number,
  d: number,
  method: "auto" | "exact" | "asymptotic" = "auto",
): { statistic: number; pValue: number; method: "exact" | "asymptotic" } {
  const wantExact = method === "exact" || (method === "auto" && Math.max(n1, n2) <= KS_EXACT_MAX_N);
  if (wantExact) {
    const exact = exactTwoSampleKsPValue(n1, n2, d);
    if (exact !== undefined) return { statistic: exact.d, pValue: exact.pValue, method: "exact" };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovSurvival(roundHalfEven(en), d);
  return { statistic: d, pValue: Math.min(Math.max(p, 0), 1), method: "asymptotic" };
}

/** ks_2samp(reference, current) on two sorted samples of finite values; both must be non-empty. */
export function ksTwoSample(reference: Float64Array, current: Float64Array): KsResult {
  if (reference.length === 0 || current.length === 0) {
    throw new RangeError("ksTwoSample needs two non-empty samples");
  }
  const s = ksStatistic(reference, current);
  const p = ksTwoSamplePValue(reference.length, current.length, s.statistic);
  return { statistic: p.statistic, pValue: p.pValue, method: p.method, location: s.location, sign: s.sign };
}

/**
 * The smallest D the test rejects at level alpha for large samples:
 * D_crit = c(α)·sqrt((n+m)/(n·m)), c(α) = sqrt(−ln(α/2)/2) (1.358 at α = 0.05).
 */
export function ksCriticalDistance(n: number, m: number, alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m));
}
