/**
 * The boosting loop: bin the features, then per round compute gradients, grow one tree per output
 * (one per class for softmax), update the scores, and stop early when the validation loss has not
 * improved for `earlyStoppingRounds` rounds (keeping the trees of the best round).
 */

import { applyFeatureBins, fitFeatureBins, MISSING_BIN } from "./feature-bins.js";
import type { GbdtLoss } from "./gbdt-loss.js";
import type { GbdtEnsemble, GbdtTree } from "./gbdt-tree.js";
import { TreeGrower } from "./tree-grower.js";

export interface GbdtFitSettings {
  nEstimators: number;
  learningRate: number;
  /** Infinity for no limit. */
  maxDepth: number;
  maxLeaves: number;
  minSamplesLeaf: number;
  minChildWeight: number;
  l2: number;
  maxBins: number;
  /** 0 turns early stopping off. */
  earlyStoppingRounds: number;
}

export interface GbdtFitData {
  /** Feature columns of the training rows (NaN = missing). */
  columns: Float64Array[];
  /** Target value (regression) or class index (classification). */
  target: Float64Array;
  /** Rows to watch for early stopping. */
  validation?: { columns: Float64Array[]; target: Float64Array };
}

export interface GbdtRoundInfo {
  round: number;
  /** Mean validation loss after this round, when there are validation rows. */
  validationLoss: number | undefined;
}

export interface GbdtFitResult {
  ensemble: GbdtEnsemble;
  /** Rounds kept in the ensemble (the best round when early stopping applied). */
  rounds: number;
  /** True when early stopping ended training before nEstimators rounds. */
  stoppedEarly: boolean;
  /** Mean training loss of the kept ensemble. */
  trainLoss: number;
  /** Mean validation loss after each round grown (empty without validation rows). */
  validationLoss: number[];
}

function subtractTreeScores(
  tree: GbdtTree,
  bins: Uint8Array,
  rowCount: number,
  raw: Float64Array,
  k: number,
) {
  addTreeScores(tree, bins, rowCount, raw, k, -1);
}

/** Score one tree on binned rows (bins are consistent with the float32 feature-space thresholds). */
function addTreeScores(
  tree: GbdtTree,
  bins: Uint8Array,
  rowCount: number,
  raw: Float64Array,
  k: number,
  sign = 1,
): void {
  const { feature, thresholdBin, missingLeft, left, right, value } = tree;
  const featureCount = bins.length / Math.max(rowCount, 1);
  for (let i = 0; i < rowCount; i++) {
    let node = 0;
    const base = i * featureCount;
    while (feature[node]! >= 0) {
      const b = bins[base + feature[node]!]!;
      const goLeft = b === MISSING_BIN ? missingLeft[node] === 1 : b <= thresholdBin[node]!;
      node = goLeft ? left[node]! : right[node]!;
    }
    raw[i * k + tree.output]! += sign * value[node]!;
  }
}

export function fitGbdt(
  data: GbdtFitData,
  loss: GbdtLoss,
  settings: GbdtFitSettings,
  seed: number,
  options: {
    onRound?: (info: GbdtRoundInfo) => void;
    /** Build large histograms on two threads when the machine has two cores (default true). */
    helperThread?: boolean;
    /** Memory for kept histograms (default 256 MiB), for tests of the low-memory path. */
    histogramBudgetBytes?: number;
  } = {},
): GbdtFitResult {
  const { onRound } = options;
  const n = data.target.length;
  const k = loss.scoresPerRow;
  const featureBins = fitFeatureBins(data.columns, settings.maxBins, seed);
  const matrix = applyFeatureBins(data.columns, featureBins);
  const validation = data.validation;
  const validationMatrix = validation ? applyFeatureBins(validation.columns, featureBins) : undefined;

  const baseScores = loss.initialScores(data.target);
  const raw = new Float64Array(n * k);
  for (let i = 0; i < n; i++) raw.set(baseScores, i * k);
  const validationRows = validation ? validation.target.length : 0;
  const validationRaw = new Float64Array(validationRows * k);
  for (let i = 0; i < validationRows; i++) validationRaw.set(baseScores, i * k);

  const grower = new TreeGrower(matrix, featureBins, {
    maxLeaves: settings.maxLeaves,
    maxDepth: settings.maxDepth,
    minSamplesLeaf: settings.minSamplesLeaf,
    minChildWeight: settings.minChildWeight,
    l2: settings.l2,
    learningRate: settings.learningRate,
    constantHessian: loss.constantHessian,
    helperThread: options.helperThread ?? true,
    ...(options.histogramBudgetBytes === undefined
      ? {}
      : { histogramBudgetBytes: options.histogramBudgetBytes }),
  });
  const grad = new Float64Array(n * k);
  const hess = new Float64Array(n * k).fill(1);

  const trees: GbdtTree[] = [];
  const validationLoss: number[] = [];
  let bestRound = 0;
  let bestLoss = Number.POSITIVE_INFINITY;
  let stoppedEarly = false;

  try {
    for (let round = 0; round < settings.nEstimators; round++) {
      loss.gradients(raw, data.target, grad, hess);
      for (let c = 0; c < k; c++) {
        const grown = grower.grow(grad.subarray(c * n, (c + 1) * n), hess.subarray(c * n, (c + 1) * n), c);
        trees.push(grown.tree);
        const { rows, leafNode, leafStart, leafEnd } = grown;
        for (let j = 0; j < leafNode.length; j++) {
          const v = grown.tree.value[leafNode[j]!]!;
          for (let i = leafStart[j]!; i < leafEnd[j]!; i++) raw[rows[i]! * k + c]! += v;
        }
        if (validationMatrix)
          addTreeScores(grown.tree, validationMatrix.bins, validationRows, validationRaw, k);
      }
      let valid: number | undefined;
      if (validation) {
        valid = loss.meanLoss(validationRaw, validation.target);
        validationLoss.push(valid);
      }
      onRound?.({ round: round + 1, validationLoss: valid });
      if (valid !== undefined && settings.earlyStoppingRounds > 0) {
        if (valid < bestLoss) {
          bestLoss = valid;
          bestRound = round + 1;
        } else if (round + 1 - bestRound >= settings.earlyStoppingRounds) {
          stoppedEarly = true;
          break;
        }
      }
    }
  } finally {
    grower.close();
  }
  const rounds = stoppedEarly ? bestRound : trees.length / k;
  if (stoppedEarly) {
    // Take the trees after the best round back out of the training scores.
    for (const tree of trees.slice(rounds * k)) subtractTreeScores(tree, matrix.bins, n, raw, k);
  }
  return {
    ensemble: {
      featureCount: data.columns.length,
      scoresPerRow: k,
      baseScores,
      trees: trees.slice(0, rounds * k),
    },
    rounds,
    stoppedEarly,
    trainLoss: loss.meanLoss(raw, data.target),
    validationLoss,
  };
}
