/**
 * The standard normal distribution, accurate in the tails: erfc(x) = Q(1/2, x²) for x >= 0 (the
 * regularized upper incomplete gamma function), so survival probabilities keep their relative
 * precision down to about 1e-300 instead of bottoming out at 1e-16 as 1 − Φ(z) does.
 */
import { regularizedGammaQ } from "./regularized-gamma.js";

/** The complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === 0) return 1;
  const q = regularizedGammaQ(0.5, x * x);
  return x > 0 ? q : 2 - q;
}

/** Φ(z) = P(Z <= z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** 1 − Φ(z) = P(Z > z), computed without cancellation. */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * The z with P(Z > z) = p, for 0 < p < 1 (e.g. 1.959963984540054 for p = 0.025), by bisection
 * on the survival function followed by Newton steps; accurate to a few ulps.
 */
export function normalSurvivalInverse(p: number): number {
  if (!(p > 0 && p < 1))
    return p === 0 ? Number.POSITIVE_INFINITY : p === 1 ? Number.NEGATIVE_INFINITY : Number.NaN;
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (normalSurvival(mid) > p) lo = mid;
    else hi = mid;
  }
  let z = (lo + hi) / 2;
  for (let i = 0; i < 3; i++) {
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    if (density === 0) break;
    z += (normalSurvival(z) - p) / density;
  }
  return z;
}
