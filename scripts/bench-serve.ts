/**
 * Benchmark of the inference server: `npm run bench:serve` (BENCH_SECONDS=5 per run, BENCH_ROUNDS=3).
 *
 * For a 20-feature logistic model (20 FP32 [-1, 1] inputs → Concat → MatMul → Add → Sigmoid,
 * label + probabilities; the shape of a model Kiln trains), one run measures:
 * - the in-process onnxruntime-node call rate (single rows, and rows/s in batches of 64);
 * - the baseline, a plain node:http + onnxruntime server (`scripts/bench-serve-baseline.mjs`: no
 *   validation, metrics or logging), with and without a naive micro-batcher;
 * - `kiln serve` from `dist/kiln` (as `npx kiln` and the image run it; `npm run bundle` after
 *   changing runtime/) with validation, metrics and prediction logging on, with and without
 *   micro-batching, and with `--workers auto` (one process per core);
 * each under the load generator with single-row V2 requests (256 bodies with random values, in
 * turn, as a real client's values change) at concurrency 1 and 64: requests/s,
 * p50, p99, server CPU per request (all threads and worker processes) and Kiln's ratio to the
 * baseline. The load generator is wrk when it is on PATH (it costs the server far less of a
 * 2-core machine), else autocannon; KILN_BENCH_LOADGEN=autocannon forces autocannon. Every case
 * runs BENCH_ROUNDS times, interleaved with the others, and the median round is reported, so a
 * burst of noise on a shared machine moves one round, not the figure.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import * as ort from "onnxruntime-node";
import { seededRandom } from "../runtime/train/seeded-random.js";
import { logisticModel } from "../test/serve/onnx-fixtures.js";

const root = new URL("../", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

interface Started {
  url: string;
  child: ChildProcess;
}

async function startProcess(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
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
  /** Server CPU time (user + system, all threads and worker processes) per answered request, µs. */
  cpuPerRequestUs: number;
}

/** CPU seconds a process and its live children have used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  const own = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
  };
  try {
    let total = own(readFileSync(`/proc/${pid}/stat`, "utf8")).cpu;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = own(readFileSync(`/proc/${entry}/stat`, "utf8"));
        if (stat.ppid === pid) total += stat.cpu;
      } catch {
        // The process ended while we looked.
      }
    }
    return total;
  } catch {
    return 0;
  }
}

const wrk = process.env.KILN_BENCH_LOADGEN === "autocannon" ? undefined : findOnPath("wrk");

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** wrk with a Lua script that POSTs the bodies in turn; latency percentiles from --latency, in ms. */
function runWrk(url: string, bodyFile: string, connections: number, duration: number): Load {
  const script = `${bodyFile}.lua`;
  const out = execFileSync(
    wrk!,
    ["-t", "1", "-c", String(connections), "-d", `${duration}s`, "--latency", "-s", script, url],
    { encoding: "utf8" },
  );
  const ms = (text: string | undefined) => {
    const m = /([\d.]+)(us|ms|s)/.exec(text ?? "");
    if (!m) return Number.NaN;
    const v = Number(m[1]);
    return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
  };
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
    (/Socket errors: (.*)/.exec(out)?.[1] ?? "")
      .split(",")
      .map((part) => Number(/(\d+)/.exec(part)?.[1] ?? 0))
      .reduce((a, b) => a + b, 0);
  return {
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: ms(/\n\s+50%\s+(\S+)/.exec(out)?.[1]),
    p99: ms(/\n\s+99%\s+(\S+)/.exec(out)?.[1]),
    errors,
  };
}

