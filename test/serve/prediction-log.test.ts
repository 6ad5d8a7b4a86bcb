import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { NotFoundError, StoreError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logger.js";
import type { DecodedInput, ElementText } from "../../runtime/serve/infer-request.js";
import type { ModelOutputs } from "../../runtime/serve/loaded-model.js";
import { PredictionLog } from "../../runtime/serve/prediction-log.js";
import type { ObjectInfo, ObjectStore, PutBody, PutResult } from "../../runtime/store/object-store.js";

/** An in-memory ObjectStore for unit tests; `failures` makes the next puts fail. */
class MemoryStore implements ObjectStore {
  readonly url = "memory://";
  readonly objects = new Map<string, Uint8Array>();
  failures = 0;
  puts = 0;
  async get(key: string) {
    return Readable.from([await this.getBytes(key)]);
  }
  async getBytes(key: string) {
    const bytes = this.objects.get(key);
    if (!bytes) throw new NotFoundError(`no ${key}`);
    return bytes;
  }
  async put(key: string, body: PutBody): Promise<PutResult> {
    this.puts++;
    if (this.failures > 0) {
      this.failures--;
      throw new StoreError("the store is down", { key });
    }
    if (!(body instanceof Uint8Array)) throw new Error("test store takes bytes");
    this.objects.set(key, body);
    return { etag: String(this.puts) };
  }
  async head(): Promise<ObjectInfo | undefined> {
    return undefined;
  }
  async *list(): AsyncIterable<ObjectInfo> {}
  async delete(key: string) {
    this.objects.delete(key);
  }
}

function rowsOf(store: MemoryStore): unknown[] {
  return [...store.objects.values()].flatMap((bytes) =>
    gunzipSync(bytes)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  );
}

const inputs: DecodedInput[] = [
  { name: "age", datatype: "FP32", shape: [2, 1], data: new Float32Array([30, Number.NaN]) },
  { name: "city", datatype: "BYTES", shape: [2, 1], data: ["paris", "rome"] },
  {
    name: "pixels",
    datatype: "INT64",
    shape: [2, 3],
    data: new BigInt64Array([1n, 2n, 3n, 4n, 5n, 2n ** 60n]),
  },
];
const outputs: ModelOutputs = {
  label: { datatype: "BYTES", dims: [2], data: ["yes", "no"] },
  probabilities: { datatype: "FP32", dims: [2, 2], data: new Float32Array([0.25, 0.75, 0.5, 0.5]) },
};
const t0 = Date.UTC(2026, 10, 28, 23, 59, 59, 500);

/** An ElementText over a body holding `texts` in reverse order, space-separated. */
function textOf(texts: string[]): ElementText {
  const reversed = [...texts].reverse();
  const body = Buffer.from(reversed.join(" "));
  const bounds = new Int32Array(texts.length * 2);
  let at = 0;
  reversed.forEach((text, h) => {
    bounds[2 * h] = at;
    bounds[2 * h + 1] = at + text.length;
    at += text.length + 1;
  });
  return { body, bounds, holeOf: [Int32Array.from(texts, (_, j) => texts.length - 1 - j)] };
}

describe("the prediction log", () => {
  it("writes one gzipped JSON Lines object per model and day, one flat row per prediction", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger });
    log.append({ requestId: "req-1", model: "churn", version: "1.0.0", rows: 2, inputs, outputs, ts: t0 });
    log.append({
      requestId: "req-2",
      model: "churn",
      version: "1.0.0",
      rows: 2,
      inputs,
      outputs,
      ts: t0 + 1000,
    });
    await log.close();
    const keys = [...store.objects.keys()].sort();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^predictions\/churn\/2026-11-28\/20261128T235959500Z-[0-9a-f]{12}\.jsonl\.gz$/);
    expect(keys[1]).toMatch(/^predictions\/churn\/2026-11-29\/20261129T000000500Z-[0-9a-f]{12}\.jsonl\.gz$/);
    const rows = rowsOf(store);
    expect(rows).toContainEqual({
      ts: "2026-11-28T23:59:59.500Z",
      request_id: "req-1",
      row: 0,
      model: "churn",
      version: "1.0.0",
      inputs: { age: 30, city: "paris", pixels: [1, 2, 3] },
      outputs: { label: "yes", probabilities: [0.25, 0.75] },
    });
    expect(rows).toContainEqual({
      ts: "2026-11-29T00:00:00.500Z",
      request_id: "req-2",
      row: 1,
      model: "churn",
      version: "1.0.0",
      inputs: { age: null, city: "rome", pixels: [4, 5, "1152921504606846976"] },
      outputs: { label: "no", probabilities: [0.5, 0.5] },
    });
    expect(rows).toHaveLength(4);
  });

  it("writes FP32 values with the fewest digits that give back the same float32", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger });
    const values = [0.1, -1.2345, 1 / 3, 3.4e38, 1e-20];
    const x: DecodedInput = { name: "x", datatype: "FP32", shape: [5, 1], data: new Float32Array(values) };
    const y = { datatype: "FP32" as const, dims: [5], data: new Float32Array(values) };
    log.append({ requestId: "r", model: "m", version: "1", rows: 5, inputs: [x], outputs: { y }, ts: t0 });
    await log.close();
    const text = gunzipSync([...store.objects.values()][0]!).toString("utf8");
    expect(text).toContain('"inputs":{"x":0.1},"outputs":{"y":0.1}');
    expect(text).toContain('"inputs":{"x":-1.2345},"outputs":{"y":-1.2345}');
    expect(text).toContain('"inputs":{"x":0.33333334}');
    const logged = rowsOf(store) as Array<{ inputs: { x: number }; outputs: { y: number } }>;
    expect(logged.map((row) => Math.fround(row.inputs.x))).toEqual(Array.from(new Float32Array(values)));
    expect(logged.map((row) => Math.fround(row.outputs.y))).toEqual(Array.from(new Float32Array(values)));
  });

  it("writes a request's inputs as the client wrote them when the request kept its text", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger });
    const sent = [
      ["1.50", "2e-3", "-0"],
      ["7", "0.1000", "1E2"],
    ];
    const pair: DecodedInput = {
      name: "pair",
      datatype: "FP32",
      shape: [2, 3],
      data: new Float32Array(sent.flat().map(Number)),
    };
    log.append({
      requestId: "r",
      model: "m",
      version: "1",
      rows: 2,
      inputs: [pair],
      // The six numbers' text in a body, in an order other than the elements'.
      inputText: textOf(sent.flat()),
      outputs,
      ts: t0,
    });
    await log.close();
    const text = gunzipSync([...store.objects.values()][0]!).toString("utf8");
    expect(text).toContain('"row":0,"model":"m","version":"1","inputs":{"pair":[1.50,2e-3,-0]}');
    expect(text).toContain('"row":1,"model":"m","version":"1","inputs":{"pair":[7,0.1000,1E2]}');
    expect(rowsOf(store)).toHaveLength(2);
  });

  it("writes any request id and string value as valid JSON (quotes, backslashes, control characters, non-ASCII)", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger });
    const ids = ["plain-1", 'a"b', "back\\slash", "line\nbreak", "tab\t", "ünï", "🚀", "\u0000", ""];
    for (const id of ids) {
      const city: DecodedInput = { name: "city", datatype: "BYTES", shape: [1, 1], data: [id] };
      log.append({ requestId: id, model: "m", version: "1", rows: 1, inputs: [city], outputs: {}, ts: t0 });
    }
    await log.close();
    const rows = rowsOf(store) as Array<{ request_id: string; inputs: { city: string } }>;
    expect(rows.map((row) => row.request_id)).toEqual(ids);
    expect(rows.map((row) => row.inputs.city)).toEqual(ids);
  });

  it("keeps rows whole across its 64 KiB chunks, including a row longer than a chunk", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger, maxRows: 1_000_000 });
    const long = "é".repeat(70_000);
    for (let i = 0; i < 3000; i++) {
      const note: DecodedInput = {
        name: "note",
        datatype: "BYTES",
        shape: [1, 1],
        data: [i === 1500 ? long : `n-${i}`],
      };
      log.append({
        requestId: `r-${i}`,
        model: "m",
        version: "1",
        rows: 1,
        inputs: [note],
        outputs: {},
        ts: t0,
      });
    }
    await log.close();
    const rows = rowsOf(store) as Array<{ request_id: string; inputs: { note: string } }>;
    expect(rows).toHaveLength(3000);
    expect(rows.map((row) => row.request_id)).toEqual(Array.from({ length: 3000 }, (_, i) => `r-${i}`));
    expect(rows[1500]!.inputs.note).toBe(long);
    expect(rows[2999]!.inputs.note).toBe("n-2999");
  });

  it("writes one row of one-element inputs from the client's text, in input order, whatever order the body has", async () => {
    const store = new MemoryStore();
    const log = new PredictionLog({ store, logger: silentLogger });
    const sent = ["1.50", "-0", "2E-3", "0.1000", "7"];
    const features: DecodedInput[] = sent.map((text, k) => ({
      name: `f${k}`,
      datatype: "FP32",
      shape: [1, 1],
      data: new Float32Array([Number(text)]),
    }));
    const text = textOf(sent);
    // One element per input: the hole of input k is holeOf[k][0].
    const singles = {
      ...text,
      holeOf: Array.from(text.holeOf[0]!, (h) => Int32Array.of(h)),
    };
    for (let i = 0; i < 3; i++) {
      log.append({
        requestId: `r${i}`,
        model: "m",
        version: "1",
        rows: 1,
        inputs: features,
        inputText: singles,
        outputs,
        ts: t0,
      });
    }
    await log.close();
    const lines = gunzipSync([...store.objects.values()][0]!)
      .toString("utf8")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toContain('"inputs":{"f0":1.50,"f1":-0,"f2":2E-3,"f3":0.1000,"f4":7},"outputs":{');
    expect(rowsOf(store)).toHaveLength(3);
  });

  it("flushes on its own once maxRows rows are pending", async () => {
    const store = new MemoryStore();
    let written = 0;
    const log = new PredictionLog({
      store,
      logger: silentLogger,
      maxRows: 4,
      onWritten: (n) => (written += n),
    });
    log.append({ requestId: "a", model: "m", version: "1", rows: 2, inputs, outputs });
    expect(store.puts).toBe(0);
    log.append({ requestId: "b", model: "m", version: "1", rows: 2, inputs, outputs });
    await new Promise((r) => setTimeout(r, 100));
    expect(written).toBe(4);
    expect(rowsOf(store)).toHaveLength(4);
    await log.close();
  });

  it("retries a failed write with backoff and counts each failure", async () => {
    const store = new MemoryStore();
    store.failures = 2;
    let failures = 0;
    let dropped = 0;
    const log = new PredictionLog({
      store,
      logger: silentLogger,
      retryBaseMs: 5,
      onFailure: () => failures++,
      onDropped: (n) => (dropped += n),
    });
    log.append({ requestId: "a", model: "m", version: "1", rows: 2, inputs, outputs });
    await log.close();
    expect(failures).toBe(2);
    expect(dropped).toBe(0);
    expect(rowsOf(store)).toHaveLength(2);
  });

  it("drops and counts rows it could not write after the last attempt, without throwing", async () => {
    const store = new MemoryStore();
    store.failures = 100;
    let failures = 0;
    let dropped = 0;
    const log = new PredictionLog({
      store,
      logger: silentLogger,
      attempts: 3,
      retryBaseMs: 1,
      onFailure: () => failures++,
      onDropped: (n) => (dropped += n),
    });
    log.append({ requestId: "a", model: "m", version: "1", rows: 2, inputs, outputs });
    await expect(log.close()).resolves.toBeUndefined();
    expect(failures).toBe(3);
    expect(dropped).toBe(2);
    expect(store.objects.size).toBe(0);
  });

  it("drops new rows beyond maxPendingRows instead of growing without bound", async () => {
    const store = new MemoryStore();
    let dropped = 0;
    const log = new PredictionLog({
      store,
      logger: silentLogger,
      maxPendingRows: 3,
      onDropped: (n) => (dropped += n),
    });
    log.append({ requestId: "a", model: "m", version: "1", rows: 2, inputs, outputs });
    log.append({ requestId: "b", model: "m", version: "1", rows: 2, inputs, outputs });
    await log.close();
    expect(dropped).toBe(2);
    expect(rowsOf(store).map((r) => (r as { request_id: string }).request_id)).toEqual(["a", "a"]);
  });
});
