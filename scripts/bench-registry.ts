/**
 * Benchmark of the model registry: `npm run bench:registry` (BENCH_REGISTRY_MB=1024 by default, 0 to
 * skip the upload part; BENCH_REGISTRY_VERSIONS=10000).
 *
 * One run measures, against moto_server (a real local S3):
 * - registering a 1 GB ONNX artifact (`registerModel`: stream-hash the file, read the signature from
 *   the header, stream-upload it content addressed, write the record, event and index), in a child
 *   process: wall time, throughput and peak RSS (must stay under 250 MB: streaming, never a
 *   whole-file buffer);
 * - the baseline in the same run: a plain `@aws-sdk/lib-storage` Upload of the same file (same part
 *   size and queue), also in a child process; and Kiln's ratio to it;
 * - listing a model with 10,000 versions and 10,000 stage events, and showing one version and the
 *   Production holder, through the index (local folder and S3) — against the baseline of scanning
 *   the 10,000 version keys (what a tag-scanning registry does).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import onnxProto from "onnx-proto";
import { silentLogger } from "../runtime/logger.js";
import { listVersions } from "../runtime/registry/list-versions.js";
import { type ModelIndex, writeIndex } from "../runtime/registry/model-index.js";
import { encodeJson, type ModelRecord } from "../runtime/registry/model-record.js";
import { registerModel } from "../runtime/registry/register-model.js";
import type { RegistryEvent } from "../runtime/registry/registry-event.js";
import { registryKeys } from "../runtime/registry/registry-keys.js";
import { resolveModel } from "../runtime/registry/resolve-model.js";
import type { ObjectStore } from "../runtime/store/object-store.js";
import { openStore } from "../runtime/store/open-store.js";
import { startMoto } from "../test/support/s3-harness.js";

const { onnx } = onnxProto;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsxLoader = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const megabytes = Number(process.env.BENCH_REGISTRY_MB ?? 1024);
const versionCount = Number(process.env.BENCH_REGISTRY_VERSIONS ?? 10_000);

// ---------------------------------------------------------------------------------------------
// Child modes: each measurement runs in its own process so that peak RSS is its own.

interface ChildResult {
  ms: number;
  maxRssMb: number;
  version?: string;
}

async function child(mode: string, args: string[]): Promise<void> {
  const start = performance.now();
  let version: string | undefined;
  if (mode === "register") {
    const [file, storeUrl] = args as [string, string];
    const store = await openStore(storeUrl, { env: process.env, cwd: root });
    const result = await registerModel(
      { store, logger: silentLogger },
      {
        name: "big",
        artifactPath: file,
        lineage: { stageKeys: {}, datasetDigests: {} },
        createdBy: "bench",
        source: { kind: "command", detail: "bench" },
      },
    );
    version = result.record.version;
  } else if (mode === "upload") {
    const [file, bucket, key] = args as [string, string, string];
    const client = new S3Client({
      ...(process.env.AWS_ENDPOINT_URL ? { endpoint: process.env.AWS_ENDPOINT_URL } : {}),
      region: "us-east-1",
      forcePathStyle: true,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    await new Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: createReadStream(file) },
      partSize: 8 * 1024 * 1024,
      queueSize: 4,
    }).done();
  } else throw new Error(`unknown child mode ${mode}`);
  const result: ChildResult = {
    ms: performance.now() - start,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ...(version === undefined ? {} : { version }),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(mode: string, args: string[], env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(
      process.execPath,
      ["--import", tsxLoader, fileURLToPath(import.meta.url), "--child", mode, ...args],
      { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    proc.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code !== 0) reject(new Error(`child ${mode} exited ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as ChildResult);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// A large, valid ONNX model written as a stream: y = x + w with w a FLOAT initializer of the given
// size (raw_data last, so the header is written first and the weights streamed after it).

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
const tag = (field: number, wire: number) => varint(field * 8 + wire);

async function writeBigOnnx(path: string, bytes: number): Promise<void> {
  const floats = Math.floor(bytes / 4);
  const valueInfo = (name: string) => ({
    name,
    type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: floats }] } } },
  });
  const graphHead = Buffer.from(
    onnx.GraphProto.encode({
      name: "big",
      node: [{ opType: "Add", input: ["x", "w"], output: ["y"] }],
      input: [valueInfo("x")],
      output: [valueInfo("y")],
    }).finish(),
  );
  const tensorHead = Buffer.from(
    onnx.TensorProto.encode({ dims: [floats], dataType: 1, name: "w" }).finish(),
  );
  const rawHead = Buffer.concat([tag(9, 2), varint(floats * 4)]);
  const tensorLength = tensorHead.length + rawHead.length + floats * 4;
  const initializerHead = Buffer.concat([tag(5, 2), varint(tensorLength)]);
  const graphLength = graphHead.length + initializerHead.length + tensorLength;
  const modelHead = Buffer.from(
    onnx.ModelProto.encode({
      irVersion: 8,
      producerName: "bench",
      opsetImport: [{ domain: "", version: 15 }],
    }).finish(),
  );
  const handle = await open(path, "w");
  try {
    await handle.write(
      Buffer.concat([
        modelHead,
        tag(7, 2),
        varint(graphLength),
        graphHead,
        initializerHead,
        tensorHead,
        rawHead,
      ]),
    );
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    for (let left = floats * 4; left > 0; left -= chunk.length) {
      randomFillSync(chunk);
      await handle.write(chunk, 0, Math.min(chunk.length, left));
    }
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// A model with many versions and events, written straight into the layout (as years of use would).

function manyVersions(count: number): { index: ModelIndex; records: ModelRecord[] } {
  const events: RegistryEvent[] = [];
  const records: ModelRecord[] = [];
  const start = Date.parse("2020-01-01T00:00:00Z");
  let previous: string | undefined;
  for (let i = 0; i < count; i++) {
    const version = `${1 + Math.floor(i / 1000)}.${i % 1000}.0`;
    const at = new Date(start + i * 3_600_000).toISOString();
    const sha256 = i.toString(16).padStart(64, "0");
    const metrics = { accuracy: 0.8 + (i % 100) / 1000, loss: 0.3 - (i % 100) / 1000 };
    records.push({
      formatVersion: 1,
      name: "many",
      version,
      artifact: { sha256, size: 1000 + i, storeKey: `cache/sha256/${sha256}` },
      bump: { kind: "minor", reason: "bench" },
      signature: {
        inputs: [{ name: "x", datatype: "FP32", shape: [-1, 4] }],
        outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
        metadata: {},
      },
      metrics,
      params: { depth: 6 },
      lineage: { stageKeys: {}, datasetDigests: {} },
      createdBy: "bench",
      createdAt: at,
    });
    events.push({
      kind: "register",
      seq: 0,
      id: `r${i}`,
      version,
      at,
      by: "bench",
      source: { kind: "command" },
      summary: { sha256, size: 1000 + i, bump: "minor", metrics, createdAt: at },
    });
    events.push({
      kind: "stage",
      seq: 0,
      id: `s${i}`,
      version,
      at,
      by: "bench",
      source: { kind: "pull-request", pullRequest: i },
      reason: "bench",
      from: "None",
      to: "Production",
      archived: previous === undefined ? [] : [{ version: previous, from: "Production" }],
    });
    previous = version;
  }
  events.forEach((e, i) => {
    e.seq = i + 1;
  });
  const versions = events
    .filter((e) => e.kind === "register")
    .map((e) => ({ version: e.version, ...e.summary }));
  return { index: { formatVersion: 1, name: "many", events, versions }, records };
}

async function timeIt<T>(runs: number, fn: () => Promise<T>): Promise<{ medianMs: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, result: result as T };
}

async function listingFigures(label: string, store: ObjectStore): Promise<void> {
  const list = await timeIt(5, () => listVersions(store, "many"));
  const middle = list.result[Math.floor(list.result.length / 2)]?.version ?? "1.0.0";
  const showVersion = await timeIt(5, () => resolveModel(store, `many@${middle}`));
  const showProduction = await timeIt(5, () => resolveModel(store, "many:production"));
  const scan = await timeIt(3, async () => {
    let n = 0;
    for await (const _ of store.list(registryKeys.versionsPrefix("many"))) n++;
    return n;
  });
  console.log(`\n${label}: a model with ${list.result.length} versions and ${2 * versionCount} events`);
  console.log(`  kiln model list (index)         ${list.medianMs.toFixed(1)} ms`);
  console.log(`${`  kiln model show many@${middle}`.padEnd(34)}${showVersion.medianMs.toFixed(1)} ms`);
  console.log(
    `  kiln model show many:production ${showProduction.medianMs.toFixed(1)} ms  (→ ${showProduction.result.record.version})`,
  );
  console.log(
    `  baseline: scan ${scan.result} version keys  ${scan.medianMs.toFixed(1)} ms  (list is ${(scan.medianMs / list.medianMs).toFixed(1)}x faster)`,
  );
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "kiln-bench-registry-"));
  const moto = await startMoto({ bucket: "kiln-bench" });
  try {
    console.log(
      `kiln registry benchmark — ${megabytes} MB artifact, ${versionCount} versions (moto_server, local folder)`,
    );
    let start = performance.now();
    if (megabytes > 0) {
      const file = join(work, "big.onnx");
      start = performance.now();
      await writeBigOnnx(file, megabytes * 1024 * 1024);
      console.log(
        `wrote a ${megabytes} MB ONNX model in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );

      const baseline = await runChild("upload", [file, "kiln-bench", "baseline/big.onnx"], moto.env);
      const kiln = await runChild("register", [file, moto.storeUrl], moto.env);
      const mb = megabytes;
      console.log(`\n${mb} MB registration against S3 (moto), each in its own process:`);
      console.log(
        `  baseline lib-storage Upload     ${(baseline.ms / 1000).toFixed(1)} s  ${(mb / (baseline.ms / 1000)).toFixed(0)} MB/s  peak RSS ${baseline.maxRssMb.toFixed(0)} MB`,
      );
      console.log(
        `  kiln registerModel (${kiln.version})   ${(kiln.ms / 1000).toFixed(1)} s  ${(mb / (kiln.ms / 1000)).toFixed(0)} MB/s  peak RSS ${kiln.maxRssMb.toFixed(0)} MB`,
      );
      console.log(
        `  ratio kiln/baseline time ${(kiln.ms / baseline.ms).toFixed(2)} (kiln also hashes the file and reads its header first)`,
      );
      console.log(`  peak RSS under 250 MB: ${kiln.maxRssMb < 250 ? "yes" : "NO"}`);
      await rm(file, { force: true });
    }

    start = performance.now();
    const { index, records } = manyVersions(versionCount);
    const folder = join(work, "store");
    for (const record of records) {
      const path = join(folder, registryKeys.record("many", record.version));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, encodeJson(record));
    }
    for (const event of index.events) {
      const path = join(folder, registryKeys.event("many", event.seq));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, encodeJson(event));
    }
    const local = await openStore(folder, { env: {}, cwd: work });
    await writeIndex(local, index, undefined);
    const s3 = await openStore(`${moto.storeUrl}many/`, { env: moto.env, cwd: work });
    const queue = [...records];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let r = queue.pop(); r !== undefined; r = queue.pop())
          await s3.put(registryKeys.record("many", r.version), encodeJson(r));
      }),
    );
    await writeIndex(s3, index, undefined);
    console.log(
      `\nwrote ${versionCount} records and ${index.events.length} events in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const indexInfo = await local.head(registryKeys.index("many"));
    console.log(`index.json: ${((indexInfo?.size ?? 0) / 1e6).toFixed(1)} MB`);
    await listingFigures("local folder", local);
    await listingFigures("S3 (moto; records and index, events in the index)", s3);
    console.log(
      `\nload average (1, 5, 15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")} on ${cpus().length} cores`,
    );
  } finally {
    await moto.stop();
    await rm(work, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt !== -1) await child(process.argv[childAt + 1] ?? "", process.argv.slice(childAt + 2));
else await main();
