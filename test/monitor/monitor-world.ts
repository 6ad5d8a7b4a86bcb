/**
 * A world for monitoring tests: a local-folder store holding a registered Kiln-convention classifier
 * (three numeric inputs f0..f2, outputs `label` and `probabilities`) whose lineage points at its
 * training data stored content-addressed, and served traffic written by serve's real PredictionLog.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../runtime/logger.js";
import type { ModelRecord } from "../../runtime/registry/model-record.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import { PredictionLog } from "../../runtime/serve/prediction-log.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { registerRequest } from "../registry/registry-builders.js";
import { type LogisticModel, logisticModel } from "../serve/onnx-fixtures.js";
import { seededNormal } from "./seeded-random.js";

export const MODEL = "churn";
export const TRAINING_ROWS = 600;

export interface MonitorWorld {
  dir: string;
  storeDir: string;
  store: ObjectStore;
  model: LogisticModel;
  record: ModelRecord;
  trainingCsv: string;
  /** Write `rows` predictions from `start`, spread over `spanHours`, inputs shifted by `shift`. */
  writeTraffic(options: {
    start: Date;
    rows: number;
    shift?: number;
    seed?: number;
    spanHours?: number;
    requestSize?: number;
  }): Promise<string[]>;
  close(): Promise<void>;
}

function features(n: number, seed: number, shift: number): number[][] {
  const normal = seededNormal(seed);
  return Array.from({ length: n }, () => [normal() + shift, normal() + shift, normal() + shift]);
}

export async function createMonitorWorld(): Promise<MonitorWorld> {
  const dir = await mkdtemp(join(tmpdir(), "kiln-monitor-world-"));
  const storeDir = join(dir, "store");
  const store = new LocalFolderStore(storeDir);
  const model = logisticModel({ features: 3, weights: [1, -0.5, 0.25], bias: 0, classes: ["stay", "churn"] });
  const labelOf = (row: readonly number[]) => (model.probability(row) > 0.5 ? "churn" : "stay");

  const training = features(TRAINING_ROWS, 1, 0);
  const csv = `f0,f1,f2,label\n${training.map((r) => `${r.join(",")},${labelOf(r)}`).join("\n")}\n`;
  const trainingCsv = join(dir, "train.csv");
  await writeFile(trainingCsv, csv);
  const digest = createHash("sha256").update(csv).digest("hex");
  await store.put(`cache/sha256/${digest}`, csv);

  const artifactPath = join(dir, "model.onnx");
  await writeFile(artifactPath, model.bytes);
  const metricsPath = join(dir, "metrics.json");
  await writeFile(metricsPath, JSON.stringify({ accuracy: 0.9 }));
  const { record } = await registerModel(
    { store, logger: silentLogger },
    registerRequest({
      name: MODEL,
      artifactPath,
      metricsPath,
      lineage: { stageKeys: {}, datasetDigests: { "data/train.csv": digest } },
    }),
  );

  return {
    dir,
    storeDir,
    store,
    model,
    record,
    trainingCsv,
    async writeTraffic(options) {
      const { start, rows } = options;
      const size = options.requestSize ?? 10;
      const spanMs = (options.spanHours ?? 1) * 3_600_000;
      const log = new PredictionLog({ store, logger: silentLogger, maxRows: 250, flushIntervalMs: 60_000 });
      const data = features(rows, options.seed ?? 2, options.shift ?? 0);
      const ids: string[] = [];
      for (let first = 0, request = 0; first < rows; first += size, request++) {
        const batch = data.slice(first, first + size);
        const n = batch.length;
        const id = `req-${options.seed ?? 2}-${request}`;
        ids.push(id);
        const probabilities = new Float32Array(n * 2);
        batch.forEach((r, i) => {
          const p = model.probability(r);
          probabilities[i * 2] = 1 - p;
          probabilities[i * 2 + 1] = p;
        });
        log.append({
          requestId: id,
          model: MODEL,
          version: record.version,
          rows: n,
          ts: start.getTime() + Math.floor((first / rows) * spanMs),
          inputs: [0, 1, 2].map((j) => ({
            name: `f${j}`,
            datatype: "FP32" as const,
            shape: [n, 1],
            data: Float32Array.from(batch, (r) => r[j] as number),
          })),
          outputs: {
            label: { datatype: "BYTES", dims: [n], data: batch.map(labelOf) },
            probabilities: { datatype: "FP32", dims: [n, 2], data: probabilities },
          },
        });
        // Let the log serialize this turn's rows with their own timestamps.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await log.close();
      return ids;
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
