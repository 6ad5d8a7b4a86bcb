import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { ModelError } from "../../runtime/errors.js";
import { encodeFeatures } from "../../runtime/train/encode-features.js";
import { buildFeatureGraph } from "../../runtime/train/feature-graph.js";
import { fitPreprocessing, type Preprocessing } from "../../runtime/train/feature-preprocessing.js";
import { OnnxModelBuilder } from "../../runtime/train/onnx-writer.js";
import { readOnnxSignature } from "../../runtime/train/read-onnx-signature.js";
import { tableOf } from "./table-fixtures.js";

const { onnx } = onnxProto;

describe("the ONNX writer", () => {
  it("writes a model onnxruntime loads and runs, with attributes of every kind", async () => {
    const builder = new OnnxModelBuilder();
    const x = builder.addInput("x", "float", [-1, 3]);
    const w = builder.addInitializer("w", { type: "float", dims: [3, 1], values: [1, 2, 3] });
    const y = builder.op("MatMul", [x, w]);
    const clipped = builder.op("Clip", [
      y,
      builder.addInitializer("lo", { type: "float", dims: [], values: [0] }),
    ]);
    const label = builder.op(
      "LabelEncoder",
      [builder.addInput("c", "string", [-1])],
      {
        keys_strings: { strings: ["a", "b"] },
        values_int64s: { ints: [10, 20] },
        default_int64: { int: -1 },
      },
      { domain: "ai.onnx.ml" },
    );
    builder.addNode("Identity", [clipped], ["score"]);
    builder.addNode("Identity", [label], ["code"]);
    builder.addOutput("score", "float", [-1, 1]);
    builder.addOutput("code", "int64", ["batch"]);
    builder.setMetadata("kiln.task", "regression");

    const session = await ort.InferenceSession.create(builder.serialize());
    const result = await session.run({
      x: new ort.Tensor("float32", Float32Array.of(1, 1, 1, -1, 0, 0), [2, 3]),
      c: new ort.Tensor("string", ["b", "zzz"], [2]),
    });
    expect(Array.from(result.score!.data as Float32Array)).toEqual([6, 0]);
    expect(Array.from(result.code!.data as BigInt64Array)).toEqual([20n, -1n]);
  });

  it("reads back its own signature: inputs, outputs, -1 for variable dimensions and metadata", () => {
    const builder = new OnnxModelBuilder();
    builder.addInput("age", "float", [-1, 1]);
    builder.addInput("city", "string", [-1, 1]);
    builder.addNode("Identity", ["age"], ["prediction"]);
    builder.addOutput("prediction", "float", [-1, 1]);
    builder.setMetadata("kiln.task", "regression");
    expect(readOnnxSignature(builder.serialize())).toEqual({
      inputs: [
        { name: "age", datatype: "FP32", shape: [-1, 1] },
        { name: "city", datatype: "BYTES", shape: [-1, 1] },
      ],
      outputs: [{ name: "prediction", datatype: "FP32", shape: [-1, 1] }],
      metadata: { "kiln.task": "regression" },
    });
  });
});

describe("reading the signature of a model brought from elsewhere", () => {
  /** A model shaped like a skl2onnx classifier: weights also listed as inputs, a ZipMap output. */
  function sklearnLikeModel(): Uint8Array {
    const tensorType = (elemType: number, dims: (number | string)[]) => ({
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    });
    return onnx.ModelProto.encode({
      irVersion: 7,
      opsetImport: [{ domain: "", version: 13 }],
      producerName: "skl2onnx",
      metadataProps: [{ key: "author", value: "someone" }],
      graph: {
        name: "byo",
        input: [
          { name: "float_input", type: tensorType(1, ["None", 4]) },
          { name: "coef", type: tensorType(1, [4, 2]) },
        ],
        initializer: [{ name: "coef", dims: [4, 2], dataType: 1, floatData: [0, 0, 0, 0, 0, 0, 0, 0] }],
        output: [
          { name: "output_label", type: tensorType(7, ["None"]) },
          {
            name: "output_probability",
            type: { sequenceType: { elemType: { mapType: { keyType: 7, valueType: tensorType(1, []) } } } },
          },
          { name: "scores", type: tensorType(11, ["None", 2]) },
        ],
        node: [],
      },
    }).finish();
  }

  it("leaves out initializers listed as inputs and outputs that are not tensors", () => {
    expect(readOnnxSignature(sklearnLikeModel(), "byo.onnx")).toEqual({
      inputs: [{ name: "float_input", datatype: "FP32", shape: [-1, 4] }],
      outputs: [
        { name: "output_label", datatype: "INT64", shape: [-1] },
        { name: "scores", datatype: "FP64", shape: [-1, 2] },
      ],
      metadata: { author: "someone" },
    });
  });

  it.each([
    ["a CSV file", new TextEncoder().encode("a,b,c\n1,2,3\n")],
    ["a few random bytes", Uint8Array.of(1, 2, 3, 4, 5)],
    ["an empty file", new Uint8Array(0)],
  ])("rejects %s with a ModelError saying it is not an ONNX model", (_what, bytes) => {
    expect(() => readOnnxSignature(bytes, "model.onnx")).toThrow(ModelError);
    expect(() => readOnnxSignature(bytes, "model.onnx")).toThrow(/^model\.onnx is not an ONNX model: /);
  });

  it("rejects a model without a graph", () => {
    const bytes = onnx.ModelProto.encode({ irVersion: 8, producerName: "empty" }).finish();
    expect(() => readOnnxSignature(bytes, "empty.onnx")).toThrow(
      "empty.onnx is not an ONNX model: it has no graph, IR version or opset imports.",
    );
  });
});

