/**
 * `kiln train` and `kiln predict`: the built-in trainers and batch scoring from the command line.
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { predictFile } from "../../train/predict-file.js";
import { trainToFiles } from "../../train/train-to-files.js";
import { parseParamPairs } from "../../train/trainer-params.js";
import { trainers } from "../../train/trainers.js";
import { createConsoleLogger } from "../console-logger.js";

interface TrainFlags {
  algorithm: string;
  data: string;
  target: string;
  features?: string;
  categorical?: string;
  numeric?: string;
  param: string[];
  seed: string;
  validation: string;
  output: string;
  metrics?: string;
  json?: boolean;
  quiet?: boolean;
}

interface PredictFlags {
  data: string;
  output?: string;
  batchSize?: string;
}

const list = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");

function number(flag: string, text: string, check: (n: number) => boolean, expected: string): number {
  const value = Number(text);
  if (text.trim() === "" || !check(value)) throw new UsageError(`${flag} '${text}' is not ${expected}.`);
  return value;
}

export function registerTrainCommands(program: Command): void {
  const algorithms = Object.keys(trainers).sort().join("|");
  program
    .command("train")
    .description("Train a built-in model on a data file and export it as ONNX (with held-out metrics).")
    .requiredOption("-a, --algorithm <id>", `the trainer: ${algorithms}`)
    .requiredOption("-d, --data <file>", "training data (.csv, .tsv, .jsonl, .ndjson, .parquet)")
    .requiredOption("-t, --target <column>", "the column to predict")
    .option("--features <a,b,...>", "feature columns (default: every column but the target)")
    .option("--categorical <a,b,...>", "columns to treat as categories even if they look like numbers")
    .option("--numeric <a,b,...>", "columns that must hold numbers (a text value is an error naming its row)")
    .option(
      "-p, --param <key=value>",
      "a trainer parameter; repeat for more",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--seed <n>", "seed for the validation split and any randomness", "0")
    .option("--validation <fraction>", "fraction of rows held out for evaluation (0 = none)", "0.2")
    .requiredOption("-o, --output <file>", "where to write the ONNX model")
    .option("--metrics <file>", "where to write metrics.json (held-out rows)")
    .option("--json", "print a JSON summary instead of progress")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `\nParameters by algorithm:\n${Object.values(trainers)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(
          (t) =>
            `  ${t.name}: ${Object.entries(t.params)
              .map(([k, s]) => `${k} (default ${s.default})`)
              .join(", ")}`,
        )
        .join("\n")}\n`,
    )
    .action(async (flags: TrainFlags) => {
      const logger = createConsoleLogger({ quiet: Boolean(flags.json || flags.quiet) });
      const seed = number("--seed", flags.seed, Number.isSafeInteger, "a whole number");
      const validation = number(
        "--validation",
        flags.validation,
        (n) => n >= 0 && n < 1,
        "a fraction from 0 to below 1",
      );
      const features = list(flags.features);
      const categorical = list(flags.categorical);
      const numeric = list(flags.numeric);
      const { result, metrics } = await trainToFiles({
        algorithm: flags.algorithm,
        data: flags.data,
        target: flags.target,
        ...(features === undefined ? {} : { features }),
        ...(categorical === undefined ? {} : { categorical }),
        ...(numeric === undefined ? {} : { numeric }),
        params: parseParamPairs(flags.param),
        seed,
        validation,
        output: flags.output,
        ...(flags.metrics === undefined ? {} : { metrics: flags.metrics }),
        logger,
      });
      if (flags.json) {
        const summary = {
          model: flags.output,
          algorithm: result.algorithm,
          task: result.task,
          target: flags.target,
          features: result.features,
          classes: result.model.classes,
          params: result.params,
          seed,
          train_rows: result.trainRows,
          validation_rows: result.validation.rowCount,
          training: result.model.training,
          metrics,
        };
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      }
    });

  program
    .command("predict")
    .description("Run an ONNX model on a data file through onnxruntime-node; write one CSV line per row.")
    .argument("<model>", "the .onnx file")
    .requiredOption("-d, --data <file>", "rows to score (.csv, .tsv, .jsonl, .ndjson, .parquet)")
    .option("-o, --output <file>", "write predictions.csv here (default: standard output)")
    .option("--batch-size <rows>", "rows per inference call", "50000")
    .action(async (model: string, flags: PredictFlags) => {
      const batchSize = number(
        "--batch-size",
        flags.batchSize ?? "50000",
        (n) => Number.isInteger(n) && n > 0,
        "a positive whole number",
      );
      const predictions = await predictFile({
        model,
        data: flags.data,
        ...(flags.output === undefined ? {} : { output: flags.output }),
        stdout: process.stdout,
        batchSize,
      });
      if (flags.output !== undefined) {
        const rows =
          predictions.task === "regression" ? predictions.values.length : predictions.labels.length;
        process.stderr.write(`wrote ${rows} predictions to ${flags.output}\n`);
      }
    });
}
