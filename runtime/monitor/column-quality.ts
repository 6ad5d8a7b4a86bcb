/**
 * Data-quality findings for one column that need only the two datasets (Evidently's test-suite
 * rules where Evidently has one): the missing share against the reference (fails when it rises by
 * more than 10% of the reference share, or from zero to anything), categories never seen in the
 * reference, values outside the reference's [min, max], and constant columns.
 */
import type { ColumnQuality } from "./drift-report.js";
import type { PreparedColumn } from "./prepared-table.js";

/** Evidently: the missing share may rise by at most 10% of the reference share. */
export const MISSING_SHARE_TOLERANCE = 0.1;
const LISTED_UNSEEN = 10;

function missingOf(column: PreparedColumn): number {
  return column.type === "numerical" ? column.sample.missing + column.sample.infinite : column.missing;
}

function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function distinctOf(column: PreparedColumn): number {
  return column.type === "numerical" ? column.sample.distinct : column.counts.size;
}

export function columnQuality(reference: PreparedColumn, current: PreparedColumn): ColumnQuality {
  const referenceMissingShare = reference.rowCount > 0 ? missingOf(reference) / reference.rowCount : 0;
  const currentMissingShare = current.rowCount > 0 ? missingOf(current) / current.rowCount : 0;
  const missingShareRose = currentMissingShare > referenceMissingShare * (1 + MISSING_SHARE_TOLERANCE);
  const quality: ColumnQuality = {
    referenceMissingShare,
    currentMissingShare,
    missingShareRose,
    unseenCategories: [],
    unseenCategoryCount: 0,
    unseenShare: 0,
    outOfRangeCount: 0,
    outOfRangeShare: 0,
    constantInReference: distinctOf(reference) <= 1,
    constantInCurrent: distinctOf(current) <= 1,
  };
  if (reference.type === "categorical" && current.type === "categorical") {
    let unseenValues = 0;
    for (const [value, count] of current.counts) {
      if (reference.counts.has(value)) continue;
      quality.unseenCategoryCount++;
      unseenValues += count;
      if (quality.unseenCategories.length < LISTED_UNSEEN) quality.unseenCategories.push(value);
    }
    quality.unseenShare = current.size > 0 ? unseenValues / current.size : 0;
  }
  if (reference.type === "numerical" && current.type === "numerical" && reference.sample.values.length > 0) {
    const { min, max } = reference.sample;
    const cur = current.sample.values;
    quality.referenceRange = [min, max];
    quality.outOfRangeCount = lowerBound(cur, min) + (cur.length - upperBound(cur, max));
    quality.outOfRangeShare = cur.length > 0 ? quality.outOfRangeCount / cur.length : 0;
  }
  return quality;
}
