/**
 * Start the inference server: load each source's current version, listen, follow the sources for
 * hot swaps, and shut down gracefully (stop accepting, answer in-flight requests, flush the
 * prediction log, release the sessions).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import { createInferenceHandler } from "./inference-server.js";
import { type LoadedModel, loadModel } from "./loaded-model.js";
import type { MicroBatchOptions } from "./micro-batcher.js";
import { followModel, type ModelFollower } from "./model-follower.js";
import type { ModelSource, ResolvedModel } from "./model-source.js";
import { PredictionLog } from "./prediction-log.js";
import { createServeMetrics, type ServeMetrics } from "./serve-metrics.js";
import { ServedModel } from "./served-model.js";

export interface StartInferenceServerOptions {
  sources: readonly ModelSource[];
  logger: Logger;
  /** Interface to listen on (default 0.0.0.0). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Micro-batching settings, or undefined to run each request on its own. */
  batching: MicroBatchOptions | undefined;
  /** Poll the sources for a new version this often, ms; 0 or undefined: never. */
  pollIntervalMs?: number;
  /** Where predictions are logged; undefined: not logged. */
  predictionStore?: ObjectStore | undefined;
  /** Prediction log flush bounds. */
  predictionLog?: { maxRows?: number; flushIntervalMs?: number };
  maxBodyBytes?: number;
  /** onnxruntime intra-op threads per session. */
  threads?: number;
  /** Longest a graceful shutdown waits for in-flight requests, ms (default 30000). */
  shutdownTimeoutMs?: number;
  /** The metrics to record into (default: a new set); `render` answers `/metrics`. */
  metrics?: ServeMetrics;
}

export interface RunningInferenceServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  readonly metrics: ServeMetrics;
  readonly models: ReadonlyMap<string, ServedModel>;
  readonly followers: readonly ModelFollower[];
  /** Stop accepting, answer what is in flight, flush the prediction log, release the models. */
  shutdown(): Promise<void>;
}

export async function startInferenceServer(
  options: StartInferenceServerOptions,
): Promise<RunningInferenceServer> {
  const { logger } = options;
  const metrics = options.metrics ?? createServeMetrics();
  const load = (resolved: ResolvedModel): Promise<LoadedModel> =>
    loadModel(resolved.bytes, {
      name: resolved.name,
      version: resolved.version,
      sha256: resolved.sha256,
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });

  const models = new Map<string, ServedModel>();
  for (const source of options.sources) {
    const resolved = await source.resolve();
    const model = await load(resolved);
    models.set(source.name, new ServedModel(model, options.batching, metrics));
    logger.info(
      `loaded ${source.description}: version ${model.version} (sha256:${model.sha256.slice(0, 12)}), ` +
        `${model.signature.inputs.length} inputs${model.packed ? ` (${model.packed.inputs} packed into ${model.packed.tensors} tensor${model.packed.tensors > 1 ? "s" : ""} for onnxruntime)` : ""}, ${model.signature.outputs.length} outputs, ` +
        `batching ${options.batching && model.batchable ? `on (≤${options.batching.maxBatchSize} rows)` : "off"}.`,
    );
  }

  const predictionLog =
    options.predictionStore === undefined
      ? undefined
      : new PredictionLog({
          store: options.predictionStore,
          logger,
          ...options.predictionLog,
          onWritten: (rows) => metrics.predictionLogRows(rows),
          onFailure: () => metrics.predictionLogFailure(),
          onDropped: (rows) => metrics.predictionLogDropped(rows),
        });

  let shuttingDown = false;
  const handler = createInferenceHandler({
    models,
    metrics,
    predictionLog,
    logger,
    isReady: () => !shuttingDown,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, (request, response) => {
    // While shutting down, every answer closes its connection so keep-alive clients move on.
    if (shuttingDown) response.setHeader("connection", "close");
    handler(request, response);
  });
  const port = options.port ?? 8080;
  const listenHost = options.host ?? "0.0.0.0";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, listenHost, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error: unknown) {
    await Promise.all([...models.values()].map((m) => m.current.model.release()));
    throw listenError(error, listenHost, port);
  }
  const address = server.address() as AddressInfo;
  const host = options.host === undefined || options.host === "0.0.0.0" ? "127.0.0.1" : options.host;

  const followers =
    options.pollIntervalMs && options.pollIntervalMs > 0
      ? options.sources.map((source) =>
          followModel({
            source,
            served: models.get(source.name)!,
            load,
            logger,
            intervalMs: options.pollIntervalMs!,
          }),
        )
      : [];

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    shuttingDown = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const timeout = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        logger.warn("shutdown: in-flight requests did not finish in time; closing their connections.");
        server.closeAllConnections();
        resolve();
      }, options.shutdownTimeoutMs ?? 30_000);
      timer.unref();
      void closed.then(() => clearTimeout(timer));
    });
    await Promise.race([closed, timeout]);
    clearInterval(idleSweep);
    await Promise.all(followers.map((f) => f.stop()));
    await Promise.all([...models.values()].map((m) => m.drained()));
    await predictionLog?.close();
    await Promise.all([...models.values()].map((m) => m.current.model.release()));
  }

  return {
    server,
    port: address.port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    metrics,
    models,
    followers,
    shutdown: () => {
      closing ??= shutdown();
      return closing;
    },
  };
}

/** A port the server cannot listen on is the user's to change, not a crash. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE")
    return new UsageError(`${where} is already in use by another process; choose another --port.`, {
      cause: error,
    });
  if (code === "EACCES")
    return new UsageError(
      `not allowed to listen on ${where} (ports below 1024 need privileges); choose another --port.`,
      {
        cause: error,
      },
    );
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
    return new UsageError(`--host ${host} is not an address of this machine; use 0.0.0.0 or 127.0.0.1.`, {
      cause: error,
    });
  return error;
}
