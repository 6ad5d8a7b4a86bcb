import onnxProto from "onnx-proto";
import { describe, expect, it } from "vitest";
import type { DecodedInput } from "../../runtime/serve/infer-request.js";
import { type LoadedModel, loadModel } from "../../runtime/serve/loaded-model.js";
import { allocateTensorData } from "../../runtime/serve/tensor-datatypes.js";
import { logisticModel, multiDimensionalModel, regressionWithStringModel } from "./onnx-fixtures.js";

const { onnx } = onnxProto;

const load = (bytes: Uint8Array, packInputs: boolean) =>
  loadModel(bytes, { name: "m", version: "1", sha256: "x", packInputs });

let seed = 11;
function random(): number {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}

/** Random inputs for `rows` rows of a model's signature (numeric datatypes; NaN now and then for floats). */
function randomInputs(model: LoadedModel, rows: number): DecodedInput[] {
  return model.signature.inputs.map((spec) => {
    const perRow = spec.shape.slice(1).reduce((n, d) => n * d, 1);
    const data = allocateTensorData(spec.datatype, rows * perRow);
    for (let i = 0; i < data.length; i++) {
      if (spec.datatype === "INT64") (data as BigInt64Array)[i] = BigInt(Math.floor(random() * 2000) - 1000);
      else (data as Float64Array)[i] = random() < 0.05 ? Number.NaN : (random() - 0.5) * 8;
    }
    return { name: spec.name, datatype: spec.datatype, shape: [rows, ...spec.shape.slice(1)], data };
  });
}

/** The packed session must answer exactly as the original graph does. */
async function expectSameAnswers(bytes: Uint8Array, rows: number): Promise<LoadedModel> {
  const packed = await load(bytes, true);
  const plain = await load(bytes, false);
  expect(plain.packed).toBeUndefined();
  expect(packed.signature).toEqual(plain.signature);
  for (const n of [1, rows]) {
    const inputs = randomInputs(plain, n);
    const [a, b] = await Promise.all([packed.run(inputs), plain.run(inputs)]);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const name of Object.keys(b)) {
      expect(a[name]!.dims).toEqual(b[name]!.dims);
      const x = a[name]!.data as ArrayLike<unknown>;
      const y = b[name]!.data as ArrayLike<unknown>;
      expect(x.length).toBe(y.length);
      for (let i = 0; i < y.length; i++)
        if (!Object.is(x[i], y[i])) expect([name, i, x[i]]).toEqual([name, i, y[i]]);
    }
  }
  await Promise.all([packed.release(), plain.release()]);
  return packed;
}

/** An opset-11 model (Split takes its sizes as an attribute there) with FP64 inputs of widths 1, 1, 2 and two INT64 inputs. */
function opset11Model(): Uint8Array {
  const { DOUBLE, INT64 } = onnx.TensorProto.DataType;
  const input = (name: string, elemType: number, width: number) => ({
    name,
    type: { tensorType: { elemType, shape: { dim: [{ dimParam: "n" }, { dimValue: width }] } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: 6,
    opsetImport: [{ domain: "", version: 11 }],
    graph: {
      name: "mixed",
      input: [
        input("a", DOUBLE, 1),
        input("b", DOUBLE, 1),
        input("c", DOUBLE, 2),
        input("i", INT64, 1),
        input("j", INT64, 1),
      ],
      output: [input("abc", DOUBLE, 4), input("ij", INT64, 1)],
      initializer: [{ name: "w", dims: [1, 4], dataType: DOUBLE, doubleData: [1, -2, 0.5, 3] }],
      node: [
        {
          opType: "Concat",
          input: ["b", "c", "a"],
          output: ["bca"],
          attribute: [{ name: "axis", type: 2, i: 1 }],
        },
        { opType: "Mul", input: ["bca", "w"], output: ["abc"] },
        { opType: "Sub", input: ["i", "j"], output: ["ij"] },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

describe("input packing", () => {
  it("feeds a 20-feature model one tensor and answers bit for bit as the original graph", async () => {
    const packed = await expectSameAnswers(logisticModel({ features: 20 }).bytes, 64);
    expect(packed.packed).toEqual({ inputs: 20, tensors: 1 });
  });

  it("packs each datatype apart, wider inputs too, in an opset-11 model", async () => {
    const packed = await expectSameAnswers(opset11Model(), 33);
    expect(packed.packed).toEqual({ inputs: 5, tensors: 2 });
  });

  it("leaves models alone when nothing can be packed", async () => {
    // One float input beside a string one; a rank-3 INT64 input beside a BOOL one.
    for (const bytes of [regressionWithStringModel(), multiDimensionalModel()]) {
      expect((await load(bytes, true)).packed).toBeUndefined();
    }
  });
});
