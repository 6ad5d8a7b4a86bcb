/**
 * One column of the reference and of the current data, cleaned the way Evidently cleans them before
 * a drift test (missing and ±∞ values dropped), in the form the tests take: sorted finite values for
 * numerical columns, value counts for categorical ones.
 */
import type { SortedReference, SortedSample } from "./sorted-sample.js";

export const DriftColumnType = { numerical: "numerical", categorical: "categorical" } as const;
export type DriftColumnType = (typeof DriftColumnType)[keyof typeof DriftColumnType];

export interface NumericalPair {
  type: "numerical";
  reference: SortedReference;
  current: SortedSample;
}

export interface CategoricalPair {
  type: "categorical";
  /** Value → count, missing values excluded. */
  reference: ReadonlyMap<string, number>;
  current: ReadonlyMap<string, number>;
  referenceSize: number;
  currentSize: number;
}

export type ColumnPair = NumericalPair | CategoricalPair;

/** Counts by distinct value over both samples, keys ascending (numerically for numbers). */
export interface CategoryCounts {
  keys: string[];
  reference: Float64Array;
  current: Float64Array;
}

function runLengths(values: Float64Array, into: Map<number, [number, number]>, slot: 0 | 1): void {
  let i = 0;
  while (i < values.length) {
    const v = values[i] as number;
    let j = i;
    while (j < values.length && values[j] === v) j++;
    const entry = into.get(v) ?? [0, 0];
    entry[slot] += j - i;
    into.set(v, entry);
    i = j;
  }
}

export function categoryCounts(pair: ColumnPair): CategoryCounts {
  if (pair.type === "numerical") {
    const counts = new Map<number, [number, number]>();
    runLengths(pair.reference.values, counts, 0);
    runLengths(pair.current.values, counts, 1);
    const keys = [...counts.keys()].sort((a, b) => a - b);
    return {
      keys: keys.map(String),
      reference: Float64Array.from(keys, (k) => (counts.get(k) as [number, number])[0]),
      current: Float64Array.from(keys, (k) => (counts.get(k) as [number, number])[1]),
    };
  }
  const keys = [...new Set([...pair.reference.keys(), ...pair.current.keys()])].sort();
  return {
    keys,
    reference: Float64Array.from(keys, (k) => pair.reference.get(k) ?? 0),
    current: Float64Array.from(keys, (k) => pair.current.get(k) ?? 0),
  };
}
