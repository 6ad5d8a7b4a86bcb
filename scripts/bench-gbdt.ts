/**
 * GBDT training benchmark: fit time and peak memory for 100 trees on 1,000,000 × 20 synthetic rows
 * (binary logistic and squared error), and inference throughput of the exported model in
 * onnxruntime-node. Usage: `npm run bench:gbdt [-- --rows N --trees T --task binary|regression|both]`.
 *
 * The baseline is what xgboost (hist, 100 trees) and scikit-learn's HistGradientBoosting took on the
 * same data shape on this machine kind, measured earlier (neither is installed here).
 */
import { availableParallelism, loadavg } from "node:os";
import * as ort from "onnxruntime-node";
import type { Table } from "../runtime/data/table.js";
import { silentLogger } from "../runtime/logger.js";
import { gbdtTrainer } from "../runtime/train/gbdt/gbdt-trainer.js";
import { resolveParams } from "../runtime/train/trainer-params.js";
import type { TrainingTarget } from "../runtime/train/training-target.js";

const XGBOOST_SECONDS = 10;
const HIST_GRADIENT_BOOSTING_SECONDS = 17;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const rows = Number(option("rows", "1000000"));
const trees = Number(option("trees", "100"));
const task = option("task", "both");
const featureCount = 20;

/** mulberry32 */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 20 gaussian features (1% missing), a non-linear score, a binary label and a noisy value. */
function synthetic(): { table: Table; score: Float64Array } {
  const next = random(42);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next());
  const columns = Array.from({ length: featureCount }, () => new Float64Array(rows));
  const score = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0;
    let x0 = 0;
    let x1 = 0;
    for (let f = 0; f < featureCount; f++) {
      const x = gauss();
      if (f === 0) x0 = x;
      if (f === 1) x1 = x;
      // The score uses the true value; the feature column hides 1% of them as missing.
      columns[f]![i] = next() < 0.01 ? Number.NaN : x;
      z += (f % 4 === 0 ? 0.6 : f % 4 === 1 ? -0.4 : 0.1) * x;
    }
    z += Math.sin(2 * x0) + (x1 > 0.5 ? 1 : 0) + gauss();
    score[i] = z;
  }
  return {
    table: {
      source: "synthetic",
      rowCount: rows,
      columns: columns.map((values, f) => ({ kind: "numeric" as const, name: `x${f}`, values })),
    },
    score,
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function inferenceThroughput(onnx: Uint8Array, table: Table): Promise<number> {
  const session = await ort.InferenceSession.create(onnx);
  const batch = Math.min(100_000, rows);
  const feeds: Record<string, ort.Tensor> = {};
  for (const column of table.columns) {
    if (column.kind === "categorical") continue;
    feeds[column.name] = new ort.Tensor("float32", Float32Array.from(column.values.subarray(0, batch)), [
      batch,
      1,
    ]);
  }
  await session.run(feeds); // warm-up
  const repeats = 3;
  const start = performance.now();
  for (let r = 0; r < repeats; r++) await session.run(feeds);
  const seconds = (performance.now() - start) / 1000;
  return (batch * repeats) / seconds;
}

async function main(): Promise<void> {
  const { table, score } = synthetic();
  const dataRss = process.memoryUsage().rss;
  console.log(`gbdt benchmark: ${rows.toLocaleString("en")} rows × ${featureCount} features, ${trees} trees`);
  console.log(`data in memory: RSS ${mb(dataRss)}`);
  const tasks = task === "both" ? ["binary", "regression"] : [task];
  for (const name of tasks) {
    const target: TrainingTarget =
      name === "binary"
        ? {
            task: "classification",
            name: "y",
            classes: ["0", "1"],
            classIndex: Int32Array.from(score, (z) => (z > 0 ? 1 : 0)),
          }
        : { task: "regression", name: "y", values: score };
    const params = resolveParams("gbdt", gbdtTrainer.params, { n_estimators: trees });
    const load = loadavg()[0]!;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const model = await gbdtTrainer.train({
      train: table,
      target,
      features: table.columns.map((c) => c.name),
      params,
      seed: 1,
      logger: silentLogger,
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const peak = process.resourceUsage().maxRSS * 1024;
    const throughput = await inferenceThroughput(model.onnx, table);
    console.log(
      `\n${name === "binary" ? "binary logistic" : "squared error"} (max_leaves 31, learning_rate 0.1):`,
    );
    console.log(
      `  fit (binning + ${trees} trees + ONNX export): ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU` +
        ` (${availableParallelism()} cores, load average ${load.toFixed(1)} when it started)`,
    );
    console.log(`  peak RSS so far: ${mb(peak)} (data alone ${mb(dataRss)})`);
    console.log(
      `  model: ${model.training?.leaves} leaves, ${(model.onnx.byteLength / 1024).toFixed(0)} KB ONNX`,
    );
    console.log(
      `  onnxruntime-node inference: ${Math.round(throughput).toLocaleString("en")} rows/s (batches of 100,000)`,
    );
    if (rows === 1_000_000 && trees === 100) {
      console.log(
        `  vs xgboost ~${XGBOOST_SECONDS} s (measured earlier on this machine): ${(seconds / XGBOOST_SECONDS).toFixed(2)}× its time`,
      );
      console.log(
        `  vs HistGradientBoosting ~${HIST_GRADIENT_BOOSTING_SECONDS} s: ${(seconds / HIST_GRADIENT_BOOSTING_SECONDS).toFixed(2)}× its time`,
      );
    }
  }
}

await main();
