import { describe, expect, it } from "vitest";
import type { Table } from "../../runtime/data/table.js";
import { UsageError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logger.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";
import { trainModel } from "../../runtime/train/train-model.js";
import { gaussian, tableOf } from "./table-fixtures.js";

/** y = sin(x1)·x2 + [x3 > 0] + noise (sd 0.1), plus a feature that is pure noise. */
function nonLinear(rows: number, seed: number): Table {
  const random = seededRandom(seed);
  const x1: number[] = [];
  const x2: number[] = [];
  const x3: number[] = [];
  const x4: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const a = random() * 6 - 3;
    const b = random() * 4 - 2;
    const c = gaussian(random);
    x1.push(a);
    x2.push(b);
    x3.push(c);
    x4.push(gaussian(random));
    y.push(Math.sin(a) * b + (c > 0 ? 1 : 0) + gaussian(random) * 0.1);
  }
  return tableOf({ x1, x2, x3, x4, y });
}

function targetOf(table: Table): Float64Array {
  const column = table.columns.find((c) => c.name === "y")!;
  if (column.kind === "categorical") throw new Error("numeric target expected");
  return column.values;
}

/** Mean squared error of a trained regression model on its held-out rows. */
async function heldOutMse(algorithm: string, table: Table, params: Record<string, string>): Promise<number> {
  const result = await trainModel({
    algorithm,
    table,
    target: "y",
    params,
    seed: 1,
    validation: 0.3,
    logger: silentLogger,
  });
  const predictions = result.model.predict(result.validation);
  if (predictions.task !== "regression") throw new Error("regression expected");
  const y = targetOf(result.validation);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (predictions.values[i]! - y[i]!) ** 2;
  return sum / y.length;
}

describe("gbdt on a non-linear problem", () => {
  const table = nonLinear(4000, 21);

  it("beats a single tree and the linear model on held-out rows", async () => {
    const boosted = await heldOutMse("gbdt", table, {});
    const singleTree = await heldOutMse("gbdt", table, { n_estimators: "1", learning_rate: "1" });
    const linear = await heldOutMse("linear", table, {});
    // The target's variance is about 1.7 and the noise's 0.01; a linear fit cannot express sin(x1)·x2.
    expect(linear).toBeGreaterThan(0.5);
    expect(singleTree).toBeLessThan(linear);
    expect(boosted).toBeLessThan(singleTree / 3);
    expect(boosted).toBeLessThan(linear / 10);
  });

  it("stops early when the validation loss keeps rising, keeping the best round", async () => {
    // A target of pure noise: every tree after the first few fits noise, so the validation loss rises.
    const random = seededRandom(5);
    const rows = 600;
    const noise = tableOf({
      a: Array.from({ length: rows }, () => gaussian(random)),
      b: Array.from({ length: rows }, () => gaussian(random)),
      y: Array.from({ length: rows }, () => gaussian(random)),
    });
    const params = {
      n_estimators: "200",
      learning_rate: "0.5",
      min_samples_leaf: "2",
      early_stopping_rounds: "5",
    };
    const stopped = await trainModel({
      algorithm: "gbdt",
      table: noise,
      target: "y",
      params,
      validation: 0.3,
      logger: silentLogger,
    });
    const full = await trainModel({
      algorithm: "gbdt",
      table: noise,
      target: "y",
      params: { ...params, early_stopping_rounds: "0" },
      validation: 0.3,
      logger: silentLogger,
    });
    const training = stopped.model.training!;
    expect(training.stoppedEarly).toBe(true);
    expect(Number(training.rounds)).toBeLessThan(200);
    expect(training.roundsGrown).toBe(Number(training.rounds) + 5);
    expect(full.model.training!.rounds).toBe(200);
    expect(full.model.training!.trees).toBe(200);

    const mse = (model: typeof stopped) => {
      const p = model.model.predict(model.validation);
      if (p.task !== "regression") throw new Error("regression expected");
      const y = targetOf(model.validation);
      return y.reduce((sum, v, i) => sum + (p.values[i]! - v) ** 2, 0) / y.length;
    };
    expect(mse(stopped)).toBeLessThan(mse(full));
    expect(mse(stopped)).toBeCloseTo(Number(training.validationLoss), 10);
  });
});

describe("gbdt parameters", () => {
  const table = nonLinear(100, 2);
  const train = (params: Record<string, unknown>) =>
    trainModel({ algorithm: "gbdt", table, target: "y", params, logger: silentLogger });

  it("rejects an unknown parameter and lists the known ones, sorted", async () => {
    await expect(train({ max_dept: "3" })).rejects.toThrow(
      new UsageError(
        "algorithm 'gbdt' has no parameter 'max_dept'; its parameters are early_stopping_rounds, l2, learning_rate, max_bins, max_depth, max_leaves, min_child_weight, min_samples_leaf, n_estimators.",
      ),
    );
  });

  it.each([
    ["learning_rate", "0", "expected a number > 0"],
    ["learning_rate", "1.5", "expected a number <= 1"],
    ["max_bins", "300", "expected a number <= 255"],
    ["max_bins", "1", "expected a number >= 2"],
    ["n_estimators", "2.5", "expected a whole number"],
    ["max_leaves", "many", "expected a number"],
    ["min_samples_leaf", "0", "expected a number >= 1"],
    ["l2", "-1", "expected a number >= 0"],
  ])("rejects %s=%s (%s)", async (key, value, expected) => {
    await expect(train({ [key]: value })).rejects.toThrow(UsageError);
    await expect(train({ [key]: value })).rejects.toThrow(`parameter '${key}' of algorithm 'gbdt'`);
    await expect(train({ [key]: value })).rejects.toThrow(expected);
  });

  it("respects max_depth and max_leaves", async () => {
    const depthOne = await train({ n_estimators: 3, max_depth: 1 });
    expect(depthOne.model.training!.leaves).toBe(3 * 2);
    const fourLeaves = await train({ n_estimators: 2, max_leaves: 4, min_samples_leaf: 1 });
    expect(fourLeaves.model.training!.leaves).toBe(2 * 4);
  });
});
