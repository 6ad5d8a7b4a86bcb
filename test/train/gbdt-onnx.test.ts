import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import type { Table } from "../../runtime/data/table.js";
import { silentLogger } from "../../runtime/logger.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";
import { trainModel } from "../../runtime/train/train-model.js";
import { gaussian, tableOf } from "./table-fixtures.js";

/** Feeds a table's columns to the model by input name, as a served model receives them. */
async function runOnnx(bytes: Uint8Array, table: Table): Promise<ort.InferenceSession.ReturnType> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`no column ${name}`);
    feeds[name] =
      column.kind === "categorical"
        ? new ort.Tensor(
            "string",
            Array.from(column.codes, (c) => (c < 0 ? "" : column.categories[c]!)),
            [table.rowCount, 1],
          )
        : new ort.Tensor("float32", Float32Array.from(column.values), [table.rowCount, 1]);
  }
  return session.run(feeds);
}

type Task = "regression" | "binary" | "multiclass";

/** Non-linear rows with missing numbers and a category; the target depends on all three. */
function nonLinearRows(rows: number, task: Task, seed: number) {
  const random = seededRandom(seed);
  const colours = ["red", "green", "blue", "amber"];
  const x1: (number | null)[] = [];
  const x2: (number | null)[] = [];
  const colour: (string | null)[] = [];
  const values: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < rows; i++) {
    const a = gaussian(random) * 2;
    const b = random() * 4 - 2;
    const c = Math.floor(random() * colours.length);
    const aMissing = random() < 0.1;
    x1.push(aMissing ? null : a);
    x2.push(b);
    colour.push(random() < 0.05 ? null : colours[c]!);
    // Missing x1 carries signal of its own, so the learned default direction matters.
    const z = (aMissing ? 1.5 : Math.sin(a)) * b + [0, 1, -1, 0.5][c]! + gaussian(random) * 0.3;
    if (task === "regression") values.push(10 + 3 * z);
    else if (task === "binary") labels.push(z > 0.2 ? "yes" : "no");
    else labels.push(z < -0.7 ? "low" : z < 0.9 ? "mid" : "high");
  }
  return { x1, x2, colour, y: task === "regression" ? values : labels };
}

/** Held-out rows with what training never saw: missing everything, unseen categories. */
function awkwardRows(): Table {
  return tableOf({
    x1: [null, null, 0.5, -1.2, 3, null, 1e6, -1e6, 0],
    x2: [1, -1, null, 0.3, null, null, 0.1, -0.1, 0],
    colour: ["purple", null, "red", "", "green", null, "blue", "amber", "violet"],
    y: [0, 0, 0, 0, 0, 0, 0, 0, 0],
  });
}

function concatTables(a: Table, b: Table): Table {
  const columns = a.columns.map((column) => {
    const other = b.columns.find((c) => c.name === column.name)!;
    if (column.kind === "categorical" && other.kind === "categorical") {
      const categories = [...column.categories];
      const codes = Int32Array.from([
        ...column.codes,
        ...Array.from(other.codes, (code) => {
          if (code < 0) return -1;
          const label = other.categories[code]!;
          const at = categories.indexOf(label);
          return at >= 0 ? at : categories.push(label) - 1;
        }),
      ]);
      return { ...column, codes, categories };
    }
    if (column.kind !== "categorical" && other.kind !== "categorical") {
      return { ...column, values: Float64Array.from([...column.values, ...other.values]) };
    }
    // The awkward rows' placeholder target is numeric; keep the held-out target column as it is.
    return column.kind === "categorical"
      ? { ...column, codes: Int32Array.from([...column.codes, ...new Array<number>(b.rowCount).fill(-1)]) }
      : {
          ...column,
          values: Float64Array.from([...column.values, ...new Array<number>(b.rowCount).fill(0)]),
        };
  });
  return { source: a.source, rowCount: a.rowCount + b.rowCount, columns };
}

