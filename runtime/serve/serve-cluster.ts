/**
 * Serving from several processes (`kiln serve --workers N`), the way gunicorn or MLServer's
 * parallel workers use every core: node:cluster workers share the listening port, and each one
 * loads the model, micro-batches its own requests, logs its own predictions and follows the
 * registry for hot swaps. The primary process only supervises:
 *
 * - it starts one worker and waits until it listens, so a bad model reference or a busy port is
 *   reported once and ends the command with that worker's exit code; then it starts the others;
 * - it restarts a worker that dies (giving up, and stopping the rest, after `maxRestarts` deaths
 *   within `restartWindowMs`);
 * - on SIGTERM or SIGINT it asks every worker to shut down gracefully (stop accepting, answer what
 *   is in flight, flush the prediction log) and exits when they all have;
 * - it answers `/metrics` for the whole server: the worker that receives the scrape asks the
 *   primary, which gathers every worker's metrics and merges them with prom-client's aggregator
 *   (counters and histograms summed, gauges by each metric's `aggregator`).
 *
 * Messages between the processes are plain objects with a `kiln` field naming their kind.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import {
  AggregatorRegistry,
  type MetricObjectWithValues,
  type MetricValue,
  type Registry,
} from "prom-client";
import { errorMessage } from "../errors.js";
import type { Logger } from "../logger.js";

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** From the primary to a worker. */
type ToWorker =
  | { kiln: "collect-metrics"; id: number }
  | { kiln: "metrics"; id: number; contentType: string; body: string }
  | { kiln: "metrics-failed"; id: number; error: string }
  | { kiln: "shutdown" };

/** From a worker to the primary. */
type ToPrimary =
  | { kiln: "listening"; url: string }
  | { kiln: "scrape"; id: number }
  | { kiln: "collected-metrics"; id: number; metrics: MetricsJson }
  | { kiln: "collect-failed"; id: number; error: string };

function isKilnMessage<T extends { kiln: string }>(message: unknown): message is T {
  return typeof message === "object" && message !== null && typeof (message as T).kiln === "string";
}

/** Whether this process is a worker started by `superviseServeWorkers`. */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/** `--workers auto`: one worker per available core. */
export function availableWorkers(): number {
  return availableParallelism();
}

export interface SuperviseOptions {
  workers: number;
  logger: Logger;
  /** Called once every worker listens, with the URL they share. */
  onListening(url: string): void;
  /** Worker deaths tolerated within `restartWindowMs` before giving up (default 5). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Longest a scrape waits for every worker's metrics, ms (default 5000). */
  scrapeTimeoutMs?: number;
}

/**
 * Run as the primary: start the workers (which run this same command), supervise them and merge
 * their metrics. Resolves with the command's exit code once every worker has exited.
 */
