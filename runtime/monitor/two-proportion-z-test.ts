/**
 * Two-proportion Z-test with a pooled variance, as Evidently's `z` test computes it:
 * p1 = x1/n1 (reference), p2 = x2/n2 (current), P = (x1 + x2)/(n1 + n2),
 * z = (p1 − p2) / sqrt(P(1 − P)(1/n1 + 1/n2)), two-sided p = 2·(1 − Φ(|z|)) — computed here as
 * 2·Q(|z|) from an accurate erfc, so tiny p-values keep their digits instead of rounding to 0.
 * When both samples hold the same single value the p-value is 1 (Evidently's special case).
 *
 * Effect size: Cohen's h = |2·asin(sqrt p1) − 2·asin(sqrt p2)|.
 * Smallest detectable difference at level alpha: z_{1−α/2}·sqrt(P(1 − P)(1/n1 + 1/n2)) with P the
 * reference share (the difference in proportions that would just reach significance).
 */
import { normalSurvival, normalSurvivalInverse } from "./normal-distribution.js";

export interface ZTestResult {
  z: number;
  pValue: number;
  referenceShare: number;
  currentShare: number;
  cohensH: number;
}

export function twoProportionZTest(
  referenceSuccesses: number,
  referenceSize: number,
  currentSuccesses: number,
  currentSize: number,
): ZTestResult {
  const p1 = referenceSuccesses / referenceSize;
  const p2 = currentSuccesses / currentSize;
  const pooled = (referenceSuccesses + currentSuccesses) / (referenceSize + currentSize);
  const cohensH = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / referenceSize + 1 / currentSize));
  if (se === 0) {
    // one value in both samples
    return { z: 0, pValue: 1, referenceShare: p1, currentShare: p2, cohensH };
  }
  const z = (p1 - p2) / se;
  return {
    z,
    pValue: Math.min(1, 2 * normalSurvival(Math.abs(z))),
    referenceShare: p1,
    currentShare: p2,
    cohensH,
  };
}

/** The smallest |p1 − p2| significant at level alpha, with P the reference share. */
export function zTestDetectableDifference(
  referenceShare: number,
  referenceSize: number,
  currentSize: number,
  alpha: number,
): number {
  const p = Math.min(Math.max(referenceShare, 0), 1);
  return normalSurvivalInverse(alpha / 2) * Math.sqrt(p * (1 - p) * (1 / referenceSize + 1 / currentSize));
}
