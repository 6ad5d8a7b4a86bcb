/**
 * ONNX models for the serving tests and benchmark, built node by node with onnx-proto, with the
 * parameters returned so expected outputs can be computed independently of onnxruntime.
 */
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const { FLOAT, STRING, INT64, INT32, BOOL, DOUBLE, FLOAT16 } = onnx.TensorProto.DataType;

type Dim = number | "batch";

function valueInfo(name: string, elemType: number, dims: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (d === "batch" ? { dimParam: "batch" } : { dimValue: d })) },
      },
    },
  };
}

function encode(
  graph: onnxProto.onnx.IGraphProto,
  metadata: Record<string, string>,
  mlOpset = false,
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "kiln-test",
    opsetImport: [{ domain: "", version: 15 }, ...(mlOpset ? [{ domain: "ai.onnx.ml", version: 3 }] : [])],
    metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function intAttribute(name: string, i: number): onnxProto.onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i };
}

export interface LogisticModel {
  bytes: Uint8Array;
  features: string[];
  weights: number[];
  bias: number;
  classes: [string, string];
  /** P(classes[1]) for one row, computed in double precision. */
  probability(row: readonly number[]): number;
}

/**
 * A Kiln-convention binary classifier: `features` FP32 inputs of shape [-1, 1] → Concat → MatMul →
 * Add → Sigmoid → p; outputs `probabilities` [-1, 2] = [1 - p, p] and `label` (BYTES [-1]).
 * A missing (NaN) feature propagates to NaN probabilities.
 */
export function logisticModel(
  options: { features?: number; weights?: number[]; bias?: number; classes?: [string, string] } = {},
): LogisticModel {
  const n = options.features ?? 20;
  const features = Array.from({ length: n }, (_, i) => `f${i}`);
  const weights = options.weights ?? features.map((_, i) => ((i % 5) - 2) * 0.25 + 0.05 * i);
  const bias = options.bias ?? -0.3;
  const classes = options.classes ?? ["no", "yes"];
  const graph: onnxProto.onnx.IGraphProto = {
    name: "logistic",
    input: features.map((f) => valueInfo(f, FLOAT, ["batch", 1])),
    output: [valueInfo("label", STRING, ["batch"]), valueInfo("probabilities", FLOAT, ["batch", 2])],
    initializer: [
      { name: "W", dims: [n, 1], dataType: FLOAT, floatData: weights },
      { name: "B", dims: [1], dataType: FLOAT, floatData: [bias] },
      { name: "one", dims: [1], dataType: FLOAT, floatData: [1] },
    ],
    node: [
      { opType: "Concat", input: features, output: ["x"], attribute: [intAttribute("axis", 1)] },
      { opType: "MatMul", input: ["x", "W"], output: ["xw"] },
      { opType: "Add", input: ["xw", "B"], output: ["z"] },
      { opType: "Sigmoid", input: ["z"], output: ["p"] },
      { opType: "Sub", input: ["one", "p"], output: ["q"] },
      {
        opType: "Concat",
        input: ["q", "p"],
        output: ["probabilities"],
        attribute: [intAttribute("axis", 1)],
      },
      {
        opType: "ArgMax",
        input: ["probabilities"],
        output: ["k"],
        attribute: [intAttribute("axis", 1), intAttribute("keepdims", 0)],
      },
      {
        opType: "LabelEncoder",
        domain: "ai.onnx.ml",
        input: ["k"],
        output: ["label"],
        attribute: [
          { name: "keys_int64s", type: onnx.AttributeProto.AttributeType.INTS, ints: [0, 1] },
          {
            name: "values_strings",
            type: onnx.AttributeProto.AttributeType.STRINGS,
            strings: classes.map((c) => new TextEncoder().encode(c)),
          },
        ],
      },
    ],
  };
  const bytes = encode(
    graph,
    {
      "kiln.task": "classification",
      "kiln.classes": JSON.stringify(classes),
      "kiln.features": JSON.stringify(features.map((name) => ({ name, kind: "numeric" }))),
      "kiln.algorithm": "logistic-regression",
    },
    true,
  );
  return {
    bytes,
    features,
    weights,
    bias,
    classes,
    probability(row) {
      let z = bias;
      for (let i = 0; i < n; i++) z += Math.fround(weights[i]!) * row[i]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

/**
 * A Kiln-convention regressor with a categorical input: `x` FP32 [-1, 1] and `city` BYTES [-1, 1];
 * prediction = 2x + (city == "paris" ? 10 : 0), FP32 [-1, 1].
 */
export function regressionWithStringModel(): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: "regression",
    input: [valueInfo("x", FLOAT, ["batch", 1]), valueInfo("city", STRING, ["batch", 1])],
    output: [valueInfo("prediction", FLOAT, ["batch", 1])],
    initializer: [{ name: "two", dims: [1], dataType: FLOAT, floatData: [2] }],
    node: [
      { opType: "Mul", input: ["x", "two"], output: ["x2"] },
      {
        opType: "LabelEncoder",
        domain: "ai.onnx.ml",
        input: ["city"],
        output: ["bonus"],
        attribute: [
          {
            name: "keys_strings",
            type: onnx.AttributeProto.AttributeType.STRINGS,
            strings: [new TextEncoder().encode("paris")],
          },
          { name: "values_floats", type: onnx.AttributeProto.AttributeType.FLOATS, floats: [10] },
          { name: "default_float", type: onnx.AttributeProto.AttributeType.FLOAT, f: 0 },
        ],
      },
      { opType: "Add", input: ["x2", "bonus"], output: ["prediction"] },
    ],
  };
  return encode(
    graph,
    {
      "kiln.task": "regression",
      "kiln.features": JSON.stringify([
        { name: "x", kind: "numeric" },
        { name: "city", kind: "categorical" },
      ]),
    },
    true,
  );
}

/**
 * A model that is not Kiln's: `image` INT64 [-1, 2, 3] and `flag` BOOL [-1]; outputs
 * `total` INT64 [-1] (sum of the 6 elements of each row), `doubled` FP64 [-1, 2, 3] (image × 2 as
 * double), `flag_out` BOOL [-1] (not flag), `scaled` INT32 [-1, 6].
 */
export function multiDimensionalModel(): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: "multi",
    input: [valueInfo("image", INT64, ["batch", 2, 3]), valueInfo("flag", BOOL, ["batch"])],
    output: [
      valueInfo("total", INT64, ["batch"]),
      valueInfo("doubled", DOUBLE, ["batch", 2, 3]),
      valueInfo("flag_out", BOOL, ["batch"]),
      valueInfo("scaled", INT32, ["batch", 6]),
    ],
    initializer: [
      { name: "axes", dims: [2], dataType: INT64, int64Data: [1, 2] },
      { name: "two", dims: [1], dataType: DOUBLE, doubleData: [2] },
      { name: "flat", dims: [2], dataType: INT64, int64Data: [-1, 6] },
    ],
    node: [
      {
        opType: "ReduceSum",
        input: ["image", "axes"],
        output: ["total"],
        attribute: [intAttribute("keepdims", 0)],
      },
      { opType: "Cast", input: ["image"], output: ["imageD"], attribute: [intAttribute("to", DOUBLE)] },
      { opType: "Mul", input: ["imageD", "two"], output: ["doubled"] },
      { opType: "Not", input: ["flag"], output: ["flag_out"] },
      { opType: "Reshape", input: ["image", "flat"], output: ["reshaped"] },
      { opType: "Cast", input: ["reshaped"], output: ["scaled"], attribute: [intAttribute("to", INT32)] },
    ],
  };
  return encode(graph, {});
}

