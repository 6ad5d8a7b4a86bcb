/**
 * Ridge regression in closed form: minimizes ||y - X w - b||² + alpha ||w||² (the intercept b is not
 * penalized) by solving the centered normal equations (Xcᵀ Xc + alpha I) w = Xcᵀ yc with Cholesky.
 */
import { choleskySolve } from "./cholesky.js";

export interface RidgeFit {
  weights: Float64Array;
  intercept: number;
  /** True when the normal equations were singular and a tiny ridge was added to solve them. */
  regularized: boolean;
}

/** @param x rows × cols, row-major. */
export function fitRidge(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  alpha: number,
): RidgeFit {
  const means = new Float64Array(cols);
  let yMean = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let j = 0; j < cols; j++) means[j]! += x[base + j]!;
    yMean += y[r]!;
  }
  for (let j = 0; j < cols; j++) means[j]! /= rows;
  yMean /= rows;

  // Lower triangle of Xcᵀ Xc and Xcᵀ yc, accumulated row by row on centered values.
  const gram = new Float64Array(cols * cols);
  const xty = new Float64Array(cols);
  const centered = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const yc = y[r]! - yMean;
    for (let j = 0; j < cols; j++) centered[j] = x[base + j]! - means[j]!;
    for (let j = 0; j < cols; j++) {
      const cj = centered[j]!;
      if (cj === 0) continue;
      xty[j]! += cj * yc;
      const row = j * cols;
      for (let k = 0; k <= j; k++) gram[row + k]! += cj * centered[k]!;
    }
  }
  for (let j = 0; j < cols; j++) gram[j * cols + j]! += alpha;

  let weights = choleskySolve(gram, xty, cols);
  let regularized = false;
  if (weights === undefined) {
    let trace = 0;
    for (let j = 0; j < cols; j++) trace += gram[j * cols + j]!;
    const jitter = Math.max(1e-10 * (trace / Math.max(cols, 1)), 1e-12);
    for (let j = 0; j < cols; j++) gram[j * cols + j]! += jitter;
    weights = choleskySolve(gram, xty, cols) ?? new Float64Array(cols);
    regularized = true;
  }
  let intercept = yMean;
  for (let j = 0; j < cols; j++) intercept -= means[j]! * weights[j]!;
  return { weights, intercept, regularized };
}
