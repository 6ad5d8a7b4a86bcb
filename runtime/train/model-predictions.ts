/**
 * Runs a model on a Table and reads its answers the Kiln way: regression values from `prediction`,
 * or class labels from `label` and class probabilities from `probabilities` (columns in the order of
 * `kiln.classes`). Models brought from elsewhere work when their outputs follow the same shapes:
 * the first float output is taken for values or probabilities, the first string or integer output
 * for labels; `task` and `classes` can be given when the model's metadata lacks them.
 */

import type { Table } from "../data/table.js";
import { ModelError } from "../errors.js";
import { KilnMetadataKey, KilnOutput } from "./kiln-model-metadata.js";
import type { ModelTask, TensorSpec } from "./model-signature.js";
import { type LoadedModel, type OutputData, runOnnxModel } from "./run-onnx-model.js";

export type ModelPredictions =
  | { task: "regression"; values: Float64Array }
  | {
      task: "classification";
      classes: string[];
      /** Predicted label per row. */
      labels: string[];
      /** rows × classes, row-major, when the model gives probabilities. */
      probabilities?: Float64Array;
    };

export interface PredictOptions {
  task?: ModelTask;
  classes?: string[];
  batchSize?: number;
}

export function modelTask(model: LoadedModel, requested?: ModelTask): ModelTask {
  const declared = model.signature.metadata[KilnMetadataKey.task];
  if (requested !== undefined) return requested;
  if (declared === "regression" || declared === "classification") return declared;
  return labelOutput(model.signature.outputs) !== undefined ? "classification" : "regression";
}

export function modelClasses(model: LoadedModel, given?: string[]): string[] | undefined {
  if (given !== undefined) return given;
  const declared = model.signature.metadata[KilnMetadataKey.classes];
  if (declared === undefined) return undefined;
  try {
    const classes: unknown = JSON.parse(declared);
    if (Array.isArray(classes)) return classes.map(String);
  } catch {
    // reported below as missing classes
  }
  throw new ModelError(
    `${model.source}: metadata '${KilnMetadataKey.classes}' is not a JSON array of labels.`,
  );
}

export async function modelPredictions(
  model: LoadedModel,
  table: Table,
  options: PredictOptions = {},
): Promise<ModelPredictions> {
  const task = modelTask(model, options.task);
  const outputs = model.signature.outputs;
  const batch = options.batchSize === undefined ? {} : { batchSize: options.batchSize };
  if (task === "regression") {
    const spec = outputs.find((o) => o.name === KilnOutput.prediction) ?? outputs.find(isFloat);
    if (spec === undefined)
      throw new ModelError(`${model.source} has no float output to read predictions from.`);
    const { outputs: data } = await runOnnxModel(model, table, { ...batch, outputs: [spec.name] });
    const values = Float64Array.from(data[spec.name]!.data as Float32Array);
    if (values.length !== table.rowCount) {
      throw new ModelError(
        `${model.source}: output '${spec.name}' gave ${values.length} values for ${table.rowCount} rows; expected one per row.`,
      );
    }
    return { task, values };
  }
  const labelSpec = labelOutput(outputs);
  const probabilitySpec =
    outputs.find((o) => o.name === KilnOutput.probabilities) ??
    outputs.find((o) => isFloat(o) && o.shape.length === 2);
  const names = [labelSpec?.name, probabilitySpec?.name].filter((n): n is string => n !== undefined);
  if (names.length === 0)
    throw new ModelError(`${model.source} has no label or probability output to classify with.`);
  const { outputs: data } = await runOnnxModel(model, table, { ...batch, outputs: names });
  let classes = modelClasses(model, options.classes);
  const probabilities =
    probabilitySpec === undefined
      ? undefined
      : Float64Array.from(data[probabilitySpec.name]!.data as Float32Array);
  let labels: string[] | undefined;
  if (labelSpec !== undefined) {
    const raw: ArrayLike<unknown> = data[labelSpec.name]!.data as OutputData;
    labels = new Array<string>(raw.length);
    for (let i = 0; i < raw.length; i++) labels[i] = String(raw[i]);
  }
  if (classes === undefined) {
    if (labels === undefined) {
      throw new ModelError(
        `${model.source} gives probabilities but does not say which class each column is.`,
        {},
        {
          hint: `Add metadata '${KilnMetadataKey.classes}' (a JSON array) to the model.`,
        },
      );
    }
    classes = [...new Set(labels)].sort();
  }
  const k = classes.length;
  if (probabilities !== undefined && probabilities.length !== table.rowCount * k) {
    throw new ModelError(
      `${model.source}: output '${probabilitySpec!.name}' has ${probabilities.length / Math.max(table.rowCount, 1)} columns but the model has ${k} classes.`,
    );
  }
  if (labels === undefined) {
    labels = new Array<string>(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (probabilities![r * k + c]! > probabilities![r * k + best]!) best = c;
      labels[r] = classes[best]!;
    }
  }
  return probabilities === undefined ? { task, classes, labels } : { task, classes, labels, probabilities };
}

function isFloat(spec: TensorSpec): boolean {
  return spec.datatype === "FP32" || spec.datatype === "FP64";
}

function labelOutput(outputs: TensorSpec[]): TensorSpec | undefined {
  return (
    outputs.find((o) => o.name === KilnOutput.label) ??
    outputs.find((o) => o.datatype === "BYTES" || o.datatype === "INT64" || o.datatype === "INT32")
  );
}