async function runAutocannon(
  url: string,
  bodies: readonly string[],
  connections: number,
  duration: number,
): Promise<Load> {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: bodies.map((body) => ({ body })),
    connections,
    pipelining: 1,
    duration,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function hammer(
  url: string,
  bodies: readonly string[],
  bodyFile: string,
  connections: number,
  pid: number,
): Promise<Figures> {
  const run = (duration: number) =>
    wrk ? runWrk(url, bodyFile, connections, duration) : runAutocannon(url, bodies, connections, duration);
  await run(1); // warm-up
  const cpuBefore = cpuSeconds(pid);
  const load = await run(seconds);
  const cpu = cpuSeconds(pid) - cpuBefore;
  return {
    rps: load.rps,
    p50: load.p50,
    p99: load.p99,
    errors: load.errors,
    cpuPerRequestUs: load.requests > 0 ? (cpu * 1e6) / load.requests : 0,
  };
}

async function inProcessRate(
  session: ort.InferenceSession,
  names: readonly string[],
  rows: number,
): Promise<number> {
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
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Config {
  server: string;
  batching: boolean;
  args: string[];
}

async function bench(): Promise<void> {
  const model = logisticModel({ features: 20 });
  const dir = await mkdtemp(join(tmpdir(), "kiln-bench-serve-"));
  const modelPath = join(dir, "churn.onnx");
  await writeFile(modelPath, model.bytes);
  // Like real clients, each request carries other values: 256 bodies with the features' values
  // drawn at random (4 decimals, as read from a CSV), sent in turn.
  const random = seededRandom(20261129);
  const bodies = Array.from({ length: 256 }, () =>
    JSON.stringify({
      inputs: model.features.map((name) => ({
        name,
        datatype: "FP32",
        shape: [1, 1],
        data: [Math.round((random() * 6 - 3) * 1e4) / 1e4],
      })),
    }),
  );
  const bodyFile = join(dir, "bodies.json");
  await writeFile(bodyFile, JSON.stringify(bodies));
  await writeFile(
    `${bodyFile}.lua`,
    [
      "local bodies = {",
      ...bodies.map((body) => `  ${JSON.stringify(body)},`),
      "}",
      "local next = 0",
      'local headers = { ["Content-Type"] = "application/json" }',
      "request = function()",
      "  next = next % #bodies + 1",
      '  return wrk.format("POST", nil, headers, bodies[next])',
      "end",
      "",
    ].join("\n"),
  );
  const kiln = join(root, "dist", "kiln", "index.js");
  if (!existsSync(kiln)) throw new Error("dist/kiln/index.js is missing: run `npm run bundle` first.");
  const cores = availableParallelism();
  console.log(
    `bench:serve — 20-feature logistic model, single-row V2 requests, ${rounds} rounds of ${seconds} s per case (+1 s warm-up), median round`,
  );
  console.log(
    `machine: ${cores} cores, load average ${loadAverage()}; load generator: ${wrk ? "wrk (1 thread)" : "autocannon"}; Kiln from dist/kiln\n`,
  );

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

  const kilnArgs = (extra: string[]) => [
    kiln,
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
    ...extra,
  ];
  const baseline = join(root, "scripts", "bench-serve-baseline.mjs");
  const configs: Config[] = [
    { server: "baseline", batching: false, args: [baseline, modelPath] },
    { server: "baseline", batching: true, args: [baseline, modelPath, "--batching"] },
    { server: "kiln", batching: false, args: kilnArgs(["--no-batching"]) },
    { server: "kiln", batching: true, args: kilnArgs([]) },
  ];
  if (cores > 1)
    configs.push({ server: `kiln ×${cores}`, batching: true, args: kilnArgs(["--workers", "auto"]) });

  const path = "/v2/models/churn/infer";
  const started = new Map<Config, Started>();
  for (const config of configs) started.set(config, await startProcess(config.args));
  const samples = new Map<string, Figures[]>();
  const key = (config: Config, c: number) => `${config.server}|${config.batching}|${c}`;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const c of [1, 64]) {
        for (const config of configs) {
          const server = started.get(config)!;
          const f = await hammer(`${server.url}${path}`, bodies, bodyFile, c, server.child.pid!);
          samples.set(key(config, c), [...(samples.get(key(config, c)) ?? []), f]);
          console.log(
            `round ${round}  ${config.server.padEnd(9)} batching ${config.batching ? "on " : "off"} c=${String(c).padEnd(3)} ` +
              `${fmt(f.rps).padStart(7)} req/s  p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  ${fmt(f.cpuPerRequestUs)} µs CPU/req` +
              `${f.errors ? `  (${f.errors} errors)` : ""}`,
          );
        }
      }
    }
  } finally {
    for (const server of started.values()) await stopProcess(server);
  }

  const results = [...samples].map(([k, figures]) => {
    const [server, batching, c] = k.split("|");
    const f: Figures = {
      rps: median(figures.map((x) => x.rps)),
      p50: median(figures.map((x) => x.p50)),
      p99: median(figures.map((x) => x.p99)),
      errors: figures.reduce((n, x) => n + x.errors, 0),
      cpuPerRequestUs: median(figures.map((x) => x.cpuPerRequestUs)),
    };
    return { server: server!, batching: batching === "true", c: Number(c), f };
  });
  console.log(
    "\n| server | batching | concurrency | req/s | p50 ms | p99 ms | server CPU µs/req | Kiln / baseline req/s | Kiln / baseline CPU |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const c of [1, 64]) {
    for (const r of results.filter((x) => x.c === c)) {
      const base = results.find((b) => b.server === "baseline" && b.batching === r.batching && b.c === r.c)!;
      const isKiln = r.server !== "baseline";
      const ratio = isKiln ? `${(r.f.rps / base.f.rps).toFixed(2)}×` : "";
      const cpuRatio = isKiln ? `${(r.f.cpuPerRequestUs / base.f.cpuPerRequestUs).toFixed(2)}×` : "";
      console.log(
        `| ${r.server} | ${r.batching ? "on" : "off"} | ${r.c} | ${fmt(r.f.rps)} | ${r.f.p50.toFixed(2)} | ${r.f.p99.toFixed(2)} | ${fmt(r.f.cpuPerRequestUs)} | ${ratio} | ${cpuRatio} |${r.f.errors ? ` ${r.f.errors} errors` : ""}`,
      );
    }
  }
  const logged = readdirSync(join(dir, "store", "predictions", "churn"), { recursive: true });
  console.log(
    `\nKiln's prediction log objects written during the run: ${logged.filter((f) => String(f).endsWith(".gz") && !String(f).includes("/.")).length}`,
  );
  console.log(`load average at the end: ${loadAverage()}`);
  await rm(dir, { recursive: true, force: true });
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

await bench();
