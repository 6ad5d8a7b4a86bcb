/**
 * A numeric sample ready for the order-based statistics (Kolmogorov–Smirnov, Wasserstein, binned
 * shares): finite values only, ascending. Missing (NaN) and infinite values are counted and left
 * out, as Evidently drops them before testing. A reference sample is sorted once, when it is
 * registered, and reused for every window compared against it.
 */

export interface SortedSample {
  /** Finite values, ascending. */
  readonly values: Float64Array;
  /** NaN values left out. */
  readonly missing: number;
  /** +∞ and −∞ values left out. */
  readonly infinite: number;
}

/** A sorted reference with the summaries every comparison needs, computed once. */
export interface SortedReference extends SortedSample {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Population standard deviation (ddof 0), numpy's default and Evidently's Wasserstein norm. */
  readonly std: number;
  /** Number of distinct finite values. */
  readonly distinct: number;
  /** True when every finite value is an integer (numpy would hold it in an integer dtype). */
  readonly allIntegers: boolean;
}

/** Copies the finite values of `values` and sorts them numerically. */
export function sortSample(values: ArrayLike<number>): SortedSample {
  const kept = new Float64Array(values.length);
  let count = 0;
  let missing = 0;
  let infinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) kept[count++] = v;
    else if (Number.isNaN(v)) missing++;
    else infinite++;
  }
  const sorted = count === kept.length ? kept : kept.slice(0, count);
  sorted.sort();
  return { values: sorted, missing, infinite };
}

/** Summarises an already sorted sample (one pass). */
export function describeSorted(sample: SortedSample): SortedReference {
  const v = sample.values;
  const n = v.length;
  let sum = 0;
  let distinct = 0;
  let allIntegers = true;
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    sum += x;
    if (i === 0 || x !== v[i - 1]) distinct++;
    if (allIntegers && !Number.isInteger(x)) allIntegers = false;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (v[i] as number) - mean;
    squares += d * d;
  }
  return {
    ...sample,
    min: n > 0 ? (v[0] as number) : Number.NaN,
    max: n > 0 ? (v[n - 1] as number) : Number.NaN,
    mean,
    std: n > 0 ? Math.sqrt(squares / n) : Number.NaN,
    distinct,
    allIntegers,
  };
}

/** Sorts and summarises a reference column; do this once at registration. */
export function sortedReference(values: ArrayLike<number>): SortedReference {
  return describeSorted(sortSample(values));
}

/** Number of distinct values over two sorted arrays together (a merge, no allocation). */
export function countDistinctUnion(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const v = Math.min(x, y);
    count++;
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
  }
  return count;
}
