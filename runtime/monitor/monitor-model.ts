/**
 * One monitoring run of a registered model (`kiln monitor`, the monitor action): the prediction log
 * of a window against the reference — the version's training data, found in the store by the digest
 * its lineage records, or a given file — with drift on the inputs, prediction drift on the outputs,
 * data quality, and performance when labels are given. A window with fewer than `minRows` rows is
 * reported as `insufficient`, never as healthy.
 */

import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { readTable } from "../data/read-table.js";
import type { ColumnKind, Schema, Table } from "../data/table.js";
import { DataError, isKilnError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ModelRecord } from "../registry/model-record.js";
import { parseModelRef } from "../registry/model-ref.js";
import { resolveModel } from "../registry/resolve-model.js";
import type { ObjectStore } from "../store/object-store.js";
import { compareDatasets } from "./compare-datasets.js";
import type { DriftReport } from "./drift-report.js";
import { modelPerformance, type PerformanceResult, readLabels } from "./performance-with-labels.js";
import { readPredictionWindow, type WindowColumn } from "./prediction-window.js";

export const MonitorStatus = {
  healthy: "healthy",
  drift: "drift",
  /** Too few rows in the window to say anything. */
  insufficient: "insufficient",
} as const;
export type MonitorStatus = (typeof MonitorStatus)[keyof typeof MonitorStatus];

/** `kiln monitor`'s exit codes: 0 healthy, 1 drift, 2 usage or data error, 4 not enough data. */
export const MonitorExitCode = { healthy: 0, drift: 1, usage: 2, insufficient: 4 } as const;

/** Rows a window needs by default before it is compared. */
export const DEFAULT_MIN_ROWS = 30;

export interface MonitorRequest {
  /** `name`, `name@1.2.0` (only that version's traffic) or `name:production` (the window's traffic). */
  model: string;
  since: Date;
  until: Date;
  /** A reference file (CSV, JSON Lines, Parquet) instead of the version's training data. */
  reference?: string;
  /** Labels: a file, or `store:<prefix>` of JSON Lines objects. */
  labels?: string;
  minRows?: number;
}

export interface MonitorDeps {
  store: ObjectStore;
  logger: Logger;
}

export interface MonitorResult {
  status: MonitorStatus;
  model: string;
  version: string;
  window: { since: string; until: string; rows: number; objects: number; versions: Record<string, number> };
  minRows: number;
  reference: { source: string; rows: number } | undefined;
  /** Absent when the window was insufficient. */
  report?: DriftReport;
  performance?: PerformanceResult;
  /** Why the status is what it is, one sentence. */
  summary: string;
}

