/**
 * Linear scores X W + b, both as ONNX nodes and in TypeScript with the same float32 weights, shared
 * by the linear and logistic models.
 */
import type { OnnxModelBuilder } from "./onnx-writer.js";

/** Weights as a features × outputs row-major matrix, plus one intercept per output. */
export interface LinearCoefficients {
  weights: Float64Array;
  intercepts: Float64Array;
  features: number;
  outputs: number;
}

/** Adds MatMul + Add on the [-1, F] feature matrix; returns the [-1, K] scores. */
export function addLinearScores(builder: OnnxModelBuilder, features: string, c: LinearCoefficients): string {
  const w = builder.addInitializer("weights", {
    type: "float",
    dims: [c.features, c.outputs],
    values: c.weights,
  });
  const b = builder.addInitializer("intercepts", { type: "float", dims: [c.outputs], values: c.intercepts });
  return builder.op("Add", [builder.op("MatMul", [features, w]), b]);
}

/** rows × K scores from a rows × F row-major feature matrix, with weights rounded to float32 as exported. */
export function linearScores(matrix: Float64Array, rows: number, c: LinearCoefficients): Float64Array {
  const { features, outputs } = c;
  const w = Float64Array.from(c.weights, Math.fround);
  const b = Float64Array.from(c.intercepts, Math.fround);
  const scores = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    const xBase = r * features;
    const sBase = r * outputs;
    for (let k = 0; k < outputs; k++) scores[sBase + k] = b[k]!;
    for (let j = 0; j < features; j++) {
      const xj = matrix[xBase + j]!;
      if (xj === 0) continue;
      const wBase = j * outputs;
      for (let k = 0; k < outputs; k++) scores[sBase + k]! += xj * w[wBase + k]!;
    }
  }
  return scores;
}
