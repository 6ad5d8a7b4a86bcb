/**
 * The training/validation split: a seeded shuffle of the row indices, so the same data and seed
 * always hold out the same rows.
 */
import { DataError } from "../errors.js";
import { seededRandom } from "./seeded-random.js";

export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
}

/** Fewest training rows a fit accepts. */
export const minTrainingRows = 2;

export function splitRows(rowCount: number, fraction: number, seed: number, source: string): RowSplit {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new DataError(
      { file: source },
      `the validation fraction is ${fraction}; expected a number from 0 up to (not including) 1.`,
    );
  }
  const held = Math.round(rowCount * fraction);
  if ((fraction > 0 && held < 1) || rowCount - held < minTrainingRows) {
    let needed = minTrainingRows;
    while (
      needed < 1e9 &&
      ((fraction > 0 && Math.round(needed * fraction) < 1) ||
        needed - Math.round(needed * fraction) < minTrainingRows)
    ) {
      needed++;
    }
    throw new DataError(
      { file: source },
      `has ${rowCount} row${rowCount === 1 ? "" : "s"}, too few for a validation fraction of ${fraction}: it needs at least ${needed} rows (at least 1 held out and ${minTrainingRows} to train on).`,
      { hint: "Add rows or lower --validation (0 trains on every row and skips evaluation)." },
    );
  }
  if (held === 0) {
    const all = new Uint32Array(rowCount);
    for (let i = 0; i < rowCount; i++) all[i] = i;
    return { train: all, validation: new Uint32Array(0) };
  }
  const order = new Uint32Array(rowCount);
  for (let i = 0; i < rowCount; i++) order[i] = i;
  const random = seededRandom(seed);
  for (let i = rowCount - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const validation = order.slice(0, held).sort();
  const train = order.slice(held).sort();
  return { train, validation };
}
