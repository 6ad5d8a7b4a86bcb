import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../runtime/logger.js";
import { monitorModel } from "../../runtime/monitor/monitor-model.js";
import { readPredictionWindow, windowDays } from "../../runtime/monitor/prediction-window.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { createMonitorWorld, MODEL, type MonitorWorld } from "./monitor-world.js";

const hour = 3_600_000;
let world: MonitorWorld;
const day1 = new Date("2026-11-20T00:00:00Z");
// 300 unshifted rows over 2026-11-20 20:00 .. 2026-11-21 08:00 (12 hours across midnight).
const acrossMidnight = new Date("2026-11-20T20:00:00Z");
// 200 shifted rows on 2026-11-23 from 06:00, over one hour.
const shiftedStart = new Date("2026-11-23T06:00:00Z");
let shiftedIds: string[];

beforeAll(async () => {
  world = await createMonitorWorld();
  await world.writeTraffic({ start: acrossMidnight, rows: 300, spanHours: 12, seed: 5 });
  shiftedIds = await world.writeTraffic({ start: shiftedStart, rows: 200, shift: 1.5, seed: 9 });
  await world.writeTraffic({ start: new Date("2026-11-25T12:00:00Z"), rows: 10, seed: 11 });
});
afterAll(async () => world.close());

const monitor = (since: Date, until: Date, extra: { minRows?: number; labels?: string } = {}) =>
  monitorModel({ store: world.store, logger: silentLogger }, { model: MODEL, since, until, ...extra });

describe("a monitoring window", () => {
  it("lists the UTC days it touches, from its start to just before its end", () => {
    expect(windowDays(new Date("2026-11-20T20:00Z"), new Date("2026-11-22T00:00Z"))).toEqual([
      "2026-11-20",
      "2026-11-21",
    ]);
    expect(windowDays(new Date("2026-11-20T20:00Z"), new Date("2026-11-20T21:00Z"))).toEqual(["2026-11-20"]);
  });

  it("with no predictions is reported as insufficient, never as healthy", async () => {
    const result = await monitor(day1, new Date(day1.getTime() + 6 * hour));
    expect(result.status).toBe("insufficient");
    expect(result.window.rows).toBe(0);
    expect(result.report).toBeUndefined();
    expect(result.summary).toMatch(/No predictions were logged/);
  });

  it("with fewer rows than the minimum is insufficient and says how many it had", async () => {
    const result = await monitor(new Date("2026-11-25T00:00Z"), new Date("2026-11-26T00:00Z"));
    expect(result.status).toBe("insufficient");
    expect(result.window.rows).toBe(10);
    expect(result.summary).toBe(
      "Only 10 prediction rows in the window, fewer than the 30 needed; not compared.",
    );
  });

  it("spanning two days reads the rows of both days' log objects inside the window only", async () => {
    // Rows are written at start + floor(i / 300 * 12 h) for request-first rows i = 0, 10, ..., 290.
    // Those before 2026-11-21T02:00 are requests with i/300*12h < 6h, i.e. i < 150: 15 requests of 10.
    const since = new Date("2026-11-20T19:00:00Z");
    const until = new Date("2026-11-21T02:00:00Z");
    const window = await readPredictionWindow(world.store, {
      model: MODEL,
      since,
      until,
      inputs: [{ name: "f0", kind: "numeric" }],
      outputs: [{ name: "label", kind: "categorical" }],
    });
    expect(window.table.rowCount).toBe(150);
    const all = await readPredictionWindow(world.store, {
      model: MODEL,
      since,
      until: new Date("2026-11-21T09:00:00Z"),
      inputs: [{ name: "f0", kind: "numeric" }],
      outputs: [{ name: "label", kind: "categorical" }],
    });
    expect(all.table.rowCount).toBe(300);
    const days = new Set<string>();
    for await (const info of world.store.list(`predictions/${MODEL}/`))
      days.add(info.key.split("/")[2] as string);
    expect([...days].sort()).toContain("2026-11-21");
    expect(days.has("2026-11-20")).toBe(true);
  });

  it("expands array outputs into one column per class", async () => {
    const window = await readPredictionWindow(world.store, {
      model: MODEL,
      since: shiftedStart,
      until: new Date(shiftedStart.getTime() + hour),
      inputs: [],
      outputs: [{ name: "probabilities", elements: ["stay", "churn"] }],
    });
    expect(window.outputColumns).toEqual(["probabilities[stay]", "probabilities[churn]"]);
    const stay = window.table.columns[0] as { values: Float64Array };
    const churn = window.table.columns[1] as { values: Float64Array };
    for (let i = 0; i < window.table.rowCount; i++) {
      expect((stay.values[i] as number) + (churn.values[i] as number)).toBeCloseTo(1, 6);
    }
  });

  it("streams each log object and never holds more than one open, nor reads one whole", async () => {
    let open = 0;
    let maxOpen = 0;
    let streams = 0;
    const watched: ObjectStore = {
      url: world.store.url,
      list: (prefix, options) => world.store.list(prefix, options),
      head: (key) => world.store.head(key),
      put: (key, body, options) => world.store.put(key, body, options),
      delete: (key) => world.store.delete(key),
      getBytes: async (key) => {
        throw new Error(`getBytes(${key}) reads an object whole`);
      },
      get: async (key) => {
        const stream: Readable = await world.store.get(key);
        streams++;
        open++;
        maxOpen = Math.max(maxOpen, open);
        stream.once("close", () => open--);
        return stream;
      },
    };
    const window = await readPredictionWindow(watched, {
      model: MODEL,
      since: new Date("2026-11-20T00:00Z"),
      until: new Date("2026-11-26T00:00Z"),
      inputs: [{ name: "f0", kind: "numeric" }],
      outputs: [],
    });
    expect(window.table.rowCount).toBe(510);
    expect(streams).toBe(window.objects);
    expect(streams).toBeGreaterThan(2);
    expect(maxOpen).toBe(1);
  });
});

