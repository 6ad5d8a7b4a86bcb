import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logger.js";
import type { BuiltinStageSettings } from "../../runtime/pipeline/builtin-stage.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { evaluateStage } from "../../runtime/train/evaluate-stage.js";
import { OnnxModelBuilder } from "../../runtime/train/onnx-writer.js";
import { trainStage } from "../../runtime/train/train-stage.js";
import { syntheticRows } from "./table-fixtures.js";

const at = (settings: Record<string, unknown>): BuiltinStageSettings => ({
  with: settings,
  stage: "fit",
  file: "kiln.yaml",
  line: 7,
  column: 5,
});

describe("planning kiln/train", () => {
  it("declares the data as a dep, the model as an out and metrics.json as metrics", () => {
    expect(
      trainStage.plan(
        at({ algorithm: "linear", data: "data/houses.csv", target: "price", model: "build/m.onnx" }),
      ),
    ).toEqual({ deps: ["data/houses.csv"], outs: ["build/m.onnx"], metrics: ["metrics.json"] });
  });

  it("has no metrics file when nothing is held out", () => {
    expect(trainStage.plan(at({ algorithm: "linear", data: "d.csv", target: "y", validation: 0 }))).toEqual({
      deps: ["d.csv"],
      outs: ["model.onnx"],
    });
  });

  it.each([
    [
      "an unknown algorithm",
      { algorithm: "forest", data: "d.csv", target: "y" },
      "kiln.yaml:7:5: stage 'fit': unknown algorithm 'forest'; known algorithms are gbdt, linear, logistic.",
    ],
    [
      "a missing target",
      { algorithm: "linear", data: "d.csv" },
      "kiln.yaml:7:5: stage 'fit': kiln/train needs 'with.target' (a string), e.g. target: label.",
    ],
    [
      "an unknown setting",
      { algorithm: "linear", data: "d.csv", target: "y", epochs: 3 },
      "kiln.yaml:7:5: stage 'fit': kiln/train has no setting 'epochs'; its settings are algorithm, categorical, data, features, metrics, model, numeric, params, seed, target, validation.",
    ],
    [
      "an unknown parameter",
      { algorithm: "logistic", data: "d.csv", target: "y", params: { alpha: 1 } },
      "kiln.yaml:7:5: stage 'fit': algorithm 'logistic' has no parameter 'alpha'; its parameters are C, max_iter, solver, tol.",
    ],
    [
      "a validation fraction of 1",
      { algorithm: "linear", data: "d.csv", target: "y", validation: 1 },
      "kiln.yaml:7:5: stage 'fit': 'with.validation' is 1; expected a fraction from 0 up to 1 (exclusive).",
    ],
  ])("rejects %s with the kiln.yaml position", (_case, settings, message) => {
    expect(() => trainStage.plan(at(settings))).toThrow(ConfigError);
    expect(() => trainStage.plan(at(settings))).toThrow(message);
  });
});

describe("running kiln/train and kiln/evaluate", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kiln-stage-"));
    const rows = syntheticRows(300, { task: "regression" });
    const lines = [
      "x1,x2,colour,y",
      ...rows.x1.map((x, i) => `${x},${rows.x2[i]},${rows.colour[i]},${rows.y[i]}`),
    ];
    await writeFile(join(dir, "houses.csv"), `${lines.join("\n")}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const context = (settings: Record<string, unknown>) => ({
    ...at(settings),
    cwd: dir,
    logger: silentLogger,
    store: new LocalFolderStore(join(dir, ".kiln", "store")),
    signal: new AbortController().signal,
  });

  it("trains a model into the project folder and evaluates it on a data file", async () => {
    await trainStage.run(
      context({ algorithm: "linear", data: "houses.csv", target: "y", model: "out/model.onnx" }),
    );
    const trainMetrics = JSON.parse(await readFile(join(dir, "metrics.json"), "utf8")) as Record<
      string,
      number
    >;
    expect(trainMetrics.rows).toBe(60);
    expect(trainMetrics.r2).toBeGreaterThan(0.8);

    await evaluateStage.run(
      context({ model: "out/model.onnx", data: "houses.csv", target: "y", metrics: "out/eval.json" }),
    );
    const metrics = JSON.parse(await readFile(join(dir, "out", "eval.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(metrics).toMatchObject({ task: "regression", rows: 300 });
    expect(Object.keys(metrics)).toEqual(["task", "rows", "mean_error", "mae", "rmse", "mape", "r2"]);
  });

  it("evaluates a model brought from elsewhere, told its task", async () => {
    // y_hat = 2 x + 1, with no Kiln metadata and its own output name.
    const builder = new OnnxModelBuilder();
    const x = builder.addInput("x", "float", [-1, 1]);
    const two = builder.addInitializer("two", { type: "float", dims: [1], values: [2] });
    const one = builder.addInitializer("one", { type: "float", dims: [1], values: [1] });
    builder.addNode("Add", [builder.op("Mul", [x, two]), one], ["y_hat"]);
    builder.addOutput("y_hat", "float", [-1, 1]);
    await writeFile(join(dir, "byo.onnx"), builder.serialize());
    // Predictions 3, 5, 7, 9 against targets 3, 6, 6, 10: errors 0, -1, 1, -1.
    await writeFile(join(dir, "byo.csv"), "x,y\n1,3\n2,6\n3,6\n4,10\n");
    await evaluateStage.run(
      context({ model: "byo.onnx", data: "byo.csv", target: "y", task: "regression", metrics: "byo.json" }),
    );
    const metrics = JSON.parse(await readFile(join(dir, "byo.json"), "utf8")) as Record<string, number>;
    expect(metrics.mae).toBe(0.75);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(3 / 4), 12);
    expect(metrics.mean_error).toBe(-0.25);
  });
});
