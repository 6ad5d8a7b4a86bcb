/**
 * Training from a Table: pick the trainer, check the features and the target, split off the
 * validation rows (seeded), check the parameters, and fit. Shared by `kiln train` and the
 * `kiln/train` stage.
 */

import { findColumn } from "../data/find-column.js";
import { selectRows } from "../data/select-rows.js";
import type { Table } from "../data/table.js";
import { DataError, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { KilnOutput } from "./kiln-model-metadata.js";
import type { ModelTask } from "./model-signature.js";
import type { TrainedModel } from "./trainer.js";
import { resolveParams } from "./trainer-params.js";
import { findTrainer } from "./trainers.js";
import { encodeTarget, selectTargetRows, suggestedTask, type TrainingTarget } from "./training-target.js";
import { splitRows } from "./validation-split.js";

export interface TrainModelOptions {
  algorithm: string;
  table: Table;
  target: string;
  /** Feature columns; every column but the target when absent. */
  features?: string[];
  /** Trainer parameters as given (`--param` text or kiln.yaml values); `task` chooses the task for trainers that do both. */
  params?: Record<string, unknown>;
  seed?: number;
  /** Fraction of rows held out for evaluation (and early stopping); 0 keeps every row for training. */
  validation?: number;
  logger: Logger;
}

export interface TrainModelResult {
  model: TrainedModel;
  algorithm: string;
  task: ModelTask;
  features: string[];
  target: TrainingTarget;
  params: Record<string, number | string>;
  seed: number;
  trainRows: number;
  /** The held-out rows (empty when validation is 0). */
  validation: Table;
}

const reservedNames: readonly string[] = Object.values(KilnOutput);

export async function trainModel(options: TrainModelOptions): Promise<TrainModelResult> {
  const { table, target: targetName, logger } = options;
  const trainer = findTrainer(options.algorithm);
  const seed = options.seed ?? 0;
  const fraction = options.validation ?? 0.2;

  findColumn(table, targetName, "target column");
  const features = options.features ?? table.columns.map((c) => c.name).filter((n) => n !== targetName);
  if (features.length === 0) {
    throw new UsageError(`no feature columns: '${table.source}' has only the target '${targetName}'.`);
  }
  for (const name of features) {
    findColumn(table, name, "feature column");
    if (name === targetName) throw new UsageError(`'${name}' is the target; it cannot also be a feature.`);
    if (reservedNames.includes(name)) {
      throw new DataError(
        { file: table.source, column: name },
        `a feature may not be named '${name}', which is one of the model's output names (${reservedNames.join(", ")}).`,
        { hint: "Rename the column." },
      );
    }
  }
  if (new Set(features).size !== features.length)
    throw new UsageError("a feature is listed twice in --features.");

  const { task: requestedTask, ...given } = options.params ?? {};
  let task: ModelTask;
  if (requestedTask === undefined) {
    const suggested = suggestedTask(table, targetName);
    task = trainer.tasks.includes(suggested) ? suggested : trainer.tasks[0]!;
  } else if (trainer.tasks.includes(String(requestedTask) as ModelTask)) {
    task = String(requestedTask) as ModelTask;
  } else {
    throw new UsageError(
      `algorithm '${trainer.name}' does ${trainer.tasks.join(" and ")}, not task '${String(requestedTask)}'.`,
    );
  }
  const params = resolveParams(trainer.name, trainer.params, given);

  const target = encodeTarget(table, targetName, task);
  const split = splitRows(table.rowCount, fraction, seed, table.source);
  // With nothing held out the training rows are the table itself (no copy of a large dataset).
  const holdOut = split.validation.length > 0;
  const train = holdOut ? selectRows(table, split.train) : table;
  const trainTarget = holdOut ? selectTargetRows(target, split.train) : target;
  if (trainTarget.task === "classification") {
    const seen = new Set(trainTarget.classIndex);
    if (seen.size < 2) {
      throw new DataError(
        { file: table.source, column: targetName },
        `after holding out ${split.validation.length} validation rows the training rows have only one class.`,
        { hint: "Add rows of every class or lower --validation." },
      );
    }
  }
  const validationTable = selectRows(table, split.validation);
  logger.info(
    `training ${trainer.name} (${task}) on ${split.train.length} rows × ${features.length} features` +
      (split.validation.length > 0 ? `, ${split.validation.length} rows held out` : ""),
  );
  const model = await trainer.train({
    train,
    target: trainTarget,
    ...(split.validation.length > 0
      ? { validation: { table: validationTable, target: selectTargetRows(target, split.validation) } }
      : {}),
    features,
    params,
    seed,
    logger,
  });
  return {
    model,
    algorithm: trainer.name,
    task,
    features,
    target,
    params,
    seed,
    trainRows: split.train.length,
    validation: validationTable,
  };
}
