/**
 * Compares a current dataset with a reference, column by column, with Evidently's automatic test
 * choice and thresholds unless overridden, and decides dataset drift by Evidently's share rule
 * (drifted share >= 0.5) or by Benjamini–Hochberg false-discovery control. Pure: tables in, report
 * out. Pass a PreparedTable (prepareTable) as the reference to reuse its sorted columns.
 */

import type { Table } from "../data/table.js";
import { UsageError } from "../errors.js";
import { benjaminiHochberg } from "./benjamini-hochberg.js";
import { columnDistribution } from "./column-distribution.js";
import type { ColumnPair, DriftColumnType } from "./column-pair.js";
import { columnQuality } from "./column-quality.js";
import { defaultDriftTest } from "./default-drift-test.js";
import type { ColumnDrift, DatasetDriftRule, DatasetQuality, DriftReport } from "./drift-report.js";
import type { DriftTest } from "./drift-test.js";
import { getDriftTest } from "./drift-tests.js";
import {
  defaultColumnType,
  isPreparedTable,
  type PreparedColumn,
  type PreparedTable,
  prepareColumn,
} from "./prepared-table.js";
import { countDistinctUnion } from "./sorted-sample.js";

export interface ColumnOverride {
  /** A drift test name (see driftTests). */
  method?: string;
  threshold?: number;
  /** Compare as this type instead of the column kind's default. */
  type?: DriftColumnType;
}

export interface CompareOptions {
  /** Compare only these columns (default: the columns both tables have). */
  columns?: readonly string[];
  /** Force this test for every column it applies to. */
  method?: string;
  /** Threshold for every column whose test is the forced `method` (or every column if none). */
  threshold?: number;
  perColumn?: Readonly<Record<string, ColumnOverride>>;
  /** Columns that are model outputs: their drift is prediction drift. */
  outputs?: readonly string[];
  /** Dataset drift when the drifted share is at least this (default 0.5, Evidently's). */
  driftShare?: number;
  /** Which rule decides dataset drift (default "share", Evidently-compatible). */
  decideBy?: DatasetDriftRule;
  /** False-discovery rate for the BH decision (default 0.05). */
  fdrLevel?: number;
}

/** Evidently's default share of drifted columns for dataset drift. */
export const DEFAULT_DRIFT_SHARE = 0.5;
export const DEFAULT_FDR_LEVEL = 0.05;
/** Evidently's row-count rule: differ by more than 10% of the reference. */
export const ROW_COUNT_TOLERANCE = 0.1;

function checkThreshold(value: number | undefined, what: string): void {
  if (value === undefined) return;
  if (!(Number.isFinite(value) && value > 0)) {
    throw new UsageError(`${what} must be a positive number; got ${String(value)}.`);
  }
}

function columnNames(table: Table | PreparedTable): string[] {
  return isPreparedTable(table) ? [...table.columns.keys()] : table.columns.map((c) => c.name);
}

function prepared(
  table: Table | PreparedTable,
  name: string,
  type: DriftColumnType,
): PreparedColumn | undefined {
  if (isPreparedTable(table)) {
    const column = table.columns.get(name);
    if (column === undefined) return undefined;
    if (column.type === type) return column;
    if (column.type === "numerical") return numericalAsCategories(column);
    throw new UsageError(
      `column '${name}' of the prepared reference ${table.source} holds categories and cannot be compared as numbers; prepare the reference with the column as numerical.`,
    );
  }
  const column = table.columns.find((c) => c.name === name);
  return column === undefined ? undefined : prepareColumn(column, type, table.rowCount);
}

/** A prepared numerical column as value counts (the values as text), for a categorical comparison. */
function numericalAsCategories(column: PreparedColumn & { type: "numerical" }): PreparedColumn {
  const counts = new Map<string, number>();
  const values = column.sample.values;
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    counts.set(String(values[i]), j - i);
    i = j;
  }
  return {
    name: column.name,
    type: "categorical",
    counts,
    size: values.length,
    missing: column.sample.missing + column.sample.infinite,
    rowCount: column.rowCount,
  };
}

