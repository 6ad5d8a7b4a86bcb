import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logisticModel, multiDimensionalModel, regressionWithStringModel } from "./onnx-fixtures.js";
import { postJson, type ServeProcess, startServe } from "./serve-process.js";

const model = logisticModel({ features: 3, weights: [1.5, -2, 0.5], bias: 0.25, classes: ["stay", "churn"] });
let dir: string;
let churn: ServeProcess;
let multi: ServeProcess;
let regression: ServeProcess;
let version: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-serve-routes-"));
  await writeFile(join(dir, "churn.onnx"), model.bytes);
  await writeFile(join(dir, "multi.onnx"), multiDimensionalModel());
  await writeFile(join(dir, "regression.onnx"), regressionWithStringModel());
  const common = ["--store", join(dir, "store"), "--max-body-bytes", "100000", "--quiet"];
  [churn, multi, regression] = await Promise.all([
    startServe(["--model-file", join(dir, "churn.onnx"), "--name", "churn", ...common]),
    startServe(["--model-file", join(dir, "multi.onnx"), "--name", "multi", ...common]),
    startServe(["--model-file", join(dir, "regression.onnx"), ...common]),
  ]);
  const metadata = (await (await fetch(`${churn.url}/v2/models/churn`)).json()) as { versions: string[] };
  version = metadata.versions[0]!;
});

