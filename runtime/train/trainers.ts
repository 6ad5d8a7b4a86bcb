/**
 * The built-in trainers, by algorithm id (`kiln train --algorithm <id>`, `with: { algorithm: <id> }`).
 * Add a trainer with one line here.
 */
import { UsageError } from "../errors.js";
import { gbdtTrainer } from "./gbdt/gbdt-trainer.js";
import { linearTrainer } from "./linear-trainer.js";
import { logisticTrainer } from "./logistic-trainer.js";
import type { Trainer } from "./trainer.js";

export const trainers: Readonly<Record<string, Trainer>> = {
  linear: linearTrainer,
  logistic: logisticTrainer,
  gbdt: gbdtTrainer,
};

/** The trainer for `algorithm`, or a UsageError listing the known ones. */
export function findTrainer(algorithm: string): Trainer {
  const trainer = Object.hasOwn(trainers, algorithm) ? trainers[algorithm] : undefined;
  if (trainer === undefined) {
    throw new UsageError(
      `unknown algorithm '${algorithm}'; known algorithms are ${Object.keys(trainers).sort().join(", ")}.`,
    );
  }
  return trainer;
}
