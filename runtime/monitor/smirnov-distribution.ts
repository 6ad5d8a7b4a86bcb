/**
 * The one-sided one-sample Kolmogorov–Smirnov (Smirnov) distribution: smirnov(n, x) = P(D_n^+ >= x),
 * after scipy.special.smirnov (xsf/cephes kolmogorov.h, van Mulbregt's implementation), by the
 * Birnbaum–Tingey sum
 *   P(D_n^+ >= x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}
 * with the same special cases and early termination. Terms are evaluated in log space in double
 * precision (scipy uses double-double), which agrees with scipy to about 1e-10 relative.
 */

const MINLOG = -708.3964185322641;
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;

/** P(D_n^+ >= x), the survival function of the one-sided statistic. */
export function smirnov(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl;
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const t = (1 + x) ** (n - 1);
    return clip(1 - x * t);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) return clip((1 - x) ** n);
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const nUpperTerms = n - n1mxceil + 1;
  const useUpperSum =
    (nUpperTerms <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  if (useUpperSum) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
  }
  let sum = 0;
  let logBinomial = 0; // log C(n, j), j counted from the start of the sum (C(n, j) = C(n, n − j))
  const vmid = Math.floor(n / 2);
  for (let j = 0; j < nTerms; j++) {
    const v = start + j * step;
    // log|A_v| with A_v = C(n,v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}, and its sign
    const base2 = (n - v) / n - x;
    const base1 = v / n + x;
    const e2 = n - v;
    const e1 = v - 1;
    let sign = 1;
    if (base2 < 0 && e2 % 2 === 1) sign = -sign;
    if (base1 < 0 && Math.abs(e1) % 2 === 1) sign = -sign;
    const logTerm =
      logBinomial +
      (e1 === 0 ? 0 : e1 * Math.log(Math.abs(base1))) +
      (e2 === 0 ? 0 : e2 * Math.log(Math.abs(base2)));
    const a = logTerm < -745.2 ? 0 : sign * Math.exp(logTerm);
    sum += a;
    if (a !== 0) {
      if (4 * (nTerms - j) * Math.abs(a) < Number.EPSILON * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    logBinomial += Math.log((n - j) / (j + 1));
  }
  const prob = x * sum;
  return clip(step < 0 ? 1 - prob : prob);
}

function clip(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}
