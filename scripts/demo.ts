/**
 * `npm start`: the whole Kiln loop on a laptop, on real data (examples/weather, NOAA daily weather
 * of Seattle and New York, 2012–2015), with the default local store:
 *
 *   1. put the raw data in the store        6. replay later traffic through the V2 API
 *   2. run the pipeline (kiln run)          7. monitor the logged traffic vs the training data
 *   3. register the model                   8. write the HTML drift report and the issue body
 *   4. promote it to Production             9. print where everything is
 *   5. start the server (kiln serve)
 *
 * Everything it makes stays in the project's `.kiln/` folder (the store in `.kiln/store`, the reports
 * in `.kiln/demo`); running it again reuses the run cache and the registered version.
 *
 * Environment: KILN_DEMO_PROJECT — the project folder (default examples/weather).
 * Exit codes: 0 done, 1 a step failed (the message names it), 130 interrupted.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { errorMessage, NotFoundError } from "../runtime/errors.js";
import { silentLogger } from "../runtime/logger.js";
import { driftIssueTitle, renderDriftIssueBody } from "../runtime/monitor/drift-issue-body.js";
import { type MonitorResult, monitorModel } from "../runtime/monitor/monitor-model.js";
import { monitorResultJson } from "../runtime/monitor/monitor-result-json.js";
import { resolveModel } from "../runtime/registry/resolve-model.js";
import { openStore } from "../runtime/store/open-store.js";
import {
  displayCommand,
  killAllKilnNow,
  runKiln,
  startKiln,
  stopAllKiln,
  waitForExit,
} from "./demo-kiln-process.js";
import { type ModelInput, type ReplayResult, replayTraffic, type TrafficRow } from "./demo-replay-traffic.js";
import { formatDuration, formatMetric, renderTable } from "./demo-summary.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const project = resolve(process.env.KILN_DEMO_PROJECT ?? join(repoRoot, "examples", "weather"));
const stateDir = join(project, ".kiln");
const storeDir = join(stateDir, "store");
const storeUrl = pathToFileURL(storeDir).href;
const reportDir = join(stateDir, "demo");
const model = "weather";
const rawKey = "datasets/noaa-weather/weather.csv";
const rawSource = join(repoRoot, "node_modules", "vega-datasets", "data", "weather.csv");

/** A path as the user can type it: relative to the current folder when inside it, else absolute. */
const shown = (path: string) => {
  const inside = relative(process.cwd(), path);
  return inside === "" ? "." : inside.startsWith("..") ? path : inside;
};
const out = (text = "") => process.stdout.write(`${text}\n`);
const detail = (text: string) => out(`      ${text}`);

const totalSteps = 9;

class StepFailure extends Error {
  constructor(
    readonly step: number,
    readonly title: string,
    cause: unknown,
  ) {
    super(`step ${step}/${totalSteps} "${title}" failed: ${errorMessage(cause)}`, { cause });
    this.name = "StepFailure";
  }
}

const timings: { step: number; title: string; ms: number; note: string }[] = [];

async function step<T>(
  n: number,
  title: string,
  work: () => Promise<{ value: T; note: string }>,
): Promise<T> {
  out();
  out(`[${n}/${totalSteps}] ${title}`);
  const started = performance.now();
  try {
    const { value, note } = await work();
    const ms = performance.now() - started;
    timings.push({ step: n, title, ms, note });
    out(`      ✓ ${note} (${formatDuration(ms)})`);
    return value;
  } catch (error: unknown) {
    throw error instanceof StepFailure ? error : new StepFailure(n, title, error);
  }
}

function kilnFailed(args: readonly string[], run: { code: number | null; stderr: string }): Error {
  const said = run.stderr.trim().split("\n").slice(-3).join(" ");
  return new Error(`\`${displayCommand(args)}\` exited with ${run.code}${said ? `: ${said}` : ""}`);
}

function approver(): string {
  for (const key of ["user.email", "user.name"]) {
    try {
      const value = execFileSync("git", ["config", key], { cwd: project, encoding: "utf8" }).trim();
      if (value) return value;
    } catch {
      // not set; try the next
    }
  }
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}

/** The numbers of a metrics object, nested objects kept, strings and lists left out. */

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// ── 1 ──────────────────────────────────────────────────────────────────────────────────────────
async function putRawData(): Promise<void> {
  await step(1, "Put the raw data in the store", async () => {
    const store = await openStore(storeUrl, { env: process.env, cwd: project });
    const bytes = await readFile(rawSource);
    detail(`source: ${shown(rawSource)} (NOAA daily weather, ${bytes.length.toLocaleString("en")} bytes)`);
    const existing = await store.head(rawKey);
    if (existing !== undefined && sha256(await store.getBytes(rawKey)) === sha256(bytes))
      return { value: undefined, note: `store://${rawKey} is already there (same sha256), left as is` };
    await store.put(rawKey, bytes, { contentType: "text/csv" });
    return { value: undefined, note: `wrote store://${rawKey} in ${storeUrl}` };
  });
}

