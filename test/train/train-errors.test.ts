import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, KilnError, UsageError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logger.js";
import { trainModel } from "../../runtime/train/train-model.js";
import { trainToFiles } from "../../runtime/train/train-to-files.js";
import { syntheticRows, tableOf } from "./table-fixtures.js";

async function failure(promise: Promise<unknown>): Promise<KilnError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof KilnError) return error;
    throw error;
  }
  throw new Error("expected training to fail");
}

const good = syntheticRows(50, { task: "binary" });

describe.each([
  {
    case: "a missing target column",
    run: () =>
      trainModel({ algorithm: "logistic", table: tableOf(good), target: "churn", logger: silentLogger }),
    type: DataError,
    message: "memory.csv, column 'churn': no such target column; the data has 'x1', 'x2', 'colour', 'y'.",
  },
  {
    case: "a missing value in the target",
    run: () =>
      trainModel({
        algorithm: "linear",
        table: tableOf({ x: [1, 2, 3, 4], y: [1, 2, null, 4] }),
        target: "y",
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv, row 3, column 'y': the target value is missing; every training row needs one. Fill it in or drop the row.",
  },
  {
    case: "an empty label in a classification target",
    run: () =>
      trainModel({
        algorithm: "logistic",
        table: tableOf({ x: [1, 2, 3, 4], y: ["a", "b", null, "a"] }),
        target: "y",
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv, row 3, column 'y': the target value is missing; every training row needs one. Fill it in or drop the row.",
  },
  {
    case: "a single-class target",
    run: () =>
      trainModel({
        algorithm: "logistic",
        table: tableOf({ x: [1, 2, 3, 4, 5], y: ["yes", "yes", "yes", "yes", "yes"] }),
        target: "y",
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv, column 'y': the target has only one class ('yes'); classification needs at least two.",
  },
  {
    case: "fewer rows than the validation split needs",
    run: () =>
      trainModel({
        algorithm: "linear",
        table: tableOf({ x: [1, 2], y: [3, 4] }),
        target: "y",
        validation: 0.2,
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv: has 2 rows, too few for a validation fraction of 0.2: it needs at least 3 rows (at least 1 held out and 2 to train on). Add rows or lower --validation (0 trains on every row and skips evaluation).",
  },
  {
    case: "an unknown algorithm",
    run: () => trainModel({ algorithm: "forest", table: tableOf(good), target: "y", logger: silentLogger }),
    type: UsageError,
    message: "unknown algorithm 'forest'; known algorithms are gbdt, linear, logistic.",
  },
  {
    case: "an unknown parameter",
    run: () =>
      trainModel({
        algorithm: "linear",
        table: tableOf({ x: [1, 2, 3, 4, 5, 6], y: [1, 3, 2, 5, 4, 6] }),
        target: "y",
        params: { lambda: "2" },
        logger: silentLogger,
      }),
    type: UsageError,
    message: "algorithm 'linear' has no parameter 'lambda'; its parameters are alpha.",
  },
  {
    case: "a parameter out of range",
    run: () =>
      trainModel({
        algorithm: "logistic",
        table: tableOf(good),
        target: "y",
        params: { C: "0" },
        logger: silentLogger,
      }),
    type: UsageError,
    message: "parameter 'C' of algorithm 'logistic' is 0; expected a number > 0.",
  },
  {
    case: "text in a regression target",
    run: () =>
      trainModel({
        algorithm: "linear",
        table: tableOf({ x: [1, 2, 3, 4, 5], y: [null, "low", "high", "low", "high"] }),
        target: "y",
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv, row 2, column 'y': regression needs a numeric target but found 'low'. Use a classification algorithm (logistic, gbdt) or fix the column.",
  },
  {
    case: "a feature named like a model output",
    run: () =>
      trainModel({
        algorithm: "linear",
        table: tableOf({ prediction: [1, 2, 3, 4, 5, 6], y: [1, 3, 2, 5, 4, 6] }),
        target: "y",
        logger: silentLogger,
      }),
    type: DataError,
    message:
      "memory.csv, column 'prediction': a feature may not be named 'prediction', which is one of the model's output names (prediction, label, probabilities). Rename the column.",
  },
])("training with $case", ({ run, type, message }) => {
  it("fails with a clear error naming what is wrong", async () => {
    const error = await failure(run());
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(message);
  });
});

describe("training from a file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kiln-train-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names the row and column of a non-numeric value in a column declared numeric", async () => {
    const data = join(dir, "bad.csv");
    await writeFile(data, "x,y\n1,2\n2,4\nthree,6\n4,8\n5,10\n6,12\n");
    const error = await failure(
      trainToFiles({
        algorithm: "linear",
        data,
        target: "y",
        numeric: ["x"],
        output: join(dir, "m.onnx"),
        logger: silentLogger,
      }),
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toContain(
      `${data}, row 3, column 'x': expected a number but found 'three' (line 4).`,
    );
  });

  it("refuses to write metrics when no rows are held out", async () => {
    const error = await failure(
      trainToFiles({
        algorithm: "linear",
        data: join(dir, "unused.csv"),
        target: "y",
        validation: 0,
        output: join(dir, "m.onnx"),
        metrics: join(dir, "metrics.json"),
        logger: silentLogger,
      }),
    );
    expect(error.message).toBe(
      "metrics need held-out rows, but the validation fraction is 0. Set it above 0 (e.g. 0.2).",
    );
  });
});
