/**
 * Population stability index of two share vectors (zeros already replaced by Evidently's epsilon):
 * PSI = Σ (r_i − c_i) · ln(r_i / c_i). Not normalised, exactly as Evidently sums it.
 */
export function populationStabilityIndex(reference: Float64Array, current: Float64Array): number {
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] as number;
    const c = current[i] as number;
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}
