/**
 * The JSON form of a monitoring run (`kiln monitor --json`): status, model, window, reference, the
 * drift report as `kiln drift --json` prints it (absent for an insufficient window), performance.
 */
import { driftReportJson } from "./drift-report-json.js";
import type { MonitorResult } from "./monitor-model.js";

export function monitorResultJson(result: MonitorResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    status: result.status,
    model: result.model,
    version: result.version,
    summary: result.summary,
    window: result.window,
    min_rows: result.minRows,
    reference: result.reference ?? null,
    dataset_drift: result.report?.datasetDrift ?? null,
    drift_share: result.report?.driftShare ?? null,
    prediction_drift: result.report?.predictionDrift.drift ?? null,
  };
  if (result.report !== undefined) out.report = driftReportJson(result.report);
  if (result.performance !== undefined) {
    out.performance = {
      task: result.performance.task,
      labels: result.performance.labelsSource,
      labelled: result.performance.labelled,
      unlabelled: result.performance.unlabelled,
      unknown_labels: result.performance.unknownLabels,
      metrics: result.performance.comparisons.map((c) => ({
        metric: c.metric,
        current: c.current,
        registered: c.registered ?? null,
      })),
    };
  }
  return out;
}
