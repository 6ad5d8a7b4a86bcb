import { describe, expect, it } from "vitest";
import {
  applyFeatureBins,
  binOf,
  fitFeatureBins,
  MISSING_BIN,
  quantileThresholds,
} from "../../runtime/train/gbdt/feature-bins.js";
import { fitGbdt, type GbdtFitSettings } from "../../runtime/train/gbdt/fit-gbdt.js";
import { binaryLogisticLoss, softmaxLoss, squaredErrorLoss } from "../../runtime/train/gbdt/gbdt-loss.js";
import { predictRawScores } from "../../runtime/train/gbdt/gbdt-tree.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";

const settings = (overrides: Partial<GbdtFitSettings> = {}): GbdtFitSettings => ({
  nEstimators: 1,
  learningRate: 1,
  maxDepth: Number.POSITIVE_INFINITY,
  maxLeaves: 2,
  minSamplesLeaf: 1,
  minChildWeight: 0,
  l2: 0,
  maxBins: 255,
  earlyStoppingRounds: 0,
  ...overrides,
});

describe("quantile binning", () => {
  it("gives each distinct value its own bin when there are few, cutting halfway between them", () => {
    const thresholds = quantileThresholds(Float32Array.of(1, 1, 2, 3, 3, 3), 255);
    expect(Array.from(thresholds)).toEqual([1.5, 2.5]);
    expect([1, 1.5, 1.6, 2, 2.5, 2.6, 3, 100, -100].map((x) => binOf(thresholds, x))).toEqual([
      0, 0, 1, 1, 1, 2, 2, 2, 0,
    ]);
    expect(binOf(thresholds, Number.NaN)).toBe(MISSING_BIN);
  });

  it("cuts many values into max_bins bins of about equal counts", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const fitted = fitFeatureBins([values], 10, 1);
    expect(fitted.binCounts[0]).toBe(10);
    const counts = new Array<number>(10).fill(0);
    for (const v of values) counts[binOf(fitted.thresholds[0]!, v)]!++;
    for (const c of counts) expect(c).toBe(100);
  });

  it("compares in float32, as the ONNX model does: values equal in float32 share a bin", () => {
    const a = 0.1;
    const b = 0.1 + 1e-12; // a different double, the same float32
    expect(Math.fround(a)).toBe(Math.fround(b));
    const thresholds = quantileThresholds(Float32Array.of(a, 0.2), 255);
    expect(binOf(thresholds, a)).toBe(binOf(thresholds, b));
    expect(Math.fround(thresholds[0]!)).toBe(thresholds[0]);
  });

  it("bins a matrix row-major exactly as a binary search over the thresholds would", () => {
    const random = seededRandom(3);
    const rows = 5000;
    const skewed = Float64Array.from(
      { length: rows },
      () => Math.exp(random() * 20) * (random() < 0.5 ? -1 : 1),
    );
    const special = Float64Array.from(
      { length: rows },
      (_, i) => [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0][i % 5]!,
    );
    const small = Float64Array.from({ length: rows }, () => Math.floor(random() * 7));
    const columns = [skewed, special, small];
    const fitted = fitFeatureBins(columns, 64, 9);
    // Thresholds themselves must land in the bin they close.
    columns[0]!.set(fitted.thresholds[0]!.subarray(0, 50), 0);
    const matrix = applyFeatureBins(columns, fitted);
    const expected = new Uint8Array(rows * columns.length);
    for (let f = 0; f < columns.length; f++) {
      for (let i = 0; i < rows; i++)
        expected[i * columns.length + f] = binOf(fitted.thresholds[f]!, columns[f]![i]!);
    }
    expect(matrix.bins).toEqual(expected);
    expect(new Set(matrix.bins.filter((_, i) => i % 3 === 1))).toEqual(new Set([MISSING_BIN, 0, 1, 2]));
  });
});

