/**
 * The chi-square distribution with k degrees of freedom: survival function Q(k/2, x/2) and its
 * inverse (the critical value for a significance level), by bisection on the survival function.
 */
import { regularizedGammaQ } from "./regularized-gamma.js";

/** P(X > x) for X ~ χ²(k). */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}

/** The x with P(X > x) = alpha for X ~ χ²(k); 3.841458820694124 for k = 1, alpha = 0.05. */
export function chiSquareCritical(alpha: number, degreesOfFreedom: number): number {
  let lo = 0;
  let hi = Math.max(1, degreesOfFreedom);
  while (chiSquareSurvival(hi, degreesOfFreedom) > alpha) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareSurvival(mid, degreesOfFreedom) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
