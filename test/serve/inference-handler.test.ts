import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../runtime/logger.js";
import { createInferenceHandler } from "../../runtime/serve/inference-server.js";
import { loadModel } from "../../runtime/serve/loaded-model.js";
import { createServeMetrics } from "../../runtime/serve/serve-metrics.js";
import { ServedModel } from "../../runtime/serve/served-model.js";
import { logisticModel } from "./onnx-fixtures.js";

let server: Server;
let url: string;
let ready = true;
const metrics = createServeMetrics({ processMetrics: false });

beforeAll(async () => {
  const model = await loadModel(logisticModel({ features: 2 }).bytes, {
    name: "churn",
    version: "1.0.0",
    sha256: "ab",
  });
  const handler = createInferenceHandler({
    models: new Map([
      ["churn", new ServedModel(model, { maxBatchSize: 8, maxLatencyMs: 0, maxConcurrentRuns: 1 }, metrics)],
    ]),
    metrics,
    predictionLog: undefined,
    logger: silentLogger,
    isReady: () => ready,
    maxBodyBytes: 1000,
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the inference handler", () => {
  it("reports not ready (503) while shutting down, and counts it so", async () => {
    ready = false;
    const server503 = await fetch(`${url}/v2/health/ready`);
    expect(server503.status).toBe(503);
    expect(await server503.json()).toEqual({ ready: false });
    expect(await (await fetch(`${url}/v2/models/churn/ready`)).json()).toEqual({
      name: "churn",
      ready: false,
    });
    ready = true;
    expect((await fetch(`${url}/v2/health/ready`)).status).toBe(200);
    const text = (await metrics.render()).body;
    expect(text).toMatch(/kiln_requests_total\{model="_server",version="",status="503"\} 1/);
  });

  it("answers repeated requests of one layout (read by the learned template) as it answered them first, errors included", async () => {
    // f0 and f1 of the 2-feature model; the first request of a layout teaches the server a template.
    const body = (f0: string, f1: string, id = "req") =>
      `{"id":"${id}","inputs":[{"name":"f0","datatype":"FP32","shape":[1,1],"data":[${f0}]},{"name":"f1","datatype":"FP32","shape":[1,1],"data":[${f1}]}]}`;
    const infer = async (text: string) => {
      const response = await fetch(`${url}/v2/models/churn/infer`, { method: "POST", body: text });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const cases: Array<[string, string, string]> = [
      ["0.5", "-1.25", "a"],
      ["1e3", "0", "b"],
      ["-0", "123456789.123456789", "c"],
      ["null", "1", "missing"],
      ['"x"', "1", "wrong type"],
      ["1.", "1", "broken number"],
      ["01", "1", "leading zero"],
      ["1", "1", 'quote\\"d'],
    ];
    const first = await Promise.all(cases.map(([f0, f1, id]) => infer(body(f0, f1, id))));
    const again = await Promise.all(cases.map(([f0, f1, id]) => infer(body(f0, f1, id))));
    expect(again).toEqual(first);
    expect(first.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 400, 400, 400, 200]);
    expect(first[4]!.body.error).toMatch(/inputs\[0\]\.data\[0\]: expected a number or null/);
    expect(first[5]!.body.error).toMatch(/^body: not valid JSON/);
    expect(first[0]!.body.id).toBe("a");
    expect(first[7]!.body.id).toBe('quote"d');
  });

  it("keeps answering after a client hangs up in the middle of a body", async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1", () => {
        socket.write(
          'POST /v2/models/churn/infer HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"instances": [',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on("error", reject);
    });
    const answer = await fetch(`${url}/v2/models/churn/infer`, {
      method: "POST",
      body: JSON.stringify({ instances: [{ f0: 1, f1: 2 }] }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-\d+$/);
  });

  it("echoes a V2 id that cannot be a header value in the body, and names the request with its own id", async () => {
    const id = "order 7\nline 2 — 注文";
    const answer = await fetch(`${url}/v2/models/churn/infer`, {
      method: "POST",
      body: JSON.stringify({
        id,
        inputs: [
          { name: "f0", datatype: "FP32", shape: [1, 1], data: [1] },
          { name: "f1", datatype: "FP32", shape: [1, 1], data: [2] },
        ],
      }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { id: string }).id).toBe(id);
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-\d+$/);
    const plain = await fetch(`${url}/v2/models/churn/infer`, {
      method: "POST",
      body: JSON.stringify({ id: "order-8", instances: [{ f0: 1, f1: 2 }] }),
    });
    expect(plain.headers.get("x-request-id")).toBe("order-8");
  });

  it("answers a body over the limit with 413 before reading it, and closes the connection", async () => {
    const answer = await fetch(`${url}/v2/models/churn/infer`, {
      method: "POST",
      body: JSON.stringify({ instances: Array.from({ length: 100 }, () => ({ f0: 1, f1: 2 })) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("connection")).toBe("close");
    expect(((await answer.json()) as { error: string }).error).toContain(
      "more than this server accepts (1000 bytes)",
    );
  });
});