describe("a single tree", () => {
  it("splits a step halfway between the two sides and predicts each side's mean", () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const y = Float64Array.from(x, (v) => (v < 30 ? 1 + (v % 3) : 5 + (v % 2)));
    const meanLow = y.slice(0, 30).reduce((s, v) => s + v, 0) / 30;
    const meanHigh = y.slice(30).reduce((s, v) => s + v, 0) / 70;
    const fit = fitGbdt({ columns: [x], target: y }, squaredErrorLoss, settings(), 1);
    const tree = fit.ensemble.trees[0]!;
    expect(tree.threshold[0]).toBe(29.5);
    const raw = predictRawScores(fit.ensemble, [Float64Array.of(0, 29, 29.5, 30, 99, Number.NaN)]);
    expect(raw[0]).toBeCloseTo(meanLow, 12);
    expect(raw[1]).toBeCloseTo(meanLow, 12);
    expect(raw[2]).toBeCloseTo(meanLow, 12);
    expect(raw[3]).toBeCloseTo(meanHigh, 12);
    expect(raw[4]).toBeCloseTo(meanHigh, 12);
    // No missing value in training: a missing one follows the larger side.
    expect(raw[5]).toBeCloseTo(meanHigh, 12);
  });

  describe.each([
    ["with the high side", 1, 1],
    ["with the low side", 0, 0],
  ])("learns where missing values go: missing rows whose target agrees %s", (_, missingTarget, expected) => {
    it(`predicts ${expected} for a missing value`, () => {
      const x = Float64Array.from({ length: 120 }, (_, i) => (i % 4 === 0 ? Number.NaN : i - 60));
      const y = Float64Array.from(x, (v) => (Number.isNaN(v) ? missingTarget : v > 0 ? 1 : 0));
      const fit = fitGbdt({ columns: [x], target: y }, squaredErrorLoss, settings(), 1);
      const raw = predictRawScores(fit.ensemble, [Float64Array.of(Number.NaN, -10, 10)]);
      expect(raw[0]).toBeCloseTo(expected, 12);
      expect(raw[1]).toBeCloseTo(0, 12);
      expect(raw[2]).toBeCloseTo(1, 12);
    });
  });

  it("applies l2 and the learning rate to a leaf value: -rate · G / (H + l2)", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const y = Float64Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : 10));
    const fit = fitGbdt(
      { columns: [x], target: y },
      squaredErrorLoss,
      settings({ learningRate: 0.5, l2: 5 }),
      1,
    );
    // Base 5; left gradients (5 - 0) × 5 rows = 25, hessian 5: value -0.5 · 25 / 10 = -1.25.
    const raw = predictRawScores(fit.ensemble, [Float64Array.of(0, 9)]);
    expect(raw[0]).toBeCloseTo(5 - 1.25, 12);
    expect(raw[1]).toBeCloseTo(5 + 1.25, 12);
  });
});

describe("classification losses", () => {
  it("predict the class frequencies when no feature can split", () => {
    const constant = new Float64Array(50).fill(1);
    const binary = Float64Array.from({ length: 50 }, (_, i) => (i < 10 ? 1 : 0));
    const fit = fitGbdt(
      { columns: [constant], target: binary },
      binaryLogisticLoss,
      settings({ nEstimators: 3 }),
      1,
    );
    const raw = predictRawScores(fit.ensemble, [Float64Array.of(1)]);
    expect(1 / (1 + Math.exp(-raw[0]!))).toBeCloseTo(10 / 50, 12);

    const three = Float64Array.from({ length: 50 }, (_, i) => (i < 5 ? 0 : i < 20 ? 1 : 2));
    const multi = fitGbdt(
      { columns: [constant], target: three },
      softmaxLoss(3),
      settings({ nEstimators: 2 }),
      1,
    );
    expect(multi.ensemble.trees).toHaveLength(2 * 3);
    const scores = predictRawScores(multi.ensemble, [Float64Array.of(1)]);
    const exps = Array.from(scores, Math.exp);
    const total = exps.reduce((s, v) => s + v, 0);
    expect(exps.map((e) => e / total)).toEqual([
      expect.closeTo(5 / 50, 12),
      expect.closeTo(15 / 50, 12),
      expect.closeTo(30 / 50, 12),
    ]);
  });

  it("separate classes along a feature with one tree per class and round", () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => i);
    const y = Float64Array.from(x, (v) => (v < 100 ? 0 : v < 200 ? 1 : 2));
    const fit = fitGbdt(
      { columns: [x], target: y },
      softmaxLoss(3),
      settings({ nEstimators: 20, learningRate: 0.3, maxLeaves: 3 }),
      1,
    );
    const raw = predictRawScores(fit.ensemble, [Float64Array.of(50, 150, 250)]);
    for (let row = 0; row < 3; row++) {
      const scores = Array.from(raw.subarray(row * 3, row * 3 + 3));
      expect(scores.indexOf(Math.max(...scores))).toBe(row);
    }
    expect(fit.trainLoss).toBeLessThan(0.05);
  });
});

