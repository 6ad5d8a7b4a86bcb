/**
 * `gbdt`: histogram-based gradient-boosted trees for regression (squared error), binary
 * classification (logistic) and multiclass classification (softmax, one tree per class and round),
 * exported as an ONNX TreeEnsembleRegressor behind the shared feature graph.
 *
 * Trees need no imputation or scaling: numeric features go in as they are (missing stays NaN and
 * each split routes it), categorical ones as ordinal codes (missing or unseen → NaN).
 */

import type { Table } from "../../data/table.js";
import { encodeFeaturesFloat64 } from "../encode-features.js";
import { buildFeatureGraph } from "../feature-graph.js";
import { featureSpecs, fitPreprocessing, type Preprocessing } from "../feature-preprocessing.js";
import { writeKilnMetadata } from "../kiln-model-metadata.js";
import { addClassifierOutputs, addRegressionOutput } from "../model-outputs.js";
import { OnnxModelBuilder } from "../onnx-writer.js";
import type { Predictions, Trainer } from "../trainer.js";
import type { TrainingTarget } from "../training-target.js";
import { fitGbdt } from "./fit-gbdt.js";
import { binaryLogisticLoss, type GbdtLoss, softmaxLoss, squaredErrorLoss } from "./gbdt-loss.js";
import { gbdtFitSettings, gbdtParams } from "./gbdt-params.js";
import { type GbdtEnsemble, predictRawScores } from "./gbdt-tree.js";
import { addTreeEnsembleRawScores } from "./tree-ensemble-onnx.js";

/** The feature columns the trees split on (float32-rounded as the ONNX model receives them). */
export function gbdtFeatureColumns(table: Table, preprocessing: Preprocessing): Float64Array[] {
  const m = encodeFeaturesFloat64(table, preprocessing, { layout: "column-major" });
  return Array.from({ length: m.cols }, (_, c) => m.matrix.subarray(c * m.rows, (c + 1) * m.rows));
}

function targetValues(target: TrainingTarget): Float64Array {
  return target.task === "regression" ? target.values : Float64Array.from(target.classIndex);
}

function lossFor(target: TrainingTarget): GbdtLoss {
  if (target.task === "regression") return squaredErrorLoss;
  return target.classes.length === 2 ? binaryLogisticLoss : softmaxLoss(target.classes.length);
}

/** Probabilities (rows × classes) from raw scores: sigmoid for two classes, softmax for more. */
export function gbdtProbabilities(raw: Float64Array, rows: number, classCount: number): Float64Array {
  const probabilities = new Float64Array(rows * classCount);
  if (classCount === 2) {
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-raw[r]!));
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
    }
    return probabilities;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * classCount;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classCount; c++) max = Math.max(max, raw[base + c]!);
    let sum = 0;
    for (let c = 0; c < classCount; c++) {
      const e = Math.exp(raw[base + c]! - max);
      probabilities[base + c] = e;
      sum += e;
    }
    for (let c = 0; c < classCount; c++) probabilities[base + c]! /= sum;
  }
  return probabilities;
}

/** The ONNX model: raw feature inputs → ordinal/NaN feature matrix → trees → the Kiln outputs. */
export function exportGbdtOnnx(
  ensemble: GbdtEnsemble,
  preprocessing: Preprocessing,
  target: TrainingTarget,
): Uint8Array {
  const builder = new OnnxModelBuilder({ graphName: "kiln_gbdt" });
  const raw = addTreeEnsembleRawScores(builder, buildFeatureGraph(builder, preprocessing), ensemble);
  if (target.task === "regression") {
    addRegressionOutput(builder, raw);
  } else {
    let probabilities: string;
    if (target.classes.length === 2) {
      const positive = builder.op("Sigmoid", [raw]);
      const one = builder.addInitializer("one", { type: "float", dims: [1], values: [1] });
      const negative = builder.op("Sub", [one, positive]);
      probabilities = builder.op("Concat", [negative, positive], { axis: { int: 1 } });
    } else {
      probabilities = builder.op("Softmax", [raw], { axis: { int: 1 } });
    }
    addClassifierOutputs(builder, probabilities, target.classes);
  }
  writeKilnMetadata(builder, {
    task: target.task,
    algorithm: "gbdt",
    features: featureSpecs(preprocessing),
    target: target.name,
    ...(target.task === "classification" ? { classes: target.classes } : {}),
  });
  return builder.serialize();
}

