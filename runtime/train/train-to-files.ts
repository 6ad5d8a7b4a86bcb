/**
 * The whole `kiln train` job on files: read the data, train, write model.onnx, evaluate the written
 * model on the held-out rows in onnxruntime-node and write metrics.json. Shared by the CLI and the
 * `kiln/train` built-in stage.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { readTable } from "../data/read-table.js";
import type { Schema } from "../data/table.js";
import { UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { evaluateModel, type ModelMetrics } from "./evaluate-model.js";
import { loadOnnxModel } from "./run-onnx-model.js";
import { type TrainModelResult, trainModel } from "./train-model.js";
import { resolveParams } from "./trainer-params.js";
import { findTrainer } from "./trainers.js";

export interface TrainToFilesOptions {
  algorithm: string;
  data: string;
  target: string;
  features?: string[];
  /** Columns to read as categories even if they look like numbers. */
  categorical?: string[];
  /** Columns that must hold numbers: a non-numeric value fails with its row and column. */
  numeric?: string[];
  params?: Record<string, unknown>;
  seed?: number;
  validation?: number;
  /** Where to write the ONNX model. */
  output: string;
  /** Where to write metrics.json (needs held-out rows). */
  metrics?: string;
  logger: Logger;
}

export interface TrainToFilesResult {
  result: TrainModelResult;
  /** Metrics of the written model on the held-out rows; undefined when validation is 0. */
  metrics: ModelMetrics | undefined;
  modelBytes: number;
}

export async function trainToFiles(options: TrainToFilesOptions): Promise<TrainToFilesResult> {
  const { logger } = options;
  if (options.metrics !== undefined && options.validation === 0) {
    throw new UsageError(
      "metrics need held-out rows, but the validation fraction is 0. Set it above 0 (e.g. 0.2).",
    );
  }
  // Fail on a wrong algorithm or parameter before reading a possibly large file.
  const { task: _task, ...given } = options.params ?? {};
  const trainer = findTrainer(options.algorithm);
  resolveParams(trainer.name, trainer.params, given);

  const schema: Schema = {};
  for (const name of options.numeric ?? []) schema[name] = "numeric";
  for (const name of options.categorical ?? []) {
    if (schema[name] !== undefined)
      throw new UsageError(`column '${name}' is declared both numeric and categorical.`);
    schema[name] = "categorical";
  }
  const columns =
    options.features === undefined ? undefined : [...new Set([...options.features, options.target])];
  const table = await readTable(options.data, { schema, ...(columns === undefined ? {} : { columns }) });
  logger.info(`read ${table.rowCount} rows × ${table.columns.length} columns from ${options.data}`);

  const result = await trainModel({
    algorithm: options.algorithm,
    table,
    target: options.target,
    ...(options.features === undefined ? {} : { features: options.features }),
    ...(options.params === undefined ? {} : { params: options.params }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.validation === undefined ? {} : { validation: options.validation }),
    logger,
  });
  await mkdir(dirname(options.output), { recursive: true });
  await writeFile(options.output, result.model.onnx);
  logger.info(`wrote ${options.output} (${result.model.onnx.byteLength} bytes)`);

  let metrics: ModelMetrics | undefined;
  if (result.validation.rowCount > 0) {
    const model = await loadOnnxModel(result.model.onnx, options.output);
    metrics = await evaluateModel(model, result.validation, { target: options.target });
    logger.info(`held-out metrics (${result.validation.rowCount} rows): ${summarizeMetrics(metrics)}`);
    if (options.metrics !== undefined) {
      await mkdir(dirname(options.metrics), { recursive: true });
      await writeFile(options.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
      logger.info(`wrote ${options.metrics}`);
    }
  }
  return { result, metrics, modelBytes: result.model.onnx.byteLength };
}

/** A one-line summary of the headline metrics. */
export function summarizeMetrics(metrics: ModelMetrics): string {
  const pick =
    metrics.task === "regression"
      ? { rmse: metrics.rmse, mae: metrics.mae, r2: metrics.r2 }
      : {
          accuracy: metrics.accuracy,
          f1_macro: metrics.f1_macro,
          roc_auc: metrics.roc_auc,
          log_loss: metrics.log_loss,
        };
  return Object.entries(pick)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Number(v).toPrecision(4)}`)
    .join(" ");
}
