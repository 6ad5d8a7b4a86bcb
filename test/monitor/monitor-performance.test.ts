import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { modelPerformance, readLabels } from "../../runtime/monitor/performance-with-labels.js";
import { readPredictionWindow } from "../../runtime/monitor/prediction-window.js";
import { MemoryStore } from "../registry/memory-store.js";
import { categorical, numeric, table } from "./table-builder.js";

describe("performance with labels", () => {
  it("scores a regression window against the registered RMSE, joining labels by request id and row", () => {
    // Predictions 1, 2, 3, 4 for r1#0, r1#1, r2#0, r3#0; labels for r1#0 = 2, r1#1 = 2, r2#0 = 1.
    // Errors: -1, 0, 2 → MAE 1, RMSE sqrt(5/3), mean error (1 - 2 + 0 + 3 - 1) / 3 = 1/3.
    const window = table("window", numeric("prediction", [1, 2, 3, 4]));
    const result = modelPerformance({
      task: "regression",
      window,
      requestKeys: ["r1#0", "r1#1", "r2#0", "r3#0"],
      labels: {
        source: "labels.csv",
        byKey: new Map([
          ["r1#0", 2],
          ["r1#1", 2],
          ["r2#0", 1],
          ["r9#0", 5],
        ]),
      },
      predictionColumn: "prediction",
      registered: { "test.rmse": 1.2, mae: 0.5 },
    });
    expect(result?.labelled).toBe(3);
    expect(result?.unlabelled).toBe(1);
    const byName = Object.fromEntries(result!.comparisons.map((c) => [c.metric, c]));
    expect(byName.mae?.current).toBeCloseTo(1, 12);
    expect(byName.mae?.registered).toBe(0.5);
    expect(byName.rmse?.current).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(byName.rmse?.registeredKey).toBe("test.rmse");
    expect(byName.mean_error?.current).toBeCloseTo(1 / 3, 12);
  });

  it("leaves out labels that are not one of the model's classes, and counts them", () => {
    const window = table("window", categorical("label", ["a", "b", "a", "b"]));
    const result = modelPerformance({
      task: "classification",
      window,
      requestKeys: ["x#0", "x#1", "y#0", "z#0"],
      labels: {
        source: "l",
        byKey: new Map<string, string | number>([
          ["x#0", "a"],
          ["x#1", "a"],
          ["y#0", "a"],
          ["z#0", "cat"],
        ]),
      },
      classes: ["a", "b"],
      predictionColumn: "label",
      registered: {},
    });
    expect(result?.labelled).toBe(3);
    expect(result?.unknownLabels).toBe(1);
    expect(result?.comparisons.find((c) => c.metric === "accuracy")?.current).toBeCloseTo(2 / 3, 12);
  });

  it("is absent when no row of the window has a label", () => {
    const window = table("window", numeric("prediction", [1]));
    expect(
      modelPerformance({
        task: "regression",
        window,
        requestKeys: ["a#0"],
        labels: { source: "l", byKey: new Map() },
        predictionColumn: "prediction",
        registered: {},
      }),
    ).toBeUndefined();
  });

  it("reads labels from gzip JSON Lines objects under a store prefix", async () => {
    const store = new MemoryStore();
    const lines = ['{"request_id":"r1","label":"yes"}', '{"request_id":"r1","row":1,"label":"no"}'].join(
      "\n",
    );
    await store.put("labels/2026-11-28/a.jsonl.gz", gzipSync(lines));
    await store.put("labels/2026-11-28/b.jsonl", '{"request_id":"r2","churned":"yes"}\n');
    const labels = await readLabels("store:labels/", store, ["label", "churned"]);
    expect([...labels.byKey]).toEqual([
      ["r1#0", "yes"],
      ["r1#1", "no"],
      ["r2#0", "yes"],
    ]);
  });
});

describe("reading a damaged prediction log", () => {
  it("names the object and line of a row that is not JSON", async () => {
    const store = new MemoryStore();
    const good = JSON.stringify({
      ts: "2026-11-28T10:00:00.000Z",
      request_id: "r",
      row: 0,
      model: "m",
      version: "1.0.0",
      inputs: { x: 1 },
      outputs: {},
    });
    const key = "predictions/m/2026-11-28/20261128T100000000Z-abc.jsonl.gz";
    await store.put(key, gzipSync(`${good}\n{"ts": oops\n`));
    await expect(
      readPredictionWindow(store, {
        model: "m",
        since: new Date("2026-11-28T00:00Z"),
        until: new Date("2026-11-29T00:00Z"),
        inputs: [{ name: "x", kind: "numeric" }],
        outputs: [],
      }),
    ).rejects.toThrow(`${key}, row 2: line 2 is not valid JSON.`);
  });

  it("names the object, row and column of a value that does not fit the model's input kind", async () => {
    const store = new MemoryStore();
    const row = JSON.stringify({
      ts: "2026-11-28T10:00:00.000Z",
      request_id: "r",
      row: 0,
      model: "m",
      version: "1.0.0",
      inputs: { x: "tall" },
      outputs: {},
    });
    const key = "predictions/m/2026-11-28/20261128T100000000Z-abc.jsonl.gz";
    await store.put(key, gzipSync(`${row}\n`));
    await expect(
      readPredictionWindow(store, {
        model: "m",
        since: new Date("2026-11-28T00:00Z"),
        until: new Date("2026-11-29T00:00Z"),
        inputs: [{ name: "x", kind: "numeric" }],
        outputs: [],
      }),
    ).rejects.toThrow(/20261128T100000000Z-abc\.jsonl\.gz, row 1, column 'x': expected a number but found/);
  });
});
