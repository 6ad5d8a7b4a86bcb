/**
 * `uses: kiln/evaluate` — evaluate an ONNX model file (Kiln-trained or brought by another stage) on
 * a labelled data file in onnxruntime-node and write metrics.json:
 *
 * ```yaml
 * evaluate:
 *   uses: kiln/evaluate
 *   with: { model: model.onnx, data: data/test.csv, target: churned, metrics: metrics.json }
 * ```
 *
 * For a model without Kiln metadata, `task` (classification | regression) and `classes` (the
 * labels of the probability columns, in order) say how to read its outputs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readTable } from "../data/read-table.js";
import type { BuiltinStage, BuiltinStageSettings } from "../pipeline/builtin-stage.js";
import { evaluateModel } from "./evaluate-model.js";
import { modelInputSchema } from "./model-input-schema.js";
import type { ModelTask } from "./model-signature.js";
import { readModelFile } from "./predict-file.js";
import { loadOnnxModel } from "./run-onnx-model.js";
import { StageSettings } from "./stage-settings.js";
import { summarizeMetrics } from "./train-to-files.js";

const known = ["model", "data", "target", "metrics", "task", "classes"] as const;

interface EvaluateSettings {
  model: string;
  data: string;
  target: string;
  metrics: string;
  task: ModelTask | undefined;
  classes: string[] | undefined;
}

function evaluateSettings(settings: BuiltinStageSettings): EvaluateSettings {
  const s = new StageSettings(settings, "kiln/evaluate", known);
  const task = s.string("task", "classification", undefined);
  if (task !== undefined && task !== "classification" && task !== "regression") {
    throw s.error(`'with.task' is '${task}'; expected classification or regression.`);
  }
  return {
    model: s.string("model", "model.onnx"),
    data: s.string("data", "data/test.csv"),
    target: s.string("target", "label"),
    metrics: s.string("metrics", "metrics.json", "metrics.json"),
    task,
    classes: s.list("classes"),
  };
}

export const evaluateStage: BuiltinStage = {
  name: "evaluate",
  description: "Evaluate an ONNX model on labelled data in onnxruntime-node; write metrics.json.",
  plan(settings) {
    const e = evaluateSettings(settings);
    return { deps: [e.model, e.data], outs: [], metrics: [e.metrics] };
  },
  async run(context) {
    const e = evaluateSettings(context);
    const modelPath = join(context.cwd, e.model);
    const model = await loadOnnxModel(await readModelFile(modelPath), e.model);
    const schema = modelInputSchema(model.signature);
    const table = await readTable(join(context.cwd, e.data), {
      schema,
      columns: [...new Set([...model.signature.inputs.map((i) => i.name), e.target])],
    });
    const metrics = await evaluateModel(model, table, {
      target: e.target,
      ...(e.task === undefined ? {} : { task: e.task }),
      ...(e.classes === undefined ? {} : { classes: e.classes }),
    });
    const out = join(context.cwd, e.metrics);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(metrics, null, 2)}\n`);
    context.logger.info(
      `evaluated ${e.model} on ${table.rowCount} rows of ${e.data}: ${summarizeMetrics(metrics)}`,
    );
  },
};
