/**
 * `npm run bench:train` — training and inference on 1,000,000 × 20 synthetic rows (columnar typed
 * arrays; binary target drawn from a logistic model, so not separable).
 *
 * Each phase runs in its own child process so its peak RSS is its own. Printed per phase: fit time,
 * peak RSS, and throughput of the exported ONNX model in onnxruntime-node (batches of 10,000 rows).
 * Side by side in the same run: one objective + gradient pass over the data (the floor any
 * solver pays per iteration; the machine's load moves it, so the fit is also given in passes) and
 * both logistic solvers (L-BFGS, the default, and Newton). scikit-learn and xgboost are
 * not installable here (no PyPI): their figures are printed as references measured earlier on this
 * machine, with the ratio.
 *
 * Usage: node --import tsx scripts/bench-train.ts [--rows N] [--phases logistic,logistic-newton,gbdt]
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import * as ort from "onnxruntime-node";
import type { Table } from "../runtime/data/table.js";
import { silentLogger } from "../runtime/logger.js";
import { encodeFeaturesFloat64 } from "../runtime/train/encode-features.js";
import { fitPreprocessing } from "../runtime/train/feature-preprocessing.js";
import { seededRandom } from "../runtime/train/seeded-random.js";
import { trainModel } from "../runtime/train/train-model.js";
import { trainers } from "../runtime/train/trainers.js";

const features = 20;
const inferenceBatch = 10_000;
const inferenceRows = 200_000;

/** Reference figures from the issue, measured earlier on this machine (not in this run). */
const references: Record<string, { label: string; seconds: number }[]> = {
  logistic: [{ label: "scikit-learn LogisticRegression(lbfgs)", seconds: 1.6 }],
  "logistic-newton": [{ label: "scikit-learn LogisticRegression(lbfgs)", seconds: 1.6 }],
  gbdt: [
    { label: "xgboost, 100 trees", seconds: 10 },
    { label: "scikit-learn HistGradientBoosting", seconds: 17 },
  ],
};

function syntheticTable(rows: number): Table {
  const random = seededRandom(2024);
  const gaussian = () =>
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const columns = Array.from({ length: features }, () => new Float64Array(rows));
  const weights = Array.from({ length: features }, (_, j) => Math.sin(j + 1) * (j < 10 ? 1 : 0.3));
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = -0.2;
    for (let j = 0; j < features; j++) {
      const v = gaussian();
      columns[j]![i] = v;
      z += weights[j]! * v;
    }
    z += 0.5 * Math.sin(3 * columns[0]![i]!) * columns[1]![i]!; // a little non-linearity for the trees
    labels[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    source: "synthetic",
    rowCount: rows,
    columns: [
      ...columns.map((values, j) => ({ kind: "numeric" as const, name: `f${j}`, values })),
      { kind: "boolean" as const, name: "label", values: labels },
    ],
  };
}

interface PhaseResult {
  phase: string;
  rows: number;
  fitSeconds: number;
  /** CPU time of the fit (user + system); close to wall time on an idle machine, as the fit is single-threaded. */
  fitCpuSeconds: number;
  peakRssMb: number;
  onnxBytes: number;
  inferenceRowsPerSecond: number;
  training: Record<string, unknown> | undefined;
  passSeconds?: number;
}

async function inferenceThroughput(bytes: Uint8Array, table: Table): Promise<number> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds = (start: number): Record<string, ort.Tensor> => {
    const result: Record<string, ort.Tensor> = {};
    for (const column of table.columns.slice(0, features)) {
      if (column.kind === "categorical") continue;
      result[column.name] = new ort.Tensor(
        "float32",
        Float32Array.from(column.values.subarray(start, start + inferenceBatch)),
        [inferenceBatch, 1],
      );
    }
    return result;
  };
  await session.run(feeds(0)); // warm up
  const span = Math.max(1, table.rowCount - inferenceBatch + 1);
  const batches = Array.from({ length: inferenceRows / inferenceBatch }, (_, b) =>
    feeds((b * inferenceBatch) % span),
  );
  const started = performance.now();
  for (const batch of batches) await session.run(batch);
  return inferenceRows / ((performance.now() - started) / 1000);
}

