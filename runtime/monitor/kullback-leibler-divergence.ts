/**
 * Kullback–Leibler divergence D(reference ‖ current) in nats, as scipy.stats.entropy(pk, qk)
 * computes it: both vectors are first normalised to sum to 1, then Σ p_i ln(p_i / q_i), a term with
 * p_i = 0 counting 0 and one with q_i = 0 < p_i making the result +∞.
 */
export function kullbackLeiblerDivergence(reference: Float64Array, current: Float64Array): number {
  let sp = 0;
  let sq = 0;
  for (const p of reference) sp += p;
  for (const q of current) sq += q;
  let kl = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = (reference[i] as number) / sp;
    const q = (current[i] as number) / sq;
    if (p === 0) continue;
    if (q === 0) return Number.POSITIVE_INFINITY;
    kl += p * Math.log(p / q);
  }
  return kl;
}
