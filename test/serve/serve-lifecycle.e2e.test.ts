import { createHash } from "node:crypto";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LogisticModel, logisticModel } from "./onnx-fixtures.js";
import { load, readPredictionLog, type ServeProcess, startServe } from "./serve-process.js";

let dir: string;
let serving: ServeProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-serve-life-"));
});

afterEach(async () => {
  await serving?.stop();
  serving = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe("kiln serve under load", () => {
  it("on SIGTERM stops accepting, answers what is in flight, flushes the log and exits 0; every 200 is in the log", async () => {
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
      "--log-flush-ms",
      "600000",
      "--log-max-rows",
      "100000",
    ]);
    const server = serving;
    let answered = 0;
    let signalled = false;
    const running = load(
      server.url,
      model,
      16,
      () => false,
      () => {
        answered++;
        if (answered === 300 && !signalled) {
          signalled = true;
          process.kill(server.child.pid!, "SIGTERM");
        }
      },
    );
    const [result, code] = await Promise.all([running, server.exited]);
    expect(code).toBe(0);
    expect(server.stdout()).toContain("stopped.");
    expect(result.failed).toEqual([]);
    expect(result.ok.length).toBeGreaterThanOrEqual(300);
    expect(result.refused).toBe(16);
    // Nothing was flushed before the signal (the bounds were far away), so the log is the final flush.
    const rows = await readPredictionLog(store, "churn");
    const logged = new Set(rows.map((r) => r.request_id));
    const missing = result.ok.filter(({ id }) => !logged.has(id));
    expect(missing).toEqual([]);
    expect(rows.length).toBe(result.ok.length);
  });

  it("follows a replaced model file: zero failed requests, and answers switch to the new version", async () => {
    const first = logisticModel({ features: 3, weights: [1, 1, 1], bias: 0 });
    const second = logisticModel({ features: 3, weights: [-2, 0.5, 3], bias: 1 });
    const versionOf = (m: LogisticModel) => createHash("sha256").update(m.bytes).digest("hex").slice(0, 12);
    const byVersion = new Map([
      [versionOf(first), first],
      [versionOf(second), second],
    ]);
    const file = join(dir, "churn.onnx");
    await writeFile(file, first.bytes);
    serving = await startServe([
      "--model-file",
      file,
      "--name",
      "churn",
      "--poll",
      "50",
      "--no-prediction-log",
    ]);
    let seenSecond = 0;
    const replaced = replaceLater(file, second.bytes, 500);
    const result = await load(
      serving.url,
      first,
      8,
      () => seenSecond >= 300,
      (body, row) => {
        // The probability must come from the model the answer names.
        const model = byVersion.get(body.model_version as string);
        expect(model).toBeDefined();
        const p = (body.predictions as Array<{ probabilities: Record<string, number> }>)[0]!.probabilities
          .yes!;
        expect(p).toBeCloseTo(model!.probability(row), 6);
        if (model === second) seenSecond++;
      },
    );
    await replaced;
    expect(result.failed).toEqual([]);
    expect(result.refused).toBe(0);
    const versions = result.ok.map((r) => r.version);
    expect(versions[0]).toBe(versionOf(first));
    expect(versions.at(-1)).toBe(versionOf(second));
    expect(versions.filter((v) => v === versionOf(second)).length).toBeGreaterThanOrEqual(300);
    expect(versions.filter((v) => v === versionOf(first)).length).toBeGreaterThan(0);
    // Once drained, only the new version is listed.
    const metadata = (await (await fetch(`${serving.url}/v2/models/churn`)).json()) as { versions: string[] };
    expect(metadata.versions).toEqual([versionOf(second)]);
    expect(serving.stdout()).toContain(`now serving version ${versionOf(second)} (was ${versionOf(first)})`);
  }, 60_000);
});

/** Replace a file atomically (write beside it, rename over it) after `afterMs`. */
async function replaceLater(file: string, bytes: Uint8Array, afterMs: number): Promise<void> {
  await new Promise((r) => setTimeout(r, afterMs));
  await writeFile(`${file}.next`, bytes);
  await rename(`${file}.next`, file);
}
