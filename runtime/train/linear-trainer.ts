/**
 * `linear`: ridge regression. Features are imputed (training mean), standardized and one-hot
 * encoded in the exported graph; alpha penalizes the coefficients of the standardized features
 * (the intercept is not penalized), as scikit-learn's Ridge does on standardized data.
 */
import { encodeFeaturesFloat64 } from "./encode-features.js";
import { buildFeatureGraph } from "./feature-graph.js";
import { featureSpecs, fitPreprocessing } from "./feature-preprocessing.js";
import { fitRidge } from "./fit-ridge.js";
import { writeKilnMetadata } from "./kiln-model-metadata.js";
import { addLinearScores, type LinearCoefficients, linearScores } from "./linear-scores.js";
import { addRegressionOutput } from "./model-outputs.js";
import { OnnxModelBuilder } from "./onnx-writer.js";
import type { Trainer } from "./trainer.js";

export const linearTrainer: Trainer = {
  name: "linear",
  description: "linear regression with an L2 penalty (ridge), solved in closed form",
  tasks: ["regression"],
  params: {
    alpha: {
      kind: "number",
      default: 1,
      min: 0,
      description: "L2 penalty on the standardized coefficients (0 = ordinary least squares)",
    },
  },
  train(input) {
    const { train, target, features, params, logger } = input;
    if (target.task !== "regression") throw new Error("linear regression needs a regression target");
    const preprocessing = fitPreprocessing(train, features, {
      scale: true,
      impute: true,
      categorical: "one-hot",
    });
    const x = encodeFeaturesFloat64(train, preprocessing);
    const fit = fitRidge(x.matrix, x.rows, x.cols, target.values, Number(params.alpha));
    if (fit.regularized) {
      logger.warn(
        "the features are collinear (a constant, duplicated or fully one-hot column); a tiny ridge was added. Set --param alpha above 0 to choose it yourself.",
      );
    }
    const coefficients: LinearCoefficients = {
      weights: fit.weights,
      intercepts: Float64Array.of(fit.intercept),
      features: x.cols,
      outputs: 1,
    };
    const builder = new OnnxModelBuilder({ graphName: "kiln_linear" });
    const matrix = buildFeatureGraph(builder, preprocessing);
    addRegressionOutput(builder, addLinearScores(builder, matrix, coefficients));
    writeKilnMetadata(builder, {
      task: "regression",
      algorithm: "linear",
      features: featureSpecs(preprocessing),
      target: target.name,
    });
    return {
      onnx: builder.serialize(),
      task: "regression",
      predict(table) {
        const m = encodeFeaturesFloat64(table, preprocessing);
        return { task: "regression", values: linearScores(m.matrix, m.rows, coefficients) };
      },
      training: { features: x.cols, rows: x.rows },
    };
  },
};