describe("monitorModel", () => {
  it("reads every version's rows for a stage or the latest, and only that version's for name@version", async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        ts: `2026-11-26T10:00:${String(i).padStart(2, "0")}.000Z`,
        request_id: `old-${i}`,
        row: 0,
        model: MODEL,
        version: "0.9.0",
        inputs: { f0: i / 40, f1: 0, f2: 0 },
        outputs: { label: "stay", probabilities: [1, 0] },
      }),
    );
    await world.store.put(
      `predictions/${MODEL}/2026-11-26/20261126T100000000Z-old.jsonl.gz`,
      gzipSync(`${rows.join("\n")}\n`),
    );
    const since = new Date("2026-11-26T00:00Z");
    const until = new Date("2026-11-27T00:00Z");
    const all = await monitorModel(
      { store: world.store, logger: silentLogger },
      { model: MODEL, since, until },
    );
    expect(all.window.rows).toBe(40);
    expect(all.window.versions).toEqual({ "0.9.0": 40 });
    const pinned = await monitorModel(
      { store: world.store, logger: silentLogger },
      { model: `${MODEL}@${world.record.version}`, since, until },
    );
    expect(pinned.window.rows).toBe(0);
    expect(pinned.status).toBe("insufficient");
  });

  it("finds shifted inputs drifted against the training data found by its lineage digest", async () => {
    const result = await monitor(shiftedStart, new Date(shiftedStart.getTime() + 2 * hour));
    expect(result.status).toBe("drift");
    expect(result.window.rows).toBe(200);
    expect(result.reference?.source).toMatch(/^data\/train\.csv \(sha256 /);
    expect(result.reference?.rows).toBe(600);
    const drifted = result.report?.columns.filter((c) => c.drift).map((c) => c.column);
    expect(drifted).toEqual(expect.arrayContaining(["f0", "f1", "f2"]));
    expect(result.report?.predictionDrift.columns).toEqual(["label"]);
    // 200 window rows against 600 training rows is not a data-quality finding for a window.
    expect(result.report?.quality.rowCountChanged).toBe(false);
    expect(result.report?.quality.failures.filter((f) => f.startsWith("row count"))).toEqual([]);
  });

  it("finds traffic drawn like the training data healthy", async () => {
    const result = await monitor(acrossMidnight, new Date(acrossMidnight.getTime() + 13 * hour));
    expect(result.status).toBe("healthy");
    expect(result.report?.datasetDrift).toBe(false);
  });

  it("compares with a given reference file instead", async () => {
    const result = await monitor(acrossMidnight, new Date(acrossMidnight.getTime() + 13 * hour), {});
    const withFile = await monitorModel(
      { store: world.store, logger: silentLogger },
      {
        model: `${MODEL}@${world.record.version}`,
        since: acrossMidnight,
        until: new Date(acrossMidnight.getTime() + 13 * hour),
        reference: world.trainingCsv,
      },
    );
    expect(withFile.reference?.source).toBe(world.trainingCsv);
    expect(withFile.report?.driftShare).toBe(result.report?.driftShare);
  });

  it("scores labelled rows joined by request id and row against the registered accuracy", async () => {
    // The label of every 4th row (row index 0 of 0..9, 4, 8 → rows 0, 4, 8 in each request of 10) is
    // flipped: 3 wrong of 10 per request, so accuracy is exactly 0.7.
    const lines = ["request_id,row,label"];
    const window = await readPredictionWindow(world.store, {
      model: MODEL,
      since: shiftedStart,
      until: new Date(shiftedStart.getTime() + 2 * hour),
      inputs: [],
      outputs: [{ name: "label", kind: "categorical" }],
      keepRequestIds: true,
    });
    const labels = window.table.columns[0] as { codes: Int32Array; categories: string[] };
    window.requestKeys?.forEach((key, i) => {
      const [id, row] = key.split("#") as [string, string];
      const predicted = labels.categories[labels.codes[i] as number] as string;
      const flipped = predicted === "churn" ? "stay" : "churn";
      lines.push(`${id},${row},${Number(row) % 4 === 0 ? flipped : predicted}`);
    });
    expect(shiftedIds.length).toBe(20);
    const file = join(world.dir, "labels.csv");
    await writeFile(file, `${lines.join("\n")}\n`);
    const result = await monitor(shiftedStart, new Date(shiftedStart.getTime() + 2 * hour), { labels: file });
    expect(result.performance?.labelled).toBe(200);
    const accuracy = result.performance?.comparisons.find((c) => c.metric === "accuracy");
    expect(accuracy?.current).toBeCloseTo(0.7, 12);
    expect(accuracy?.registered).toBe(0.9);
  });
});
