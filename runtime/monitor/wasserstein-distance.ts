/**
 * The 1-D first Wasserstein (earth mover's) distance between two samples, as
 * scipy.stats.wasserstein_distance computes it: the integral of |F_u − F_v| over the pooled sorted
 * values, both ECDFs counting values <= x. Exact, by one merge of the two sorted arrays.
 * Evidently's drift score divides it by max(population std of the reference, 0.001).
 */

/** W1 between two ascending arrays of finite values (both non-empty). */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) throw new RangeError("wassersteinDistance needs two non-empty samples");
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = Math.min(u[0] as number, v[0] as number);
  // ECDF values just after `previous`
  while (i < n && u[i] === previous) i++;
  while (j < m && v[j] === previous) j++;
  while (i < n || j < m) {
    const x = i < n ? (u[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < m ? (v[j] as number) : Number.POSITIVE_INFINITY;
    const next = Math.min(x, y);
    total += Math.abs(i / n - j / m) * (next - previous);
    while (i < n && u[i] === next) i++;
    while (j < m && v[j] === next) j++;
    previous = next;
  }
  return total;
}

/** Evidently's normalisation floor for the reference standard deviation. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/** W1 divided by max(referenceStd, 0.001), Evidently's `wasserstein` drift score. */
export function normedWassersteinDistance(
  reference: Float64Array,
  current: Float64Array,
  referenceStd: number,
): number {
  return wassersteinDistance(reference, current) / Math.max(referenceStd, WASSERSTEIN_MIN_NORM);
}
