/**
 * Performance on served traffic when labels arrive later: ground truth keyed by request id (and the
 * row within the request) joined to the window's predictions, scored with the training metrics
 * (runtime/train/metrics) and set against the metrics registered with the version.
 */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { readTable } from "../data/read-table.js";
import type { Column, Table } from "../data/table.js";
import { DataError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { classificationMetrics } from "../train/metrics/classification-metrics.js";
import { regressionMetrics } from "../train/metrics/regression-metrics.js";

/** Ground truth by `<request_id>#<row>`. */
export interface Labels {
  source: string;
  byKey: Map<string, string | number>;
}

export interface MetricComparison {
  metric: string;
  current: number;
  /** The value registered with the version (its metrics.json), when it has this metric. */
  registered?: number;
  /** key of the registered metric compared */
  registeredKey?: string;
}

export interface PerformanceResult {
  task: "classification" | "regression";
  labelsSource: string;
  /** Window rows with a label. */
  labelled: number;
  /** Window rows without one. */
  unlabelled: number;
  /** Labels that are not one of the model's classes (classification), left out. */
  unknownLabels: number;
  comparisons: MetricComparison[];
}

function cellText(column: Column, row: number): string | number | undefined {
  if (column.kind === "categorical") {
    const code = column.codes[row] as number;
    return code < 0 ? undefined : column.categories[code];
  }
  const v = column.values[row] as number;
  return Number.isNaN(v) ? undefined : v;
}

function labelsFromTable(table: Table, labelColumns: readonly string[]): Labels {
  const find = (name: string) => table.columns.find((c) => c.name === name);
  const id = find("request_id");
  const label = labelColumns.map(find).find((c) => c !== undefined);
  if (id === undefined || label === undefined) {
    throw new DataError(
      { file: table.source },
      `labels need a 'request_id' column and a label column (${labelColumns.map((c) => `'${c}'`).join(" or ")}); found ${table.columns.map((c) => `'${c.name}'`).join(", ")}.`,
    );
  }
  const rowColumn = find("row");
  const byKey = new Map<string, string | number>();
  for (let r = 0; r < table.rowCount; r++) {
    const requestId = cellText(id, r);
    const value = cellText(label, r);
    if (requestId === undefined || value === undefined) continue;
    const row = rowColumn === undefined ? 0 : (cellText(rowColumn, r) ?? 0);
    byKey.set(`${requestId}#${row}`, value);
  }
  return { source: table.source, byKey };
}

/**
 * Read labels from a CSV / JSON Lines / Parquet file, or — when `source` is `store:<prefix>` — from
 * every JSON Lines object (optionally .gz) under that prefix of the store. Rows carry `request_id`,
 * optionally `row` (default 0), and the label in the first of `labelColumns` present.
 */
export async function readLabels(
  source: string,
  store: ObjectStore,
  labelColumns: readonly string[],
): Promise<Labels> {
  if (!source.startsWith("store:")) return labelsFromTable(await readTable(source), labelColumns);
  const prefix = source.slice("store:".length);
  const byKey = new Map<string, string | number>();
  for await (const info of store.list(prefix)) {
    if (!/\.(jsonl|ndjson)(\.gz)?$/.test(info.key)) continue;
    const body: Readable = await store.get(info.key);
    const input = info.key.endsWith(".gz") ? body.pipe(createGunzip()) : body;
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (text.trim() === "") continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(text) as Record<string, unknown>;
      } catch (error: unknown) {
        throw new DataError({ file: info.key, row: line }, `line ${line} is not valid JSON.`, {
          cause: error,
        });
      }
      const key = labelColumns.find((c) => record[c] !== undefined && record[c] !== null);
      const value = key === undefined ? undefined : record[key];
      if (record.request_id === undefined || (typeof value !== "string" && typeof value !== "number")) {
        throw new DataError(
          { file: info.key, row: line },
          `expected 'request_id' and a label (${labelColumns.join(" or ")}).`,
        );
      }
      byKey.set(`${String(record.request_id)}#${String(record.row ?? 0)}`, value);
    }
  }
  return { source, byKey };
}

/** Registered metric that names the same quantity: `accuracy`, `test.accuracy`, `val_accuracy`. */
function registeredMetric(
  registered: Readonly<Record<string, number>>,
  name: string,
): { key: string; value: number } | undefined {
  if (typeof registered[name] === "number") return { key: name, value: registered[name] };
  for (const [key, value] of Object.entries(registered)) {
    if (typeof value === "number" && (key.endsWith(`.${name}`) || key.endsWith(`_${name}`)))
      return { key, value };
  }
  return undefined;
}

