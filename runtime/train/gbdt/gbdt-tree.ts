/**
 * A trained tree and a trained ensemble, in feature space, and their in-process prediction.
 *
 * Nodes are numbered 0..n-1 in creation order (the root is 0), which is also the node id used in
 * the exported ONNX TreeEnsemble. An internal node sends a row left when
 * `Math.fround(x) <= threshold` (threshold is a float32 value), exactly as ONNX's BRANCH_LEQ does
 * on float32 inputs; a missing value (NaN) goes left when `missingLeft` is 1.
 */

export interface GbdtTree {
  /** The raw score this tree adds to (0 for regression and binary; the class for softmax). */
  output: number;
  /** Feature index of each internal node; -1 for a leaf. */
  feature: Int32Array;
  /** Float32 threshold in feature space (+Infinity for "non-missing left, missing right"). */
  threshold: Float32Array;
  /** The same threshold as a bin index, for scoring binned rows during training. */
  thresholdBin: Uint8Array;
  /** 1 when missing values go left. */
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf values (learning rate applied); 0 on internal nodes. */
  value: Float64Array;
}

export interface GbdtEnsemble {
  featureCount: number;
  /** Raw scores per row: 1 for regression and binary, the class count for softmax. */
  scoresPerRow: number;
  /** Constant raw score(s) added before the trees. */
  baseScores: Float64Array;
  trees: GbdtTree[];
}

/** The leaf a row of feature values lands in. `row(f)` returns feature f of the row (NaN = missing). */
export function leafOf(tree: GbdtTree, columns: Float64Array[], row: number): number {
  let node = 0;
  const feature = tree.feature;
  while (feature[node]! >= 0) {
    const x = columns[feature[node]!]![row]!;
    const goLeft = Number.isNaN(x) ? tree.missingLeft[node] === 1 : Math.fround(x) <= tree.threshold[node]!;
    node = goLeft ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/**
 * Raw scores (before sigmoid/softmax) for rows given as feature columns (NaN = missing), row-major
 * n × scoresPerRow. This is the prediction the exported ONNX model reproduces.
 */
export function predictRawScores(ensemble: GbdtEnsemble, columns: Float64Array[]): Float64Array {
  const rowCount = columns[0]?.length ?? 0;
  const k = ensemble.scoresPerRow;
  const raw = new Float64Array(rowCount * k);
  for (let i = 0; i < rowCount; i++) raw.set(ensemble.baseScores, i * k);
  for (const tree of ensemble.trees) {
    for (let i = 0; i < rowCount; i++) raw[i * k + tree.output]! += tree.value[leafOf(tree, columns, i)]!;
  }
  return raw;
}
