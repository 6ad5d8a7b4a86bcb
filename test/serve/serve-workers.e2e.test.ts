import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { logisticModel } from "./onnx-fixtures.js";
import { load, readPredictionLog, runServeToExit, type ServeProcess, startServe } from "./serve-process.js";

let dir: string;
let serving: ServeProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-serve-workers-"));
});

afterEach(async () => {
  await serving?.stop();
  serving = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** The worker pids the primary names once every worker listens. */
async function workerPids(server: ServeProcess): Promise<number[]> {
  for (let i = 0; i < 100; i++) {
    const match = /serving from \d+ worker processes \(pids ([\d, ]+)\)/.exec(server.stdout());
    if (match) return match[1]!.split(", ").map(Number);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no worker pids in:\n${server.stdout()}`);
}

/** kiln_requests_total for status 200, summed over its label sets. */
function okRequests(metrics: string): number {
  let total = 0;
  for (const line of metrics.split("\n")) {
    if (line.startsWith("kiln_requests_total{") && line.includes('status="200"'))
      total += Number(line.split(" ").at(-1));
  }
  return total;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("kiln serve --workers", () => {
  it("shares the port between workers, merges their /metrics, and on SIGTERM every worker flushes its log", async () => {
    const model = logisticModel({ features: 3 });
    await writeFile(join(dir, "churn.onnx"), model.bytes);
    const store = join(dir, "store");
    serving = await startServe([
      "--model-file",
      join(dir, "churn.onnx"),
      "--name",
      "churn",
      "--store",
      store,
      "--workers",
      "2",
      "--log-flush-ms",
      "600000",
      "--log-max-rows",
      "100000",
    ]);
    const pids = await workerPids(serving);
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(serving.child.pid);

    let answered = 0;
    const result = await load(
      serving.url,
      model,
      16,
      () => answered >= 400,
      () => {
        answered++;
      },
    );
    expect(result.failed).toEqual([]);
    expect(result.ok.length).toBeGreaterThanOrEqual(400);

    // Whichever worker takes the scrape, the counts are the whole server's.
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${serving.url}/metrics`, { headers: { connection: "close" } });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(okRequests(text)).toBe(result.ok.length);
      expect(text).toMatch(/kiln_model_info\{model="churn",[^}]*\} 1\n/);
    }

    const code = await serving.stop();
    serving = undefined;
    expect(code).toBe(0);
    expect(pids.filter(isAlive)).toEqual([]);
    // Nothing was flushed before the signal, so each object is one worker's final flush: both served.
    const days = await readdir(join(store, "predictions", "churn"));
    const objects = (
      await Promise.all(days.map((d) => readdir(join(store, "predictions", "churn", d))))
    ).flat();
    expect(objects.filter((f) => f.endsWith(".jsonl.gz") && !f.startsWith("."))).toHaveLength(2);
    const logged = new Set((await readPredictionLog(store, "churn")).map((r) => r.request_id));
    expect(result.ok.filter(({ id }) => !logged.has(id))).toEqual([]);
  }, 60_000);

  it("replaces a worker that dies, and keeps answering", async () => {
    const model = logisticModel({ features: 3 });
    await writeFile(join(dir, "churn.onnx"), model.bytes);
    serving = await startServe([
      "--model-file",
      join(dir, "churn.onnx"),
      "--name",
      "churn",
      "--no-prediction-log",
      "--workers",
      "2",
    ]);
    const [victim] = await workerPids(serving);
    process.kill(victim!, "SIGKILL");
    for (let i = 0; i < 400 && !serving.stdout().includes(`in place of ${victim}`); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(serving.stderr()).toContain(`worker ${victim} died (signal SIGKILL); starting another.`);
    expect(serving.stdout()).toContain(`a new worker serves in place of ${victim}.`);
    let answered = 0;
    const result = await load(
      serving.url,
      model,
      8,
      () => answered >= 200,
      () => {
        answered++;
      },
    );
    expect(result.failed).toEqual([]);
    expect(result.refused).toBe(0);
    expect(await serving.stop()).toBe(0);
    serving = undefined;
  }, 60_000);

  it.each([
    ["one process", "1"],
    ["two workers", "2"],
  ])(
    "with %s, says a busy port is busy (once, no stack trace) and exits 2",
    async (_how, workers) => {
      const model = logisticModel({ features: 3 });
      await writeFile(join(dir, "churn.onnx"), model.bytes);
      const squatter = createServer();
      await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
      const port = (squatter.address() as { port: number }).port;
      try {
        const { code, stderr: err } = await runServeToExit([
          "--model-file",
          join(dir, "churn.onnx"),
          "--host",
          "127.0.0.1",
          "--port",
          String(port),
          "--no-prediction-log",
          "--workers",
          workers,
        ]);
        expect(code).toBe(2);
        const mentions = err
          .split("\n")
          .filter((line) => line.includes(`127.0.0.1:${port} is already in use`));
        expect(mentions).toHaveLength(1);
        expect(err).not.toMatch(/\n\s+at |a bug in Kiln/);
      } finally {
        squatter.close();
      }
    },
    60_000,
  );

  it("reports a model that cannot be served once, and exits non-zero", async () => {
    const { code, stderr: err } = await runServeToExit([
      "--model-file",
      join(dir, "missing.onnx"),
      "--port",
      "0",
      "--workers",
      "3",
    ]);
    expect(code).not.toBe(0);
    const mentions = err.split("\n").filter((line) => line.includes("missing.onnx"));
    expect(mentions).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
