import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import type { Table } from "../../runtime/data/table.js";
import { silentLogger } from "../../runtime/logger.js";
import { fitLogisticRegression } from "../../runtime/train/fit-logistic-regression.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";
import { trainModel } from "../../runtime/train/train-model.js";
import type { Predictions } from "../../runtime/train/trainer.js";
import { gaussian, syntheticRows, tableOf } from "./table-fixtures.js";

/** Solves A x = b by Gaussian elimination with partial pivoting (written here, independent of the trainers). */
function gaussianElimination(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

function numericRows(n: number, seed: number) {
  const random = seededRandom(seed);
  const x1: number[] = [];
  const x2: number[] = [];
  const x3: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = gaussian(random) * 3 + 2;
    const b = random() * 10;
    const c = gaussian(random) + 0.3 * a;
    x1.push(a);
    x2.push(b);
    x3.push(c);
    y.push(4 - 1.5 * a + 0.7 * b + 2 * c + gaussian(random));
  }
  return { x1, x2, x3, y };
}

async function onnxOutputs(bytes: Uint8Array, table: Table): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    const column = table.columns.find((c) => c.name === name)!;
    feeds[name] =
      column.kind === "categorical"
        ? new ort.Tensor(
            "string",
            Array.from(column.codes, (code) => (code < 0 ? "" : column.categories[code]!)),
            [table.rowCount, 1],
          )
        : new ort.Tensor("float32", Float32Array.from(column.values), [table.rowCount, 1]);
  }
  return session.run(feeds);
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
  }
  expect(worst).toBeLessThan(relative);
}

describe("linear regression (ridge)", () => {
  const data = numericRows(80, 3);
  const table = tableOf(data);

  it("with alpha 0 gives the least-squares fit of the normal equations", async () => {
    const { model } = await trainModel({
      algorithm: "linear",
      table,
      target: "y",
      params: { alpha: "0" },
      validation: 0,
      logger: silentLogger,
    });
    // Normal equations on the raw design [1, x1, x2, x3]; least squares does not depend on scaling.
    const design = data.y.map((_, i) => [1, data.x1[i]!, data.x2[i]!, data.x3[i]!]);
    const xtx = [0, 1, 2, 3].map((j) =>
      [0, 1, 2, 3].map((k) => design.reduce((s, row) => s + row[j]! * row[k]!, 0)),
    );
    const xty = [0, 1, 2, 3].map((j) => design.reduce((s, row, i) => s + row[j]! * data.y[i]!, 0));
    const beta = gaussianElimination(xtx, xty);
    const expected = design.map((row) => row.reduce((s, v, j) => s + v * beta[j]!, 0));
    const predicted = model.predict(table) as Extract<Predictions, { task: "regression" }>;
    expectClose(predicted.values, expected, 1e-5);
    const onnx = await onnxOutputs(model.onnx, table);
    expectClose(onnx.prediction!.data as Float32Array, expected, 1e-5);
  });

  it("with alpha > 0 penalizes the standardized coefficients but not the intercept", async () => {
    const alpha = 25;
    const { model } = await trainModel({
      algorithm: "linear",
      table,
      target: "y",
      params: { alpha },
      validation: 0,
      logger: silentLogger,
    });
    const n = data.y.length;
    const columns = [data.x1, data.x2, data.x3];
    const means = columns.map((c) => c.reduce((s, v) => s + v, 0) / n);
    const stds = columns.map((c, j) => Math.sqrt(c.reduce((s, v) => s + (v - means[j]!) ** 2, 0) / n));
    const z = columns.map((c, j) => c.map((v) => (v - means[j]!) / stds[j]!));
    const yMean = data.y.reduce((s, v) => s + v, 0) / n;
    // (ZᵀZ + alpha I) w = Zᵀ(y - ȳ); Z is centered, so the intercept is ȳ.
    const a = [0, 1, 2].map((j) =>
      [0, 1, 2].map((k) => z[j]!.reduce((s, v, i) => s + v * z[k]![i]!, 0) + (j === k ? alpha : 0)),
    );
    const b = [0, 1, 2].map((j) => z[j]!.reduce((s, v, i) => s + v * (data.y[i]! - yMean), 0));
    const w = gaussianElimination(a, b);
    const expected = data.y.map((_, i) => yMean + w.reduce((s, wj, j) => s + wj * z[j]![i]!, 0));
    const predicted = model.predict(table) as Extract<Predictions, { task: "regression" }>;
    expectClose(predicted.values, expected, 1e-5);
    // A penalty that strong visibly shrinks the fit: it is not the least-squares one.
    const spread = (v: ArrayLike<number>) => Math.max(...Array.from(v)) - Math.min(...Array.from(v));
    expect(spread(predicted.values)).toBeLessThan(spread(data.y));
  });
});

