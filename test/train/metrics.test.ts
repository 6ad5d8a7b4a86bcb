import { describe, expect, it } from "vitest";
import { classificationMetrics, logLoss } from "../../runtime/train/metrics/classification-metrics.js";
import { regressionMetrics } from "../../runtime/train/metrics/regression-metrics.js";
import { rocAuc, rocAucOneVsRest } from "../../runtime/train/metrics/roc-auc.js";

// Expected values are the published examples of scikit-learn's metric functions.
describe("classification metrics", () => {
  it("match scikit-learn's precision_recall_fscore_support macro example", () => {
    // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1] → P 0.222…, R 0.333…, F1 0.266…
    const m = classificationMetrics(
      ["0", "1", "2"],
      Int32Array.of(0, 1, 2, 0, 1, 2),
      Int32Array.of(0, 2, 1, 0, 0, 1),
    );
    expect(m.precision_macro).toBeCloseTo(0.2222222222, 9);
    expect(m.recall_macro).toBeCloseTo(0.3333333333, 9);
    expect(m.f1_macro).toBeCloseTo(0.2666666667, 9);
    expect(m.accuracy).toBeCloseTo(1 / 3, 12);
    expect(m.per_class["0"]).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, support: 2 });
    expect(m.confusion_matrix).toEqual({
      labels: ["0", "1", "2"],
      matrix: [
        [2, 0, 0],
        [1, 0, 1],
        [0, 2, 0],
      ],
    });
  });

  it("compute log loss as scikit-learn's example: 0.21616…", () => {
    // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) with classes [ham, spam]
    const p = Float64Array.of(0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65);
    expect(logLoss(p, Int32Array.of(1, 0, 0, 1), 2)).toBeCloseTo(0.21616187468057912, 12);
  });

  it("compute binary ROC AUC as scikit-learn's example: 0.75", () => {
    expect(rocAuc(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))).toBe(0.75);
  });

  it("give tied scores half credit", () => {
    expect(rocAuc(Float64Array.of(0.5, 0.5), Uint8Array.of(0, 1))).toBe(0.5);
  });

  it("average one-vs-rest AUCs over the classes for multiclass", () => {
    // Perfect ranking for class 0, reversed for class 1, and class 2 never occurs (left out).
    const probabilities = Float64Array.of(0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.8, 0.1, 0.1);
    const actual = Int32Array.of(0, 0, 1);
    // class 0: positives rows 0,1 (scores .9, .1) vs negative row 2 (.8) → 0.5; class 1: positive row 2 (.1) vs .05, .8 → 0.5
    expect(rocAucOneVsRest(probabilities, actual, 3)).toBe(0.5);
  });

  it("leave AUC out when only one class occurs", () => {
    const m = classificationMetrics(
      ["a", "b"],
      Int32Array.of(0, 0),
      Int32Array.of(0, 1),
      Float64Array.of(0.6, 0.4, 0.3, 0.7),
    );
    expect(m.roc_auc).toBeUndefined();
    expect(m.log_loss).toBeCloseTo((-Math.log(0.6) - Math.log(0.3)) / 2, 12);
  });
});

describe("regression metrics", () => {
  it("match scikit-learn's examples for MAE, RMSE, R² and MAPE", () => {
    // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8]
    const m = regressionMetrics(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8));
    expect(m.mae).toBe(0.5);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(m.r2).toBeCloseTo(0.9486081370449679, 12);
    expect(m.mape).toBeCloseTo(0.3273809523809524, 12);
    expect(m.mean_error).toBe(0.25);
  });

  it("leave R² out for a constant target", () => {
    expect(regressionMetrics(Float64Array.of(2, 2), Float64Array.of(1, 3)).r2).toBeUndefined();
  });
});