describe.each<[Task, Record<string, string>]>([
  ["regression", {}],
  ["binary", {}],
  ["multiclass", { max_depth: "4", l2: "1" }],
])("the exported %s model", (task, params) => {
  it("gives the trainer's own predictions to 1e-5 on held-out rows, with missing values and unseen categories", async () => {
    const table = tableOf(nonLinearRows(1500, task, 11));
    const result = await trainModel({
      algorithm: "gbdt",
      table,
      target: "y",
      params: { n_estimators: "40", ...params },
      seed: 3,
      validation: 0.25,
      logger: silentLogger,
    });
    const heldOut = concatTables(result.validation, awkwardRows());
    expect(heldOut.rowCount).toBe(375 + 9);
    const mine = result.model.predict(heldOut);
    const onnx = await runOnnx(result.model.onnx, heldOut);

    if (task === "regression") {
      expect(mine.task).toBe("regression");
      if (mine.task !== "regression") return;
      const predicted = onnx.prediction!;
      expect(predicted.dims).toEqual([heldOut.rowCount, 1]);
      const data = predicted.data as Float32Array;
      // Values are about 10 ± 15, where float32 (the output type) resolves about 1e-6.
      for (let i = 0; i < heldOut.rowCount; i++) {
        expect(Math.abs(data[i]! - mine.values[i]!)).toBeLessThanOrEqual(1e-5);
      }
      return;
    }
    expect(mine.task).toBe("classification");
    if (mine.task !== "classification") return;
    const classes = mine.classes;
    expect(classes).toEqual(task === "binary" ? ["no", "yes"] : ["high", "low", "mid"]);
    const probabilities = onnx.probabilities!.data as Float32Array;
    const labels = onnx.label!.data as string[];
    expect(onnx.probabilities!.dims).toEqual([heldOut.rowCount, classes.length]);
    for (let i = 0; i < heldOut.rowCount; i++) {
      let best = 0;
      for (let c = 0; c < classes.length; c++) {
        const p = mine.probabilities[i * classes.length + c]!;
        expect(Math.abs(probabilities[i * classes.length + c]! - p)).toBeLessThanOrEqual(1e-5);
        if (p > mine.probabilities[i * classes.length + best]!) best = c;
      }
      expect(labels[i]).toBe(classes[best]);
    }
  });
});

describe("the gbdt model file", () => {
  it("takes the raw columns by name and carries the Kiln metadata", async () => {
    const table = tableOf(nonLinearRows(300, "multiclass", 5));
    const result = await trainModel({
      algorithm: "gbdt",
      table,
      target: "y",
      params: { n_estimators: 3 },
      logger: silentLogger,
    });
    const session = await ort.InferenceSession.create(result.model.onnx);
    expect(session.inputNames).toEqual(["x1", "x2", "colour"]);
    expect([...session.outputNames].sort()).toEqual(["label", "probabilities"]);
    const { onnx: proto } = (await import("onnx-proto")).default;
    const model = proto.ModelProto.decode(result.model.onnx);
    const metadata = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(metadata["kiln.task"]).toBe("classification");
    expect(metadata["kiln.algorithm"]).toBe("gbdt");
    expect(JSON.parse(metadata["kiln.classes"]!)).toEqual(["high", "low", "mid"]);
    expect(JSON.parse(metadata["kiln.features"]!)).toEqual([
      { name: "x1", kind: "numeric" },
      { name: "x2", kind: "numeric" },
      { name: "colour", kind: "categorical" },
    ]);
    const ml = model.opsetImport.find((o) => o.domain === "ai.onnx.ml");
    expect(Number(ml?.version)).toBeLessThanOrEqual(4);
    expect(model.graph?.node?.some((n) => n.opType === "TreeEnsembleRegressor")).toBe(true);
  });

  it("is the same bytes for the same data and seed", async () => {
    const table = tableOf(nonLinearRows(400, "binary", 9));
    const train = () =>
      trainModel({
        algorithm: "gbdt",
        table,
        target: "y",
        params: { n_estimators: 5 },
        seed: 4,
        logger: silentLogger,
      });
    const [a, b] = [await train(), await train()];
    expect(Buffer.from(a.model.onnx).equals(Buffer.from(b.model.onnx))).toBe(true);
  });
});
