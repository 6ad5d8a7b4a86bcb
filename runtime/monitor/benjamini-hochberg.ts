/**
 * Benjamini–Hochberg step-up adjustment: q_(i) = min_{j >= i} (m / j) · p_(j), capped at 1 (the
 * "adjusted p-values" of R's p.adjust(method = "BH")). Rejecting every hypothesis with q <= α keeps
 * the expected share of false discoveries among the rejections at most α (independent or
 * positively dependent tests). NaN p-values are left out of m and stay NaN.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const indexed = pValues
    .map((p, i) => ({ p, i }))
    .filter((e) => !Number.isNaN(e.p))
    .sort((a, b) => a.p - b.p);
  const m = indexed.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = indexed[rank - 1] as { p: number; i: number };
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.i] = Math.min(1, running);
  }
  return adjusted;
}
