/**
 * The losses GBDT boosts on: gradients and hessians of the loss with respect to the raw score,
 * the constant initial score, and the loss value used for early stopping.
 *
 * Raw scores are row-major n × k (k = 1 for regression and binary, the class count for
 * multiclass). Targets are the value (regression) or the class index (classification).
 */

export const GbdtLossName = {
  squaredError: "squared_error",
  binaryLogistic: "binary_logistic",
  softmax: "softmax",
} as const;
export type GbdtLossName = (typeof GbdtLossName)[keyof typeof GbdtLossName];

export interface GbdtLoss {
  name: GbdtLossName;
  /** Raw scores per row: 1, or the number of classes for softmax. */
  scoresPerRow: number;
  /** True when the hessian is the same for every row (histograms then skip it). */
  constantHessian: boolean;
  /** The best constant raw score(s) before any tree. */
  initialScores(target: Float64Array): Float64Array;
  /**
   * Fill gradients and hessians of every output for every row, output-major: grad[k * n + row].
   * With a constant hessian, `hess` is left as it is (all ones).
   */
  gradients(raw: Float64Array, target: Float64Array, grad: Float64Array, hess: Float64Array): void;
  /** Mean loss over the rows (for early stopping and reporting). */
  meanLoss(raw: Float64Array, target: Float64Array): number;
}

const EPS = 1e-15;

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export const squaredErrorLoss: GbdtLoss = {
  name: GbdtLossName.squaredError,
  scoresPerRow: 1,
  constantHessian: true,
  initialScores(target) {
    let sum = 0;
    for (let i = 0; i < target.length; i++) sum += target[i]!;
    return Float64Array.of(target.length > 0 ? sum / target.length : 0);
  },
  gradients(raw, target, grad) {
    for (let i = 0; i < target.length; i++) grad[i] = raw[i]! - target[i]!;
  },
  meanLoss(raw, target) {
    let sum = 0;
    for (let i = 0; i < target.length; i++) {
      const d = raw[i]! - target[i]!;
      sum += d * d;
    }
    return sum / target.length;
  },
};

export const binaryLogisticLoss: GbdtLoss = {
  name: GbdtLossName.binaryLogistic,
  scoresPerRow: 1,
  constantHessian: false,
  initialScores(target) {
    let positives = 0;
    for (let i = 0; i < target.length; i++) positives += target[i]!;
    const p = Math.min(Math.max(positives / target.length, EPS), 1 - EPS);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(raw, target, grad, hess) {
    for (let i = 0; i < target.length; i++) {
      const p = sigmoid(raw[i]!);
      grad[i] = p - target[i]!;
      hess[i] = Math.max(p * (1 - p), EPS);
    }
  },
  meanLoss(raw, target) {
    let sum = 0;
    for (let i = 0; i < target.length; i++) {
      const z = raw[i]!;
      // log(1 + e^z) - y z, computed without overflow.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - target[i]! * z;
    }
    return sum / target.length;
  },
};

export function softmaxLoss(classCount: number): GbdtLoss {
  const k = classCount;
  return {
    name: GbdtLossName.softmax,
    scoresPerRow: k,
    constantHessian: false,
    initialScores(target) {
      const counts = new Float64Array(k);
      for (let i = 0; i < target.length; i++) counts[target[i]!]!++;
      const scores = new Float64Array(k);
      for (let c = 0; c < k; c++) scores[c] = Math.log(Math.max(counts[c]! / target.length, EPS));
      return scores;
    },
    gradients(raw, target, grad, hess) {
      const n = target.length;
      const exps = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        const base = i * k;
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) max = Math.max(max, raw[base + c]!);
        let sum = 0;
        for (let c = 0; c < k; c++) {
          const e = Math.exp(raw[base + c]! - max);
          exps[c] = e;
          sum += e;
        }
        const y = target[i]!;
        for (let c = 0; c < k; c++) {
          const p = exps[c]! / sum;
          grad[c * n + i] = p - (y === c ? 1 : 0);
          hess[c * n + i] = Math.max(p * (1 - p), EPS);
        }
      }
    },
    meanLoss(raw, target) {
      let total = 0;
      for (let i = 0; i < target.length; i++) {
        const base = i * k;
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) max = Math.max(max, raw[base + c]!);
        let sum = 0;
        for (let c = 0; c < k; c++) sum += Math.exp(raw[base + c]! - max);
        total += Math.log(sum) + max - raw[base + target[i]!]!;
      }
      return total / target.length;
    },
  };
}
