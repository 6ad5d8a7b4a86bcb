/**
 * The HTTP face of the inference server: KServe V2 / Open Inference Protocol REST routes, the
 * records form, and Prometheus `/metrics`, on `node:http`.
 *
 * | verb | path | answer |
 * |---|---|---|
 * | GET | /v2/health/live | `{"live": true}` |
 * | GET | /v2/health/ready | `{"ready": true}`; 503 `{"ready": false}` while loading or shutting down |
 * | GET | /v2 | `{"name": "kiln", "version", "extensions": []}` |
 * | GET | /v2/models/{name}[/versions/{v}] | `{"name", "versions", "platform", "inputs", "outputs"}` |
 * | GET | /v2/models/{name}[/versions/{v}]/ready | `{"name", "ready"}` |
 * | POST | /v2/models/{name}[/versions/{v}]/infer | V2 tensors or records, see infer-request.ts |
 * | GET | /metrics | Prometheus text |
 *
 * Every error is `{"error": "…"}` with 400 (malformed request), 404 (unknown model, version or
 * route), 405 (wrong verb), 413 (body too large), 500 (onnxruntime failed on the request) or 503
 * (shutting down). Every answer carries `x-request-id`.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { errorMessage, ModelError, RequestError } from "../errors.js";
import type { Logger } from "../logger.js";
import { kilnVersion } from "../version.js";
import { recordsResponse, tensorResponse } from "./infer-response.js";
import type { PredictionLog } from "./prediction-log.js";
import { readBody } from "./read-json-body.js";
import type { ServeMetrics } from "./serve-metrics.js";
import type { ServedModel, ServedVersion } from "./served-model.js";

export interface InferenceHandlerOptions {
  /** The models served, by name. */
  models: ReadonlyMap<string, ServedModel>;
  metrics: ServeMetrics;
  /** Where predictions are logged; undefined turns logging off. */
  predictionLog: PredictionLog | undefined;
  logger: Logger;
  /** Largest request body accepted, bytes (default 8 MiB). */
  maxBodyBytes?: number;
  /** Whether the server should report ready (false while shutting down). */
  isReady?: () => boolean;
  now?: () => number;
}

/** Label used in metrics for requests that do not reach a known model. */
export const serverMetricsLabel = "_server";

