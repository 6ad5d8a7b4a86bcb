/**
 * `kiln predict`: run a model file on a data file through onnxruntime-node and write the
 * predictions as CSV (one line per input row) to a file or a stream.
 */
import { createWriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { readTable } from "../data/read-table.js";
import { ModelError } from "../errors.js";
import { modelInputSchema } from "./model-input-schema.js";
import { type ModelPredictions, modelPredictions } from "./model-predictions.js";
import { predictionCsvLines } from "./predictions-csv.js";
import { loadOnnxModel } from "./run-onnx-model.js";

export async function readModelFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error: unknown) {
    throw new ModelError(
      `cannot read model file '${path}': it does not exist or is not readable.`,
      {},
      { cause: error },
    );
  }
}

export interface PredictFileOptions {
  model: string;
  data: string;
  /** A CSV path, or a stream (stdout) when absent. */
  output?: string;
  stdout: Writable;
  batchSize?: number;
}

export async function predictFile(options: PredictFileOptions): Promise<ModelPredictions> {
  const model = await loadOnnxModel(await readModelFile(options.model), options.model);
  const schema = modelInputSchema(model.signature);
  const table = await readTable(options.data, { schema, columns: model.signature.inputs.map((i) => i.name) });
  const predictions = await modelPredictions(
    model,
    table,
    options.batchSize === undefined ? {} : { batchSize: options.batchSize },
  );
  let out: Writable = options.stdout;
  if (options.output !== undefined) {
    await mkdir(dirname(options.output), { recursive: true });
    out = createWriteStream(options.output);
  }
  let chunk = "";
  for (const line of predictionCsvLines(predictions)) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      chunk = "";
    }
  }
  if (options.output !== undefined) {
    out.end(chunk);
    await finished(out);
  } else if (chunk.length > 0) {
    out.write(chunk);
  }
  return predictions;
}
