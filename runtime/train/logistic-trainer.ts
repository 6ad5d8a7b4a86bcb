/**
 * `logistic`: logistic regression with an L2 penalty, binary or multinomial (softmax). Features are
 * imputed, standardized and one-hot encoded in the exported graph. The solver runs to convergence
 * (gradient norm below `tol`), not for a fixed number of steps.
 */
import { UsageError } from "../errors.js";
import { encodeFeaturesFloat64 } from "./encode-features.js";
import { buildFeatureGraph } from "./feature-graph.js";
import { featureSpecs, fitPreprocessing } from "./feature-preprocessing.js";
import { fitLogisticRegression } from "./fit-logistic-regression.js";
import { writeKilnMetadata } from "./kiln-model-metadata.js";
import { addLinearScores, type LinearCoefficients, linearScores } from "./linear-scores.js";
import { addClassifierOutputs } from "./model-outputs.js";
import { OnnxModelBuilder } from "./onnx-writer.js";
import type { Predictions, Trainer } from "./trainer.js";

export const logisticTrainer: Trainer = {
  name: "logistic",
  description:
    "logistic regression (binary or multinomial) with an L2 penalty, L-BFGS or Newton to convergence",
  tasks: ["classification"],
  params: {
    C: {
      kind: "number",
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: "inverse L2 strength, as scikit-learn's C (larger = weaker penalty)",
    },
    tol: {
      kind: "number",
      default: 1e-8,
      min: 0,
      exclusiveMin: true,
      description: "stop when the gradient norm of the mean loss falls below this",
    },
    max_iter: { kind: "number", default: 500, min: 1, integer: true, description: "iteration limit" },
    solver: {
      kind: "choice",
      default: "auto",
      choices: ["auto", "newton", "lbfgs"],
      description: "auto = L-BFGS; newton = Newton's method (IRLS), two classes only",
    },
  },
  train(input) {
    const { train, target, features, params, logger } = input;
    if (target.task !== "classification")
      throw new Error("logistic regression needs a classification target");
    const classes = target.classes;
    const solver = String(params.solver);
    if (solver === "newton" && classes.length > 2) {
      throw new UsageError(
        `solver 'newton' handles two classes; the target '${target.name}' has ${classes.length}. Use solver=lbfgs or auto.`,
      );
    }
    const preprocessing = fitPreprocessing(train, features, {
      scale: true,
      impute: true,
      categorical: "one-hot",
    });
    const x = encodeFeaturesFloat64(train, preprocessing);
    const fit = fitLogisticRegression(x.matrix, x.rows, x.cols, target.classIndex, classes.length, {
      c: Number(params.C),
      tolerance: Number(params.tol),
      maxIterations: Number(params.max_iter),
      solver: solver === "newton" ? "newton" : "lbfgs",
    });
    if (!fit.converged) {
      logger.warn(
        `logistic regression stopped after ${fit.iterations} iterations with gradient norm ${fit.gradientNorm.toExponential(2)} (tol ${params.tol}); raise max_iter or lower C.`,
      );
    }
    const coefficients: LinearCoefficients = {
      weights: fit.weights,
      intercepts: fit.intercepts,
      features: x.cols,
      outputs: fit.outputs,
    };
    const binary = classes.length === 2;
    const builder = new OnnxModelBuilder({ graphName: "kiln_logistic" });
    const scores = addLinearScores(builder, buildFeatureGraph(builder, preprocessing), coefficients);
    let probabilities: string;
    if (binary) {
      const positive = builder.op("Sigmoid", [scores]);
      const one = builder.addInitializer("one", { type: "float", dims: [1], values: [1] });
      const negative = builder.op("Sub", [one, positive]);
      probabilities = builder.op("Concat", [negative, positive], { axis: { int: 1 } });
    } else {
      probabilities = builder.op("Softmax", [scores], { axis: { int: 1 } });
    }
    addClassifierOutputs(builder, probabilities, classes);
    writeKilnMetadata(builder, {
      task: "classification",
      algorithm: "logistic",
      features: featureSpecs(preprocessing),
      target: target.name,
      classes,
    });
    return {
      onnx: builder.serialize(),
      task: "classification",
      classes,
      predict(table): Predictions {
        const m = encodeFeaturesFloat64(table, preprocessing);
        const s = linearScores(m.matrix, m.rows, coefficients);
        return {
          task: "classification",
          classes,
          probabilities: scoresToProbabilities(s, m.rows, classes.length),
        };
      },
      training: {
        iterations: fit.iterations,
        gradientNorm: fit.gradientNorm,
        converged: fit.converged,
        loss: fit.loss,
        solver: solver === "newton" ? "newton" : "lbfgs",
      },
    };
  },
};

/** Sigmoid (one score per row) or softmax (one per class) into rows × classes probabilities. */
function scoresToProbabilities(scores: Float64Array, rows: number, classes: number): Float64Array {
  const probabilities = new Float64Array(rows * classes);
  if (classes === 2) {
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-scores[r]!));
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
    }
    return probabilities;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[base + c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(scores[base + c]! - max);
      probabilities[base + c] = e;
      sum += e;
    }
    for (let c = 0; c < classes; c++) probabilities[base + c]! /= sum;
  }
  return probabilities;
}
