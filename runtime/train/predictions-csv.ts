/**
 * Predictions as CSV text: one line per input row with a `prediction` column (the value, or the
 * class label) and, for classifiers with probabilities, a `probability_<class>` column per class.
 */
import type { ModelPredictions } from "./model-predictions.js";

/** The CSV lines (header first), each ending in a newline. */
export function* predictionCsvLines(predictions: ModelPredictions): Generator<string> {
  if (predictions.task === "regression") {
    yield "prediction\n";
    for (const v of predictions.values) yield `${formatFloat32(v)}\n`;
    return;
  }
  const { classes, labels, probabilities } = predictions;
  const k = classes.length;
  const header = ["prediction", ...(probabilities ? classes.map((c) => `probability_${c}`) : [])];
  yield `${header.map(csvField).join(",")}\n`;
  for (let r = 0; r < labels.length; r++) {
    let line = csvField(labels[r]!);
    if (probabilities) for (let c = 0; c < k; c++) line += `,${formatFloat32(probabilities[r * k + c]!)}`;
    yield `${line}\n`;
  }
}

/** The shortest decimal that reads back as the same float32 (models compute in float32). */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return "";
  return String(Number(value.toPrecision(9)));
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
