import { describe, expect, it } from "vitest";
import { RequestError } from "../../runtime/errors.js";
import { hasBatchDimension, readInferRequest } from "../../runtime/serve/infer-request.js";
import type { ModelSignature } from "../../runtime/train/model-signature.js";

const tabular: ModelSignature = {
  inputs: [
    { name: "age", datatype: "FP32", shape: [-1, 1] },
    { name: "city", datatype: "BYTES", shape: [-1, 1] },
  ],
  outputs: [{ name: "prediction", datatype: "FP32", shape: [-1, 1] }],
  metadata: {},
};

const tensorModel: ModelSignature = {
  inputs: [
    { name: "image", datatype: "INT64", shape: [-1, 2, 3] },
    { name: "flag", datatype: "BOOL", shape: [-1] },
    { name: "small", datatype: "INT8", shape: [-1] },
  ],
  outputs: [{ name: "total", datatype: "INT64", shape: [-1] }],
  metadata: {},
};

const fixed: ModelSignature = {
  inputs: [{ name: "x", datatype: "FP32", shape: [1, 3] }],
  outputs: [{ name: "y", datatype: "FP32", shape: [1, 3] }],
  metadata: {},
};

const half: ModelSignature = {
  inputs: [{ name: "h", datatype: "FP16", shape: [-1, 1] }],
  outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
  metadata: {},
};

const age = (data: unknown, shape: unknown = [1, 1]) => ({ name: "age", datatype: "FP32", shape, data });
const city = (data: unknown, shape: unknown = [1, 1]) => ({ name: "city", datatype: "BYTES", shape, data });
const goodTensors = (n = 1) => ({
  age: age(Array(n).fill(30), [n, 1]),
  city: city(Array(n).fill("paris"), [n, 1]),
});

function rejection(body: unknown, signature: ModelSignature): RequestError {
  try {
    readInferRequest(body, signature);
  } catch (error: unknown) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("the request was accepted");
}

