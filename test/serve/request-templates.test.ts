import { describe, expect, it } from "vitest";
import { type InferCall, readInferRequest } from "../../runtime/serve/infer-request.js";
import { parseJsonBody } from "../../runtime/serve/read-json-body.js";
import { learnTemplate, maxTemplates, RequestTemplates } from "../../runtime/serve/request-templates.js";
import type { ModelSignature } from "../../runtime/train/model-signature.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";

const features: ModelSignature = {
  inputs: Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, datatype: "FP32" as const, shape: [-1, 1] })),
  outputs: [{ name: "probabilities", datatype: "FP32", shape: [-1, 2] }],
  metadata: {},
};

const mixed: ModelSignature = {
  inputs: [
    { name: "count", datatype: "INT64", shape: [-1, 1] },
    { name: "small", datatype: "INT8", shape: [-1] },
    { name: "pair", datatype: "FP64", shape: [-1, 2] },
    { name: "half", datatype: "FP16", shape: [-1, 1] },
    { name: "level", datatype: "UINT32", shape: [-1, 1] },
  ],
  outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
  metadata: {},
};

/** What the ordinary path makes of a body: the call, or the message of its 400. */
function ordinary(body: Buffer, signature: ModelSignature): InferCall | string {
  try {
    return readInferRequest(parseJsonBody(body), signature);
  } catch (error: unknown) {
    return (error as Error).message;
  }
}

/** A call as plain data, elements compared with Object.is semantics (NaN, -0) by toEqual on strings. */
function plain(call: InferCall): unknown {
  return {
    form: call.form,
    id: call.id,
    rows: call.rows,
    outputNames: call.outputNames,
    inputs: call.inputs.map((input) => ({
      name: input.name,
      datatype: input.datatype,
      shape: [...input.shape],
      kind: input.data.constructor.name,
      data: Array.from(input.data as ArrayLike<unknown>, (v) => (Object.is(v, -0) ? "-0" : String(v))),
    })),
  };
}

function learned(text: string, signature: ModelSignature): RequestTemplates {
  const body = Buffer.from(text);
  const call = ordinary(body, signature);
  if (typeof call === "string") throw new Error(call);
  const templates = new RequestTemplates();
  templates.learn(body, call);
  return templates;
}

function featureBody(values: string[], extra = ""): string {
  const inputs = values.map((v, i) => `{"name":"f${i}","datatype":"FP32","shape":[1,1],"data":[${v}]}`);
  return `{${extra}"inputs":[${inputs.join(",")}]}`;
}

/** JSON number texts of every kind the grammar allows, and some it does not. */
function numberText(random: () => number): string {
  const pick = Math.floor(random() * 12);
  const sign = random() < 0.5 ? "-" : "";
  switch (pick) {
    case 0:
      return `${sign}0`;
    case 1:
      return `${sign}${Math.floor(random() * 1e6)}`;
    case 2:
      return `${sign}${(random() * 100).toFixed(Math.floor(random() * 8) + 1)}`;
    case 3:
      return `${sign}${random()}`; // up to 17 significant digits
    case 4:
      return `${sign}${(random() * 10).toFixed(3)}e${random() < 0.5 ? "-" : "+"}${Math.floor(random() * 40)}`;
    case 5:
      return `${sign}1E${Math.floor(random() * 400)}`; // overflows to Infinity beyond 308
    case 6:
      return `${sign}0.${"0".repeat(Math.floor(random() * 20))}${Math.floor(random() * 1e9)}`;
    case 7:
      return `${sign}${"9".repeat(Math.floor(random() * 25) + 1)}`;
    case 8:
      return ["01", "+1", ".5", "1.", "1e", "--1", "1.5.3", "0x10", "NaN", "Infinity"][
        Math.floor(random() * 10)
      ]!;
    case 9:
      return ["null", "true", '"3"', "[1]", "{}"][Math.floor(random() * 5)]!;
    case 10:
      return `${sign}${Math.floor(random() * 300)}`; // INT8 range edges
    default:
      return `${sign}${Math.floor(random() * 2 ** 64)}`; // beyond 2^53
  }
}

/** The text of element `j` of input `k` that a template-read call points at. */
function textAt(call: InferCall, k: number, j: number): string {
  const { body, bounds, holeOf } = call.elementText!;
  const h = holeOf[k]![j]!;
  return Buffer.from(body).toString("latin1", bounds[2 * h], bounds[2 * h + 1]);
}

