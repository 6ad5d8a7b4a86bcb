/**
 * `npm run bench:monitor-window`: reading a window of the prediction log. Writes ROWS rows (10
 * numeric inputs, a label and two probabilities per row) as gzip JSON Lines objects of 2,000 rows
 * (what `kiln serve` writes) into a local-folder store, then reads the window in a fresh process
 * each way, and prints time and peak RSS:
 * - kiln: readPredictionWindow — streams each object through gunzip and a line reader into typed
 *   columns;
 * - baseline: the obvious way — read each object whole, gunzipSync, split lines, JSON.parse every
 *   row into an array of objects, then build the columns.
 * BENCH_MONITOR_WINDOW_ROWS sets ROWS (default 500,000).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { readPredictionWindow } from "../runtime/monitor/prediction-window.js";
import { LocalFolderStore } from "../runtime/store/local-folder-store.js";

const ROWS = Number(process.env.BENCH_MONITOR_WINDOW_ROWS ?? 500_000);
const PER_OBJECT = 2000;
const INPUTS = Array.from({ length: 10 }, (_, i) => `x${i}`);
const since = new Date("2026-11-28T00:00:00Z");
const until = new Date("2026-11-29T00:00:00Z");

async function write(dir: string): Promise<number> {
  const store = new LocalFolderStore(dir);
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  let bytes = 0;
  for (let first = 0; first < ROWS; first += PER_OBJECT) {
    const lines: string[] = [];
    const t0 = since.getTime() + Math.floor((first / ROWS) * 86_000_000);
    for (let r = first; r < Math.min(ROWS, first + PER_OBJECT); r++) {
      const inputs: Record<string, number> = {};
      for (const name of INPUTS) inputs[name] = Number((random() * 10).toFixed(4));
      const p = random();
      lines.push(
        JSON.stringify({
          ts: new Date(t0 + (r - first)).toISOString(),
          request_id: `req-${r}`,
          row: 0,
          model: "bench",
          version: "1.0.0",
          inputs,
          outputs: { label: p > 0.5 ? "yes" : "no", probabilities: [1 - p, p] },
        }),
      );
    }
    const text = `${lines.join("\n")}\n`;
    bytes += text.length;
    const stamp = new Date(t0).toISOString().replace(/[-:.]/g, "").replace("T", "T");
    await store.put(`predictions/bench/2026-11-28/${stamp}-${first}.jsonl.gz`, gzipSync(text, { level: 1 }));
  }
  return bytes;
}

async function readKiln(dir: string): Promise<number> {
  const window = await readPredictionWindow(new LocalFolderStore(dir), {
    model: "bench",
    since,
    until,
    inputs: INPUTS.map((name) => ({ name, kind: "numeric" as const })),
    outputs: [
      { name: "label", kind: "categorical" },
      { name: "probabilities", elements: ["no", "yes"] },
    ],
  });
  return window.table.rowCount;
}

async function readBaseline(dir: string): Promise<number> {
  const store = new LocalFolderStore(dir);
  const rows: {
    ts: string;
    inputs: Record<string, number>;
    outputs: { label: string; probabilities: number[] };
  }[] = [];
  for await (const info of store.list("predictions/bench/2026-11-28/")) {
    const text = gunzipSync(await store.getBytes(info.key)).toString("utf8");
    for (const line of text.split("\n")) if (line !== "") rows.push(JSON.parse(line));
  }
  const inWindow = rows.filter((r) => {
    const t = Date.parse(r.ts);
    return t >= since.getTime() && t < until.getTime();
  });
  const columns = INPUTS.map((name) => Float64Array.from(inWindow, (r) => r.inputs[name] ?? Number.NaN));
  const labels = inWindow.map((r) => r.outputs.label);
  return columns.length > 0 && labels.length === inWindow.length ? inWindow.length : 0;
}

const variant = process.argv[2];
if (variant === "kiln" || variant === "baseline") {
  const dir = process.argv[3] as string;
  const start = performance.now();
  const rows = variant === "kiln" ? await readKiln(dir) : await readBaseline(dir);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), "kiln-bench-window-"));
  try {
    const bytes = await write(dir);
    console.log(
      `${ROWS.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(0)} MB of JSON Lines in ${Math.ceil(ROWS / PER_OBJECT)} gzip objects`,
    );
    const results: Record<string, { rows: number; seconds: number; maxRssMb: number }> = {};
    for (const which of ["kiln", "baseline"]) {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", new URL(import.meta.url).pathname, which, dir],
        {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        },
      );
      if (child.status !== 0) throw new Error(`${which} failed: ${child.stderr}`);
      results[which] = JSON.parse(child.stdout);
      const r = results[which]!;
      console.log(
        `${which.padEnd(9)} ${r.rows} rows  ${r.seconds.toFixed(2)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB`,
      );
    }
    const k = results.kiln!;
    const b = results.baseline!;
    console.log(
      `kiln / baseline: time ${(k.seconds / b.seconds).toFixed(2)}x, peak RSS ${(k.maxRssMb / b.maxRssMb).toFixed(2)}x`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
