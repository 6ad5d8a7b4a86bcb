/**
 * `uses: kiln/train` — train a built-in model in a pipeline stage:
 *
 * ```yaml
 * train:
 *   uses: kiln/train
 *   with: { algorithm: logistic, data: data/train.csv, target: churned, features: [age, plan],
 *           categorical: [plan], numeric: [age], params: { C: 0.5 }, seed: 1, validation: 0.2,
 *           model: model.onnx, metrics: metrics.json }
 * ```
 *
 * The data file is a dep, the model an out and metrics.json (held-out metrics of the written model,
 * computed in onnxruntime-node) a metrics file.
 */

import { join } from "node:path";
import { UsageError } from "../errors.js";
import type { BuiltinStage, BuiltinStageSettings } from "../pipeline/builtin-stage.js";
import { StageSettings } from "./stage-settings.js";
import { trainToFiles } from "./train-to-files.js";
import { resolveParams } from "./trainer-params.js";
import { findTrainer, trainers } from "./trainers.js";

const known = [
  "algorithm",
  "data",
  "target",
  "features",
  "categorical",
  "numeric",
  "params",
  "seed",
  "validation",
  "model",
  "metrics",
] as const;

interface TrainSettings {
  algorithm: string;
  data: string;
  target: string;
  features: string[] | undefined;
  categorical: string[] | undefined;
  numeric: string[] | undefined;
  params: Record<string, unknown>;
  seed: number;
  validation: number;
  model: string;
  metrics: string | undefined;
}

function trainSettings(settings: BuiltinStageSettings): TrainSettings {
  const s = new StageSettings(settings, "kiln/train", known);
  const algorithm = s.string("algorithm", Object.keys(trainers).sort().join(" | "));
  const params = s.map("params") ?? {};
  try {
    const trainer = findTrainer(algorithm);
    const { task: _task, ...given } = params;
    resolveParams(trainer.name, trainer.params, given);
  } catch (error: unknown) {
    if (error instanceof UsageError) throw s.error(error.message);
    throw error;
  }
  const validation = s.number(
    "validation",
    0.2,
    (n) => n >= 0 && n < 1,
    "a fraction from 0 up to 1 (exclusive)",
  );
  return {
    algorithm,
    data: s.string("data", "data/train.csv"),
    target: s.string("target", "label"),
    features: s.list("features"),
    categorical: s.list("categorical"),
    numeric: s.list("numeric"),
    params,
    seed: s.number("seed", 0, Number.isSafeInteger, "a whole number"),
    validation,
    model: s.string("model", "model.onnx", "model.onnx"),
    metrics: validation > 0 ? s.string("metrics", "metrics.json", "metrics.json") : undefined,
  };
}

export const trainStage: BuiltinStage = {
  name: "train",
  description: "Train a built-in model (linear, logistic, gbdt) to ONNX, with held-out metrics.",
  plan(settings) {
    const t = trainSettings(settings);
    return { deps: [t.data], outs: [t.model], ...(t.metrics === undefined ? {} : { metrics: [t.metrics] }) };
  },
  async run(context) {
    const t = trainSettings(context);
    await trainToFiles({
      algorithm: t.algorithm,
      data: join(context.cwd, t.data),
      target: t.target,
      ...(t.features === undefined ? {} : { features: t.features }),
      ...(t.categorical === undefined ? {} : { categorical: t.categorical }),
      ...(t.numeric === undefined ? {} : { numeric: t.numeric }),
      params: t.params,
      seed: t.seed,
      validation: t.validation,
      output: join(context.cwd, t.model),
      ...(t.metrics === undefined ? {} : { metrics: join(context.cwd, t.metrics) }),
      logger: context.logger,
    });
  },
};