describe("the shared preprocessing", () => {
  // Training rows: x has mean (1 + 3 + 5) / 3 = 3 and population std sqrt(8/3); colour a/b; size s/m/l.
  const train = tableOf({
    x: [1, 3, 5, null],
    flag: [1, 0, 1, 1],
    colour: ["a", "b", "a", "b"],
    size: ["s", "m", "l", "m"],
  });
  // Rows to encode: a missing x, a missing colour, an unseen colour and an unseen size.
  const rows = tableOf({
    x: [null, 7, 3],
    flag: [0, null, 1],
    colour: [null, "zebra", "b"],
    size: ["l", "xl", null],
  });

  function preprocessingFor(): Preprocessing {
    const fitted = fitPreprocessing(train, ["x", "flag", "colour"], { scale: true });
    const ordinal = fitPreprocessing(train, ["size"], { categorical: "ordinal", impute: false });
    return { features: [...fitted.features, ...ordinal.features] };
  }

  // Expected matrix worked out by hand: x imputed with 3 then scaled, flag scaled (mean 0.75, std
  // sqrt(3)/4), colour one-hot [a, b] with unknown/missing all zeros, size ordinal s=0, m=1, l=2,
  // missing/unseen NaN.
  const xStd = Math.sqrt(8 / 3);
  const flagStd = Math.sqrt(3) / 4;
  const expected = [
    [0, (0 - 0.75) / flagStd, 0, 0, 2],
    [(7 - 3) / xStd, (0.75 - 0.75) / flagStd, 0, 0, Number.NaN],
    [0, (1 - 0.75) / flagStd, 0, 1, Number.NaN],
  ];

  it("encodes rows in TypeScript with imputation, scaling, one-hot and ordinal codes", () => {
    const { matrix, rows: n, cols } = encodeFeatures(rows, preprocessingFor());
    expect([n, cols]).toEqual([3, 5]);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < cols; c++) {
        const want = expected[r]![c]!;
        if (Number.isNaN(want)) expect(matrix[r * cols + c]).toBeNaN();
        else expect(matrix[r * cols + c]).toBeCloseTo(want, 5);
      }
    }
  });

  it("builds an ONNX graph that gives the same matrix from raw columns by name", async () => {
    const builder = new OnnxModelBuilder();
    const out = buildFeatureGraph(builder, preprocessingFor());
    builder.addNode("Identity", [out], ["features"]);
    builder.addOutput("features", "float", [-1, 5]);
    const session = await ort.InferenceSession.create(builder.serialize());
    const result = await session.run({
      x: new ort.Tensor("float32", Float32Array.of(Number.NaN, 7, 3), [3, 1]),
      flag: new ort.Tensor("float32", Float32Array.of(0, Number.NaN, 1), [3, 1]),
      colour: new ort.Tensor("string", ["", "zebra", "b"], [3, 1]),
      size: new ort.Tensor("string", ["l", "xl", ""], [3, 1]),
    });
    const data = result.features!.data as Float32Array;
    expect(result.features!.dims).toEqual([3, 5]);
    for (let i = 0; i < 15; i++) {
      const want = expected[Math.floor(i / 5)]![i % 5]!;
      if (Number.isNaN(want)) expect(data[i]).toBeNaN();
      else expect(data[i]).toBeCloseTo(want, 5);
    }
  });

  it("encodes column-major when asked, for column-wise learners", () => {
    const p = preprocessingFor();
    const rowMajor = encodeFeatures(rows, p);
    const columnMajor = encodeFeatures(rows, p, { layout: "column-major" });
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 5; c++) {
        expect(Object.is(columnMajor.matrix[c * 3 + r], rowMajor.matrix[r * 5 + c])).toBe(true);
      }
    }
  });
});