// ── 2 ──────────────────────────────────────────────────────────────────────────────────────────
interface StageLine {
  stage: string;
  outcome: string;
  time: string;
}

async function runPipeline(): Promise<{ stages: StageLine[]; cached: boolean }> {
  return step(2, "Run the pipeline (ingest → features → train → evaluate)", async () => {
    const args = ["run", "--store", storeUrl, "--progress", "plain"];
    detail(`$ ${displayCommand(args)}`);
    const stages: StageLine[] = [];
    const run = await runKiln(args, {
      cwd: project,
      onLine: (line) => {
        const m =
          /^\d\d:\d\d:\d\d (\S+): (ran in (\S+ ?\S*)|restored from the run cache in (\S+)|up to date)/.exec(
            line,
          );
        if (m?.[1] === undefined) return;
        const outcome =
          m[3] !== undefined ? "ran" : m[4] !== undefined ? "restored from the run cache" : "up to date";
        stages.push({ stage: m[1], outcome, time: m[3] ?? m[4] ?? "–" });
      },
    });
    if (run.code !== 0) throw kilnFailed(args, run);
    const ran = stages.filter((s) => s.outcome === "ran").length;
    const cached = stages.length > 0 && ran === 0;
    return {
      value: { stages, cached },
      note: cached
        ? `pipeline cached: all ${stages.length} stages came from the run cache, nothing re-ran`
        : `${ran} of ${stages.length} stages ran; the next run will come from the run cache`,
    };
  });
}

// ── 3 ──────────────────────────────────────────────────────────────────────────────────────────
async function registerModel(): Promise<{
  version: string;
  created: boolean;
  metrics: Record<string, unknown>;
}> {
  return step(3, "Register the model", async () => {
    const trainData = "build/features/train.csv";
    const digest = sha256(await readFile(join(project, trainData)));
    const metrics = JSON.parse(await readFile(join(project, "build/metrics.json"), "utf8")) as Record<
      string,
      unknown
    >;
    const args = [
      "model",
      "register",
      model,
      "--artifact",
      "build/model.onnx",
      "--metrics",
      "build/metrics.json",
      "--params",
      "params.yaml",
      "--dataset",
      `${trainData}=${digest}`,
      "--store",
      storeUrl,
      "--json",
    ];
    detail(`$ ${displayCommand(args)}`);
    const run = await runKiln(args, { cwd: project, echo: false });
    if (run.code !== 0) throw kilnFailed(args, run);
    const answer = JSON.parse(run.stdout) as { version: string; created: boolean; sha256: string };
    detail(
      `artifact sha256:${answer.sha256.slice(0, 16)}…, held-out accuracy ${formatMetric(metrics.accuracy)}`,
    );
    return {
      value: { version: answer.version, created: answer.created, metrics },
      note: answer.created
        ? `registered ${model}@${answer.version}`
        : `${model}@${answer.version} already holds this artifact: same version, nothing registered`,
    };
  });
}

// ── 4 ──────────────────────────────────────────────────────────────────────────────────────────
async function promote(version: string, accuracy: unknown): Promise<{ by: string; promoted: boolean }> {
  return step<{ by: string; promoted: boolean }>(
    4,
    "Promote it to Production (local mode: the approver is recorded)",
    async () => {
      const store = await openStore(storeUrl, { env: process.env, cwd: project });
      const current = await resolveModel(store, `${model}:production`).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (current?.record.version === version) {
        const history = await runKiln(["model", "history", model, "--store", storeUrl, "--json"], {
          cwd: project,
          echo: false,
        });
        const events =
          history.code === 0
            ? (JSON.parse(history.stdout) as { kind?: string; to?: string; by?: string; at?: string }[])
            : [];
        const event = [...events]
          .reverse()
          .find((e) => e.kind === "stage" && e.to?.toLowerCase() === "production");
        const by = event?.by ?? "unknown";
        return {
          value: { by, promoted: false },
          note: `${model}@${version} is already in Production (approved by ${by}${event?.at ? ` at ${event.at}` : ""}); nothing to do`,
        };
      }
      const by = approver();
      const args = [
        "model",
        "stage",
        model,
        version,
        "production",
        "--by",
        by,
        "--reason",
        `npm start demo: held-out accuracy ${formatMetric(accuracy)}`,
        "--store",
        storeUrl,
      ];
      detail(`$ ${displayCommand(args)}`);
      const run = await runKiln(args, { cwd: project });
      if (run.code !== 0) throw kilnFailed(args, run);
      detail("on GitHub this is a pull request changing registry/weather.yaml, merged once the gate in");
      detail(".github/kiln.yml passes (2 eligible approvals, accuracy ≥ 0.8, no open drift issue)");
      return {
        value: { by, promoted: true },
        note: `${model}@${version} is in Production, approved by ${by}`,
      };
    },
  );
}

