/**
 * The inference server's Prometheus metrics, served at `/metrics` in the text exposition format.
 *
 * - `kiln_requests_total{model,version,status}` and `kiln_request_duration_seconds{model,version,status}`
 *   for every request to a model route (`model="_server"` for server routes and unknown models,
 *   so a scan of random names cannot blow up the label set);
 * - `kiln_batch_rows{model,version}`: rows per onnxruntime call;
 * - `kiln_queue_rows{model,version}`: rows waiting for a run;
 * - `kiln_model_info{model,version,sha256}`: 1 for each version being served;
 * - `kiln_prediction_log_rows_total`, `kiln_prediction_log_failures_total`,
 *   `kiln_prediction_log_dropped_rows_total`: the prediction log's health;
 * - Node's default process metrics (`process_*`, `nodejs_*`).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { RequestMetrics } from "./request-metrics.js";

export interface ServeMetrics {
  readonly registry: Registry;
  observeRequest(model: string, version: string, status: number, seconds: number): void;
  observeBatch(model: string, version: string, rows: number): void;
  /** Report `rows()` as a version's queue depth at every scrape; the returned function stops it. */
  watchQueue(model: string, version: string, rows: () => number): () => void;
  setServed(model: string, version: string, sha256: string, served: boolean): void;
  predictionLogRows(rows: number): void;
  predictionLogFailure(): void;
  predictionLogDropped(rows: number): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createServeMetrics(options: { processMetrics?: boolean } = {}): ServeMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics(
    registry,
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  const batchRows = new Histogram<"model" | "version">({
    name: "kiln_batch_rows",
    help: "Rows in each onnxruntime call.",
    labelNames: ["model", "version"],
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  });
  // Read at scrape time rather than set on every request: the hot path does not touch it.
  const queues = new Set<{ model: string; version: string; rows: () => number }>();
  new Gauge<"model" | "version">({
    name: "kiln_queue_rows",
    help: "Rows waiting for an onnxruntime call.",
    labelNames: ["model", "version"],
    registers: [registry],
    collect() {
      this.reset();
      for (const queue of queues) this.set({ model: queue.model, version: queue.version }, queue.rows());
    },
  });
  const modelInfo = new Gauge<"model" | "version" | "sha256">({
    name: "kiln_model_info",
    help: "1 for each model version being served.",
    labelNames: ["model", "version", "sha256"],
    registers: [registry],
    // With several worker processes, each reports the versions it serves: merged, still 1.
    aggregator: "max",
  });
  const logRows = new Counter({
    name: "kiln_prediction_log_rows_total",
    help: "Prediction rows written to the store.",
    registers: [registry],
  });
  const logFailures = new Counter({
    name: "kiln_prediction_log_failures_total",
    help: "Failed attempts to write a prediction log object (each is retried).",
    registers: [registry],
  });
  const logDropped = new Counter({
    name: "kiln_prediction_log_dropped_rows_total",
    help: "Prediction rows given up on after the retries, or beyond the pending bound.",
    registers: [registry],
  });

  // Batch-size children cached by label values: one Map lookup per batch, not a label hash.
  const batchChildren = new Map<string, Histogram.Internal<"model" | "version">>();

  return {
    registry,
    observeRequest(model, version, status, seconds) {
      requests.observe(model, version, status, seconds);
    },
    observeBatch(model, version, rows) {
      const key = `${model}\u0000${version}`;
      let child = batchChildren.get(key);
      if (child === undefined) {
        child = batchRows.labels({ model, version });
        batchChildren.set(key, child);
      }
      child.observe(rows);
    },
    watchQueue(model, version, rows) {
      const queue = { model, version, rows };
      queues.add(queue);
      return () => queues.delete(queue);
    },
    setServed(model, version, sha256, served) {
      if (served) modelInfo.labels({ model, version, sha256 }).set(1);
      else modelInfo.remove({ model, version, sha256 });
    },
    predictionLogRows(rows) {
      logRows.inc(rows);
    },
    predictionLogFailure() {
      logFailures.inc();
    },
    predictionLogDropped(rows) {
      logDropped.inc(rows);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
