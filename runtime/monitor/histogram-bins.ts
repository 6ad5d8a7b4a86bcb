/**
 * numpy's histogram for the 'sturges' bin rule, as Evidently bins numerical columns with more than
 * 20 distinct reference values (np.histogram_bin_edges(concat(ref, cur), bins="sturges")):
 * width = ptp / (log2(n) + 1) over the pooled data (at least 1 when numpy would hold the data as
 * integers), ceil(ptp / width) equal bins from min to max (np.linspace), counts by numpy's index
 * computation with its edge corrections; the last bin is closed on the right.
 */

export interface HistogramEdges {
  edges: Float64Array;
}

/** Sturges edges over the pooled range [min, max] of `count` values. */
export function sturgesEdges(min: number, max: number, count: number, integerData = false): Float64Array {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let width = (max - min) / (Math.log2(count) + 1);
  let bins = 1;
  if (width > 0) {
    if (integerData && width < 1) width = 1;
    bins = Math.ceil((last - first) / width);
  }
  return linspace(first, last, bins + 1);
}

/** np.linspace(start, stop, num) with endpoint: start + i·step, the last value exactly `stop`. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const step = div > 0 ? (stop - start) / div : 0;
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** Counts per bin of values inside [edges[0], edges[last]], as np.histogram does for equal bins. */
export function histogramCounts(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const first = edges[0] as number;
  const last = edges[bins] as number;
  const denominator = last - first;
  for (let k = 0; k < values.length; k++) {
    const x = values[k] as number;
    if (!(x >= first && x <= last)) continue;
    let index = Math.trunc(((x - first) / denominator) * bins);
    if (index === bins) index -= 1;
    if (x < (edges[index] as number)) index -= 1;
    else if (index !== bins - 1 && x >= (edges[index + 1] as number)) index += 1;
    counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}