// ── 5 ──────────────────────────────────────────────────────────────────────────────────────────
interface Server {
  url: string;
  pid: number;
  inputs: ModelInput[];
  stop: () => Promise<number | null>;
}

async function startServer(): Promise<Server> {
  return step(5, "Start the server (KServe V2)", async () => {
    const args = [
      "serve",
      `${model}:production`,
      "--store",
      storeUrl,
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--poll",
      "0",
      "--log-flush-ms",
      "2000",
    ];
    detail(`$ ${displayCommand(args)}`);
    let resolveUrl: (url: string) => void = () => {};
    const listening = new Promise<string>((r) => {
      resolveUrl = r;
    });
    const child = startKiln(args, {
      cwd: project,
      onLine: (line) => {
        const m = /listening on (\S+)/.exec(line);
        if (m?.[1]) resolveUrl(m[1].replace(/\/$/, ""));
      },
    });
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`kiln serve exited with ${code} before listening`))),
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error("kiln serve did not print its 'listening on' line within 60 s")),
        60_000,
      ).unref(),
    );
    const url = await Promise.race([listening, exited, timeout]);
    const ready = await fetch(`${url}/v2/health/ready`);
    if (!ready.ok) throw new Error(`GET ${url}/v2/health/ready answered ${ready.status}`);
    const metadata = (await (await fetch(`${url}/v2/models/${model}`)).json()) as {
      versions?: string[];
      inputs: { name: string; datatype: string; shape: number[] }[];
    };
    detail(
      `GET /v2/models/${model}: inputs ${metadata.inputs.map((i) => `${i.name} ${i.datatype}`).join(", ")}`,
    );
    const stop = async () => {
      child.kill("SIGTERM");
      return waitForExit(child, 20_000);
    };
    return {
      value: { url, pid: child.pid ?? -1, inputs: metadata.inputs, stop },
      note: `serving ${model}:production at ${url} (pid ${child.pid})`,
    };
  });
}

