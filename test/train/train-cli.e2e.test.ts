import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOnnxSignature } from "../../runtime/train/read-onnx-signature.js";
import { syntheticRows } from "./table-fixtures.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kiln(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "runtime/cli/kiln.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let data: string;
const rows = 400;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-cli-"));
  const r = syntheticRows(rows, { task: "binary", missingEvery: 10 });
  const lines = ["x1,x2,colour,churn"];
  for (let i = 0; i < rows; i++) {
    lines.push([r.x1[i] ?? "", r.x2[i], r.colour[i] ?? "NA", r.y[i]].join(","));
  }
  data = join(dir, "customers.csv");
  await writeFile(data, `${lines.join("\n")}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("kiln train and kiln predict", () => {
  let trained: Run;
  beforeAll(async () => {
    trained = await kiln([
      "train",
      "--algorithm",
      "logistic",
      "--data",
      data,
      "--target",
      "churn",
      "--param",
      "C=2",
      "--seed",
      "3",
      "-o",
      join(dir, "out", "model.onnx"),
      "--metrics",
      join(dir, "out", "metrics.json"),
      "--json",
    ]);
  });

  it("trains, writes the model and metrics.json, and prints a JSON summary", async () => {
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    const summary = JSON.parse(trained.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      algorithm: "logistic",
      task: "classification",
      classes: ["no", "yes"],
      features: ["x1", "x2", "colour"],
      params: { C: 2 },
      train_rows: 320,
      validation_rows: 80,
    });
    const signature = readOnnxSignature(new Uint8Array(await readFile(join(dir, "out", "model.onnx"))));
    expect(signature.inputs.map((i) => `${i.name}:${i.datatype}`)).toEqual([
      "x1:FP32",
      "x2:FP32",
      "colour:BYTES",
    ]);
    expect(signature.metadata["kiln.classes"]).toBe('["no","yes"]');
    const metrics = JSON.parse(await readFile(join(dir, "out", "metrics.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(metrics.task).toBe("classification");
    expect(metrics.rows).toBe(80);
    expect(metrics.accuracy).toBeGreaterThan(0.6);
    expect(Object.keys(metrics)).toEqual(
      expect.arrayContaining(["roc_auc", "log_loss", "f1_macro", "confusion_matrix", "per_class"]),
    );
  });

  it("predicts one CSV line per input row with the label and a probability per class", async () => {
    const [toFile, toStdout] = await Promise.all([
      kiln(["predict", join(dir, "out", "model.onnx"), "--data", data, "-o", join(dir, "predictions.csv")]),
      kiln(["predict", join(dir, "out", "model.onnx"), "--data", data]),
    ]);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain(`wrote ${rows} predictions to ${join(dir, "predictions.csv")}`);
    const text = await readFile(join(dir, "predictions.csv"), "utf8");
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(text);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("prediction,probability_no,probability_yes");
    expect(lines).toHaveLength(rows + 1);
    for (const line of lines.slice(1)) {
      const [label, no, yes] = line.split(",");
      expect(Number(no) + Number(yes)).toBeCloseTo(1, 6);
      expect(label).toBe(Number(yes) > Number(no) ? "yes" : "no");
    }
  });
});

describe("kiln train and predict fail clearly on bad input", () => {
  let badData: string;
  let noFeature: string;
  beforeAll(async () => {
    badData = join(dir, "bad.csv");
    await writeFile(badData, "x,y\n1,2\n2,4\nthree,6\n4,8\n5,10\n6,12\n");
    noFeature = join(dir, "no-feature.csv");
    await writeFile(noFeature, "x1,colour\n1,red\n");
  });

  it.each([
    {
      case: "an unknown algorithm",
      args: () => [
        "train",
        "--algorithm",
        "forest",
        "--data",
        data,
        "--target",
        "churn",
        "-o",
        join(dir, "f.onnx"),
      ],
      stderr: () => "kiln: unknown algorithm 'forest'; known algorithms are gbdt, linear, logistic.\n",
    },
    {
      case: "a missing target column",
      args: () => ["train", "-a", "logistic", "--data", data, "--target", "left", "-o", join(dir, "f.onnx")],
      stderr: () =>
        `kiln: ${data}, column 'left': no such target column; the data has 'x1', 'x2', 'colour', 'churn'.\n`,
    },
    {
      case: "text in a column declared numeric",
      args: () => [
        "train",
        "-a",
        "linear",
        "--data",
        badData,
        "--target",
        "y",
        "--numeric",
        "x",
        "-o",
        join(dir, "f.onnx"),
      ],
      stderr: () =>
        `kiln: ${badData}, row 3, column 'x': expected a number but found 'three' (line 4). Fix the value, leave the cell empty for a missing value, or declare the column categorical.\n`,
    },
    {
      case: "a file that is not an ONNX model",
      args: () => ["predict", data, "--data", data],
      stderr: () => `kiln: ${data} is not an ONNX model:`,
    },
    {
      case: "data without a column the model needs",
      args: () => ["predict", join(dir, "out", "model.onnx"), "--data", noFeature],
      stderr: () => `kiln: ${noFeature}, column 'x2': no such column; the file has 'x1', 'colour'.\n`,
    },
  ])("$case: exit code 2 and a one-line message, no stack trace", async ({ args, stderr }) => {
    const run = await kiln(args());
    expect(run.code).toBe(2);
    const expected = stderr();
    expect(run.stderr.slice(0, expected.length)).toBe(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("kiln run with uses: kiln/train and kiln/evaluate", () => {
  it("trains and evaluates as pipeline stages, writing the model and both metrics files", async () => {
    const project = join(dir, "project");
    await mkdir(join(project, "data"), { recursive: true });
    await copyFile(data, join(project, "data", "customers.csv"));
    await writeFile(
      join(project, "kiln.yaml"),
      [
        "version: 1",
        "stages:",
        "  train:",
        "    uses: kiln/train",
        "    with:",
        "      algorithm: logistic",
        "      data: data/customers.csv",
        "      target: churn",
        "      categorical: [colour]",
        "      model: build/model.onnx",
        "      metrics: build/metrics.json",
        "  evaluate:",
        "    uses: kiln/evaluate",
        "    with: { model: build/model.onnx, data: data/customers.csv, target: churn, metrics: build/all.json }",
        "",
      ].join("\n"),
    );
    const run = await kiln([
      "run",
      "-C",
      project,
      "--store",
      join(project, ".kiln", "store"),
      "--progress",
      "plain",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const held = JSON.parse(await readFile(join(project, "build", "metrics.json"), "utf8")) as Record<
      string,
      number
    >;
    const all = JSON.parse(await readFile(join(project, "build", "all.json"), "utf8")) as Record<
      string,
      number
    >;
    expect(held.rows).toBe(80);
    expect(all.rows).toBe(rows);
  });
});
