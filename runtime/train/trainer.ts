/**
 * What a built-in trainer is: a named algorithm that fits a model on the training rows of a Table
 * and returns the exported ONNX bytes together with an in-process predictor. Trainers are looked up
 * by name in trainers.ts (`linear`, `logistic`, `gbdt`).
 *
 * Shared work happens before a trainer is called (train-model.ts): the data is read, the target is
 * checked and encoded, the rows are split into training and validation, and the parameters are
 * checked against the trainer's `params`. A trainer fits its preprocessing with
 * fitPreprocessing (feature-preprocessing.ts), builds its graph on buildFeatureGraph
 * (feature-graph.ts), and follows the output and metadata conventions of model-signature.ts
 * (kiln-model-metadata.ts writes the metadata).
 */
import type { Table } from "../data/table.js";
import type { Logger } from "../logger.js";
import type { ModelTask } from "./model-signature.js";
import type { ParamSpec, ParamValues } from "./trainer-params.js";
import type { TrainingTarget } from "./training-target.js";

export interface TrainerInput {
  /** The training rows (features and target). */
  train: Table;
  /** The encoded target of the training rows. */
  target: TrainingTarget;
  /** Held-out rows and their encoded target, when a validation split was asked for (early stopping). */
  validation?: { table: Table; target: TrainingTarget };
  /** The raw feature columns, in model input order. */
  features: string[];
  /** Parameters, checked against the trainer's `params` and filled with defaults. */
  params: ParamValues;
  seed: number;
  logger: Logger;
}

/** In-process predictions for the rows of a Table. */
export type Predictions =
  | { task: "regression"; values: Float64Array }
  | {
      task: "classification";
      classes: string[];
      /** rows × classes, row-major, columns in the order of `classes`. */
      probabilities: Float64Array;
    };

export interface TrainedModel {
  /** The exported model (raw feature columns by name in, `prediction` or `label` + `probabilities` out). */
  onnx: Uint8Array;
  task: ModelTask;
  /** Class labels in probability column order (classification only). */
  classes?: string[];
  /** The same model run in TypeScript, for checking the export and for quick scoring. */
  predict(table: Table): Predictions;
  /** Facts about the fit worth recording (iterations, final gradient norm, trees, …). */
  training?: Record<string, number | string | boolean>;
}

export interface Trainer {
  /** The algorithm id used by `kiln train --algorithm` and `with: { algorithm }`. */
  name: string;
  description: string;
  /** The tasks the trainer can do; the first is the default when the target does not decide. */
  tasks: readonly ModelTask[];
  /** The parameters it accepts (`--param key=value`, `with: { params }`), with defaults. */
  params: Record<string, ParamSpec>;
  train(input: TrainerInput): Promise<TrainedModel> | TrainedModel;
}