// ── 6 ──────────────────────────────────────────────────────────────────────────────────────────
async function replay(server: Server, runId: string): Promise<ReplayResult> {
  return step(6, "Replay the later period and the other city as traffic", async () => {
    const file = join(project, "build/features/traffic.csv");
    const records = parseCsv(await readFile(file, "utf8"), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    // Segments by city, named with the years they cover.
    const years = new Map<string, Set<string>>();
    for (const values of records) {
      const location = values.location ?? "?";
      const seen = years.get(location) ?? new Set<string>();
      seen.add((values.date ?? "").slice(0, 4));
      years.set(location, seen);
    }
    const segmentOf = (location: string) => {
      const span = [...(years.get(location) ?? [])].sort();
      return `${location} ${span[0]}–${span.at(-1)}`;
    };
    const rows: TrafficRow[] = records.map((values) => ({
      values,
      segment: segmentOf(values.location ?? "?"),
      label: values.weather ?? "",
    }));
    detail(`${rows.length} rows of ${shown(file)}, 16 rows a request, 8 requests in flight,`);
    detail(`alternating the records form {"instances": [...]} and the tensor form {"inputs": [...]}`);
    let shownQuarter = 0;
    const result = await replayTraffic({
      baseUrl: server.url,
      model,
      inputs: server.inputs,
      rows,
      batchSize: 16,
      concurrency: 8,
      runId,
      onProgress: (done, total) => {
        const quarter = Math.floor((4 * done) / total);
        if (quarter > shownQuarter) {
          shownQuarter = quarter;
          detail(`${done}/${total} rows predicted`);
        }
      },
    });
    for (const s of result.segments)
      detail(
        `${s.segment}: ${s.rows} rows, accuracy ${formatMetric(s.correct / s.rows)} (the labels are known here)`,
      );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const served = metrics
      .split("\n")
      .filter(
        (line) => line.startsWith(`kiln_requests_total{model="${model}"`) && line.includes('status="200"'),
      );
    for (const line of served) detail(`GET /metrics: ${line}`);
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    const p50 = sorted[Math.floor(sorted.length * 0.5)] ?? 0;
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    return {
      value: result,
      note: `${result.rows} rows in ${result.requests} requests (${result.byForm.records} records, ${result.byForm.tensor} tensor); latency p50 ${formatDuration(p50)}, p99 ${formatDuration(p99)}`,
    };
  });
}

// ── 7 ──────────────────────────────────────────────────────────────────────────────────────────
interface MonitorWindow {
  since: Date;
  until: Date;
  labelsFile: string;
  html: string;
  markdown: string;
  status: string;
}

async function monitor(
  server: Server,
  version: string,
  since: Date,
  traffic: ReplayResult,
): Promise<MonitorWindow> {
  return step(7, "Monitor the logged traffic against the training data", async () => {
    detail("stopping the server (SIGTERM: it finishes in-flight requests and flushes the prediction log)");
    const code = await server.stop();
    if (code !== 0) throw new Error(`kiln serve exited with ${code} on SIGTERM`);
    await mkdir(reportDir, { recursive: true });
    // The ground truth of the replayed rows, keyed like the prediction log, as labels arrive later.
    const labelsFile = join(reportDir, "labels.csv");
    await writeFile(
      labelsFile,
      `request_id,row,weather\n${traffic.labels.map((l) => `${l.request_id},${l.row},${l.weather}`).join("\n")}\n`,
    );
    const until = new Date(Date.now() + 1000);
    const html = join(reportDir, "drift-report.html");
    const markdown = join(reportDir, "monitor-summary.md");
    const args = [
      "monitor",
      `${model}@${version}`,
      "--since",
      since.toISOString(),
      "--until",
      until.toISOString(),
      "--reference",
      "build/features/train.csv",
      "--labels",
      relative(project, labelsFile),
      "--html",
      relative(project, html),
      "--markdown",
      relative(project, markdown),
      "--store",
      storeUrl,
    ];
    detail(`$ ${displayCommand(args)}`);
    const run = await runKiln(args, { cwd: project });
    // kiln monitor: 0 healthy, 1 drift; anything else is a failure.
    if (run.code !== 0 && run.code !== 1) throw kilnFailed(args, run);
    const status = run.code === 1 ? "drift" : "healthy";
    return {
      value: { since, until, labelsFile, html, markdown, status },
      note: `kiln monitor exited ${run.code}: ${status === "drift" ? "drift detected" : "healthy"}`,
    };
  });
}

// ── 8 ──────────────────────────────────────────────────────────────────────────────────────────
async function writeIssue(
  version: string,
  window: MonitorWindow,
): Promise<{ result: MonitorResult; issue: string; json: string }> {
  return step(8, "Write the drift issue the monitor workflow would open", async () => {
    // The same window through the runtime, for the issue body the monitor action would post.
    const store = await openStore(storeUrl, { env: process.env, cwd: project });
    const result = await monitorModel(
      { store, logger: silentLogger },
      {
        model: `${model}@${version}`,
        since: window.since,
        until: window.until,
        reference: join(project, "build/features/train.csv"),
        labels: window.labelsFile,
      },
    );
    const issue = join(reportDir, "drift-issue.md");
    const json = join(reportDir, "monitor-result.json");
    const key = { model, environment: "production" };
    const body = renderDriftIssueBody(
      { key, result, reportUrl: pathToFileURL(window.html).href, closeAfter: closeAfterRuns() },
      {
        healthyRuns: 0,
        history: [{ until: result.window.until, driftShare: result.report?.driftShare ?? 0 }],
      },
    );
    await writeFile(issue, `# ${driftIssueTitle(key)}\n\n${body}`);
    await writeFile(json, `${JSON.stringify(monitorResultJson(result), null, 2)}\n`);
    for (const file of [window.html, window.markdown, issue, json]) detail(shown(file));
    return {
      value: { result, issue, json },
      note:
        result.status === "drift"
          ? `"${driftIssueTitle(key)}" would be opened (or updated) on GitHub`
          : "no drift: the monitor workflow would open no issue",
    };
  });
}

/** kiln.yaml's `monitor.close_after` (default 3). */
function closeAfterRuns(): number {
  try {
    const config = parseYaml(readFileSync(join(project, "kiln.yaml"), "utf8")) as {
      monitor?: { close_after?: unknown };
    };
    const value = config.monitor?.close_after;
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 3;
  } catch {
    return 3;
  }
}

// ── 9 ──────────────────────────────────────────────────────────────────────────────────────────
function summary(options: {
  stages: StageLine[];
  cached: boolean;
  version: string;
  created: boolean;
  by: string;
  metrics: Record<string, unknown>;
  traffic: ReplayResult;
  result: MonitorResult;
  files: { html: string; markdown: string; issue: string; json: string; labels: string };
  pid: number;
  totalMs: number;
}): void {
  out();
  out(`[9/${totalSteps}] Summary`);
  out();
  out("  Steps");
  out(
    renderTable(
      ["step", "took", "result"],
      timings.map((t) => [`${t.step}. ${t.title}`, formatDuration(t.ms), t.note]),
    ),
  );
  out();
  out(`  Pipeline (${options.cached ? "cached: nothing re-ran" : "ran"})`);
  out(
    renderTable(
      ["stage", "outcome", "time"],
      options.stages.map((s) => [s.stage, s.outcome, s.time]),
    ),
  );
  out();
  out(
    `  Model: ${model}@${options.version} (${options.created ? "new version" : "same artifact, same version"}), in Production, approved by ${options.by}`,
  );
  const m = options.metrics;
  out(
    `  Held-out period (build/features/test.csv): accuracy ${formatMetric(m.accuracy)}, macro F1 ${formatMetric(m.f1_macro)}, ROC AUC ${formatMetric(m.roc_auc)}, log loss ${formatMetric(m.log_loss)}`,
  );
  out();
  out("  Served traffic");
  out(
    renderTable(
      ["segment", "rows", "accuracy"],
      options.traffic.segments.map((s) => [s.segment, String(s.rows), formatMetric(s.correct / s.rows)]),
    ),
  );
  out();
  const report = options.result.report;
  out(
    `  Drift: ${options.result.status === "drift" ? "DETECTED" : options.result.status} — ${report ? `${report.share.drifted} of ${report.share.tested} columns drifted` : options.result.summary}`,
  );
  if (report) {
    out(
      renderTable(
        ["column", "role", "test", "score", "threshold", "verdict"],
        report.columns.map((c) => [
          c.column,
          c.role,
          c.testLabel,
          c.score.toPrecision(3),
          String(c.threshold),
          c.drift ? "drift" : "no drift",
        ]),
      ),
    );
  }
  const performance = options.result.performance;
  if (performance) {
    out();
    out(`  Performance on served traffic (${performance.labelled} labelled rows)`);
    out(
      renderTable(
        ["metric", "served", "registered"],
        performance.comparisons.map((c) => [c.metric, formatMetric(c.current), formatMetric(c.registered)]),
      ),
    );
  }
  out();
  out(`  Everything is in ${shown(stateDir)}/`);
  out(
    renderTable(
      ["what", "where"],
      [
        ["store (run cache, registry)", shown(storeDir)],
        ["raw data", `${shown(storeDir)}/${rawKey}`],
        ["model versions", `${shown(storeDir)}/models/${model}/`],
        ["prediction log", `${shown(storeDir)}/predictions/${model}/`],
        ["HTML drift report", shown(options.files.html)],
        ["drift issue body", shown(options.files.issue)],
        ["monitor summary", shown(options.files.markdown)],
        ["monitor result JSON", shown(options.files.json)],
        ["labels of the traffic", shown(options.files.labels)],
      ],
    ),
  );
  out();
  out(`  The server (pid ${options.pid}) is stopped. Total: ${formatDuration(options.totalMs)}.`);
}

async function main(): Promise<void> {
  const started = performance.now();
  out(`Kiln demo: the whole loop on NOAA weather data, in ${shown(project)} (store: ${shown(storeDir)})`);
  await putRawData();
  const { stages, cached } = await runPipeline();
  const { version, created, metrics } = await registerModel();
  const { by } = await promote(version, metrics.accuracy);
  const server = await startServer();
  // The prediction log is read back from a little before the first request of this run.
  const since = new Date(Date.now() - 1000);
  const traffic = await replay(server, `demo-${since.getTime().toString(36)}`);
  const window = await monitor(server, version, since, traffic);
  const { result, issue, json } = await writeIssue(version, window);
  summary({
    stages,
    cached,
    version,
    created,
    by,
    metrics,
    traffic,
    result,
    files: { html: window.html, markdown: window.markdown, issue, json, labels: window.labelsFile },
    pid: server.pid,
    totalMs: performance.now() - started,
  });
}

let interrupted = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  out(`\n${signal}: stopping the server and any running kiln command…`);
  void stopAllKiln(5_000).finally(() => process.exit(130));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("exit", killAllKilnNow);

main().then(
  () => {
    process.exitCode = 0;
  },
  async (error: unknown) => {
    await stopAllKiln(5_000);
    if (interrupted) return;
    process.stderr.write(`\nkiln demo: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