afterAll(async () => {
  await Promise.all([churn?.stop(), multi?.stop(), regression?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

function tensorBody(rows: number[][], extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    inputs: model.features.map((name, k) => ({
      name,
      datatype: "FP32",
      shape: [rows.length, 1],
      data: rows.map((row) => row[k]),
    })),
  };
}

const record = (row: number[]) => Object.fromEntries(model.features.map((f, k) => [f, row[k]]));

describe("kiln serve, as a process, answers the KServe V2 routes", () => {
  it("reports the server live, ready and its metadata", async () => {
    expect(await get(`${churn.url}/v2/health/live`)).toEqual({ status: 200, body: { live: true } });
    expect(await get(`${churn.url}/v2/health/ready`)).toEqual({ status: 200, body: { ready: true } });
    expect(await get(`${churn.url}/v2`)).toEqual({
      status: 200,
      body: { name: "kiln", version: expect.any(String), extensions: [] },
    });
  });

  it("describes the model with its served version, inputs and outputs", async () => {
    const expected = {
      name: "churn",
      versions: [version],
      platform: "onnxruntime_onnx",
      inputs: model.features.map((name) => ({ name, datatype: "FP32", shape: [-1, 1] })),
      outputs: [
        { name: "label", datatype: "BYTES", shape: [-1] },
        { name: "probabilities", datatype: "FP32", shape: [-1, 2] },
      ],
    };
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(await get(`${churn.url}/v2/models/churn`)).toEqual({ status: 200, body: expected });
    expect(await get(`${churn.url}/v2/models/churn/versions/${version}`)).toEqual({
      status: 200,
      body: expected,
    });
    expect(await get(`${churn.url}/v2/models/churn/ready`)).toEqual({
      status: 200,
      body: { name: "churn", ready: true },
    });
    expect(await get(`${churn.url}/v2/models/churn/versions/${version}/ready`)).toEqual({
      status: 200,
      body: { name: "churn", ready: true },
    });
  });

  it("answers unknown models, versions, routes and verbs with 404 or 405 and a message", async () => {
    expect(await get(`${churn.url}/v2/models/iris`)).toEqual({
      status: 404,
      body: { error: "model 'iris' is not served here; served models: churn." },
    });
    expect(await get(`${churn.url}/v2/models/churn/versions/9.9.9/ready`)).toEqual({
      status: 404,
      body: {
        error: `model 'churn' version '9.9.9' is not served here; the served version is '${version}'.`,
      },
    });
    const infer404 = await postJson(`${churn.url}/v2/models/iris/infer`, tensorBody([[1, 2, 3]]));
    expect(infer404.status).toBe(404);
    expect((await get(`${churn.url}/v1/models`)).status).toBe(404);
    expect((await get(`${churn.url}/v2/models/churn/explain`)).body.error).toContain(
      "no route GET /v2/models/churn/explain",
    );
    expect(await get(`${churn.url}/v2/models/churn/infer`)).toEqual({
      status: 405,
      body: { error: "method GET is not allowed here; use POST." },
    });
  });

  it("infers V2 tensors, echoing the id, with probabilities computed from the weights", async () => {
    const rows = [
      [0.5, -0.25, 1],
      [-1, 1, 0],
      [0, 0, 0],
    ];
    const { status, body, headers } = await postJson(
      `${churn.url}/v2/models/churn/infer`,
      tensorBody(rows, { id: "abc-1" }),
    );
    expect(status).toBe(200);
    expect(headers.get("x-request-id")).toBe("abc-1");
    expect(body.model_name).toBe("churn");
    expect(body.model_version).toBe(version);
    expect(body.id).toBe("abc-1");
    const outputs = body.outputs as Array<{
      name: string;
      datatype: string;
      shape: number[];
      data: unknown[];
    }>;
    expect(outputs.map((o) => [o.name, o.datatype, o.shape])).toEqual([
      ["label", "BYTES", [3]],
      ["probabilities", "FP32", [3, 2]],
    ]);
    rows.forEach((row, r) => {
      const p = model.probability(row);
      expect(outputs[1]!.data[2 * r + 1]).toBeCloseTo(p, 6);
      expect(outputs[1]!.data[2 * r]).toBeCloseTo(1 - p, 6);
      expect(outputs[0]!.data[r]).toBe(p > 0.5 ? "churn" : "stay");
    });
  });

  it("returns only the outputs asked for", async () => {
    const { body } = await postJson(`${churn.url}/v2/models/churn/versions/${version}/infer`, {
      ...tensorBody([[1, 1, 1]]),
      outputs: [{ name: "label" }],
    });
    expect((body.outputs as Array<{ name: string }>).map((o) => o.name)).toEqual(["label"]);
  });

  it("answers the records form with a label and named class probabilities per instance", async () => {
    const rows = [
      [2, 0, 1],
      [-2, 1, -1],
    ];
    const { status, body } = await postJson(`${churn.url}/v2/models/churn/infer`, {
      instances: rows.map(record),
    });
    expect(status).toBe(200);
    expect(body.model_name).toBe("churn");
    expect(body.model_version).toBe(version);
    const predictions = body.predictions as Array<{ label: string; probabilities: Record<string, number> }>;
    expect(predictions).toHaveLength(2);
    rows.forEach((row, r) => {
      const p = model.probability(row);
      expect(predictions[r]!.label).toBe(p > 0.5 ? "churn" : "stay");
      expect(Object.keys(predictions[r]!.probabilities)).toEqual(["stay", "churn"]);
      expect(predictions[r]!.probabilities.churn).toBeCloseTo(p, 6);
    });
  });

  it("takes null as a missing FP32 feature, which this model turns into null probabilities", async () => {
    const { status, body } = await postJson(`${churn.url}/v2/models/churn/infer`, {
      instances: [{ f0: null, f1: 0, f2: 0 }],
    });
    expect(status).toBe(200);
    expect((body.predictions as Array<{ probabilities: unknown }>)[0]!.probabilities).toEqual({
      stay: null,
      churn: null,
    });
  });

  it("answers the records form of a regressor with a string feature", async () => {
    const { status, body } = await postJson(`${regression.url}/v2/models/regression/infer`, {
      instances: [
        { x: 1.5, city: "paris" },
        { x: -2, city: "rome" },
      ],
    });
    expect(status).toBe(200);
    expect(body.predictions).toEqual([{ prediction: 13 }, { prediction: -4 }]);
  });

  it("serves any ONNX model: INT64, BOOL, FP64 and INT32 tensors of several dimensions", async () => {
    const { status, body } = await postJson(`${multi.url}/v2/models/multi/infer`, {
      inputs: [
        {
          name: "image",
          datatype: "INT64",
          shape: [2, 2, 3],
          data: [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, "60"],
        },
        { name: "flag", datatype: "BOOL", shape: [2], data: [true, false] },
      ],
    });
    expect(status).toBe(200);
    expect(body.outputs).toEqual([
      { name: "total", datatype: "INT64", shape: [2], data: [21, 210] },
      {
        name: "doubled",
        datatype: "FP64",
        shape: [2, 2, 3],
        data: [2, 4, 6, 8, 10, 12, 20, 40, 60, 80, 100, 120],
      },
      { name: "flag_out", datatype: "BOOL", shape: [2], data: [false, true] },
      { name: "scaled", datatype: "INT32", shape: [2, 6], data: [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60] },
    ]);
    const records = await postJson(`${multi.url}/v2/models/multi/infer`, {
      instances: [
        {
          image: [
            [1, 1, 1],
            [1, 1, 1],
          ],
          flag: false,
        },
      ],
    });
    expect(records.body.predictions).toEqual([
      { total: 6, doubled: [2, 2, 2, 2, 2, 2], flag_out: true, scaled: [1, 1, 1, 1, 1, 1] },
    ]);
  });
});

const valid = (n: number) => tensorBody(Array.from({ length: n }, (_, i) => [i / 10, 0.5, -0.25]));

describe.each([
  ["broken JSON", '{"inputs": [', 400, "body: not valid JSON"],
  ["an empty body", "", 400, "body: empty; expected a JSON object."],
  [
    "a wrong datatype",
    { inputs: valid(1).inputs.map((i, k) => (k === 1 ? { ...i, datatype: "INT64" } : i)) },
    400,
    `inputs[1].datatype: input 'f1' expects "FP32", got "INT64".`,
  ],
  [
    "a shape that does not match the data",
    { inputs: valid(1).inputs.map((i, k) => (k === 2 ? { ...i, shape: [2, 1] } : i)) },
    400,
    "inputs[2].data: shape [2, 1] needs 2 values, got 1.",
  ],
  [
    "a missing input",
    { inputs: valid(1).inputs.slice(1) },
    400,
    "inputs: missing input 'f0' (FP32, shape [-1, 1]).",
  ],
  [
    "an extra input",
    { inputs: [...valid(1).inputs, { name: "f9", datatype: "FP32", shape: [1, 1], data: [1] }] },
    400,
    "inputs[3].name: the model has no input 'f9'; its inputs are: f0, f1, f2.",
  ],
  [
    "a missing record field",
    { instances: [{ f0: 1, f1: 2 }] },
    400,
    "instances[0]: missing field 'f2' (a number or null (missing)).",
  ],
  [
    "an extra record field",
    { instances: [{ f0: 1, f1: 2, f2: 3, f3: 4 }] },
    400,
    "instances[0]: unknown field 'f3'; the model's inputs are: f0, f1, f2.",
  ],
  [
    "NaN where JSON cannot carry it",
    { instances: [{ f0: "NaN", f1: 2, f2: 3 }] },
    400,
    'instances[0].f0: expected a number or null (missing), got "NaN".',
  ],
  [
    "a body above --max-body-bytes",
    { instances: Array.from({ length: 5000 }, () => ({ f0: 0.123456, f1: 0.123456, f2: 0.123456 })) },
    413,
    "is more than this server accepts (100000 bytes)",
  ],
] as const)("a request with %s", (_what, body, status, message) => {
  it(`gets ${status} with an error saying what was expected`, async () => {
    const answer = await postJson(`${churn.url}/v2/models/churn/infer`, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toContain(message);
  });
});

describe("malformed requests sent alongside valid ones", () => {
  it("do not disturb the valid ones, which all get their own correct answers", async () => {
    const malformed: unknown[] = [
      '{"inputs": [',
      { instances: [{ f0: "x", f1: 0, f2: 0 }] },
      { inputs: valid(2).inputs.slice(1) },
      { inputs: valid(1).inputs.map((i) => ({ ...i, data: [null] })), outputs: [{ name: "nope" }] },
      { instances: [] },
    ];
    const jobs: Array<Promise<void>> = [];
    for (let k = 0; k < 200; k++) {
      if (k % 2 === 0) {
        const row = [k / 100, -k / 200, (k % 7) / 7];
        jobs.push(
          postJson(`${churn.url}/v2/models/churn/infer`, { id: `ok-${k}`, instances: [record(row)] }).then(
            (answer) => {
              expect(answer.status).toBe(200);
              expect(answer.body.id).toBe(`ok-${k}`);
              const prediction = (
                answer.body.predictions as Array<{ probabilities: Record<string, number> }>
              )[0]!;
              expect(prediction.probabilities.churn).toBeCloseTo(model.probability(row), 6);
            },
          ),
        );
      } else {
        jobs.push(
          postJson(`${churn.url}/v2/models/churn/infer`, malformed[k % malformed.length]).then((answer) => {
            expect(answer.status).toBe(400);
          }),
        );
      }
    }
    await Promise.all(jobs);
    expect(await get(`${churn.url}/v2/health/live`)).toEqual({ status: 200, body: { live: true } });
  });
});

describe("/metrics", () => {
  it("exposes request counts and latencies by model, version and status, batch sizes, queue depth and process metrics", async () => {
    await postJson(`${churn.url}/v2/models/churn/infer`, valid(3));
    const response = await fetch(`${churn.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const count = (status: number) =>
      Number(
        new RegExp(
          `kiln_requests_total\\{model="churn",version="${version}",status="${status}"\\} (\\d+)`,
        ).exec(text)?.[1],
      );
    expect(count(200)).toBeGreaterThanOrEqual(100);
    expect(count(400)).toBeGreaterThanOrEqual(100);
    expect(text).toContain(
      `kiln_request_duration_seconds_count{model="churn",version="${version}",status="200"}`,
    );
    expect(text).toMatch(/kiln_requests_total\{model="_server",version="",status="404"\} \d+/);
    expect(text).toMatch(
      new RegExp(`kiln_batch_rows_bucket\\{le="4",model="churn",version="${version}"\\} \\d+`),
    );
    expect(text).toMatch(new RegExp(`kiln_queue_rows\\{model="churn",version="${version}"\\} 0`));
    expect(text).toMatch(
      new RegExp(`kiln_model_info\\{model="churn",version="${version}",sha256="[0-9a-f]{64}"\\} 1`),
    );
    expect(text).toContain("kiln_prediction_log_failures_total 0");
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
