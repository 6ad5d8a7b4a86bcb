/**
 * Jensen–Shannon distance with natural logarithms, as scipy.spatial.distance.jensenshannon(p, q)
 * computes it: p and q normalised to sum to 1, m = (p + q)/2,
 * JS = sqrt((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2), rel_entr(x, y) = x ln(x/y), 0 when x = 0.
 * Bounded by sqrt(ln 2) ≈ 0.8326 for disjoint supports.
 */
export function jensenShannonDistance(reference: Float64Array, current: Float64Array): number {
  let sp = 0;
  let sq = 0;
  for (const p of reference) sp += p;
  for (const q of current) sq += q;
  let left = 0;
  let right = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = (reference[i] as number) / sp;
    const q = (current[i] as number) / sq;
    const m = (p + q) / 2;
    if (p > 0) left += p * Math.log(p / m);
    if (q > 0) right += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, (left + right) / 2));
}