function compare(metrics: Record<string, number | undefined>, registered: Readonly<Record<string, number>>) {
  const out: MetricComparison[] = [];
  for (const [metric, current] of Object.entries(metrics)) {
    if (current === undefined || !Number.isFinite(current)) continue;
    const comparison: MetricComparison = { metric, current };
    const match = registeredMetric(registered, metric);
    if (match !== undefined) {
      comparison.registered = match.value;
      comparison.registeredKey = match.key;
    }
    out.push(comparison);
  }
  return out;
}

export interface PerformanceInput {
  task: "classification" | "regression";
  /** The window's table and per-row `<request_id>#<row>` keys. */
  window: Table;
  requestKeys: readonly string[];
  labels: Labels;
  /** Classification: the model's classes, in probability order. */
  classes?: readonly string[];
  /** The output column with the predicted label or value (`label` / `prediction`). */
  predictionColumn: string;
  /** Classification: the probability columns, in class order (optional). */
  probabilityColumns?: readonly string[];
  registered: Readonly<Record<string, number>>;
}

/** Join and score; undefined when no window row has a label. Pure. */
export function modelPerformance(input: PerformanceInput): PerformanceResult | undefined {
  const predicted = input.window.columns.find((c) => c.name === input.predictionColumn);
  if (predicted === undefined) {
    throw new DataError(
      { file: input.window.source, column: input.predictionColumn },
      "the prediction log has no such output to score against the labels.",
    );
  }
  const rows: number[] = [];
  let unlabelled = 0;
  for (let r = 0; r < input.requestKeys.length; r++) {
    if (input.labels.byKey.has(input.requestKeys[r] as string)) rows.push(r);
    else unlabelled++;
  }
  const base = { task: input.task, labelsSource: input.labels.source, unlabelled };
  if (input.task === "regression") {
    const actual: number[] = [];
    const prediction: number[] = [];
    let unknownLabels = 0;
    for (const r of rows) {
      const y = Number(input.labels.byKey.get(input.requestKeys[r] as string));
      const p = cellText(predicted, r);
      if (!Number.isFinite(y) || typeof p !== "number") {
        unknownLabels++;
        continue;
      }
      actual.push(y);
      prediction.push(p);
    }
    if (actual.length === 0) return undefined;
    const m = regressionMetrics(actual, prediction);
    return {
      ...base,
      labelled: actual.length,
      unknownLabels,
      comparisons: compare(
        { mean_error: m.mean_error, mae: m.mae, rmse: m.rmse, r2: m.r2, mape: m.mape },
        input.registered,
      ),
    };
  }
  const classes = input.classes ?? [];
  const index = new Map(classes.map((c, i) => [c, i]));
  const probabilityColumns = (input.probabilityColumns ?? []).map((name) =>
    input.window.columns.find((c) => c.name === name),
  );
  const withProbabilities =
    probabilityColumns.length === classes.length &&
    classes.length > 0 &&
    probabilityColumns.every((c) => c !== undefined && c.kind !== "categorical");
  const actual: number[] = [];
  const predictedCodes: number[] = [];
  const probabilities: number[] = [];
  let unknownLabels = 0;
  for (const r of rows) {
    const a = index.get(String(input.labels.byKey.get(input.requestKeys[r] as string)));
    const p = index.get(String(cellText(predicted, r)));
    if (a === undefined || p === undefined) {
      unknownLabels++;
      continue;
    }
    actual.push(a);
    predictedCodes.push(p);
    if (withProbabilities) {
      for (const c of probabilityColumns)
        probabilities.push((c as { values: Float64Array }).values[r] as number);
    }
  }
  if (actual.length === 0) return undefined;
  const m = classificationMetrics(
    classes,
    Int32Array.from(actual),
    Int32Array.from(predictedCodes),
    withProbabilities ? probabilities : undefined,
  );
  return {
    ...base,
    labelled: actual.length,
    unknownLabels,
    comparisons: compare(
      {
        accuracy: m.accuracy,
        precision_macro: m.precision_macro,
        recall_macro: m.recall_macro,
        f1_macro: m.f1_macro,
        roc_auc: m.roc_auc,
        log_loss: m.log_loss,
      },
      input.registered,
    ),
  };
}
