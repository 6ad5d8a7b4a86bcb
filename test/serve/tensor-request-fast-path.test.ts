import { describe, expect, it } from "vitest";
import type { InferCall } from "../../runtime/serve/infer-request.js";
import { readInferRequest } from "../../runtime/serve/infer-request.js";
import { readTensorRequestFast } from "../../runtime/serve/tensor-request-fast-path.js";
import type { ModelSignature } from "../../runtime/train/model-signature.js";

const signature: ModelSignature = {
  inputs: [
    { name: "x", datatype: "FP64", shape: [-1, 2] },
    { name: "f", datatype: "FP32", shape: [-1, 1] },
    { name: "k", datatype: "INT32", shape: [-1] },
    { name: "u", datatype: "UINT8", shape: [-1, 1] },
  ],
  outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
  metadata: {},
};

/** What the general path (JSON.parse + readInferRequest) makes of a body, or the error it throws. */
function general(text: string): InferCall | Error {
  try {
    return readInferRequest(JSON.parse(text), signature);
  } catch (error: unknown) {
    return error as Error;
  }
}

/** The fast path must give exactly the general path's call, or step aside. */
function agrees(text: string): "fast" | "general" {
  const fast = readTensorRequestFast(Buffer.from(text, "utf8"), signature);
  if (fast === undefined) return "general";
  const slow = general(text);
  expect(slow).not.toBeInstanceOf(Error);
  const call = slow as InferCall;
  expect(fast.form).toBe(call.form);
  expect(fast.id).toBe(call.id);
  expect(fast.rows).toBe(call.rows);
  expect(fast.outputNames).toEqual(call.outputNames);
  expect(fast.inputs.map((i) => [i.name, i.datatype, i.shape])).toEqual(
    call.inputs.map((i) => [i.name, i.datatype, i.shape]),
  );
  for (let k = 0; k < call.inputs.length; k++) {
    const a = fast.inputs[k]!.data as ArrayLike<number>;
    const b = call.inputs[k]!.data as ArrayLike<number>;
    expect(a.constructor).toBe(b.constructor);
    expect(a.length).toBe(b.length);
    // Object.is tells -0 from 0 and matches NaN with NaN.
    for (let i = 0; i < b.length; i++) if (!Object.is(a[i], b[i])) expect([k, i, a[i]]).toEqual([k, i, b[i]]);
  }
  return "fast";
}

function body(x: string, f = "[0.5]", k = "[3]", u = "[7]", extra = ""): string {
  return `{${extra}"inputs":[{"name":"x","datatype":"FP64","shape":[1,2],"data":${x}},{"name":"f","datatype":"FP32","shape":[1,1],"data":${f}},{"name":"k","datatype":"INT32","shape":[1],"data":${k}},{"name":"u","datatype":"UINT8","shape":[1,1],"data":${u}}]}`;
}

describe("the tensor-form fast path", () => {
  it("reads a plain request exactly as the general path does", () => {
    expect(agrees(body("[1.25, -3]"))).toBe("fast");
    expect(agrees(body("[1.25, -3]", "[null]", "[-2147483648]", "[255]", '"id":"r-1",'))).toBe("fast");
    // Inputs in another order than the model's, spaces and newlines anywhere.
    const reordered = ` {\n "inputs" : [ {"data":[9], "shape":[1,1], "datatype":"UINT8", "name":"u"},
      {"name":"k","datatype":"INT32","shape":[1],"data":[0]}, {"name":"f","datatype":"FP32","shape":[1,1],"data":[1e-3]},
      {"name":"x","datatype":"FP64","shape":[1,2],"data":[0,-0]} ] , "id" : "z" } \n`;
    expect(agrees(reordered)).toBe("fast");
  });

  it("gives every number the value JSON.parse gives it", () => {
    const texts = [
      "0",
      "-0",
      "0.1",
      "-0.30000000000000004",
      "123456789012345",
      "1234567890123456789",
      "0.1234567890123456789",
      "1e22",
      "1e23",
      "1E+2",
      "2.5e-3",
      "5e-324",
      "1.7976931348623157e308",
      "1e400",
      "-1e-400",
      "0.000000000000000000000001",
      "9007199254740993",
      "4.35",
      "0.7310585975646973",
    ];
    for (const t of texts) expect(agrees(body(`[${t}, ${t}]`)), t).toBe("fast");
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 3000; i++) {
      const v = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      const forms = [
        String(v),
        v.toExponential(Math.floor(random() * 17)),
        v.toFixed(Math.floor(random() * 20)),
      ];
      for (const t of forms) expect(agrees(body(`[${t}, ${Math.fround(v)}]`)), t).toBe("fast");
    }
  });

  it.each([
    ["a V2 body with parameters", body("[1,2]", "[0.5]", "[3]", "[7]", '"parameters":{},')],
    ["a body asking for outputs", `${body("[1,2]").slice(0, -1)},"outputs":[{"name":"y"}]}`],
    ["a string with an escape", body("[1,2]", "[0.5]", "[3]", "[7]", '"id":"a\\"b",')],
    ["nested data", body("[[1,2]]")],
    ["an integer input given a fraction", body("[1,2]", "[0.5]", "[3.5]")],
    ["an unsigned input given a negative", body("[1,2]", "[0.5]", "[3]", "[-1]")],
    ["an integer input given null", body("[1,2]", "[0.5]", "[null]")],
    ["too few values", body("[1]")],
    ["a missing input", body("[1,2]").replace(/,\{"name":"u"[^}]*\}/, "")],
    [
      "an input given twice",
      body("[1,2]").replace("]}", ',{"name":"u","datatype":"UINT8","shape":[1,1],"data":[1]}]}'),
    ],
    ["an unknown input", body("[1,2]").replace('"name":"u"', '"name":"v"')],
    ["a wrong datatype", body("[1,2]").replace('"datatype":"FP32"', '"datatype":"FP64"')],
    ["a wrong shape", body("[1,2]").replace('"shape":[1,2]', '"shape":[2,1]')],
    [
      "batch sizes that differ",
      body("[1,2]", "[0.5, 0.25]").replace('"shape":[1,1],"data":[0.5', '"shape":[2,1],"data":[0.5'),
    ],
    ["broken JSON", body("[1,2").slice(0, -3)],
    ["trailing text", `${body("[1,2]")}x`],
    ["a leading zero", body("[01,2]")],
    ["a bare dot", body("[1.,2]")],
    ["NaN", body("[NaN,2]")],
    ["records", '{"instances":[{"x":[1,2],"f":1,"k":1,"u":1}]}'],
    ["an array", "[]"],
    ["empty inputs", '{"inputs":[]}'],
    ["a duplicated member", body("[1,2]").replace('"name":"x",', '"name":"x","name":"x",')],
  ])("steps aside for %s", (_what, text) => {
    expect(agrees(text)).toBe("general");
  });
});
