/**
 * The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, ported from
 * scipy.stats (`_compute_prob_outside_square` in _stats_py.py for equal sizes and
 * `_compute_outer_prob_inside_method` in _stats_pythran.py for unequal ones), following Hodges
 * (1958), "The Significance Probability of the Smirnov Two-Sample Test", and Viehmann (2021),
 * arXiv:2102.08037, for the numerically stable recursion of 1 − p.
 */

/** P(D_{n,n} >= h/n): the proportion of lattice paths that leave the band |x − y| < h. */
export function probOutsideSquare(n: number, h: number): number {
  // P = 2 * A0 * (1 - A1*(1 - A2*(1 - ...))), each A_k a ratio of binomials with h terms.
  let p = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
    k--;
  }
  return 2 * p;
}

/**
 * The proportion of lattice paths from (0,0) to (m,n) that do not stay strictly inside
 * |x/m − y/n| < h/lcm(m,n); g = gcd(m, n). This is P(D >= h/lcm) for unequal sizes.
 */
export function outerProbInsideMethod(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((a[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1] as number;
}

export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * scipy's `_attempt_exact_2kssamp` for the two-sided alternative: rounds d to the lattice
 * (h = round(d·lcm)), returns the exact p-value, or undefined when the computation left [0, 1]
 * (scipy then falls back to the asymptotic distribution).
 */
export function exactTwoSampleKsPValue(
  n1: number,
  n2: number,
  d: number,
): { d: number; pValue: number } | undefined {
  const g = greatestCommonDivisor(n1, n2);
  const lcm = Math.floor(n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dLattice = h / lcm;
  if (h === 0) return { d: dLattice, pValue: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return undefined;
  return { d: dLattice, pValue: p };
}

/** numpy's np.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
