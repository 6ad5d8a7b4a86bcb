/**
 * Benchmark of the inference server: `npm run bench:serve` (BENCH_SECONDS=5 by default).
 *
 * One run measures, for a 20-feature logistic model (FP32 [-1, 1] inputs → Concat → MatMul → Add →
 * Sigmoid, label + probabilities):
 * - the in-process onnxruntime-node call rate (single rows, and rows/s in batches of 64);
 * - a plain node:http + onnxruntime baseline server (no validation, metrics or logging; written
 *   below and run as a child process of this script), with and without a naive micro-batcher;
 * - `kiln serve` as a process with validation, metrics and prediction logging on, with and without
 *   micro-batching;
 * each under autocannon with single-row V2 requests at concurrency 1 and 64: requests/s, p50, p99,
 * and Kiln's ratio to the baseline measured in the same run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import * as ort from "onnxruntime-node";
import { logisticModel } from "../test/serve/onnx-fixtures.js";

const root = new URL("../", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

// ---------------------------------------------------------------------------------------------
// The baseline: what a competent engineer writes in an afternoon. Run as `bench-serve.ts --baseline`.

async function baselineServer(modelPath: string, batching: boolean): Promise<void> {
  const { readFile } = await import("node:fs/promises");
  const session = await ort.InferenceSession.create(new Uint8Array(await readFile(modelPath)), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const names = session.inputNames;
  type Job = {
    values: number[][];
    rows: number;
    done: (out: { p: Float32Array; labels: string[]; at: number }) => void;
  };
  const queue: Job[] = [];
  let running = false;
  async function drain(): Promise<void> {
    if (running || queue.length === 0) return;
    running = true;
    const jobs = queue.splice(0, queue.length);
    const rows = jobs.reduce((n, j) => n + j.rows, 0);
    const feeds: Record<string, ort.Tensor> = {};
    names.forEach((name, k) => {
      const data = new Float32Array(rows);
      let o = 0;
      for (const job of jobs) for (const v of job.values[k]!) data[o++] = v;
      feeds[name] = new ort.Tensor("float32", data, [rows, 1]);
    });
    const out = await session.run(feeds);
    let at = 0;
    for (const job of jobs) {
      job.done({ p: out.probabilities!.data as Float32Array, labels: out.label!.data as string[], at });
      at += job.rows;
    }
    running = false;
    if (queue.length > 0) setImmediate(drain);
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          inputs: Array<{ name: string; data: number[] }>;
        };
        const byName = new Map(body.inputs.map((i) => [i.name, i.data]));
        const values = names.map((n) => byName.get(n) ?? [0]);
        const rows = values[0]!.length;
        let result: { p: Float32Array; labels: string[]; at: number };
        if (batching) {
          result = await new Promise((done) => {
            queue.push({ values, rows, done });
            setImmediate(drain);
          });
        } else {
          const feeds: Record<string, ort.Tensor> = {};
          names.forEach((name, k) => {
            feeds[name] = new ort.Tensor("float32", Float32Array.from(values[k]!), [rows, 1]);
          });
          const out = await session.run(feeds);
          result = { p: out.probabilities!.data as Float32Array, labels: out.label!.data as string[], at: 0 };
        }
        const text = JSON.stringify({
          model_name: "churn",
          outputs: [
            {
              name: "label",
              datatype: "BYTES",
              shape: [rows],
              data: result.labels.slice(result.at, result.at + rows),
            },
            {
              name: "probabilities",
              datatype: "FP32",
              shape: [rows, 2],
              data: Array.from(result.p.subarray(result.at * 2, (result.at + rows) * 2)),
            },
          ],
        });
        res.writeHead(200, { "content-type": "application/json" }).end(text);
      } catch (error: unknown) {
        res.writeHead(400).end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------

interface Started {
  url: string;
  child: ChildProcess;
}

async function startProcess(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  child.stdout!.resume();
  return { url, child };
}

async function stopProcess(started: Started): Promise<void> {
  const exited = once(started.child, "exit");
  started.child.kill("SIGTERM");
  await exited;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time (user + system, all threads) per answered request, µs; robust to a busy machine. */
  cpuPerRequestUs: number;
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function hammer(
  url: string,
  path: string,
  body: string,
  connections: number,
  pid: number,
): Promise<Figures> {
  const options = {
    url: `${url}${path}`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body,
    connections,
    pipelining: 1,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpu = cpuSeconds(pid) - cpuBefore;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequestUs: result.requests.total > 0 ? (cpu * 1e6) / result.requests.total : 0,
  };
}

