/**
 * The shares PSI, KL and Jensen–Shannon compare, binned as Evidently's `get_binned_data` bins them:
 * a numerical column with more than 20 distinct reference values is cut into Sturges bins over the
 * pooled data; anything else is compared by category (each distinct value of either sample). Each
 * share is count / sample size. With `fillZeros` (PSI, KL; not Jensen–Shannon) a zero share becomes
 * 0.0001, or min(non-zero share)/10^6 when the smallest non-zero share is itself <= 0.0001.
 */
import { histogramCounts, sturgesEdges } from "./histogram-bins.js";
import type { SortedReference, SortedSample } from "./sorted-sample.js";

export interface BinnedShares {
  /** Bin labels (e.g. "[0.5, 1.2)") or category values. */
  labels: string[];
  reference: Float64Array;
  current: Float64Array;
  /** Bin edges when numeric bins were used. */
  edges?: Float64Array;
}

/** Evidently's rule: bins for numerical columns with more than this many distinct reference values. */
export const BINNING_MIN_DISTINCT = 20;

export function fillZeroShares(shares: Float64Array): Float64Array {
  let minNonZero = Number.POSITIVE_INFINITY;
  for (const s of shares) if (s !== 0 && s < minNonZero) minNonZero = s;
  if (minNonZero === Number.POSITIVE_INFINITY) return shares;
  const fill = minNonZero <= 0.0001 ? minNonZero / 10 ** 6 : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}

function formatEdge(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/** Shares of two numeric samples: Sturges bins when the reference has > 20 distinct values. */
export function numericBinnedShares(
  reference: SortedReference,
  current: SortedSample,
  fillZeros: boolean,
): BinnedShares {
  const ref = reference.values;
  const cur = current.values;
  let result: BinnedShares;
  if (reference.distinct > BINNING_MIN_DISTINCT) {
    const min = Math.min(ref[0] as number, cur.length > 0 ? (cur[0] as number) : Number.POSITIVE_INFINITY);
    const max = Math.max(
      ref[ref.length - 1] as number,
      cur.length > 0 ? (cur[cur.length - 1] as number) : Number.NEGATIVE_INFINITY,
    );
    const allIntegers = reference.allIntegers && cur.every(Number.isInteger);
    const edges = sturgesEdges(min, max, ref.length + cur.length, allIntegers);
    const refCounts = histogramCounts(ref, edges);
    const curCounts = histogramCounts(cur, edges);
    const labels: string[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const closing = i + 2 === edges.length ? "]" : ")";
      labels.push(`[${formatEdge(edges[i] as number)}, ${formatEdge(edges[i + 1] as number)}${closing}`);
    }
    result = {
      labels,
      reference: refCounts.map((c) => c / ref.length),
      current: curCounts.map((c) => c / cur.length),
      edges,
    };
  } else {
    const counts = new Map<number, [number, number]>();
    for (const v of ref) {
      const entry = counts.get(v);
      if (entry) entry[0]++;
      else counts.set(v, [1, 0]);
    }
    for (const v of cur) {
      const entry = counts.get(v);
      if (entry) entry[1]++;
      else counts.set(v, [0, 1]);
    }
    const keys = [...counts.keys()].sort((a, b) => a - b);
    result = {
      labels: keys.map(String),
      reference: Float64Array.from(keys, (k) => (counts.get(k) as [number, number])[0] / ref.length),
      current: Float64Array.from(keys, (k) => (counts.get(k) as [number, number])[1] / cur.length),
    };
  }
  if (fillZeros) {
    result.reference = fillZeroShares(result.reference);
    result.current = fillZeroShares(result.current);
  }
  return result;
}

/** Shares of two categorical samples given as value → count maps (missing values excluded). */
export function categoricalShares(
  reference: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  fillZeros: boolean,
): BinnedShares {
  const keys = [...new Set([...reference.keys(), ...current.keys()])].sort();
  let refTotal = 0;
  let curTotal = 0;
  for (const c of reference.values()) refTotal += c;
  for (const c of current.values()) curTotal += c;
  let ref: Float64Array = Float64Array.from(keys, (k) => (reference.get(k) ?? 0) / refTotal);
  let cur: Float64Array = Float64Array.from(keys, (k) => (current.get(k) ?? 0) / curTotal);
  if (fillZeros) {
    ref = fillZeroShares(ref);
    cur = fillZeroShares(cur);
  }
  return { labels: keys, reference: ref, current: cur };
}
