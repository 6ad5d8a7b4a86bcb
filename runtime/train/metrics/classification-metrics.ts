/**
 * Classification metrics from actual classes, predicted classes and (optionally) class
 * probabilities: accuracy, precision/recall/F1 per class and macro-averaged, ROC AUC (binary: the
 * second class is positive; multiclass: one-vs-rest macro), log loss and the confusion matrix. A
 * class never predicted has precision 0 (as scikit-learn's zero_division default).
 */
import { rocAuc, rocAucOneVsRest } from "./roc-auc.js";

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose actual class this is. */
  support: number;
}

export interface ClassificationMetrics {
  rows: number;
  accuracy: number;
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  /** Absent when the probabilities are unknown or only one class occurs. */
  roc_auc?: number;
  log_loss?: number;
  per_class: Record<string, ClassMetrics>;
  /** matrix[actual][predicted] counts, rows and columns in the order of `labels`. */
  confusion_matrix: { labels: string[]; matrix: number[][] };
}

/** matrix[actual][predicted] counts. */
export function confusionMatrix(actual: Int32Array, predicted: Int32Array, k: number): number[][] {
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < actual.length; i++) matrix[actual[i]!]![predicted[i]!]!++;
  return matrix;
}

/** Mean negative log-likelihood of the actual class, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: ArrayLike<number>, actual: Int32Array, k: number): number {
  let sum = 0;
  for (let r = 0; r < actual.length; r++) {
    const p = Math.min(Math.max(probabilities[r * k + actual[r]!]!, 1e-15), 1 - 1e-15);
    sum -= Math.log(p);
  }
  return sum / actual.length;
}

export function classificationMetrics(
  classes: readonly string[],
  actual: Int32Array,
  predicted: Int32Array,
  probabilities?: ArrayLike<number>,
): ClassificationMetrics {
  const k = classes.length;
  const rows = actual.length;
  const matrix = confusionMatrix(actual, predicted, k);
  let correct = 0;
  for (let c = 0; c < k; c++) correct += matrix[c]![c]!;
  const perClass: Record<string, ClassMetrics> = {};
  let precisionSum = 0;
  let recallSum = 0;
  let f1Sum = 0;
  for (let c = 0; c < k; c++) {
    const truePositives = matrix[c]![c]!;
    let predictedCount = 0;
    for (let a = 0; a < k; a++) predictedCount += matrix[a]![c]!;
    const support = matrix[c]!.reduce((s, v) => s + v, 0);
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[classes[c]!] = { precision, recall, f1, support };
    precisionSum += precision;
    recallSum += recall;
    f1Sum += f1;
  }
  const result: ClassificationMetrics = {
    rows,
    accuracy: rows === 0 ? 0 : correct / rows,
    precision_macro: precisionSum / k,
    recall_macro: recallSum / k,
    f1_macro: f1Sum / k,
    per_class: perClass,
    confusion_matrix: { labels: [...classes], matrix },
  };
  if (probabilities !== undefined && rows > 0) {
    let auc: number | undefined;
    if (k === 2) {
      const scores = new Float64Array(rows);
      const positive = new Uint8Array(rows);
      for (let r = 0; r < rows; r++) {
        scores[r] = probabilities[r * 2 + 1]!;
        positive[r] = actual[r] === 1 ? 1 : 0;
      }
      auc = rocAuc(scores, positive);
    } else {
      auc = rocAucOneVsRest(probabilities, actual, k);
    }
    if (auc !== undefined) result.roc_auc = auc;
    result.log_loss = logLoss(probabilities, actual, k);
  }
  return result;
}
