/**
 * Reference and current distributions of one column, for the report's charts: a histogram over the
 * pooled range (Sturges' bin count, at most 40 bins) for numerical columns, the 20 most frequent
 * categories (the rest summed as "(other)") for categorical ones. Shares of the non-missing values.
 */

import type { ColumnDistribution } from "./drift-report.js";
import { histogramCounts, linspace, sturgesEdges } from "./histogram-bins.js";
import type { PreparedColumn } from "./prepared-table.js";

const MAX_BINS = 40;
const MAX_CATEGORIES = 20;
export const OTHER_CATEGORIES = "(other)";

export function columnDistribution(reference: PreparedColumn, current: PreparedColumn): ColumnDistribution {
  if (reference.type === "numerical" && current.type === "numerical") {
    const ref = reference.sample.values;
    const cur = current.sample.values;
    if (ref.length + cur.length === 0) return { kind: "histogram", edges: [], reference: [], current: [] };
    const min = Math.min(ref[0] ?? Number.POSITIVE_INFINITY, cur[0] ?? Number.POSITIVE_INFINITY);
    const max = Math.max(
      ref[ref.length - 1] ?? Number.NEGATIVE_INFINITY,
      cur[cur.length - 1] ?? Number.NEGATIVE_INFINITY,
    );
    let edges = sturgesEdges(min, max, ref.length + cur.length);
    if (edges.length - 1 > MAX_BINS)
      edges = linspace(edges[0] as number, edges[edges.length - 1] as number, MAX_BINS + 1);
    const share = (values: Float64Array) => {
      const counts = histogramCounts(values, edges);
      return Array.from(counts, (c) => (values.length > 0 ? c / values.length : 0));
    };
    return { kind: "histogram", edges: Array.from(edges), reference: share(ref), current: share(cur) };
  }
  const refCounts = reference.type === "categorical" ? reference.counts : new Map<string, number>();
  const curCounts = current.type === "categorical" ? current.counts : new Map<string, number>();
  const refSize = reference.type === "categorical" ? reference.size : 0;
  const curSize = current.type === "categorical" ? current.size : 0;
  const keys = [...new Set([...refCounts.keys(), ...curCounts.keys()])];
  const weight = (k: string) =>
    (refSize > 0 ? (refCounts.get(k) ?? 0) / refSize : 0) +
    (curSize > 0 ? (curCounts.get(k) ?? 0) / curSize : 0);
  keys.sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
  const shown = keys.slice(0, MAX_CATEGORIES);
  const rest = keys.slice(MAX_CATEGORIES);
  const shareOf = (counts: Map<string, number>, size: number, k: string) =>
    size > 0 ? (counts.get(k) ?? 0) / size : 0;
  const reference_ = shown.map((k) => shareOf(refCounts, refSize, k));
  const current_ = shown.map((k) => shareOf(curCounts, curSize, k));
  const labels = [...shown];
  if (rest.length > 0) {
    labels.push(OTHER_CATEGORIES);
    reference_.push(rest.reduce((s, k) => s + shareOf(refCounts, refSize, k), 0));
    current_.push(rest.reduce((s, k) => s + shareOf(curCounts, curSize, k), 0));
  }
  return { kind: "categories", labels, reference: reference_, current: current_ };
}
