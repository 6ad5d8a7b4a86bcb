/**
 * Evaluates an exported model — the artifact itself, run in onnxruntime-node — on labelled rows
 * (the held-out split): classification or regression metrics, ready to write as metrics.json.
 */

import { findColumn } from "../data/find-column.js";
import type { Table } from "../data/table.js";
import { DataError } from "../errors.js";
import { categoryText } from "./encode-features.js";
import { type ClassificationMetrics, classificationMetrics } from "./metrics/classification-metrics.js";
import { type RegressionMetrics, regressionMetrics } from "./metrics/regression-metrics.js";
import { modelPredictions } from "./model-predictions.js";
import type { ModelTask } from "./model-signature.js";
import type { LoadedModel } from "./run-onnx-model.js";

export type ModelMetrics =
  | ({ task: "classification" } & ClassificationMetrics)
  | ({ task: "regression" } & RegressionMetrics);

export interface EvaluateOptions {
  /** The target column with the true values. */
  target: string;
  task?: ModelTask;
  classes?: string[];
}

export async function evaluateModel(
  model: LoadedModel,
  table: Table,
  options: EvaluateOptions,
): Promise<ModelMetrics> {
  const column = findColumn(table, options.target, "target column");
  if (table.rowCount === 0) {
    throw new DataError({ file: table.source }, "there are no rows to evaluate on.", {
      hint: "Use a validation fraction above 0 or evaluate on a data file with rows.",
    });
  }
  const predictions = await modelPredictions(model, table, {
    ...(options.task === undefined ? {} : { task: options.task }),
    ...(options.classes === undefined ? {} : { classes: options.classes }),
  });
  const missing = (row: number) =>
    new DataError(
      { file: table.source, row: row + 1, column: options.target },
      "the target value is missing; evaluation needs every row labelled.",
    );

  if (predictions.task === "regression") {
    if (column.kind === "categorical") {
      throw new DataError(
        { file: table.source, column: options.target },
        "a regression model needs a numeric target.",
      );
    }
    column.values.forEach((v, i) => {
      if (Number.isNaN(v)) throw missing(i);
    });
    return { task: "regression", ...regressionMetrics(column.values, predictions.values) };
  }

  const { classes, labels, probabilities } = predictions;
  const index = new Map(classes.map((c, i) => [c, i]));
  const actual = new Int32Array(table.rowCount);
  const predicted = new Int32Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    let text: string | undefined;
    if (column.kind === "categorical") {
      const code = column.codes[r]!;
      text = code < 0 ? undefined : column.categories[code];
    } else {
      const v = column.values[r]!;
      text = Number.isNaN(v) ? undefined : categoryText(column, v);
    }
    if (text === undefined) throw missing(r);
    const a = index.get(text);
    if (a === undefined) {
      throw new DataError(
        { file: table.source, row: r + 1, column: options.target },
        `the label '${text}' is not one of the model's classes (${classes.join(", ")}).`,
      );
    }
    actual[r] = a;
    predicted[r] = index.get(labels[r]!) ?? -1;
    if (predicted[r]! < 0)
      throw new DataError(
        { row: r + 1 },
        `the model predicted '${labels[r]}', which is not among its classes.`,
      );
  }
  return { task: "classification", ...classificationMetrics(classes, actual, predicted, probabilities) };
}