describe("request templates", () => {
  it("read a body of a learned layout exactly as JSON.parse and validation do, for every kind of number", () => {
    const random = seededRandom(7);
    const templates = learned(featureBody(["1", "2", "3", "4", "5"]), features);
    let matched = 0;
    let rejected = 0;
    for (let n = 0; n < 5000; n++) {
      const body = Buffer.from(featureBody(Array.from({ length: 5 }, () => numberText(random))));
      const expected = ordinary(body, features);
      const fast = templates.match(body);
      if (typeof expected === "string") {
        expect(fast, body.toString()).toBeUndefined();
        rejected++;
      } else if (fast !== undefined) {
        expect(plain(fast), body.toString()).toEqual(plain(expected));
        matched++;
      }
    }
    // Most bodies are valid and matched; the invalid ones were left to the ordinary path.
    expect(matched).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });

  it("check each element against its datatype as validation does (integers, ranges, 64-bit, half floats)", () => {
    const random = seededRandom(11);
    const layout = (v: string[]) =>
      `{"inputs": [
        {"name": "count", "datatype": "INT64", "shape": [2, 1], "data": [${v[0]}, ${v[1]}]},
        {"name": "small", "datatype": "INT8", "shape": [2], "data": [${v[2]}, ${v[3]}]},
        {"name": "pair", "datatype": "FP64", "shape": [2, 2], "data": [[${v[4]}, ${v[5]}], [${v[6]}, ${v[7]}]]},
        {"name": "half", "datatype": "FP16", "shape": [2, 1], "data": [${v[8]}, ${v[9]}]},
        {"name": "level", "datatype": "UINT32", "shape": [2, 1], "data": [${v[10]}, ${v[11]}]}
      ]}`;
    const templates = learned(layout(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]), mixed);
    expect(templates.size).toBe(1);
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      // Mostly small integers, valid for every input, so that whole bodies are often valid.
      const value = () => (random() < 0.85 ? String(Math.floor(random() * 200) - 100) : numberText(random));
      const body = Buffer.from(layout(Array.from({ length: 12 }, value)));
      const expected = ordinary(body, mixed);
      const fast = templates.match(body);
      if (typeof expected === "string") expect(fast, body.toString()).toBeUndefined();
      else if (fast !== undefined) {
        expect(plain(fast), body.toString()).toEqual(plain(expected));
        matched++;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  it("never accept a damaged body that the ordinary path would read differently or reject", () => {
    const random = seededRandom(3);
    const text = featureBody(
      ["0.5", "-1", "2e3", "3", "4"],
      `"id":"req-1","outputs":[{"name":"probabilities"}],`,
    );
    const templates = learned(text, features);
    const original = Buffer.from(text);
    const alphabet = Buffer.from('0123456789-+.eE,:[]{}" \\nulltrue"f1"x');
    let accepted = 0;
    for (let n = 0; n < 20000; n++) {
      const body = Buffer.from(original);
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++)
        body[Math.floor(random() * body.length)] = alphabet[Math.floor(random() * alphabet.length)]!;
      const fast = templates.match(body);
      if (fast === undefined) continue;
      accepted++;
      const expected = ordinary(body, features);
      expect(typeof expected, body.toString()).not.toBe("string");
      expect(plain(fast), body.toString()).toEqual(plain(expected as InferCall));
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it("take a new id in each request, and leave escaped ids to the ordinary path", () => {
    const templates = learned(featureBody(["1", "2", "3", "4", "5"], `"id":"first",`), features);
    const call = templates.match(Buffer.from(featureBody(["1", "2", "3", "4", "6"], `"id":"второй 🚀",`)));
    expect(call?.id).toBe("второй 🚀");
    expect(call?.inputs[4]?.data[0]).toBe(6);
    expect(templates.match(Buffer.from(featureBody(["1", "2", "3", "4", "5"], `"id":"",`)))?.id).toBe("");
    expect(
      templates.match(Buffer.from(featureBody(["1", "2", "3", "4", "5"], `"id":"a\\"b",`))),
    ).toBeUndefined();
    expect(templates.match(Buffer.from(featureBody(["1", "2", "3", "4", "5"], `"id":7,`)))).toBeUndefined();
    expect(templates.match(Buffer.from(featureBody(["1", "2", "3", "4", "5"])))).toBeUndefined();
  });

  it("give each element's text as the client wrote it, for the prediction log", () => {
    const templates = learned(featureBody(["1", "2", "3", "4", "5"]), features);
    const call = templates.match(Buffer.from(featureBody(["1.50", "-0", "2E-3", "0.1000", "7"])));
    expect(call?.elementText).toBeDefined();
    expect([0, 1, 2, 3, 4].map((k) => textAt(call!, k, 0))).toEqual(["1.50", "-0", "2E-3", "0.1000", "7"]);
    const nested = `{"inputs":[{"name":"pair","datatype":"FP64","shape":[2,2],"data":[[1,2],[3,4]]}]}`;
    const pairs: ModelSignature = {
      inputs: [{ name: "pair", datatype: "FP64", shape: [-1, 2] }],
      outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
      metadata: {},
    };
    const read = learned(nested, pairs).match(
      Buffer.from(nested.replace("[[1,2],[3,4]]", "[[1.5,2.5],[3.5,4.5]]")),
    );
    expect([0, 1, 2, 3].map((j) => textAt(read!, 0, j))).toEqual(["1.5", "2.5", "3.5", "4.5"]);
  });

  it("keep everything but data and id fixed: names, shapes, datatypes, outputs and whitespace", () => {
    const templates = learned(featureBody(["1", "2", "3", "4", "5"]), features);
    const same = featureBody(["1", "2", "3", "4", "5"]);
    expect(templates.match(Buffer.from(same))).toBeDefined();
    for (const other of [
      same.replace('"f0"', '"f9"'),
      same.replace('"shape":[1,1]', '"shape":[1, 1]'),
      same.replace('"shape":[1,1]', '"shape":[2,1]'),
      same.replace('"FP32"', '"FP64"'),
      same.replace("{", "{ "),
      `${same}\n`,
      same.slice(0, -1),
      same.replace('"data":[1]', '"data":[1,2]'),
      same.replace('"data":[1]', '"data":1'),
    ]) {
      expect(templates.match(Buffer.from(other)), other).toBeUndefined();
    }
  });

  it("learn only the tensor form with numeric inputs, within the size bound", () => {
    const records = Buffer.from(JSON.stringify({ instances: [{ f0: 1, f1: 2, f2: 3, f3: 4, f4: 5 }] }));
    expect(learnTemplate(records, ordinary(records, features) as InferCall)).toBeUndefined();
    const withText: ModelSignature = {
      inputs: [{ name: "city", datatype: "BYTES", shape: [-1, 1] }],
      outputs: [{ name: "y", datatype: "FP32", shape: [-1, 1] }],
      metadata: {},
    };
    const text = Buffer.from(
      '{"inputs":[{"name":"city","datatype":"BYTES","shape":[1,1],"data":["paris"]}]}',
    );
    expect(learnTemplate(text, ordinary(text, withText) as InferCall)).toBeUndefined();
    const rows = 5000;
    const big = Buffer.from(
      JSON.stringify({
        inputs: features.inputs.map((s) => ({
          name: s.name,
          datatype: "FP32",
          shape: [rows, 1],
          data: Array(rows).fill(1.5),
        })),
      }),
    );
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect(learnTemplate(big, ordinary(big, features) as InferCall)).toBeUndefined();
  });

  it("remember the most recent layouts, and try learning less often while bodies never repeat one", () => {
    const templates = new RequestTemplates();
    const offer = (text: string) => {
      const body = Buffer.from(text);
      if (templates.match(body) !== undefined) return true;
      templates.learn(body, ordinary(body, features) as InferCall);
      return false;
    };
    // Layouts that differ by whitespace after the n-th comma never repeat.
    const layout = (n: number) => featureBody(["1", "2", "3", "4", "5"]).replace("[{", `[${" ".repeat(n)}{`);
    for (let n = 0; n < 6; n++) expect(offer(layout(n))).toBe(false);
    // Misses 1, 2 and 4 were learned (powers of two); at most `maxTemplates` are kept.
    expect(templates.size).toBe(3);
    expect(offer(layout(0))).toBe(true);
    expect(offer(layout(3))).toBe(true);
    expect(offer(layout(2))).toBe(false);
    for (let n = 10; n < 10 + 2 * maxTemplates; n++) {
      offer(layout(n));
      offer(layout(n));
    }
    expect(templates.size).toBe(maxTemplates);
  });
});