describe.each([
  ["a body that is not an object", [1, 2], tabular, "body", 'body: expected a JSON object with "inputs"'],
  ["a body without inputs", { id: "a" }, tabular, "inputs", "inputs: expected a non-empty array"],
  ["an empty inputs array", { inputs: [] }, tabular, "inputs", "inputs: expected a non-empty array"],
  ["an input that is not an object", { inputs: [3] }, tabular, "inputs[0]", "inputs[0]: expected an object"],
  [
    "an input without a name",
    { inputs: [{ datatype: "FP32" }] },
    tabular,
    "inputs[0].name",
    "expected a string",
  ],
  [
    "an extra input the model does not have",
    {
      inputs: [
        goodTensors().age,
        goodTensors().city,
        { name: "zip", datatype: "FP32", shape: [1, 1], data: [1] },
      ],
    },
    tabular,
    "inputs[2].name",
    "inputs[2].name: the model has no input 'zip'; its inputs are: age, city.",
  ],
  [
    "an input given twice",
    { inputs: [goodTensors().age, goodTensors().age] },
    tabular,
    "inputs[1].name",
    "input 'age' is given twice",
  ],
  [
    "a wrong datatype",
    { inputs: [{ ...goodTensors().age, datatype: "FP64" }, goodTensors().city] },
    tabular,
    "inputs[0].datatype",
    `inputs[0].datatype: input 'age' expects "FP32", got "FP64".`,
  ],
  [
    "a shape that is not an array",
    { inputs: [age([1], "1x1"), goodTensors().city] },
    tabular,
    "inputs[0].shape",
    'expected an array of non-negative integers like [1, 1], got "1x1"',
  ],
  [
    "a negative dimension",
    { inputs: [age([1], [-1, 1]), goodTensors().city] },
    tabular,
    "inputs[0].shape",
    "expected an array of non-negative integers",
  ],
  [
    "a shape of the wrong rank",
    { inputs: [age([1], [1]), goodTensors().city] },
    tabular,
    "inputs[0].shape",
    "inputs[0].shape: input 'age' expects shape [-1, 1] (-1: any size), got [1].",
  ],
  [
    "a fixed dimension of the wrong size",
    { inputs: [age([1, 2], [1, 2]), goodTensors().city] },
    tabular,
    "inputs[0].shape",
    "expects shape [-1, 1] (-1: any size), got [1, 2]",
  ],
  [
    "data longer than the shape",
    { inputs: [age([1, 2, 3], [2, 1]), city(["a", "b"], [2, 1])] },
    tabular,
    "inputs[0].data",
    "inputs[0].data: shape [2, 1] needs 2 values, got 3.",
  ],
  [
    "data missing",
    { inputs: [{ name: "age", datatype: "FP32", shape: [1, 1] }, goodTensors().city] },
    tabular,
    "inputs[0].data",
    "inputs[0].data: missing; expected 1 FP32 values.",
  ],
  [
    "a string where a number is expected",
    { inputs: [age(["30"]), goodTensors().city] },
    tabular,
    "inputs[0].data[0]",
    'inputs[0].data[0]: expected a number or null (missing), got "30".',
  ],
  [
    "a NaN spelled as a string",
    { inputs: [age(["NaN"]), goodTensors().city] },
    tabular,
    "inputs[0].data[0]",
    'expected a number or null (missing), got "NaN"',
  ],
  [
    "a number where a string is expected",
    { inputs: [goodTensors().age, city([7])] },
    tabular,
    "inputs[1].data[0]",
    "inputs[1].data[0]: expected a string, got 7.",
  ],
  [
    "null (missing) in a string input",
    { inputs: [goodTensors().age, city([null])] },
    tabular,
    "inputs[1].data[0]",
    "expected a string, got null",
  ],
  [
    "a missing input",
    { inputs: [goodTensors().age] },
    tabular,
    "inputs",
    "inputs: missing input 'city' (BYTES, shape [-1, 1]).",
  ],
  [
    "inputs that disagree on the batch size",
    { inputs: [age([1, 2], [2, 1]), city(["a"], [1, 1])] },
    tabular,
    "inputs",
    "all inputs must have the same batch size (dim 0); 'age' has 2, 'city' has 1",
  ],
  [
    "an unknown requested output",
    { inputs: [goodTensors().age, goodTensors().city], outputs: [{ name: "proba" }] },
    tabular,
    "outputs[0].name",
    'outputs[0].name: expected one of the model\'s outputs (prediction), got "proba".',
  ],
  [
    "an id that is not a string",
    { id: 5, inputs: [goodTensors().age, goodTensors().city] },
    tabular,
    "id",
    "id: expected a string, got 5.",
  ],
  [
    "both forms at once",
    { inputs: [goodTensors().age], instances: [{ age: 1 }] },
    tabular,
    "body",
    'give either "inputs" (V2 tensors) or "instances" (records), not both',
  ],
  [
    "nested data that does not follow the shape",
    {
      inputs: [
        {
          name: "image",
          datatype: "INT64",
          shape: [1, 2, 3],
          data: [
            [
              [1, 2],
              [3, 4, 5, 6],
            ],
          ],
        },
        { name: "flag", datatype: "BOOL", shape: [1], data: [true] },
        { name: "small", datatype: "INT8", shape: [1], data: [1] },
      ],
    },
    tensorModel,
    "inputs[0].data[0][0]",
    "inputs[0].data[0][0]: expected 6 values (flat) or nested arrays matching shape [1, 2, 3]; found 2 at depth 2.",
  ],
  [
    "a fractional INT64",
    {
      inputs: [
        { name: "image", datatype: "INT64", shape: [1, 2, 3], data: [1, 2, 3, 4, 5, 6.5] },
        { name: "flag", datatype: "BOOL", shape: [1], data: [true] },
        { name: "small", datatype: "INT8", shape: [1], data: [1] },
      ],
    },
    tensorModel,
    "inputs[0].data[5]",
    "expected an integer from -9223372036854775808 to 9223372036854775807 (a number, or a decimal string), got 6.5",
  ],
  [
    "null where an integer is expected",
    {
      inputs: [
        { name: "image", datatype: "INT64", shape: [1, 2, 3], data: [1, 2, 3, 4, 5, null] },
        { name: "flag", datatype: "BOOL", shape: [1], data: [true] },
        { name: "small", datatype: "INT8", shape: [1], data: [1] },
      ],
    },
    tensorModel,
    "inputs[0].data[5]",
    "got null",
  ],
  [
    "an INT8 out of range",
    {
      inputs: [
        { name: "image", datatype: "INT64", shape: [1, 2, 3], data: [1, 2, 3, 4, 5, 6] },
        { name: "flag", datatype: "BOOL", shape: [1], data: [true] },
        { name: "small", datatype: "INT8", shape: [1], data: [128] },
      ],
    },
    tensorModel,
    "inputs[2].data[0]",
    "inputs[2].data[0]: expected an integer from -128 to 127, got 128.",
  ],
  [
    "a number where a boolean is expected",
    {
      inputs: [
        { name: "image", datatype: "INT64", shape: [1, 2, 3], data: [1, 2, 3, 4, 5, 6] },
        { name: "flag", datatype: "BOOL", shape: [1], data: [1] },
        { name: "small", datatype: "INT8", shape: [1], data: [1] },
      ],
    },
    tensorModel,
    "inputs[1].data[0]",
    "inputs[1].data[0]: expected true or false, got 1.",
  ],
  [
    "a string in an FP16 input",
    { inputs: [{ name: "h", datatype: "FP16", shape: [1, 1], data: ["0.5"] }] },
    half,
    "inputs[0].data[0]",
    'inputs[0].data[0]: expected a number or null (missing), got "0.5".',
  ],
  [
    "records that are not an array",
    { instances: { age: 1 } },
    tabular,
    "instances",
    "instances: expected a non-empty array",
  ],
  [
    "an instance that is not an object",
    { instances: [[30, "paris"]] },
    tabular,
    "instances[0]",
    "instances[0]: expected an object",
  ],
  [
    "an instance missing a field",
    { instances: [{ age: 30, city: "paris" }, { age: 31 }] },
    tabular,
    "instances[1].city",
    "instances[1]: missing field 'city' (a string).",
  ],
  [
    "an instance with an extra field",
    { instances: [{ age: 30, city: "paris", zip: "75001" }] },
    tabular,
    "instances[0].zip",
    "instances[0]: unknown field 'zip'; the model's inputs are: age, city.",
  ],
  [
    "an instance with a wrongly typed field",
    { instances: [{ age: true, city: "paris" }] },
    tabular,
    "instances[0].age",
    "instances[0].age: expected a number or null (missing), got true.",
  ],
  [
    "an instance with too few elements for a multi-dimensional input",
    { instances: [{ image: [1, 2, 3], flag: true, small: 1 }] },
    tensorModel,
    "instances[0].image",
    "instances[0].image: expected 6 value(s) per instance (row shape [2, 3]), got 3.",
  ],
  [
    "records for a model with a fixed batch of one, given two rows",
    { instances: [{ x: [1, 2, 3] }, { x: [1, 2, 3] }] },
    fixed,
    "instances",
    "input 'x' has shape [1, 3], which the records form cannot fill with 2 instance(s)",
  ],
] as const)("a request with %s", (_what, body, signature, field, message) => {
  it("is rejected with 400, naming the field and what was expected", () => {
    const error = rejection(body, signature);
    expect(error.status).toBe(400);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });
});

