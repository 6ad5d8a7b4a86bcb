/**
 * Area under the ROC curve from scores, by the rank (Mann–Whitney U) formula with tied scores given
 * their average rank — the same value as scikit-learn's roc_auc_score.
 */

/** AUC of `scores` for telling `positive` rows (1) from the others (0); undefined if either group is empty. */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<number>): number | undefined {
  const n = scores.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return undefined;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * One-vs-rest macro AUC for k classes: the mean over classes of the AUC of that class's probability
 * column (rows × k, row-major) for telling its rows from the rest. Classes absent from `actual`
 * (or present in every row) are left out; undefined if none remain.
 */
export function rocAucOneVsRest(
  probabilities: ArrayLike<number>,
  actual: Int32Array,
  k: number,
): number | undefined {
  const rows = actual.length;
  const scores = new Float64Array(rows);
  const positive = new Uint8Array(rows);
  let sum = 0;
  let count = 0;
  for (let c = 0; c < k; c++) {
    for (let r = 0; r < rows; r++) {
      scores[r] = probabilities[r * k + c]!;
      positive[r] = actual[r] === c ? 1 : 0;
    }
    const auc = rocAuc(scores, positive);
    if (auc !== undefined) {
      sum += auc;
      count++;
    }
  }
  return count === 0 ? undefined : sum / count;
}