interface ModelColumns {
  inputs: WindowColumn[];
  outputs: WindowColumn[];
  task: "classification" | "regression" | undefined;
  classes: string[] | undefined;
  target: string | undefined;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function kindOfDatatype(datatype: string): ColumnKind {
  if (datatype === "BYTES") return "categorical";
  if (datatype === "BOOL") return "boolean";
  return "numeric";
}

/** Inputs and outputs of the version, with their kinds (kiln.features first, else the signature). */
export function modelColumns(record: ModelRecord): ModelColumns {
  const metadata = record.signature.metadata ?? {};
  const features = parseJson<{ name: string; kind: ColumnKind }[]>(metadata["kiln.features"]);
  const inputs: WindowColumn[] =
    features?.map((f) => ({ name: f.name, kind: f.kind })) ??
    record.signature.inputs.map((i) => ({ name: i.name, kind: kindOfDatatype(i.datatype) }));
  const classes = parseJson<string[]>(metadata["kiln.classes"]);
  const outputs: WindowColumn[] = record.signature.outputs.map((o) => {
    const scalar = o.shape.length <= 1 || (o.shape.length === 2 && o.shape[1] === 1);
    if (!scalar) return { name: o.name, ...(classes === undefined ? {} : { elements: classes }) };
    return { name: o.name, kind: kindOfDatatype(o.datatype) };
  });
  const task = metadata["kiln.task"];
  return {
    inputs,
    outputs,
    task: task === "classification" || task === "regression" ? task : undefined,
    classes,
    target: metadata["kiln.target"],
  };
}

/** Download `cache/sha256/<digest>` to a temporary file named with the dataset's extension. */
async function downloadDataset(
  store: ObjectStore,
  digest: string,
  path: string,
  folder: string,
): Promise<string> {
  const file = join(folder, `${digest}${extname(path)}`);
  await pipeline(await store.get(`cache/sha256/${digest}`), createWriteStream(file));
  return file;
}

/** The training data of the version: the first dataset of its lineage stored in the cache with every input. */
async function lineageReference(
  store: ObjectStore,
  record: ModelRecord,
  schema: Schema,
  folder: string,
  logger: Logger,
): Promise<Table> {
  const datasets = Object.entries(record.lineage?.datasetDigests ?? {});
  const tried: string[] = [];
  for (const [path, digest] of datasets) {
    if ((await store.head(`cache/sha256/${digest}`)) === undefined) {
      tried.push(`${path} (not in the store)`);
      continue;
    }
    const file = await downloadDataset(store, digest, path, folder);
    try {
      const table = await readTable(file, { schema });
      table.source = `${path} (sha256 ${digest.slice(0, 12)}, training data of ${record.name}@${record.version})`;
      return table;
    } catch (error: unknown) {
      if (!isKilnError(error)) throw error;
      logger.debug(`monitor: ${path} is not the reference: ${error.message}`);
      tried.push(`${path} (${error.message})`);
    }
  }
  throw new DataError(
    {},
    `${record.name}@${record.version} has no training data in the store to compare with${tried.length > 0 ? `; tried ${tried.join("; ")}` : " (its lineage records no dataset digest)"}.`,
    { hint: "Pass a reference file with --reference (the action's 'reference' input)." },
  );
}

/**
 * Give the reference the model's scalar outputs: kept when the reference has them (a table of
 * past predictions), else taken from the training target (`kiln.target`) — so prediction drift is
 * measured against the distribution the model was trained to reproduce.
 */
export function withOutputs(
  reference: Table,
  outputs: readonly string[],
  target: string | undefined,
  task?: string,
): string[] {
  const names = new Set(reference.columns.map((c) => c.name));
  const compared: string[] = [];
  for (const name of outputs) {
    if (names.has(name)) {
      compared.push(name);
      continue;
    }
    const fromTarget =
      target !== undefined &&
      names.has(target) &&
      ((task === "classification" && name === "label") || (task === "regression" && name === "prediction"));
    if (!fromTarget) continue;
    const column = reference.columns.find((c) => c.name === target);
    if (column === undefined) continue;
    reference.columns.push({ ...column, name });
    compared.push(name);
  }
  return compared;
}

export async function monitorModel(deps: MonitorDeps, request: MonitorRequest): Promise<MonitorResult> {
  const { store, logger } = deps;
  const minRows = request.minRows ?? DEFAULT_MIN_ROWS;
  const ref = parseModelRef(request.model);
  const { record } = await resolveModel(store, ref);
  const columns = modelColumns(record);
  const window = await readPredictionWindow(store, {
    model: record.name,
    since: request.since,
    until: request.until,
    inputs: columns.inputs,
    outputs: columns.outputs,
    keepRequestIds: request.labels !== undefined,
    // `name@version` means that version's traffic; a stage or the latest means all of the window's.
    ...(ref.kind === "version" ? { version: record.version } : {}),
  });
  const rows = window.table.rowCount;
  const base = {
    model: record.name,
    version: record.version,
    window: {
      since: request.since.toISOString(),
      until: request.until.toISOString(),
      rows,
      objects: window.objects,
      versions: window.versions,
    },
    minRows,
  };
  if (rows < minRows) {
    return {
      ...base,
      status: MonitorStatus.insufficient,
      reference: undefined,
      summary:
        rows === 0
          ? `No predictions were logged for ${record.name} in the window; nothing to compare.`
          : `Only ${rows} prediction row${rows === 1 ? "" : "s"} in the window, fewer than the ${minRows} needed; not compared.`,
    };
  }

  const schema: Schema = {};
  for (const c of columns.inputs) if (c.kind !== undefined) schema[c.name] = c.kind;
  const folder = await mkdtemp(join(tmpdir(), "kiln-monitor-"));
  let reference: Table;
  try {
    reference =
      request.reference !== undefined
        ? await readTable(request.reference, { schema })
        : await lineageReference(store, record, schema, folder, logger);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const scalarOutputs = window.outputColumns.filter((n) => !n.includes("["));
  const outputs = withOutputs(reference, scalarOutputs, columns.target, columns.task);
  const inputNames = columns.inputs.map((c) => c.name);
  const missingInputs = inputNames.filter((n) => !reference.columns.some((c) => c.name === n));
  if (missingInputs.length > 0) {
    throw new DataError(
      { file: reference.source },
      `the reference lacks the model's input${missingInputs.length === 1 ? "" : "s"} ${missingInputs.map((n) => `'${n}'`).join(", ")}.`,
    );
  }
  const report = compareDatasets(reference, window.table, {
    columns: [...inputNames, ...outputs],
    outputs,
  });
  // A window's size says how busy the model was, not whether its data is sound: the row-count rule
  // (meant for comparing batches of the same kind) is left out of a window's quality findings.
  report.quality.rowCountChanged = false;
  report.quality.failures = report.quality.failures.filter((f) => !f.startsWith("row count changed"));

  let performance: PerformanceResult | undefined;
  if (request.labels !== undefined && columns.task !== undefined) {
    const labels = await readLabels(request.labels, store, [
      "label",
      ...(columns.target === undefined ? [] : [columns.target]),
      "actual",
      "y",
    ]);
    const probabilityColumns = (columns.classes ?? []).map((c) => `probabilities[${c}]`);
    performance = modelPerformance({
      task: columns.task,
      window: window.table,
      requestKeys: window.requestKeys ?? [],
      labels,
      ...(columns.classes === undefined ? {} : { classes: columns.classes }),
      predictionColumn: columns.task === "classification" ? "label" : "prediction",
      probabilityColumns,
      registered: record.metrics ?? {},
    });
  }

  const drift = report.datasetDrift || report.predictionDrift.drift;
  const summary = drift
    ? `${report.share.drifted} of ${report.share.tested} columns drifted${report.predictionDrift.drift ? ", including the predictions" : ""}.`
    : `${report.share.drifted} of ${report.share.tested} columns drifted; below the dataset drift share.`;
  const result: MonitorResult = {
    ...base,
    status: drift ? MonitorStatus.drift : MonitorStatus.healthy,
    reference: { source: reference.source, rows: reference.rowCount },
    report,
    summary,
  };
  if (performance !== undefined) result.performance = performance;
  return result;
}