function inProcessRate(
  session: ort.InferenceSession,
  names: readonly string[],
  rows: number,
): Promise<number> {
  return (async () => {
    const run = async () => {
      const feeds: Record<string, ort.Tensor> = {};
      for (const name of names)
        feeds[name] = new ort.Tensor("float32", new Float32Array(rows).fill(0.5), [rows, 1]);
      await session.run(feeds);
    };
    for (let i = 0; i < 200; i++) await run();
    let calls = 0;
    const start = performance.now();
    const until = start + Math.min(seconds, 3) * 1000;
    while (performance.now() < until) {
      await run();
      calls++;
    }
    return (calls * rows) / ((performance.now() - start) / 1000);
  })();
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function bench(): Promise<void> {
  const model = logisticModel({ features: 20 });
  const dir = await mkdtemp(join(tmpdir(), "kiln-bench-serve-"));
  const modelPath = join(dir, "churn.onnx");
  await writeFile(modelPath, model.bytes);
  const body = JSON.stringify({
    inputs: model.features.map((name, k) => ({
      name,
      datatype: "FP32",
      shape: [1, 1],
      data: [((k % 7) - 3) / 4],
    })),
  });
  console.log(
    `bench:serve — 20-feature logistic model, single-row V2 requests, ${seconds} s per run (+1 s warm-up)`,
  );
  console.log(`machine: ${cpus().length} cores, load average ${loadAverage()}\n`);

  const session = await ort.InferenceSession.create(model.bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const single = await inProcessRate(session, session.inputNames, 1);
  const batched = await inProcessRate(session, session.inputNames, 64);
  await session.release();
  console.log(
    `in-process onnxruntime-node: ${fmt(single)} calls/s (1 row), ${fmt(batched)} rows/s (64-row calls)\n`,
  );

  const path = "/v2/models/churn/infer";
  const results: Array<{ server: string; batching: boolean; c: number; f: Figures }> = [];
  const configs: Array<{ server: string; batching: boolean; args: string[] }> = [
    { server: "baseline", batching: false, args: ["scripts/bench-serve.ts", "--baseline", modelPath] },
    {
      server: "baseline",
      batching: true,
      args: ["scripts/bench-serve.ts", "--baseline", modelPath, "--batching"],
    },
    {
      server: "kiln",
      batching: false,
      args: [
        "runtime/cli/kiln.ts",
        "serve",
        "--model-file",
        modelPath,
        "--name",
        "churn",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--store",
        join(dir, "store"),
        "--quiet",
        "--no-batching",
      ],
    },
    {
      server: "kiln",
      batching: true,
      args: [
        "runtime/cli/kiln.ts",
        "serve",
        "--model-file",
        modelPath,
        "--name",
        "churn",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--store",
        join(dir, "store"),
        "--quiet",
      ],
    },
  ];
  for (const config of configs) {
    const started = await startProcess(config.args);
    try {
      for (const c of [1, 64]) {
        const f = await hammer(started.url, path, body, c, started.child.pid!);
        results.push({ server: config.server, batching: config.batching, c, f });
        console.log(
          `${config.server.padEnd(8)} batching ${config.batching ? "on " : "off"} c=${String(c).padEnd(3)} ` +
            `${fmt(f.rps).padStart(7)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${fmt(f.cpuPerRequestUs)} µs CPU/req` +
            `${f.errors ? `  (${f.errors} errors)` : ""}`,
        );
      }
    } finally {
      await stopProcess(started);
    }
  }
  console.log(
    "\n| server | batching | concurrency | req/s | p50 ms | p99 ms | server CPU µs/req | Kiln / baseline req/s | Kiln / baseline CPU |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const base = results.find((b) => b.server === "baseline" && b.batching === r.batching && b.c === r.c)!;
    const ratio = r.server === "kiln" ? `${(r.f.rps / base.f.rps).toFixed(2)}×` : "";
    const cpuRatio =
      r.server === "kiln" ? `${(r.f.cpuPerRequestUs / base.f.cpuPerRequestUs).toFixed(2)}×` : "";
    console.log(
      `| ${r.server} | ${r.batching ? "on" : "off"} | ${r.c} | ${fmt(r.f.rps)} | ${r.f.p50} | ${r.f.p99} | ${fmt(r.f.cpuPerRequestUs)} | ${ratio} | ${cpuRatio} |`,
    );
  }
  const logged = (await import("node:fs")).readdirSync(join(dir, "store", "predictions", "churn"), {
    recursive: true,
  });
  console.log(
    `\nKiln's prediction log objects written during the run: ${logged.filter((f) => String(f).endsWith(".gz")).length}`,
  );
  console.log(`load average at the end: ${loadAverage()}`);
  await rm(dir, { recursive: true, force: true });
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

if (process.argv[2] === "--baseline") {
  await baselineServer(process.argv[3]!, process.argv[4] === "--batching");
} else {
  await bench();
}