describe("valid requests", () => {
  it("read flat tensor data into typed arrays, with null as a missing FP32 value", () => {
    const call = readInferRequest(
      { id: "r1", inputs: [city(["a", "b"], [2, 1]), age([30, null], [2, 1])] },
      tabular,
    );
    expect(call.id).toBe("r1");
    expect(call.rows).toBe(2);
    expect(call.inputs.map((i) => i.name)).toEqual(["age", "city"]);
    const ages = call.inputs[0]!.data as Float32Array;
    expect(ages).toBeInstanceOf(Float32Array);
    expect(ages[0]).toBe(30);
    expect(Number.isNaN(ages[1])).toBe(true);
    expect(call.inputs[1]!.data).toEqual(["a", "b"]);
  });

  it("read nested data row-major, INT64 beyond 2^53 from decimal strings, and booleans", () => {
    const call = readInferRequest(
      {
        inputs: [
          {
            name: "image",
            datatype: "INT64",
            shape: [2, 2, 3],
            data: [
              [
                [1, 2, 3],
                [4, 5, 6],
              ],
              [
                [7, 8, 9],
                ["9007199254740993", -1, 0],
              ],
            ],
          },
          { name: "flag", datatype: "BOOL", shape: [2], data: [true, false] },
          { name: "small", datatype: "INT8", shape: [2], data: [-128, 127] },
        ],
      },
      tensorModel,
    );
    expect(call.rows).toBe(2);
    expect([...(call.inputs[0]!.data as BigInt64Array)]).toEqual([
      1n,
      2n,
      3n,
      4n,
      5n,
      6n,
      7n,
      8n,
      9n,
      9007199254740993n,
      -1n,
      0n,
    ]);
    expect([...(call.inputs[1]!.data as Uint8Array)]).toEqual([1, 0]);
    expect([...(call.inputs[2]!.data as Int8Array)]).toEqual([-128, 127]);
  });

  it("read records into one column per input, accepting a scalar or a one-element array", () => {
    const call = readInferRequest(
      {
        instances: [
          { city: "paris", age: 30 },
          { age: [null], city: ["rome"] },
        ],
      },
      tabular,
    );
    expect(call.form).toBe("records");
    expect(call.rows).toBe(2);
    expect(call.inputs[0]!.shape).toEqual([2, 1]);
    expect(call.inputs[1]!.data).toEqual(["paris", "rome"]);
    expect(Number.isNaN((call.inputs[0]!.data as Float32Array)[1])).toBe(true);
  });

  it("read records with nested values for a multi-dimensional input", () => {
    const call = readInferRequest(
      {
        instances: [
          {
            image: [
              [1, 2, 3],
              [4, 5, 6],
            ],
            flag: false,
            small: 3,
          },
        ],
      },
      tensorModel,
    );
    expect(call.inputs[0]!.shape).toEqual([1, 2, 3]);
    expect([...(call.inputs[0]!.data as BigInt64Array)]).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
  });

  it("accept the model's fixed shape for a model without a batch dimension", () => {
    const call = readInferRequest(
      { inputs: [{ name: "x", datatype: "FP32", shape: [1, 3], data: [1, 2, 3] }] },
      fixed,
    );
    expect(call.rows).toBe(1);
    expect(hasBatchDimension(fixed)).toBe(false);
    expect(hasBatchDimension(tabular)).toBe(true);
  });
});
