/**
 * The outputs every Kiln model ends with (model-signature.ts): `prediction` [-1, 1] for regression;
 * `probabilities` [-1, C] and `label` [-1] (the class label as text) for classification.
 */
import { KilnOutput } from "./kiln-model-metadata.js";
import type { OnnxModelBuilder } from "./onnx-writer.js";

/** Declares `prediction` from a [-1, 1] float tensor. */
export function addRegressionOutput(builder: OnnxModelBuilder, values: string): void {
  builder.addNode("Identity", [values], [KilnOutput.prediction]);
  builder.addOutput(KilnOutput.prediction, "float", [-1, 1]);
}

/** Declares `probabilities` from a [-1, C] float tensor and `label` as the class with the highest one. */
export function addClassifierOutputs(
  builder: OnnxModelBuilder,
  probabilities: string,
  classes: readonly string[],
): void {
  builder.addNode("Identity", [probabilities], [KilnOutput.probabilities]);
  const best = builder.op("ArgMax", [probabilities], { axis: { int: 1 }, keepdims: { int: 0 } });
  const labels = builder.addInitializer("class_labels", {
    type: "string",
    dims: [classes.length],
    values: classes,
  });
  builder.addNode("Gather", [labels, best], [KilnOutput.label], { axis: { int: 0 } });
  builder.addOutput(KilnOutput.probabilities, "float", [-1, classes.length]);
  builder.addOutput(KilnOutput.label, "string", [-1]);
}

/** Index of the largest value in each row of a rows × k row-major matrix (first one on ties, as ArgMax). */
export function argMaxRows(matrix: Float64Array, rows: number, k: number): Int32Array {
  const result = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestValue = matrix[r * k]!;
    for (let c = 1; c < k; c++) {
      const v = matrix[r * k + c]!;
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    result[r] = best;
  }
  return result;
}