function pairOf(reference: PreparedColumn, current: PreparedColumn): ColumnPair {
  if (reference.type === "numerical" && current.type === "numerical") {
    return { type: "numerical", reference: reference.sample, current: current.sample };
  }
  if (reference.type === "categorical" && current.type === "categorical") {
    return {
      type: "categorical",
      reference: reference.counts,
      current: current.counts,
      referenceSize: reference.size,
      currentSize: current.size,
    };
  }
  throw new Error("pairOf: column types differ");
}

function sizesOf(column: PreparedColumn): number {
  return column.type === "numerical" ? column.sample.values.length : column.size;
}

function distinctUnion(pair: ColumnPair): number {
  if (pair.type === "numerical") return countDistinctUnion(pair.reference.values, pair.current.values);
  let n = pair.reference.size;
  for (const key of pair.current.keys()) if (!pair.reference.has(key)) n++;
  return n;
}

export function compareDatasets(
  reference: Table | PreparedTable,
  current: Table,
  options: CompareOptions = {},
): DriftReport {
  checkThreshold(options.threshold, "the threshold");
  checkThreshold(options.driftShare, "the drift share");
  checkThreshold(options.fdrLevel, "the FDR level");
  if (options.driftShare !== undefined && options.driftShare > 1) {
    throw new UsageError(`the drift share is a share of columns, at most 1; got ${options.driftShare}.`);
  }
  if (options.fdrLevel !== undefined && options.fdrLevel >= 1) {
    throw new UsageError(`the FDR level must be below 1; got ${options.fdrLevel}.`);
  }
  const forced = options.method === undefined ? undefined : getDriftTest(options.method);
  for (const [column, override] of Object.entries(options.perColumn ?? {})) {
    if (override.method !== undefined) getDriftTest(override.method);
    checkThreshold(override.threshold, `the threshold of column '${column}'`);
  }

  const referenceNames = columnNames(reference);
  const currentNames = columnNames(current);
  const currentSet = new Set(currentNames);
  const referenceSet = new Set(referenceNames);
  const missingColumns = referenceNames.filter((n) => !currentSet.has(n));
  const newColumns = currentNames.filter((n) => !referenceSet.has(n));
  let names: string[];
  if (options.columns !== undefined) {
    for (const name of options.columns) {
      const absentFrom = [
        referenceSet.has(name) ? undefined : `reference ${reference.source}`,
        currentSet.has(name) ? undefined : `current ${current.source}`,
      ].filter((x): x is string => x !== undefined);
      if (absentFrom.length > 0) {
        throw new UsageError(
          `column '${name}' is not in the ${absentFrom.join(" nor the ")}; columns in both: ${referenceNames.filter((n) => currentSet.has(n)).join(", ") || "(none)"}.`,
        );
      }
    }
    names = [...options.columns];
  } else {
    names = referenceNames.filter((n) => currentSet.has(n));
  }
  if (names.length === 0) {
    throw new UsageError(
      `the reference ${reference.source} and the current ${current.source} have no column in common to compare.`,
    );
  }

  const outputs = new Set(options.outputs ?? []);
  for (const name of outputs) {
    if (!names.includes(name))
      throw new UsageError(`output column '${name}' is not among the compared columns.`);
  }

  const typeChanges: DatasetQuality["typeChanges"] = [];
  const columns: ColumnDrift[] = [];
  for (const name of names) {
    const override = options.perColumn?.[name] ?? {};
    const curColumn = current.columns.find((c) => c.name === name) as Table["columns"][number];
    let type: DriftColumnType;
    if (isPreparedTable(reference)) {
      const refColumn = reference.columns.get(name) as PreparedColumn;
      type = override.type ?? refColumn.type;
      if (refColumn.type === "numerical" && curColumn.kind !== "numeric") {
        typeChanges.push({ column: name, reference: "numeric", current: curColumn.kind });
      }
    } else {
      const refColumn = reference.columns.find((c) => c.name === name) as Table["columns"][number];
      type = override.type ?? defaultColumnType(refColumn);
      if (refColumn.kind !== curColumn.kind) {
        typeChanges.push({ column: name, reference: refColumn.kind, current: curColumn.kind });
      }
    }
    // A numerical comparison needs numbers on both sides; otherwise the values are compared as categories.
    if (type === "numerical" && curColumn.kind !== "numeric") type = "categorical";
    let refPrepared = prepared(reference, name, type) as PreparedColumn;
    let curPrepared = prepareColumn(curColumn, type, current.rowCount);
    if (refPrepared.type !== curPrepared.type) {
      type = "categorical";
      refPrepared = prepared(reference, name, type) as PreparedColumn;
      curPrepared = prepareColumn(curColumn, type, current.rowCount);
    }
    columns.push(
      testColumn(name, type, refPrepared, curPrepared, {
        forced,
        override,
        globalThreshold: options.threshold,
        role: outputs.has(name) ? "output" : "feature",
      }),
    );
  }

  // Dataset decisions.
  const tested = columns.filter((c) => c.status === "tested");
  const driftShareThreshold = options.driftShare ?? DEFAULT_DRIFT_SHARE;
  const fdrLevel = options.fdrLevel ?? DEFAULT_FDR_LEVEL;
  const pValueColumns = tested.filter((c) => c.pValue !== undefined);
  const adjusted = benjaminiHochberg(pValueColumns.map((c) => c.pValue as number));
  pValueColumns.forEach((c, i) => {
    const q = adjusted[i] as number;
    c.adjustedPValue = q;
    c.driftAfterFdr = q <= fdrLevel;
  });
  for (const c of tested) if (c.pValue === undefined) c.driftAfterFdr = c.drift;
  const drifted = tested.filter((c) => c.drift).length;
  const driftedFdr = tested.filter((c) => c.driftAfterFdr).length;
  const share = tested.length > 0 ? drifted / tested.length : 0;
  const shareFdr = tested.length > 0 ? driftedFdr / tested.length : 0;
  const decideBy = options.decideBy ?? "share";
  const shareDecision = tested.length > 0 && share >= driftShareThreshold;
  const fdrDecision = tested.length > 0 && shareFdr >= driftShareThreshold;

  const rowDelta = Math.abs(current.rowCount - reference.rowCount);
  const rowCountChanged = rowDelta > ROW_COUNT_TOLERANCE * reference.rowCount;
  const failures: string[] = [];
  if (rowCountChanged) {
    failures.push(
      `row count changed from ${reference.rowCount} to ${current.rowCount} (more than ${ROW_COUNT_TOLERANCE * 100}%)`,
    );
  }
  if (missingColumns.length > 0)
    failures.push(`columns missing from the current data: ${missingColumns.join(", ")}`);
  if (newColumns.length > 0) failures.push(`columns new in the current data: ${newColumns.join(", ")}`);
  for (const t of typeChanges)
    failures.push(`column '${t.column}' was ${t.reference} and is now ${t.current}`);
  for (const c of columns) {
    const q = c.quality;
    if (q.missingShareRose) {
      failures.push(
        `column '${c.column}': missing share rose from ${percent(q.referenceMissingShare)} to ${percent(q.currentMissingShare)}`,
      );
    }
    if (q.unseenCategoryCount > 0) {
      failures.push(
        `column '${c.column}': ${q.unseenCategoryCount} categor${q.unseenCategoryCount === 1 ? "y" : "ies"} never seen in the reference (${q.unseenCategories.join(", ")})`,
      );
    }
    if (q.outOfRangeCount > 0) {
      failures.push(
        `column '${c.column}': ${q.outOfRangeCount} value${q.outOfRangeCount === 1 ? "" : "s"} (${percent(q.outOfRangeShare)}) outside the reference range`,
      );
    }
    if (q.constantInCurrent && !q.constantInReference) failures.push(`column '${c.column}' became constant`);
    if (c.status === "empty_current") failures.push(`column '${c.column}' has no values in the current data`);
    if (c.status === "empty_reference") failures.push(`column '${c.column}' has no values in the reference`);
  }

  const outputColumns = columns.filter((c) => c.role === "output");
  return {
    reference: { source: reference.source, rows: reference.rowCount },
    current: { source: current.source, rows: current.rowCount },
    datasetDrift: decideBy === "fdr" ? fdrDecision : shareDecision,
    driftShare: decideBy === "fdr" ? shareFdr : share,
    decidedBy: decideBy,
    driftShareThreshold,
    share: { drifted, tested: tested.length, driftShare: share, datasetDrift: shareDecision },
    fdr: {
      level: fdrLevel,
      drifted: driftedFdr,
      tested: tested.length,
      driftShare: shareFdr,
      datasetDrift: fdrDecision,
    },
    predictionDrift: {
      columns: outputColumns.map((c) => c.column),
      drift: outputColumns.some((c) => (decideBy === "fdr" ? c.driftAfterFdr : c.drift)),
    },
    columns,
    quality: {
      referenceRows: reference.rowCount,
      currentRows: current.rowCount,
      rowCountChanged,
      missingColumns,
      newColumns,
      typeChanges,
      failures,
    },
  };
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function testColumn(
  name: string,
  type: DriftColumnType,
  reference: PreparedColumn,
  current: PreparedColumn,
  choice: {
    forced: DriftTest | undefined;
    override: ColumnOverride;
    globalThreshold: number | undefined;
    role: "feature" | "output";
  },
): ColumnDrift {
  const nReference = sizesOf(reference);
  const nCurrent = sizesOf(current);
  const pair = pairOf(reference, current);
  const distinctValues = distinctUnion(pair);
  const automatic = defaultDriftTest(type, nReference, distinctValues);
  let test: DriftTest;
  let selection: string;
  let threshold: number | undefined;
  const perColumn = choice.override.method === undefined ? undefined : getDriftTest(choice.override.method);
  if (perColumn !== undefined) {
    if (!perColumn.types.includes(type)) {
      throw new UsageError(
        `column '${name}' is ${type}; the ${perColumn.name} test applies to ${perColumn.types.join(" and ")} columns only.`,
      );
    }
    test = perColumn;
    selection = `set for this column`;
  } else if (choice.forced?.types.includes(type)) {
    test = choice.forced;
    selection = `forced by --method ${choice.forced.name}`;
    threshold = choice.globalThreshold;
  } else {
    test = getDriftTest(automatic.test);
    selection =
      choice.forced === undefined
        ? `default: ${automatic.reason}`
        : `default (${choice.forced.name} does not apply to ${type} columns): ${automatic.reason}`;
    if (choice.forced === undefined) threshold = choice.globalThreshold;
  }
  threshold = choice.override.threshold ?? threshold ?? test.defaultThreshold;
  const quality = columnQuality(reference, current);
  const distribution = columnDistribution(reference, current);
  const base = {
    column: name,
    type,
    role: choice.role,
    test: test.name,
    testLabel: test.label,
    testKind: test.kind,
    selection,
    threshold,
    nReference,
    nCurrent,
    distinctValues,
    distribution,
    quality,
  };
  if (nReference === 0 || nCurrent === 0) {
    return {
      ...base,
      status: nReference === 0 ? "empty_reference" : "empty_current",
      score: Number.NaN,
      statistic: Number.NaN,
      drift: false,
      driftAfterFdr: false,
      effectSize: Number.NaN,
      effectSizeName: "",
      minDetectableShift: { value: Number.NaN, measure: "" },
    };
  }
  const outcome = test.run(pair, threshold);
  const drift = test.isDrift(outcome.score, threshold);
  const column: ColumnDrift = {
    ...base,
    status: "tested",
    score: outcome.score,
    statistic: outcome.statistic,
    drift,
    driftAfterFdr: drift,
    effectSize: outcome.effectSize,
    effectSizeName: outcome.effectSizeName,
    minDetectableShift: outcome.minDetectableShift,
  };
  if (outcome.pValue !== undefined) column.pValue = outcome.pValue;
  return column;
}
