/**
 * The JSON form of a drift report (`kiln drift --json`): the keys the issue fixes —
 * {dataset_drift, drift_share, columns: [{column, type, test, score, p_value (p-value tests only),
 * threshold, drift, effect_size, n_reference, n_current}]} — plus extras (decided_by, share and fdr
 * decisions, effect_size_name, adjusted_p_value, min_detectable_shift, quality). Non-finite numbers
 * become null.
 */
import type { ColumnDrift, DriftReport } from "./drift-report.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function columnJson(c: ColumnDrift): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    column: c.column,
    type: c.type,
    test: c.test,
    score: num(c.score),
  };
  if (c.pValue !== undefined) out.p_value = num(c.pValue);
  Object.assign(out, {
    threshold: c.threshold,
    drift: c.drift,
    effect_size: num(c.effectSize),
    n_reference: c.nReference,
    n_current: c.nCurrent,
    role: c.role,
    status: c.status,
    statistic: num(c.statistic),
    effect_size_name: c.effectSizeName,
    selection: c.selection,
    distinct_values: c.distinctValues,
    min_detectable_shift: { value: num(c.minDetectableShift.value), measure: c.minDetectableShift.measure },
    quality: {
      reference_missing_share: num(c.quality.referenceMissingShare),
      current_missing_share: num(c.quality.currentMissingShare),
      missing_share_rose: c.quality.missingShareRose,
      unseen_categories: c.quality.unseenCategories,
      unseen_category_count: c.quality.unseenCategoryCount,
      out_of_range_count: c.quality.outOfRangeCount,
      out_of_range_share: num(c.quality.outOfRangeShare),
      constant_in_reference: c.quality.constantInReference,
      constant_in_current: c.quality.constantInCurrent,
    },
  } satisfies { [key: string]: Json });
  if (c.adjustedPValue !== undefined) {
    out.fdr = { adjusted_p_value: num(c.adjustedPValue), drift: c.driftAfterFdr };
  }
  return out;
}

export function driftReportJson(report: DriftReport): { [key: string]: Json } {
  return {
    dataset_drift: report.datasetDrift,
    drift_share: report.driftShare,
    columns: report.columns.map(columnJson),
    decided_by: report.decidedBy,
    drift_share_threshold: report.driftShareThreshold,
    share: {
      drifted: report.share.drifted,
      tested: report.share.tested,
      drift_share: report.share.driftShare,
      dataset_drift: report.share.datasetDrift,
    },
    fdr: {
      level: report.fdr.level,
      drifted: report.fdr.drifted,
      tested: report.fdr.tested,
      drift_share: report.fdr.driftShare,
      dataset_drift: report.fdr.datasetDrift,
    },
    prediction_drift: { columns: report.predictionDrift.columns, drift: report.predictionDrift.drift },
    reference: { source: report.reference.source, rows: report.reference.rows },
    current: { source: report.current.source, rows: report.current.rows },
    quality: {
      reference_rows: report.quality.referenceRows,
      current_rows: report.quality.currentRows,
      row_count_changed: report.quality.rowCountChanged,
      missing_columns: report.quality.missingColumns,
      new_columns: report.quality.newColumns,
      type_changes: report.quality.typeChanges.map((t) => ({
        column: t.column,
        reference: t.reference,
        current: t.current,
      })),
      failures: report.quality.failures,
    },
  };
}
