/**
 * `kiln serve`: the KServe V2 inference server; `kiln deploy render`: Kubernetes manifests for it.
 */
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { type Command, Option } from "commander";
import { defaultDeployment, environmentStages } from "../../deploy/deployment-spec.js";
import { parsePinnedImage } from "../../deploy/image-reference.js";
import { renderKubernetesManifests } from "../../deploy/render-kubernetes-manifests.js";
import { UsageError } from "../../errors.js";
import { resolveModel } from "../../registry/resolve-model.js";
import { fileModelSource } from "../../serve/file-model-source.js";
import type { ModelSource } from "../../serve/model-source.js";
import { pinnedModelSource } from "../../serve/pinned-model-source.js";
import { registryModelSource } from "../../serve/registry-model-source.js";
import {
  availableWorkers,
  isServeWorker,
  releaseChannel,
  type ServeWorkerChannel,
  serveWorkerChannel,
  superviseServeWorkers,
} from "../../serve/serve-cluster.js";
import { createServeMetrics } from "../../serve/serve-metrics.js";
import { startInferenceServer } from "../../serve/start-inference-server.js";
import { openStore, resolveStoreUrl } from "../../store/open-store.js";
import { createConsoleLogger } from "../console-logger.js";

interface ServeFlags {
  modelFile?: string;
  sha256?: string;
  name?: string;
  host: string;
  port: string;
  store?: string;
  predictionLog: boolean;
  logFlushMs: string;
  logMaxRows: string;
  batching: boolean;
  maxBatchSize: string;
  maxLatencyMs: string;
  maxConcurrentRuns: string;
  poll: string;
  maxBodyBytes: string;
  threads: string;
  shutdownTimeout: string;
  workers: string;
  quiet?: boolean;
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${flag}: expected an integer ≥ ${min}, got '${text}'.`);
  }
  return value;
}

/** The line scripts wait for; a server bound to every interface says so beside its loopback URL. */
function listeningLine(url: string, host: string): string {
  const everywhere = host === "0.0.0.0" || host === "::";
  return `listening on ${url}${everywhere ? ` (bound to ${host}: every interface)` : ""}\n`;
}

async function serve(reference: string | undefined, flags: ServeFlags): Promise<void> {
  if (!isServeWorker()) return serveOrSupervise(reference, flags);
  try {
    await serveOne(reference, flags);
  } finally {
    // A worker's channel to its primary would keep it alive after an error.
    releaseChannel();
  }
}

async function serveOrSupervise(reference: string | undefined, flags: ServeFlags): Promise<void> {
  const workers = flags.workers === "auto" ? availableWorkers() : integer("workers", flags.workers, 1);
  if (workers > 1) {
    // The primary only supervises; every worker runs this same command and serves.
    const code = await superviseServeWorkers({
      workers,
      logger: createConsoleLogger({ quiet: flags.quiet ?? false }),
      onListening: (url) => process.stdout.write(listeningLine(url, flags.host)),
    });
    // Every worker has exited. node:cluster can still hold a connection it was handing to a worker
    // that died, which would keep this process alive for nothing.
    process.exit(code);
  }
  return serveOne(reference, flags);
}

/** Serve in this process (alone, or as one of the workers). */
async function serveOne(reference: string | undefined, flags: ServeFlags): Promise<void> {
  const logger = createConsoleLogger({ quiet: flags.quiet ?? false });
  const context = { env: process.env, cwd: process.cwd() };
  let source: ModelSource;
  if (flags.modelFile !== undefined) {
    if (reference !== undefined) {
      throw new UsageError(`give either a model reference ('${reference}') or --model-file, not both.`);
    }
    source = fileModelSource(
      flags.modelFile,
      flags.name ?? basename(flags.modelFile).replace(/\.onnx$/i, ""),
    );
  } else if (reference !== undefined) {
    source = registryModelSource(await openStore(flags.store, context), reference);
  } else {
    throw new UsageError(
      "name the model to serve (<model>[:<stage>|@<version>]) or give --model-file <path>.",
    );
  }
  if (flags.sha256 !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(flags.sha256)) {
      throw new UsageError(`--sha256: expected 64 hex digits, got '${flags.sha256}'.`);
    }
    source = pinnedModelSource(source, flags.sha256);
  }
  const store = flags.predictionLog ? await openStore(flags.store, context) : undefined;
  // A shutdown the primary asks for while the model is still loading is carried out once it listens.
  let askedToStop: string | undefined;
  let stopRequested = (reason: string) => {
    askedToStop = reason;
  };
  const metrics = createServeMetrics();
  let channel: ServeWorkerChannel | undefined;
  if (isServeWorker()) {
    channel = serveWorkerChannel(metrics.registry, () => stopRequested("the primary process asked"));
    metrics.render = channel.renderMetrics;
  }
  const running = await startInferenceServer({
    metrics,
    sources: [source],
    logger,
    host: flags.host,
    port: integer("port", flags.port, 0),
    batching: flags.batching
      ? {
          maxBatchSize: integer("max-batch-size", flags.maxBatchSize, 1),
          maxLatencyMs: integer("max-latency-ms", flags.maxLatencyMs, 0),
          maxConcurrentRuns: integer("max-concurrent-runs", flags.maxConcurrentRuns, 1),
        }
      : undefined,
    pollIntervalMs: integer("poll", flags.poll, 0),
    predictionStore: store,
    predictionLog: {
      flushIntervalMs: integer("log-flush-ms", flags.logFlushMs, 1),
      maxRows: integer("log-max-rows", flags.logMaxRows, 1),
    },
    maxBodyBytes: integer("max-body-bytes", flags.maxBodyBytes, 1),
    threads: integer("threads", flags.threads, 1),
    shutdownTimeoutMs: integer("shutdown-timeout", flags.shutdownTimeout, 0),
  });
  if (store)
    logger.info(`logging predictions to ${store.url.replace(/\/$/, "")}/predictions/${source.name}/`);
  // Tests and scripts parse this line for the port (a worker tells its primary, which prints it).
  if (channel) channel.announce(running.url);
  else process.stdout.write(listeningLine(running.url, flags.host));

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (reason: string) => {
      if (stopping) return;
      stopping = true;
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      logger.info(
        `${reason}: no longer accepting requests; finishing in-flight requests and flushing the log.`,
      );
      void running.shutdown().then(() => {
        logger.info("stopped.");
        resolve();
      });
    };
    stopRequested = stop;
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    if (askedToStop !== undefined) stop(askedToStop);
  });
  channel?.close();
}

interface RenderFlags {
  env: string;
  image: string;
  modelVersion?: string;
  store?: string;
  clusterStore?: string;
  storeSecret?: string;
  namespace?: string;
  minReplicas: string;
  maxReplicas: string;
  port: string;
  out?: string;
}

async function renderDeployment(model: string, flags: RenderFlags): Promise<void> {
  const image = parsePinnedImage(flags.image);
  const stage = environmentStages[flags.env];
  if (flags.modelVersion === undefined && stage === undefined) {
    throw new UsageError(
      `--env ${flags.env}: no registry stage follows this environment (known: ${Object.keys(environmentStages).sort().join(", ")}); give --model-version.`,
    );
  }
  const context = { env: process.env, cwd: process.cwd() };
  const store = await openStore(flags.store, context);
  const reference = flags.modelVersion === undefined ? `${model}:${stage}` : `${model}@${flags.modelVersion}`;
  const { record } = await resolveModel(store, reference);
  const min = integer("min-replicas", flags.minReplicas, 1);
  const max = integer("max-replicas", flags.maxReplicas, 1);
  if (max < min) throw new UsageError(`--max-replicas ${max} is below --min-replicas ${min}.`);
  const yaml = renderKubernetesManifests({
    ...defaultDeployment,
    model: record.name,
    environment: flags.env,
    modelVersion: record.version,
    modelSha256: record.artifact.sha256,
    image,
    storeUrl: flags.clusterStore ?? resolveStoreUrl(flags.store, context),
    ...(flags.storeSecret === undefined ? {} : { storeSecret: flags.storeSecret }),
    ...(flags.namespace === undefined ? {} : { namespace: flags.namespace }),
    port: integer("port", flags.port, 1),
    replicas: { min, max },
  });
  if (flags.out === undefined) process.stdout.write(yaml);
  else {
    await writeFile(flags.out, yaml);
    process.stderr.write(`wrote ${flags.out}: ${record.name}@${record.version} in ${flags.env}\n`);
  }
}

export function registerServeCommands(program: Command): void {
  const deploy = program.command("deploy").description("deployments of the model server");
  deploy
    .command("render <model>")
    .description(
      "write Kubernetes manifests (Deployment, Service, HorizontalPodAutoscaler) serving the version the registry " +
        "holds for an environment, with the image and the model pinned by digest",
    )
    .requiredOption(
      "--env <environment>",
      "the environment (production and staging follow their registry stage)",
    )
    .requiredOption("--image <ref@sha256:digest>", "the kiln-serve image, pinned by digest")
    .option("--model-version <version>", "serve this version instead of the environment's stage")
    .option("--store <url>", "the store holding the registry (default: KILN_STORE or .kiln/store)")
    .option("--cluster-store <url>", "KILN_STORE inside the cluster (default: the --store URL)")
    .option(
      "--store-secret <name>",
      "a Secret with the store's credentials, passed to the container as environment",
    )
    .option("--namespace <namespace>", "the namespace of the objects")
    .option("--min-replicas <n>", "fewest pods", String(defaultDeployment.replicas.min))
    .option("--max-replicas <n>", "most pods", String(defaultDeployment.replicas.max))
    .option("--port <port>", "the container port", String(defaultDeployment.port))
    .option("--out <file>", "write to this file instead of standard output")
    .action((model: string, flags: RenderFlags) => renderDeployment(model, flags));

  program
    .command("serve")
    .description(
      "Serve a model over the KServe V2 REST protocol (with a records form and Prometheus /metrics), " +
        "logging predictions to the store.",
    )
    .argument("[model]", "the model to serve: <model>[:<stage>|@<version>]")
    .option(
      "--model-file <path>",
      "serve this ONNX file instead of a registry version (replace the file to hot swap)",
    )
    .option("--name <name>", "the model's name with --model-file (default: the file name)")
    .option(
      "--sha256 <hex>",
      "refuse to serve an artifact with another digest (how deployed servers are pinned)",
    )
    .option("--host <host>", "interface to listen on", "0.0.0.0")
    .option("--port <port>", "port to listen on (0: any free port)", "8080")
    .option(
      "--store <url>",
      "store for the registry and the prediction log (default: KILN_STORE or .kiln/store)",
    )
    .option("--no-prediction-log", "do not log predictions to the store")
    .option("--log-flush-ms <ms>", "write the prediction log at least this often", "10000")
    .option("--log-max-rows <rows>", "write the prediction log when this many rows are pending", "2000")
    .option("--no-batching", "run every request on its own instead of micro-batching")
    .option("--max-batch-size <rows>", "most rows in one onnxruntime call", "64")
    .option(
      "--max-latency-ms <ms>",
      "longest a request waits for a batch to fill (0: only while the model is busy)",
      "0",
    )
    .option("--max-concurrent-runs <n>", "onnxruntime calls in flight at once per model", "1")
    .option("--poll <ms>", "check for a new version this often, ms (0: never)", "30000")
    .option("--max-body-bytes <bytes>", "largest request body accepted", String(8 * 1024 * 1024))
    .option("--threads <n>", "onnxruntime threads per model", "1")
    .option("--shutdown-timeout <ms>", "longest to wait for in-flight requests on SIGTERM", "30000")
    .option(
      "--workers <n>",
      "server processes sharing the port, each with its own copy of the model ('auto': one per core)",
      "1",
    )
    .addOption(new Option("-q, --quiet", "print only the listening line and errors"))
    .action((reference: string | undefined, flags: ServeFlags) => serve(reference, flags));
}