export async function superviseServeWorkers(options: SuperviseOptions): Promise<number> {
  const { logger } = options;
  const maxRestarts = options.maxRestarts ?? 5;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const scrapeTimeoutMs = options.scrapeTimeoutMs ?? 5000;
  let stopping = false;
  let exitCode = 0;
  const deaths: number[] = [];
  const live = new Set<Worker>();
  let allExited: () => void = () => {};
  const exitedPromise = new Promise<void>((resolve) => {
    allExited = resolve;
  });

  // Scrapes: a worker asks, every worker answers with its metrics as JSON, the primary merges.
  let nextCollect = 0;
  const collecting = new Map<
    number,
    { pending: Set<Worker>; parts: MetricsJson[]; done(error?: string): void }
  >();
  function scrape(asker: Worker, scrapeId: number): void {
    const id = nextCollect++;
    const targets = [...live].filter((w) => w.isConnected());
    const reply = (message: ToWorker) => {
      if (asker.isConnected()) asker.send(message);
    };
    let timer: NodeJS.Timeout | undefined;
    const entry = {
      pending: new Set(targets),
      parts: [] as MetricsJson[],
      done(error?: string) {
        if (!collecting.delete(id)) return;
        clearTimeout(timer);
        if (error !== undefined) {
          reply({ kiln: "metrics-failed", id: scrapeId, error });
          return;
        }
        const merged = AggregatorRegistry.aggregate(entry.parts);
        merged.metrics().then(
          (body) => reply({ kiln: "metrics", id: scrapeId, contentType: merged.contentType, body }),
          (e: unknown) => reply({ kiln: "metrics-failed", id: scrapeId, error: errorMessage(e) }),
        );
      },
    };
    collecting.set(id, entry);
    timer = setTimeout(
      () => entry.done(`not every worker answered within ${scrapeTimeoutMs} ms`),
      scrapeTimeoutMs,
    );
    for (const worker of targets) worker.send({ kiln: "collect-metrics", id } satisfies ToWorker);
    if (targets.length === 0) entry.done();
  }

  /** Scrapes; `listening` is handled where the worker is started. */
  function onMessage(worker: Worker, message: ToPrimary): void {
    switch (message.kiln) {
      case "scrape":
        scrape(worker, message.id);
        break;
      case "collected-metrics":
      case "collect-failed": {
        const entry = collecting.get(message.id);
        if (entry === undefined || !entry.pending.delete(worker)) break;
        if (message.kiln === "collect-failed") entry.done(message.error);
        else {
          entry.parts.push(message.metrics);
          if (entry.pending.size === 0) entry.done();
        }
        break;
      }
    }
  }

  /** Start a worker; resolves with its URL once it listens, or with its exit code if it dies first. */
  function start(): Promise<{ url: string } | { code: number }> {
    const worker = cluster.fork();
    live.add(worker);
    let listening = false;
    const started = new Promise<{ url: string } | { code: number }>((resolve) => {
      worker.on("message", (message: unknown) => {
        if (!isKilnMessage<ToPrimary>(message)) return;
        if (message.kiln !== "listening") onMessage(worker, message);
        else {
          listening = true;
          resolve({ url: message.url });
        }
      });
      worker.once("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0) }));
    });
    worker.once("exit", (code, signal) => {
      live.delete(worker);
      for (const entry of collecting.values()) {
        if (entry.pending.delete(worker) && entry.pending.size === 0) entry.done();
      }
      // A worker that never listened has said why (its error is on stderr); whoever started it decides.
      if (stopping || !listening) {
        if (stopping && live.size === 0) allExited();
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && deaths[0]! < now - restartWindowMs) deaths.shift();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (deaths.length > maxRestarts) {
        logger.error(
          `worker ${worker.process.pid} died (${how}); ${deaths.length} deaths within ${restartWindowMs / 1000} s, giving up.`,
        );
        exitCode = 1;
        stopAll();
        if (live.size === 0) allExited();
        return;
      }
      logger.warn(`worker ${worker.process.pid} died (${how}); starting another.`);
      void start().then((result) => {
        if (stopping) return;
        if ("code" in result) logger.warn("the replacement worker did not start.");
        else logger.info(`a new worker serves in place of ${worker.process.pid}.`);
      });
    });
    return started;
  }

  function stopAll(): void {
    stopping = true;
    for (const worker of live) {
      if (worker.isConnected()) worker.send({ kiln: "shutdown" } satisfies ToWorker);
      else worker.process.kill("SIGTERM");
    }
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    logger.info(`${signal}: stopping ${live.size} workers (each finishes its requests and flushes its log).`);
    stopAll();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    const first = await start();
    if ("code" in first) {
      stopping = true;
      return first.code === 0 ? 1 : first.code;
    }
    const rest = await Promise.all(Array.from({ length: options.workers - 1 }, () => start()));
    const failed = rest.find((r): r is { code: number } => "code" in r);
    if (failed !== undefined && !stopping) {
      logger.error("a worker failed to start; stopping the others.");
      exitCode = failed.code === 0 ? 1 : failed.code;
      stopAll();
    } else if (!stopping) {
      options.onListening(first.url);
      logger.info(
        `serving from ${options.workers} worker processes (pids ${[...live].map((w) => w.process.pid).join(", ")}).`,
      );
    }
    if (live.size > 0) await exitedPromise;
    return exitCode;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}

export interface ServeWorkerChannel {
  /** Tell the primary this worker listens. */
  announce(url: string): void;
  /** The whole server's metrics, merged by the primary. */
  renderMetrics(): Promise<{ contentType: string; body: string }>;
  /** Let the process exit once the server has shut down. */
  close(): void;
}

/**
 * Run as a worker: answer the primary's requests for this worker's metrics, and call `shutdown`
 * when the primary asks (or goes away).
 */
export function serveWorkerChannel(registry: Registry, shutdown: () => void): ServeWorkerChannel {
  let nextScrape = 0;
  const scrapes = new Map<
    number,
    { resolve(v: { contentType: string; body: string }): void; reject(e: Error): void }
  >();
  const send = (message: ToPrimary) => {
    if (process.connected) process.send?.(message);
  };
  const onMessage = (message: unknown) => {
    if (!isKilnMessage<ToWorker>(message)) return;
    switch (message.kiln) {
      case "collect-metrics":
        registry.getMetricsAsJSON().then(
          (metrics) => send({ kiln: "collected-metrics", id: message.id, metrics: metrics as MetricsJson }),
          (error: unknown) => send({ kiln: "collect-failed", id: message.id, error: errorMessage(error) }),
        );
        break;
      case "metrics":
        scrapes.get(message.id)?.resolve({ contentType: message.contentType, body: message.body });
        scrapes.delete(message.id);
        break;
      case "metrics-failed":
        scrapes.get(message.id)?.reject(new Error(`metrics from the workers: ${message.error}`));
        scrapes.delete(message.id);
        break;
      case "shutdown":
        shutdown();
        break;
    }
  };
  // Without its primary, node:cluster ends a worker at once (and it must not serve unsupervised);
  // settle what waits on the primary first.
  const onDisconnect = () => {
    for (const scrape of scrapes.values()) scrape.reject(new Error("metrics: the primary process is gone"));
    scrapes.clear();
    shutdown();
  };
  process.on("message", onMessage);
  process.once("disconnect", onDisconnect);
  return {
    announce(url) {
      send({ kiln: "listening", url });
    },
    renderMetrics() {
      const id = nextScrape++;
      return new Promise((resolve, reject) => {
        scrapes.set(id, { resolve, reject });
        send({ kiln: "scrape", id });
      });
    },
    close() {
      process.off("message", onMessage);
      process.off("disconnect", onDisconnect);
      releaseChannel();
    },
  };
}

/**
 * Let a worker exit once its work is done, with its own exit code: disconnecting would make
 * node:cluster end the process at once with code 0, before an error could be reported.
 */
export function releaseChannel(): void {
  process.channel?.unref();
}