describe("logistic regression reaches a gradient norm below 1e-6", () => {
  // Non-separable data: labels drawn from a logistic model, so every region has both classes.
  function logisticData(n: number, classes: number, seed: number) {
    const random = seededRandom(seed);
    const p = 4;
    const x = new Float64Array(n * p);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) x[i * p + j] = gaussian(random);
      const scores = Array.from({ length: classes }, (_, c) => {
        let s = 0.3 * c;
        for (let j = 0; j < p; j++) s += Math.sin(1 + c * 3 + j) * x[i * p + j]!;
        return s;
      });
      const exps = scores.map(Math.exp);
      const total = exps.reduce((s, v) => s + v, 0);
      // Draw the class from the softmax probabilities.
      const u = random() * total;
      let cumulative = 0;
      let drawn = classes - 1;
      for (let c = 0; c < classes; c++) {
        cumulative += exps[c]!;
        if (u < cumulative) {
          drawn = c;
          break;
        }
      }
      y[i] = drawn;
    }
    return { x, y, n, p };
  }

  /** Gradient of mean log loss + (lambda/2)||W||², written out independently of the solver. */
  function gradientNorm(
    data: ReturnType<typeof logisticData>,
    classes: number,
    weights: Float64Array,
    intercepts: Float64Array,
    c: number,
  ): number {
    const { x, y, n, p } = data;
    const lambda = 1 / (c * n);
    const k = classes === 2 ? 1 : classes;
    const gw = new Float64Array(p * k);
    const gb = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const scores = Array.from({ length: k }, (_, o) => {
        let s = intercepts[o]!;
        for (let j = 0; j < p; j++) s += x[i * p + j]! * weights[j * k + o]!;
        return s;
      });
      let residuals: number[];
      if (classes === 2) {
        residuals = [1 / (1 + Math.exp(-scores[0]!)) - (y[i] === 1 ? 1 : 0)];
      } else {
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const total = exps.reduce((s, v) => s + v, 0);
        residuals = exps.map((e, o) => e / total - (y[i] === o ? 1 : 0));
      }
      for (let o = 0; o < k; o++) {
        gb[o]! += residuals[o]! / n;
        for (let j = 0; j < p; j++) gw[j * k + o]! += (residuals[o]! * x[i * p + j]!) / n;
      }
    }
    let sum = 0;
    for (let i = 0; i < gw.length; i++) sum += (gw[i]! + lambda * weights[i]!) ** 2;
    for (let o = 0; o < k; o++) sum += gb[o]! ** 2;
    return Math.sqrt(sum);
  }

  it.each([
    ["binary, Newton", 2, "newton"],
    ["binary, L-BFGS", 2, "lbfgs"],
    ["multinomial (4 classes), L-BFGS", 4, "lbfgs"],
  ] as const)("%s", (_name, classes, solver) => {
    const data = logisticData(3000, classes, 11);
    const fit = fitLogisticRegression(data.x, data.n, data.p, data.y, classes, {
      c: 0.5,
      tolerance: 1e-9,
      maxIterations: 1000,
      solver,
    });
    expect(fit.converged).toBe(true);
    expect(gradientNorm(data, classes, fit.weights, fit.intercepts, 0.5)).toBeLessThan(1e-6);
  });

  it("gives the same binary solution with Newton and with L-BFGS", () => {
    const data = logisticData(2000, 2, 5);
    const options = { c: 1, tolerance: 1e-10, maxIterations: 1000 };
    const newton = fitLogisticRegression(data.x, data.n, data.p, data.y, 2, { ...options, solver: "newton" });
    const lbfgs = fitLogisticRegression(data.x, data.n, data.p, data.y, 2, { ...options, solver: "lbfgs" });
    expectClose(lbfgs.weights, newton.weights, 1e-6);
    expectClose(lbfgs.intercepts, newton.intercepts, 1e-6);
  });
});

describe("the exported ONNX model predicts what the trainer predicts", () => {
  /** Held-out style rows with missing numbers, missing categories and a colour never seen in training. */
  function awkwardRows(): Table {
    const rows = syntheticRows(300, { seed: 99, task: "regression", missingEvery: 5 });
    const colour = rows.colour;
    for (let i = 0; i < colour.length; i += 7) colour[i] = "purple";
    const x2 = rows.x2;
    for (let i = 1; i < x2.length; i += 11) x2[i] = null;
    return tableOf({ x1: rows.x1, x2, colour });
  }

  it.each([
    ["linear", "regression"],
    ["logistic", "binary"],
    ["logistic", "multiclass"],
  ] as const)(
    "%s (%s) on held-out rows with missing values and unseen categories",
    async (algorithm, task) => {
      const table = tableOf(syntheticRows(1200, { task, missingEvery: 9 }));
      const result = await trainModel({
        algorithm,
        table,
        target: "y",
        validation: 0.25,
        seed: 4,
        logger: silentLogger,
      });
      for (const rows of [result.validation, awkwardRows()]) {
        const inProcess = result.model.predict(rows);
        const onnx = await onnxOutputs(result.model.onnx, rows);
        if (inProcess.task === "regression") {
          expectClose(onnx.prediction!.data as Float32Array, inProcess.values, 1e-5);
        } else {
          expectClose(onnx.probabilities!.data as Float32Array, inProcess.probabilities, 1e-5);
          const k = inProcess.classes.length;
          const labels = onnx.label!.data as string[];
          for (let r = 0; r < rows.rowCount; r++) {
            const row = Array.from(inProcess.probabilities.subarray(r * k, r * k + k));
            expect(labels[r]).toBe(inProcess.classes[row.indexOf(Math.max(...row))]);
          }
        }
      }
    },
  );

  it("records the classes in sorted order and reports the solver's final gradient norm", async () => {
    const table = tableOf(syntheticRows(600, { task: "multiclass" }));
    const { model } = await trainModel({ algorithm: "logistic", table, target: "y", logger: silentLogger });
    expect(model.classes).toEqual(["high", "low", "mid"]);
    expect(Number(model.training?.gradientNorm)).toBeLessThan(1e-6);
  });
});