describe("large nodes and memory limits", () => {
  // Enough rows that the root and big nodes are built in two halves (on a helper thread when the
  // machine has two cores).
  const rows = 70_000;
  const random = seededRandom(17);
  const columns = Array.from({ length: 3 }, (_, f) =>
    Float64Array.from({ length: rows }, () => (f === 0 && random() < 0.02 ? Number.NaN : random() * 4 - 2)),
  );
  const target = Float64Array.from({ length: rows }, (_, i) => {
    const a = columns[0]![i]!;
    return (Number.isNaN(a) ? 1 : Math.sin(a)) * columns[1]![i]! + (columns[2]![i]! > 0 ? 1 : 0);
  });
  const big = settings({ nEstimators: 3, learningRate: 0.3, maxLeaves: 15, minSamplesLeaf: 20 });

  it("grows the same trees with and without the helper thread", () => {
    const threaded = fitGbdt({ columns, target }, squaredErrorLoss, big, 1, { helperThread: true });
    const single = fitGbdt({ columns, target }, squaredErrorLoss, big, 1, { helperThread: false });
    expect(threaded.ensemble.trees.length).toBe(3);
    expect(threaded.ensemble.trees).toEqual(single.ensemble.trees);
    expect(threaded.trainLoss).toBe(single.trainLoss);
    // And it learned: the loss is well below the target's variance (about 1.0).
    expect(threaded.trainLoss).toBeLessThan(0.5);
  });

  it("grows the same trees when memory holds only three histograms at a time", () => {
    const deep = settings({ nEstimators: 2, learningRate: 0.3, maxLeaves: 40, minSamplesLeaf: 5 });
    const roomy = fitGbdt({ columns, target }, squaredErrorLoss, deep, 1);
    const tight = fitGbdt({ columns, target }, squaredErrorLoss, deep, 1, { histogramBudgetBytes: 1 });
    expect(roomy.ensemble.trees[0]!.feature.length).toBe(2 * 40 - 1);
    // Rebuilding a histogram instead of subtracting changes float sums in the last bits only.
    tight.ensemble.trees.forEach((tree, t) => {
      const other = roomy.ensemble.trees[t]!;
      expect(tree.feature).toEqual(other.feature);
      expect(tree.thresholdBin).toEqual(other.thresholdBin);
      expect(tree.missingLeft).toEqual(other.missingLeft);
      tree.value.forEach((v, i) => {
        expect(v).toBeCloseTo(other.value[i]!, 9);
      });
    });
  });

  it("predicts in feature space exactly what training computed on bins", () => {
    const logistic = fitGbdt(
      { columns, target: Float64Array.from(target, (v) => (v > 0.5 ? 1 : 0)) },
      binaryLogisticLoss,
      big,
      1,
    );
    // Early stopping's validation scoring runs on bins; feature-space prediction must agree with it.
    const validation = { columns: columns.map((c) => c.subarray(0, 5000)), target: target.subarray(0, 5000) };
    const withValidation = fitGbdt(
      { columns, target, validation },
      squaredErrorLoss,
      settings({ ...big, nEstimators: 2 }),
      1,
    );
    const raw = predictRawScores(withValidation.ensemble, validation.columns);
    let mse = 0;
    for (let i = 0; i < 5000; i++) mse += (raw[i]! - validation.target[i]!) ** 2;
    expect(mse / 5000).toBeCloseTo(withValidation.validationLoss[1]!, 12);
    expect(logistic.trainLoss).toBeLessThan(Math.log(2));
  });
});

describe("many features", () => {
  it("splits on the one informative feature out of 300 (the histogram kernel with a feature loop)", () => {
    const rows = 400;
    const random = seededRandom(8);
    const columns = Array.from({ length: 300 }, () => Float64Array.from({ length: rows }, () => random()));
    const target = Float64Array.from({ length: rows }, (_, i) => (columns[299]![i]! > 0.5 ? 3 : -3));
    for (const loss of [squaredErrorLoss, binaryLogisticLoss]) {
      const y = loss === squaredErrorLoss ? target : Float64Array.from(target, (v) => (v > 0 ? 1 : 0));
      const fit = fitGbdt({ columns, target: y }, loss, settings({ nEstimators: 2 }), 1);
      const root = fit.ensemble.trees[0]!;
      expect(root.feature[0]).toBe(299);
      expect(Math.abs(root.threshold[0]! - 0.5)).toBeLessThan(0.01);
    }
  });
});
