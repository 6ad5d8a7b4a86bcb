import { describe, expect, it } from "vitest";
import { fromHalfBits, toHalfBits } from "../../runtime/serve/half-float.js";
import { readInferRequest } from "../../runtime/serve/infer-request.js";
import { tensorResponse } from "../../runtime/serve/infer-response.js";
import { loadModel } from "../../runtime/serve/loaded-model.js";
import { serializeEntries } from "../../runtime/serve/prediction-log-rows.js";
import { halfModel } from "./onnx-fixtures.js";

// Bit patterns from the IEEE 754 binary16 tables (e.g. Wikipedia, "Half-precision floating-point format").
describe.each([
  [1, 0x3c00],
  [-2, 0xc000],
  [65504, 0x7bff],
  [2 ** -24, 0x0001],
  [2 ** -14, 0x0400],
  [0.000060975552, 0x03ff],
  [1 / 3, 0x3555],
  [0.1, 0x2e66],
  [0.99951172, 0x3bff],
  [Number.POSITIVE_INFINITY, 0x7c00],
  [Number.NEGATIVE_INFINITY, 0xfc00],
  [0, 0x0000],
])("the number %d", (value, bits) => {
  it(`is FP16 0x${bits.toString(16).padStart(4, "0")}`, () => {
    expect(toHalfBits(value)).toBe(bits);
  });
});

describe("half precision rounding", () => {
  it("rounds ties to even and overflows to infinity", () => {
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toHalfBits(65519)).toBe(0x7bff);
    expect(toHalfBits(65520)).toBe(0x7c00);
    expect(toHalfBits(2 ** -26)).toBe(0x0000);
    expect(toHalfBits(3 * 2 ** -26)).toBe(0x0001);
  });

  it("reads bit patterns back as the numbers they stand for", () => {
    expect(fromHalfBits(0x3555)).toBe(0.333251953125);
    expect(fromHalfBits(0x2e66)).toBe(0.0999755859375);
    expect(fromHalfBits(0x0001)).toBe(2 ** -24);
    expect(fromHalfBits(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(fromHalfBits(0x7e00))).toBe(true);
  });
});

describe("an FP16 model", () => {
  it("takes JSON numbers for FP16 inputs and answers FP16 outputs as numbers", async () => {
    const model = await loadModel(halfModel(), { name: "half", version: "1", sha256: "x" });
    expect(model.signature.inputs).toEqual([{ name: "h", datatype: "FP16", shape: [-1, 1] }]);
    const call = readInferRequest(
      { inputs: [{ name: "h", datatype: "FP16", shape: [2, 1], data: [0.1, 1000] }] },
      model.signature,
    );
    const response = tensorResponse(model, call, await model.run(call.inputs));
    expect(response.outputs).toEqual([
      { name: "y32", datatype: "FP32", shape: [2, 1], data: [0.199951171875, 2000] },
      { name: "y16", datatype: "FP16", shape: [2, 1], data: [0.199951171875, 2000] },
    ]);
  });
});

describe("the prediction log of an FP16 model", () => {
  it("writes FP16 values as numbers and missing ones as null", () => {
    const text = serializeEntries([
      {
        ts: Date.UTC(2026, 0, 2),
        requestId: "r",
        model: "half",
        version: "1",
        rows: 2,
        inputs: [{ name: "h", datatype: "FP16", shape: [2, 1], data: new Uint16Array([0x2e66, 0x7e00]) }],
        outputs: { y16: { datatype: "FP16", dims: [2, 1], data: new Uint16Array([0x3266, 0x7e00]) } },
      },
    ]);
    const rows = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { inputs: unknown; outputs: unknown });
    expect(rows.map((r) => [r.inputs, r.outputs])).toEqual([
      [{ h: 0.0999755859375 }, { y16: 0.199951171875 }],
      [{ h: null }, { y16: null }],
    ]);
  });
});
