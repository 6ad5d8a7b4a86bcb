/**
 * L2-regularized logistic regression on a float64 feature matrix, binary or multinomial. The
 * objective is the mean log loss plus (lambda / 2) ||W||² with lambda = 1 / (C n), which has the
 * same minimizer as scikit-learn's C Σ loss + ½ ||W||²; intercepts are not penalized.
 *
 * Solvers: L-BFGS (any number of classes), or Newton's method for two classes (IRLS: exact
 * Hessian, Cholesky, backtracking line search). Both run until the gradient norm is below
 * `tolerance`. Newton needs few iterations but each one builds the (p+1)² Hessian over every row;
 * on standardized features L-BFGS reaches the same tolerance in fewer passes over the data.
 */
import { choleskySolve } from "./cholesky.js";
import { minimizeLbfgs } from "./lbfgs.js";

export interface LogisticOptions {
  /** Inverse regularization strength (scikit-learn's C). */
  c: number;
  tolerance: number;
  maxIterations: number;
  solver: "newton" | "lbfgs";
}

export interface LogisticFit {
  /** features × K row-major (K = 1 for binary: the score of the second class; K = classes otherwise). */
  weights: Float64Array;
  intercepts: Float64Array;
  outputs: number;
  iterations: number;
  gradientNorm: number;
  converged: boolean;
  loss: number;
}

/**
 * @param x rows × cols, row-major.
 * @param classIndex class per row, 0..classes-1.
 */
export function fitLogisticRegression(
  x: Float64Array,
  rows: number,
  cols: number,
  classIndex: Int32Array,
  classes: number,
  options: LogisticOptions,
): LogisticFit {
  const lambda = 1 / (options.c * rows);
  if (classes === 2) {
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) y[r] = classIndex[r] === 1 ? 1 : 0;
    return options.solver === "newton"
      ? binaryNewton(x, rows, cols, y, lambda, options)
      : binaryLbfgs(x, rows, cols, y, lambda, options);
  }
  return multinomialLbfgs(x, rows, cols, classIndex, classes, lambda, options);
}

function priorLogit(y: Float64Array): number {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i]!;
  const p = Math.min(Math.max(positives / y.length, 1e-12), 1 - 1e-12);
  return Math.log(p / (1 - p));
}

/**
 * Objective, gradient and (optionally) the Hessian's lower triangle at theta = [w, b] for the binary
 * problem, in one pass over the rows.
 */
function binaryPass(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  lambda: number,
  theta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array | undefined,
): number {
  const size = cols + 1;
  gradient.fill(0);
  hessian?.fill(0);
  const b = theta[cols]!;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let z = b;
    for (let j = 0; j < cols; j++) z += theta[j]! * x[base + j]!;
    const yr = y[r]!;
    // One exp for both the loss (softplus) and the probability (sigmoid), stable for any z.
    const e = Math.exp(-Math.abs(z));
    loss += Math.max(z, 0) + Math.log1p(e) - yr * z;
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const residual = p - yr;
    for (let j = 0; j < cols; j++) gradient[j]! += residual * x[base + j]!;
    gradient[cols]! += residual;
    if (hessian !== undefined) {
      const d = p * (1 - p);
      for (let j = 0; j < cols; j++) {
        const dj = d * x[base + j]!;
        if (dj === 0) continue;
        const row = j * size;
        for (let k = 0; k <= j; k++) hessian[row + k]! += dj * x[base + k]!;
      }
      const last = cols * size;
      for (let k = 0; k < cols; k++) hessian[last + k]! += d * x[base + k]!;
      hessian[last + cols]! += d;
    }
  }
  const inv = 1 / rows;
  let penalty = 0;
  for (let j = 0; j < cols; j++) {
    gradient[j] = gradient[j]! * inv + lambda * theta[j]!;
    penalty += theta[j]! * theta[j]!;
  }
  gradient[cols]! *= inv;
  if (hessian !== undefined) {
    for (let i = 0; i < size * size; i++) hessian[i]! *= inv;
    for (let j = 0; j < cols; j++) hessian[j * size + j]! += lambda;
  }
  return loss * inv + 0.5 * lambda * penalty;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function binaryNewton(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  lambda: number,
  options: LogisticOptions,
): LogisticFit {
  const size = cols + 1;
  let theta = new Float64Array(size);
  theta[cols] = priorLogit(y);
  let gradient = new Float64Array(size);
  let hessian = new Float64Array(size * size);
  let f = binaryPass(x, rows, cols, y, lambda, theta, gradient, hessian);
  let gNorm = norm(gradient);
  let iterations = 0;
  const candidate = new Float64Array(size);
  let gNext = new Float64Array(size);
  let hNext = new Float64Array(size * size);
  while (gNorm >= options.tolerance && iterations < options.maxIterations) {
    const minusG = gradient.map((g) => -g);
    let step = solveDamped(hessian, minusG, size);
    let slope = 0;
    for (let i = 0; i < size; i++) slope += gradient[i]! * step[i]!;
    if (!(slope < 0)) {
      step = minusG;
      slope = -gNorm * gNorm;
    }
    let t = 1;
    let fNext = Number.POSITIVE_INFINITY;
    let accepted = false;
    // The full step is tried with the Hessian computed in the same pass (it is almost always
    // accepted); shorter steps are tried on value and gradient only, then the Hessian is computed.
    for (let tries = 0; tries < 50; tries++) {
      for (let i = 0; i < size; i++) candidate[i] = theta[i]! + t * step[i]!;
      fNext = binaryPass(x, rows, cols, y, lambda, candidate, gNext, tries === 0 ? hNext : undefined);
      if (fNext <= f + 1e-4 * t * slope || (fNext <= f + 1e-14 * Math.abs(f) && norm(gNext) < gNorm)) {
        accepted = true;
        if (tries > 0) binaryPass(x, rows, cols, y, lambda, candidate, gNext, hNext);
        break;
      }
      t *= 0.5;
    }
    if (!accepted) break;
    theta = Float64Array.from(candidate);
    [gradient, gNext] = [gNext, gradient];
    [hessian, hNext] = [hNext, hessian];
    f = fNext;
    gNorm = norm(gradient);
    iterations++;
  }
  return {
    weights: theta.slice(0, cols),
    intercepts: Float64Array.of(theta[cols]!),
    outputs: 1,
    iterations,
    gradientNorm: gNorm,
    converged: gNorm < options.tolerance,
    loss: f,
  };
}

