/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives such
 * as the multinomial logistic loss. `evaluate` returns the objective at x and writes its gradient.
 */
export interface LbfgsOptions {
  /** Stop when the gradient's Euclidean norm falls below this. */
  tolerance: number;
  maxIterations: number;
  /** Number of correction pairs kept (default 10). */
  memory?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  iterations: number;
  converged: boolean;
}

export function minimizeLbfgs(
  evaluate: (x: Float64Array, gradient: Float64Array) => number,
  start: Float64Array,
  options: LbfgsOptions,
): LbfgsResult {
  const n = start.length;
  const m = options.memory ?? 10;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = evaluate(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const direction = new Float64Array(n);
  const xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  let iterations = 0;
  let gNorm = norm(g);
  while (gNorm >= options.tolerance && iterations < options.maxIterations) {
    // Two-loop recursion: direction = -H g.
    direction.set(g);
    for (let i = s.length - 1; i >= 0; i--) {
      alpha[i] = rho[i]! * dot(s[i]!, direction);
      axpy(-alpha[i]!, y[i]!, direction);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      scale(direction, dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!));
    } else {
      scale(direction, 1 / Math.max(gNorm, 1));
    }
    for (let i = 0; i < s.length; i++) {
      const beta = rho[i]! * dot(y[i]!, direction);
      axpy(alpha[i]! - beta, s[i]!, direction);
    }
    scale(direction, -1);
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      direction.set(g);
      scale(direction, -1 / Math.max(gNorm, 1));
      slope = dot(g, direction);
    }
    // Backtracking line search. Near the optimum the objective stops changing in float64 (its
    // decrease is below rounding) while the gradient can still shrink: a step that keeps the value
    // within rounding and lowers the gradient norm is accepted too.
    let step = 1;
    let fNext = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNext[i] = x[i]! + step * direction[i]!;
      fNext = evaluate(xNext, gNext);
      if (fNext <= f + 1e-4 * step * slope || (fNext <= f + 1e-14 * Math.abs(f) && norm(gNext) < gNorm)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break; // no progress possible at float64 precision
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sNew[i] = xNext[i]! - x[i]!;
      yNew[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-12 * dot(yNew, yNew)) {
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
    }
    x = Float64Array.from(xNext);
    const swap = g;
    g = gNext;
    gNext = swap;
    f = fNext;
    gNorm = norm(g);
    iterations++;
  }
  return { x, value: f, gradientNorm: gNorm, iterations, converged: gNorm < options.tolerance };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += a * x[i]!;
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
}

function norm(x: Float64Array): number {
  return Math.sqrt(dot(x, x));
}