/** A model with a fixed batch of exactly 1 row: `x` FP32 [1, 3] → `y` = x + 1. Not batchable. */
export function fixedShapeModel(): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: "fixed",
    input: [valueInfo("x", FLOAT, [1, 3])],
    output: [valueInfo("y", FLOAT, [1, 3])],
    initializer: [{ name: "one", dims: [1], dataType: FLOAT, floatData: [1] }],
    node: [{ opType: "Add", input: ["x", "one"], output: ["y"] }],
  };
  return encode(graph, {});
}

/**
 * A model that fails at run time for some values: `i` INT64 [-1, 1] indexes a 3-row table with
 * Gather, so i ∉ [-3, 2] makes onnxruntime fail. Output `v` FP32 [-1, 1] = table[i].
 */
export function gatherModel(): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: "gather",
    input: [valueInfo("i", INT64, ["batch", 1])],
    output: [valueInfo("v", FLOAT, ["batch", 1, 1])],
    initializer: [{ name: "table", dims: [3, 1], dataType: FLOAT, floatData: [10, 20, 30] }],
    node: [{ opType: "Gather", input: ["table", "i"], output: ["v"], attribute: [intAttribute("axis", 0)] }],
  };
  return encode(graph, {});
}

/** A half-precision model: `h` FP16 [-1, 1] → `y32` FP32 = 2h and `y16` FP16 = 2h. */
export function halfModel(): Uint8Array {
  const graph: onnxProto.onnx.IGraphProto = {
    name: "half",
    input: [valueInfo("h", FLOAT16, ["batch", 1])],
    output: [valueInfo("y32", FLOAT, ["batch", 1]), valueInfo("y16", FLOAT16, ["batch", 1])],
    initializer: [{ name: "two", dims: [1], dataType: FLOAT, floatData: [2] }],
    node: [
      { opType: "Cast", input: ["h"], output: ["h32"], attribute: [intAttribute("to", FLOAT)] },
      { opType: "Mul", input: ["h32", "two"], output: ["y32"] },
      { opType: "Cast", input: ["y32"], output: ["y16"], attribute: [intAttribute("to", FLOAT16)] },
    ],
  };
  return encode(graph, {});
}