/** Cholesky solve, adding a growing ridge to the diagonal if the Hessian is numerically singular. */
function solveDamped(hessian: Float64Array, rhs: Float64Array, size: number): Float64Array {
  let solution = choleskySolve(hessian, rhs, size);
  let damping = 1e-10;
  while (solution === undefined && damping < 1e6) {
    const damped = Float64Array.from(hessian);
    for (let i = 0; i < size; i++) damped[i * size + i]! += damping;
    solution = choleskySolve(damped, rhs, size);
    damping *= 100;
  }
  return solution ?? rhs;
}

function binaryLbfgs(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  lambda: number,
  options: LogisticOptions,
): LogisticFit {
  const start = new Float64Array(cols + 1);
  start[cols] = priorLogit(y);
  const result = minimizeLbfgs(
    (theta, g) => binaryPass(x, rows, cols, y, lambda, theta, g, undefined),
    start,
    {
      tolerance: options.tolerance,
      maxIterations: options.maxIterations,
    },
  );
  return {
    weights: result.x.slice(0, cols),
    intercepts: Float64Array.of(result.x[cols]!),
    outputs: 1,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
    converged: result.converged,
    loss: result.value,
  };
}

function multinomialLbfgs(
  x: Float64Array,
  rows: number,
  cols: number,
  classIndex: Int32Array,
  classes: number,
  lambda: number,
  options: LogisticOptions,
): LogisticFit {
  const size = cols + 1;
  const counts = new Float64Array(classes);
  for (let r = 0; r < rows; r++) counts[classIndex[r]!]!++;
  const start = new Float64Array(classes * size);
  for (let c = 0; c < classes; c++) start[c * size + cols] = Math.log(Math.max(counts[c]! / rows, 1e-12));
  const scores = new Float64Array(classes);
  const evaluate = (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c++) {
        const t = c * size;
        let z = theta[t + cols]!;
        for (let j = 0; j < cols; j++) z += theta[t + j]! * x[base + j]!;
        scores[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < classes; c++) {
        const e = Math.exp(scores[c]! - max);
        scores[c] = e;
        sum += e;
      }
      const yr = classIndex[r]!;
      loss += Math.log(sum) - Math.log(scores[yr]!);
      const inv = 1 / sum;
      for (let c = 0; c < classes; c++) {
        const residual = scores[c]! * inv - (c === yr ? 1 : 0);
        const t = c * size;
        for (let j = 0; j < cols; j++) gradient[t + j]! += residual * x[base + j]!;
        gradient[t + cols]! += residual;
      }
    }
    const inv = 1 / rows;
    let penalty = 0;
    for (let c = 0; c < classes; c++) {
      const t = c * size;
      for (let j = 0; j < cols; j++) {
        gradient[t + j] = gradient[t + j]! * inv + lambda * theta[t + j]!;
        penalty += theta[t + j]! * theta[t + j]!;
      }
      gradient[t + cols]! *= inv;
    }
    return loss * inv + 0.5 * lambda * penalty;
  };
  const result = minimizeLbfgs(evaluate, start, {
    tolerance: options.tolerance,
    maxIterations: options.maxIterations,
  });
  const weights = new Float64Array(cols * classes);
  const intercepts = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < cols; j++) weights[j * classes + c] = result.x[c * size + j]!;
    intercepts[c] = result.x[c * size + cols]!;
  }
  return {
    weights,
    intercepts,
    outputs: classes,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
    converged: result.converged,
    loss: result.value,
  };
}