/** One mean log-loss + gradient pass over the standardized matrix: the per-iteration floor. */
function onePass(table: Table): number {
  const names = table.columns.slice(0, features).map((c) => c.name);
  const x = encodeFeaturesFloat64(table, fitPreprocessing(table, names, { scale: true }));
  const y = (table.columns[features] as { values: Float64Array }).values;
  const w = new Float64Array(features).fill(0.01);
  const g = new Float64Array(features);
  const started = performance.now();
  let loss = 0;
  for (let r = 0; r < x.rows; r++) {
    let z = 0;
    const base = r * features;
    for (let j = 0; j < features; j++) z += w[j]! * x.matrix[base + j]!;
    const p = 1 / (1 + Math.exp(-z));
    loss += Math.log1p(Math.exp(z)) - y[r]! * z;
    const residual = p - y[r]!;
    for (let j = 0; j < features; j++) g[j]! += residual * x.matrix[base + j]!;
  }
  if (!Number.isFinite(loss)) throw new Error("bad pass");
  return (performance.now() - started) / 1000;
}

async function runPhase(phase: string, rows: number): Promise<PhaseResult> {
  const table = syntheticTable(rows);
  const algorithm = phase.startsWith("logistic") ? "logistic" : phase;
  // Default parameters (logistic: L-BFGS to gradient norm 1e-8), except the solver of the side-by-side phase.
  const params: Record<string, string> = phase === "logistic-newton" ? { solver: "newton" } : {};
  if (phase === "gbdt") params.n_estimators = "100";
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await trainModel({
    algorithm,
    table,
    target: "label",
    params,
    validation: 0,
    logger: silentLogger,
  });
  const fitSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const fitCpuSeconds = (used.user + used.system) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const inferenceRowsPerSecond = await inferenceThroughput(result.model.onnx, table);
  return {
    phase,
    rows,
    fitSeconds,
    fitCpuSeconds,
    peakRssMb,
    onnxBytes: result.model.onnx.byteLength,
    inferenceRowsPerSecond,
    training: result.model.training,
    ...(phase === "logistic" ? { passSeconds: onePass(table) } : {}),
  };
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const rows = Number(option("--rows") ?? 1_000_000);
  const child = option("--phase");
  if (child !== undefined) {
    process.stdout.write(`${JSON.stringify(await runPhase(child, rows))}\n`);
    return;
  }
  const wanted = (option("--phases") ?? "logistic,logistic-newton,gbdt").split(",");
  const phases = wanted.filter((p) => p !== "gbdt" || Object.hasOwn(trainers, "gbdt"));
  console.log(
    `kiln train benchmark: ${rows.toLocaleString("en")} rows × ${features} features, Node ${process.version}`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} on ${availableParallelism()} cores (wall times grow with load; CPU times much less)`,
  );
  for (const phase of phases) {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--phase", phase, "--rows", String(rows)],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    if (run.status !== 0) {
      console.log(`\n${phase}: failed (exit ${run.status})\n${run.stderr}`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split("\n").pop()!) as PhaseResult;
    console.log(`\n${phase}`);
    console.log(
      `  fit (table to ONNX, preprocessing included): ${r.fitSeconds.toFixed(2)} s wall, ${r.fitCpuSeconds.toFixed(2)} s CPU`,
    );
    console.log(`  peak RSS (data + fit, this process):         ${r.peakRssMb.toFixed(0)} MB`);
    if (r.training) console.log(`  training: ${JSON.stringify(r.training)}`);
    if (r.passSeconds !== undefined) {
      console.log(
        `  side by side, this run: one loss+gradient pass over the data takes ${r.passSeconds.toFixed(3)} s; the fit costs ${(r.fitSeconds / r.passSeconds).toFixed(1)} passes`,
      );
    }
    for (const ref of references[phase] ?? []) {
      console.log(
        `  reference, measured earlier on this machine: ${ref.label} ${ref.seconds} s → kiln/reference = ${(r.fitSeconds / ref.seconds).toFixed(2)}× wall, ${(r.fitCpuSeconds / ref.seconds).toFixed(2)}× CPU`,
      );
    }
    console.log(
      `  ONNX model ${(r.onnxBytes / 1024).toFixed(1)} KiB; onnxruntime-node inference: ${Math.round(r.inferenceRowsPerSecond).toLocaleString("en")} rows/s (batches of ${inferenceBatch.toLocaleString("en")})`,
    );
  }
  if (!phases.includes("gbdt") && wanted.includes("gbdt"))
    console.log("\ngbdt: not registered in the trainer map; skipped");
}

await main();
