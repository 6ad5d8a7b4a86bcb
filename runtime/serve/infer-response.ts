/**
 * The JSON answers to an inference request.
 *
 * Tensor form (KServe V2): `{"model_name", "model_version", "id"?, "outputs": [{"name", "datatype",
 * "shape", "data"}]}`, data flat and row-major.
 *
 * Records form: `{"model_name", "model_version", "id"?, "predictions": [...]}`, one entry per
 * instance, in order:
 * - classifiers trained by Kiln (metadata `kiln.task` = classification, outputs `label` and
 *   `probabilities`): `{"label": "setosa", "probabilities": {"setosa": 0.9, "versicolor": 0.06, …}}`
 *   with the classes of `kiln.classes`;
 * - regressors trained by Kiln (output `prediction`): `{"prediction": 3.2}`;
 * - any other model: `{"<output name>": value}` for every output, a scalar when a row holds one
 *   element, else the row's elements as a flat array.
 */
import type { ModelSignature } from "../train/model-signature.js";
import type { InferCall } from "./infer-request.js";
import type { LoadedModel, ModelOutputs } from "./loaded-model.js";
import { toJsonElements } from "./tensor-datatypes.js";
import { elementsPerRow, rowValue } from "./tensor-rows.js";

export interface TensorResponse {
  model_name: string;
  model_version: string;
  id?: string;
  outputs: Array<{ name: string; datatype: string; shape: number[]; data: unknown[] }>;
}

export interface RecordsResponse {
  model_name: string;
  model_version: string;
  id?: string;
  predictions: Array<Record<string, unknown>>;
}

/** The class labels of a Kiln classifier, or undefined for other models. */
export function kilnClasses(signature: ModelSignature): string[] | undefined {
  if (signature.metadata["kiln.task"] !== "classification") return undefined;
  const text = signature.metadata["kiln.classes"];
  if (text === undefined) return undefined;
  try {
    const classes: unknown = JSON.parse(text);
    return Array.isArray(classes) ? classes.map(String) : undefined;
  } catch {
    return undefined;
  }
}

export function tensorResponse(model: LoadedModel, call: InferCall, outputs: ModelOutputs): TensorResponse {
  const names = call.outputNames ?? model.signature.outputs.map((o) => o.name);
  const response: TensorResponse = { model_name: model.name, model_version: model.version, outputs: [] };
  if (call.id !== undefined) response.id = call.id;
  for (const name of names) {
    const output = outputs[name];
    if (output === undefined) continue;
    response.outputs.push({
      name,
      datatype: output.datatype ?? "BYTES",
      shape: output.dims,
      data: toJsonElements(output.datatype, output.data),
    });
  }
  return response;
}

export function recordsResponse(model: LoadedModel, call: InferCall, outputs: ModelOutputs): RecordsResponse {
  const classes = kilnClasses(model.signature);
  const label = outputs.label;
  const probabilities = outputs.probabilities;
  const predictions: Array<Record<string, unknown>> = [];
  if (classes !== undefined && label !== undefined && probabilities !== undefined) {
    const perRow = elementsPerRow(probabilities.dims);
    const p = toJsonElements(probabilities.datatype, probabilities.data);
    for (let r = 0; r < call.rows; r++) {
      const byClass: Record<string, unknown> = {};
      for (let c = 0; c < perRow; c++) byClass[classes[c] ?? String(c)] = p[r * perRow + c];
      predictions.push({
        label: rowValue(label.datatype, label.data, elementsPerRow(label.dims), r),
        probabilities: byClass,
      });
    }
  } else {
    const cuts = Object.entries(outputs).map(([name, output]) => ({
      name,
      output,
      perRow: elementsPerRow(output.dims),
    }));
    for (let r = 0; r < call.rows; r++) {
      const prediction: Record<string, unknown> = {};
      for (const { name, output, perRow } of cuts)
        prediction[name] = rowValue(output.datatype, output.data, perRow, r);
      predictions.push(prediction);
    }
  }
  const response: RecordsResponse = { model_name: model.name, model_version: model.version, predictions };
  if (call.id !== undefined) response.id = call.id;
  return response;
}
