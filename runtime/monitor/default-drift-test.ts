/**
 * Evidently's automatic choice of drift test (legacy/calculations/stattests/registry.py,
 * `_get_default_stattest`), applied to the cleaned column (missing and ±∞ dropped):
 *
 * | reference rows | type        | distinct values (reference + current) | test          | drift when |
 * |----------------|-------------|----------------------------------------|---------------|------------|
 * | <= 1000        | numerical   | > 5                                    | ks            | p <= 0.05  |
 * | <= 1000        | numerical   | 3..5                                   | chisquare     | p < 0.05   |
 * | <= 1000        | numerical   | <= 2                                   | z             | p < 0.05   |
 * | <= 1000        | categorical | > 2                                    | chisquare     | p < 0.05   |
 * | <= 1000        | categorical | <= 2                                   | z             | p < 0.05   |
 * | > 1000         | numerical   | > 5                                    | wasserstein   | d >= 0.1   |
 * | > 1000         | numerical   | <= 5                                   | jensenshannon | d >= 0.1   |
 * | > 1000         | categorical | any                                    | jensenshannon | d >= 0.1   |
 */
import type { DriftColumnType } from "./column-pair.js";
import type { DriftTestName } from "./drift-test.js";

/** Evidently's boundary between "small" and "large" references. */
export const SMALL_REFERENCE_MAX_ROWS = 1000;

export interface DefaultTestChoice {
  test: DriftTestName;
  /** Why, in words, for the report. */
  reason: string;
}

export function defaultDriftTest(
  type: DriftColumnType,
  referenceRows: number,
  distinctValues: number,
): DefaultTestChoice {
  const size =
    referenceRows <= SMALL_REFERENCE_MAX_ROWS
      ? `reference has ${referenceRows} <= ${SMALL_REFERENCE_MAX_ROWS} values`
      : `reference has ${referenceRows} > ${SMALL_REFERENCE_MAX_ROWS} values`;
  const unique = `${distinctValues} distinct values`;
  let test: DriftTestName;
  if (referenceRows <= SMALL_REFERENCE_MAX_ROWS) {
    if (type === "numerical" && distinctValues > 5) test = "ks";
    else test = distinctValues > 2 ? "chisquare" : "z";
  } else {
    test = type === "numerical" && distinctValues > 5 ? "wasserstein" : "jensenshannon";
  }
  return { test, reason: `${type}, ${unique}, ${size}` };
}
