/**
 * The target column, checked and encoded for a task: numbers for regression, class indices into a
 * sorted list of class labels for classification. Every row must have a target value.
 */

import { findColumn } from "../data/find-column.js";
import type { Table } from "../data/table.js";
import { DataError } from "../errors.js";
import type { ModelTask } from "./model-signature.js";

export type TrainingTarget =
  | { task: "regression"; name: string; values: Float64Array }
  | {
      task: "classification";
      name: string;
      /** Class labels as text, sorted (numerically when every label is a number). */
      classes: string[];
      /** Index into `classes` per row. */
      classIndex: Int32Array;
    };

/** More distinct values than this in a classification target is almost surely a regression target. */
export const maxClasses = 100;

/** The task a target column suggests when the trainer can do both: text and booleans → classification. */
export function suggestedTask(table: Table, target: string): ModelTask {
  const column = findColumn(table, target, "target column");
  return column.kind === "numeric" ? "regression" : "classification";
}

export function encodeTarget(table: Table, target: string, task: ModelTask): TrainingTarget {
  const column = findColumn(table, target, "target column");
  const file = table.source;
  const missingAt = (row: number) =>
    new DataError(
      { file, row: row + 1, column: target },
      "the target value is missing; every training row needs one.",
      {
        hint: "Fill it in or drop the row.",
      },
    );

  if (task === "regression") {
    if (column.kind === "categorical") {
      const row = column.codes.findIndex((c) => c >= 0);
      throw new DataError(
        { file, row: row + 1, column: target },
        `regression needs a numeric target but found '${column.categories[column.codes[row]!] ?? ""}'.`,
        { hint: "Use a classification algorithm (logistic, gbdt) or fix the column." },
      );
    }
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) throw missingAt(i);
    return { task, name: target, values };
  }

  const rows = table.rowCount;
  let labels: string[];
  let rowLabel: (row: number) => number; // index into labels, -1 missing
  if (column.kind === "categorical") {
    labels = column.categories;
    rowLabel = (row) => column.codes[row]!;
  } else {
    const distinct = new Map<number, number>();
    labels = [];
    const values = column.values;
    for (let i = 0; i < rows; i++) {
      const v = values[i]!;
      if (Number.isNaN(v) || distinct.has(v)) continue;
      distinct.set(v, labels.length);
      labels.push(column.kind === "boolean" ? (v === 1 ? "true" : "false") : String(v));
      if (labels.length > maxClasses) break;
    }
    rowLabel = (row) => {
      const v = values[row]!;
      return Number.isNaN(v) ? -1 : distinct.get(v)!;
    };
  }
  const used = new Uint8Array(labels.length);
  for (let i = 0; i < rows; i++) {
    const label = rowLabel(i);
    if (label < 0) throw missingAt(i);
    used[label] = 1;
  }
  const present = labels.filter((_, i) => used[i] === 1);
  if (present.length > maxClasses) {
    throw new DataError(
      { file, column: target },
      `the target has more than ${maxClasses} distinct values; that looks like a regression target, not classes.`,
      { hint: "Use algorithm linear or gbdt with task=regression." },
    );
  }
  if (present.length < 2) {
    throw new DataError(
      { file, column: target },
      `the target has only one class ('${present[0] ?? ""}'); classification needs at least two.`,
    );
  }
  const classes = sortLabels(present);
  const position = new Map(classes.map((c, i) => [c, i]));
  const remap = Int32Array.from(labels, (l) => position.get(l) ?? -1);
  const classIndex = new Int32Array(rows);
  for (let i = 0; i < rows; i++) classIndex[i] = remap[rowLabel(i)]!;
  return { task, name: target, classes, classIndex };
}

/** Sorts class labels numerically when all are numbers, as text otherwise. */
export function sortLabels(labels: readonly string[]): string[] {
  const numeric = labels.every((l) => l.trim() !== "" && !Number.isNaN(Number(l)));
  return [...labels].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The target of the given rows (by 0-based index). */
export function selectTargetRows(target: TrainingTarget, rows: ArrayLike<number>): TrainingTarget {
  if (target.task === "regression") {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = target.values[rows[i]!]!;
    return { ...target, values };
  }
  const classIndex = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) classIndex[i] = target.classIndex[rows[i]!]!;
  return { ...target, classIndex };
}