/** What Node accepts in a header value (and a sane length): other ids stay in the body only. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]{1,200}$/;

export function createInferenceHandler(options: InferenceHandlerOptions): RequestListener {
  const { models, metrics, predictionLog, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const isReady = options.isReady ?? (() => true);
  const now = options.now ?? Date.now;
  const idPrefix = randomBytes(4).toString("hex");
  let counter = 0;

  function send(
    response: ServerResponse,
    status: number,
    body: unknown,
    requestId: string,
    closeConnection = false,
  ): void {
    const text = JSON.stringify(body);
    // A flat [name, value, …] list: the cheapest form for Node to write.
    const headers = [
      "content-type",
      "application/json",
      "content-length",
      String(Buffer.byteLength(text)),
      "x-request-id",
      requestId,
    ];
    if (closeConnection) headers.push("connection", "close");
    response.writeHead(status, headers);
    response.end(text);
  }

  function sendError(response: ServerResponse, error: unknown, requestId: string, where: string): number {
    if (error instanceof RequestError) {
      // A body we stopped reading cannot leave the connection reusable.
      send(response, error.status, { error: error.message }, requestId, error.status === 413);
      return error.status;
    }
    if (error instanceof ModelError) {
      logger.warn(`${where}: ${error.message}`);
      send(response, 500, { error: error.message }, requestId);
      return 500;
    }
    logger.error(
      `${where}: unexpected error (a bug in Kiln): ${error instanceof Error ? error.stack : errorMessage(error)}`,
    );
    send(response, 500, { error: `internal error: ${errorMessage(error)}` }, requestId);
    return 500;
  }

  function findModel(name: string, version: string | undefined): ServedVersion {
    const model = models.get(name);
    if (model === undefined) {
      throw new RequestError(
        404,
        `model '${name}' is not served here; served models: ${[...models.keys()].sort().join(", ")}.`,
        {
          field: "model",
        },
      );
    }
    if (version === undefined) return model.current;
    const served = model.version(version);
    if (served === undefined) {
      throw new RequestError(
        404,
        `model '${name}' version '${version}' is not served here; the served version is '${model.current.model.version}'.`,
        { field: "version" },
      );
    }
    return served;
  }

  async function infer(
    request: IncomingMessage,
    response: ServerResponse,
    served: ServedVersion,
    requestId: string,
    started: number,
  ): Promise<number> {
    const body = await readBody(request, maxBodyBytes);
    const model = served.model;
    const call = served.readRequest(body);
    // The V2 `id` names the request in the log and, when it can be a header value, in x-request-id.
    const logId = call.id ?? requestId;
    if (call.id !== undefined && headerValue.test(call.id)) requestId = call.id;
    const outputs = await served.infer(call);
    predictionLog?.append({
      requestId: logId,
      model: model.name,
      version: model.version,
      rows: call.rows,
      inputs: call.inputs,
      inputText: call.elementText,
      outputs,
      ts: started,
    });
    const answer =
      call.form === "records" ? recordsResponse(model, call, outputs) : tensorResponse(model, call, outputs);
    send(response, 200, answer, requestId);
    return 200;
  }

  return (request, response) => {
    const started = now();
    const t0 = performance.now();
    const header = request.headers["x-request-id"];
    const requestId =
      typeof header === "string" && headerValue.test(header) ? header : `${idPrefix}-${++counter}`;
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    const parts = path.split("/").filter((p) => p.length > 0);
    if (path.includes("%")) for (let i = 0; i < parts.length; i++) parts[i] = safeDecode(parts[i]!);
    let labelModel = serverMetricsLabel;
    let labelVersion = "";
    const finish = (status: number) => {
      metrics.observeRequest(labelModel, labelVersion, status, (performance.now() - t0) / 1000);
    };
    const fail = (error: unknown) =>
      finish(sendError(response, error, requestId, `${request.method} ${url}`));
    try {
      const method = request.method ?? "GET";
      if (parts[0] === "metrics" && parts.length === 1) {
        allow(method, "GET");
        void metrics.render().then(
          ({ contentType, body }) => {
            response.writeHead(200, { "content-type": contentType, "x-request-id": requestId });
            response.end(body);
          },
          (error: unknown) => sendError(response, error, requestId, "GET /metrics"),
        );
        return;
      }
      if (parts[0] !== "v2") throw notFound(method, url);
      if (parts.length === 1) {
        allow(method, "GET");
        send(response, 200, { name: "kiln", version: kilnVersion, extensions: [] }, requestId);
        return finish(200);
      }
      if (parts[1] === "health" && parts.length === 3 && (parts[2] === "live" || parts[2] === "ready")) {
        allow(method, "GET");
        if (parts[2] === "live") send(response, 200, { live: true }, requestId);
        else {
          const ready = isReady();
          send(response, ready ? 200 : 503, { ready }, requestId);
          return finish(ready ? 200 : 503);
        }
        return finish(200);
      }
      if (parts[1] !== "models" || parts.length < 3) throw notFound(method, url);
      const name = parts[2]!;
      let rest = parts.slice(3);
      let version: string | undefined;
      if (rest[0] === "versions") {
        if (rest.length < 2) throw notFound(method, url);
        version = rest[1]!;
        rest = rest.slice(2);
      }
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== "ready" && rest[0] !== "infer"))
        throw notFound(method, url);
      const served = findModel(name, version);
      labelModel = name;
      labelVersion = served.model.version;
      if (rest.length === 0) {
        allow(method, "GET");
        const model = models.get(name)!;
        const sig = served.model.signature;
        send(
          response,
          200,
          {
            name,
            versions: version === undefined ? model.loadedVersions : [version],
            platform: "onnxruntime_onnx",
            inputs: sig.inputs,
            outputs: sig.outputs,
          },
          requestId,
        );
        return finish(200);
      }
      if (rest[0] === "ready") {
        allow(method, "GET");
        send(response, 200, { name, ready: isReady() }, requestId);
        return finish(200);
      }
      allow(method, "POST");
      infer(request, response, served, requestId, started).then(finish, fail);
    } catch (error: unknown) {
      fail(error);
    }
  };
}

function allow(method: string, expected: "GET" | "POST"): void {
  if (method !== expected) {
    throw new RequestError(405, `method ${method} is not allowed here; use ${expected}.`, {
      field: "method",
    });
  }
}

function notFound(method: string, url: string): RequestError {
  return new RequestError(
    404,
    `no route ${method} ${url}; routes: /v2, /v2/health/{live,ready}, /v2/models/{name}[/versions/{v}][/ready|/infer], /metrics.`,
    { field: "path" },
  );
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