/** How often a long fit reports its progress. */
const PROGRESS_EVERY_MS = 5000;

export const gbdtTrainer: Trainer = {
  name: "gbdt",
  description:
    "histogram-based gradient-boosted trees (regression, binary and multiclass), missing values routed by each split",
  tasks: ["regression", "classification"],
  params: gbdtParams,
  train(input) {
    const { train, target, validation, features, params, seed, logger } = input;
    const settings = gbdtFitSettings(params);
    const preprocessing = fitPreprocessing(train, features, {
      impute: false,
      scale: false,
      categorical: "ordinal",
    });
    if (settings.earlyStoppingRounds > 0 && !validation) {
      logger.warn(
        "gbdt: early_stopping_rounds is set but no rows are held out for validation, so every round is grown. Hold rows out (--validation above 0) to stop early.",
      );
    }
    const loss = lossFor(target);
    let lastProgress = performance.now();
    const fit = fitGbdt(
      {
        columns: gbdtFeatureColumns(train, preprocessing),
        target: targetValues(target),
        ...(validation
          ? {
              validation: {
                columns: gbdtFeatureColumns(validation.table, preprocessing),
                target: targetValues(validation.target),
              },
            }
          : {}),
      },
      loss,
      settings,
      seed,
      {
        onRound: ({ round, validationLoss }) => {
          // Progress as info on long fits (at most every few seconds), as debug otherwise.
          const now = performance.now();
          const due = now - lastProgress >= PROGRESS_EVERY_MS;
          if (due || round % 10 === 0 || round === settings.nEstimators) {
            const message =
              `gbdt: round ${round}/${settings.nEstimators}` +
              (validationLoss === undefined ? "" : `, validation loss ${validationLoss.toPrecision(6)}`);
            if (due) {
              logger.info(message);
              lastProgress = now;
            } else logger.debug(message);
          }
        },
      },
    );
    if (fit.stoppedEarly) {
      logger.info(
        `gbdt: early stopping after ${fit.validationLoss.length} rounds; kept the best ${fit.rounds} (validation loss ${fit.validationLoss[fit.rounds - 1]?.toPrecision(6)}).`,
      );
    }
    const ensemble = fit.ensemble;
    const classes = target.task === "classification" ? target.classes : undefined;
    const predict = (table: Table): Predictions => {
      const columns = gbdtFeatureColumns(table, preprocessing);
      const raw = predictRawScores(ensemble, columns);
      if (classes === undefined) return { task: "regression", values: raw };
      return {
        task: "classification",
        classes,
        probabilities: gbdtProbabilities(raw, table.rowCount, classes.length),
      };
    };
    const bestValidation = fit.validationLoss[fit.rounds - 1];
    return {
      onnx: exportGbdtOnnx(ensemble, preprocessing, target),
      task: target.task,
      ...(classes ? { classes } : {}),
      predict,
      training: {
        loss: loss.name,
        rounds: fit.rounds,
        roundsGrown: Math.max(fit.validationLoss.length, fit.rounds),
        trees: ensemble.trees.length,
        leaves: ensemble.trees.reduce((sum, t) => sum + (t.feature.length + 1) / 2, 0),
        stoppedEarly: fit.stoppedEarly,
        trainLoss: fit.trainLoss,
        ...(bestValidation === undefined ? {} : { validationLoss: bestValidation }),
      },
    };
  },
};
