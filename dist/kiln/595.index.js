export const id = 595;
export const ids = [595,498];
export const modules = {

/***/ 7595:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerServeCommands: () => (/* binding */ registerServeCommands)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
;// CONCATENATED MODULE: ./.build/runtime/deploy/deployment-spec.js
const defaultDeployment = {
    port: 8080,
    replicas: { min: 2, max: 10 },
    targetCpuPercent: 70,
    resources: { cpu: "250m", memory: "256Mi", memoryLimit: "512Mi" },
    terminationGraceSeconds: 45,
};
/** Environments whose model version follows a registry stage by default. */
const environmentStages = {
    production: "production",
    staging: "staging",
};

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/deploy/image-reference.js
/**
 * A container image reference pinned by digest: `registry/repository[:tag]@sha256:<64 hex>`.
 * Manifests Kiln writes never name an image by tag alone, so what runs is exactly what was built.
 */

const pattern = /^([a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?@(sha256:[0-9a-f]{64})$/;
function parsePinnedImage(text, where = "--image") {
    const match = pattern.exec(text);
    if (match === null) {
        const hint = text.includes("@")
            ? "The digest must be sha256: followed by 64 lowercase hex digits."
            : "Pin it by digest, e.g. ghcr.io/acme/kiln-serve:1.4.0@sha256:<digest> (docker/build-push-action outputs the digest).";
        throw new errors/* UsageError */.eb(`${where}: '${text}' is not an image reference pinned by digest.`, { hint });
    }
    return { repository: match[1], tag: match[2], digest: match[3] };
}
function formatPinnedImage(image) {
    return `${image.repository}${image.tag === undefined ? "" : `:${image.tag}`}@${image.digest}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/runtime/deploy/render-kubernetes-manifests.js
/**
 * Kubernetes manifests for serving one model in one environment, for Argo CD or Flux to apply:
 * a Deployment (readiness and liveness probes on the KServe V2 health routes, non-root, read-only
 * root file system, image and model pinned by digest), a Service (with Prometheus scrape
 * annotations and a named port a ServiceMonitor can select), and a HorizontalPodAutoscaler.
 *
 * Pure: a DeploymentSpec in, multi-document YAML out.
 */


/** A DNS-1123 label from free text: lowercase, `[a-z0-9-]`, at most 63 characters. */
function dnsLabel(text) {
    const label = text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 63)
        .replace(/-+$/, "");
    return label.length > 0 ? label : "model";
}
/** A label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
function labelValue(text) {
    return text
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .slice(0, 63)
        .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}
/** The name every object of a deployment shares: `kiln-<model>-<environment>`. */
function deploymentName(spec) {
    return dnsLabel(`kiln-${spec.model}-${spec.environment}`);
}
function renderKubernetesManifests(spec) {
    const name = deploymentName(spec);
    const selector = {
        "app.kubernetes.io/name": "kiln-serve",
        "app.kubernetes.io/instance": name,
    };
    const labels = {
        ...selector,
        "app.kubernetes.io/component": "model-server",
        "app.kubernetes.io/managed-by": "kiln",
        "kiln.dev/model": labelValue(spec.model),
        "kiln.dev/model-version": labelValue(spec.modelVersion),
        "kiln.dev/environment": labelValue(spec.environment),
    };
    const annotations = {
        "kiln.dev/model-ref": `${spec.model}@${spec.modelVersion}`,
        "kiln.dev/model-sha256": spec.modelSha256,
        "kiln.dev/image": formatPinnedImage(spec.image),
    };
    const metadata = (extra = {}) => ({
        name,
        ...(spec.namespace === undefined ? {} : { namespace: spec.namespace }),
        labels,
        ...extra,
    });
    const scrape = {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(spec.port),
        "prometheus.io/path": "/metrics",
    };
    const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: metadata({ annotations }),
        spec: {
            // No `replicas`: the HorizontalPodAutoscaler owns the count, so a sync does not fight it.
            revisionHistoryLimit: 5,
            selector: { matchLabels: selector },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
            template: {
                metadata: { labels, annotations: { ...annotations, ...scrape } },
                spec: {
                    automountServiceAccountToken: false,
                    terminationGracePeriodSeconds: spec.terminationGraceSeconds,
                    securityContext: {
                        runAsNonRoot: true,
                        runAsUser: 10001,
                        runAsGroup: 10001,
                        seccompProfile: { type: "RuntimeDefault" },
                    },
                    containers: [
                        {
                            name: "kiln-serve",
                            image: formatPinnedImage(spec.image),
                            imagePullPolicy: "IfNotPresent",
                            args: [
                                `${spec.model}@${spec.modelVersion}`,
                                "--sha256",
                                spec.modelSha256,
                                "--port",
                                String(spec.port),
                                "--poll",
                                "0",
                                "--shutdown-timeout",
                                String(Math.max(1, spec.terminationGraceSeconds - 10) * 1000),
                                // One server process per whole CPU the pod requests (see `kiln serve --workers`).
                                ...(wholeCpus(spec.resources.cpu) >= 2
                                    ? ["--workers", String(wholeCpus(spec.resources.cpu))]
                                    : []),
                            ],
                            env: [
                                { name: "KILN_STORE", value: spec.storeUrl },
                                { name: "NODE_ENV", value: "production" },
                            ],
                            ...(spec.storeSecret === undefined
                                ? {}
                                : { envFrom: [{ secretRef: { name: spec.storeSecret } }] }),
                            ports: [{ name: "http", containerPort: spec.port, protocol: "TCP" }],
                            readinessProbe: {
                                httpGet: { path: "/v2/health/ready", port: "http" },
                                periodSeconds: 5,
                                failureThreshold: 2,
                            },
                            livenessProbe: {
                                httpGet: { path: "/v2/health/live", port: "http" },
                                periodSeconds: 10,
                                failureThreshold: 3,
                            },
                            startupProbe: {
                                httpGet: { path: "/v2/health/ready", port: "http" },
                                periodSeconds: 2,
                                failureThreshold: 60,
                            },
                            resources: {
                                requests: { cpu: spec.resources.cpu, memory: spec.resources.memory },
                                limits: { memory: spec.resources.memoryLimit },
                            },
                            securityContext: {
                                allowPrivilegeEscalation: false,
                                readOnlyRootFilesystem: true,
                                capabilities: { drop: ["ALL"] },
                            },
                            volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                        },
                    ],
                    volumes: [{ name: "tmp", emptyDir: {} }],
                },
            },
        },
    };
    const service = {
        apiVersion: "v1",
        kind: "Service",
        metadata: metadata({ annotations: scrape }),
        spec: {
            type: "ClusterIP",
            selector,
            ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
        },
    };
    const autoscaler = {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: metadata(),
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
            minReplicas: spec.replicas.min,
            maxReplicas: spec.replicas.max,
            metrics: [
                {
                    type: "Resource",
                    resource: {
                        name: "cpu",
                        target: { type: "Utilization", averageUtilization: spec.targetCpuPercent },
                    },
                },
            ],
        },
    };
    const header = `# Generated by kiln deploy render: ${spec.model}@${spec.modelVersion} in ${spec.environment}.\n` +
        "# Do not edit by hand; the deploy workflow rewrites this file when the registry moves.\n";
    return (header + [deployment, service, autoscaler].map((doc) => (0,dist/* stringify */.As)(doc, { lineWidth: 0 })).join("---\n"));
}
/** Whole CPUs in a Kubernetes CPU quantity ("2" → 2, "1500m" → 1, "250m" → 0); 0 when unreadable. */
function wholeCpus(quantity) {
    const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity.trim());
    if (match === null)
        return 0;
    const cores = Number(match[1]) / (match[2] === "m" ? 1000 : 1);
    return Math.floor(cores);
}

// EXTERNAL MODULE: ./.build/runtime/registry/resolve-model.js
var resolve_model = __webpack_require__(7653);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/runtime/serve/file-model-source.js
/**
 * A model source reading one ONNX file: `kiln serve --model-file model.onnx --name iris`.
 * The version is the first 12 hex digits of the file's sha256, so replacing the file (write a new
 * file beside it and rename it over the old one) is a new version, picked up by the poller.
 */



function fileModelSource(path, name) {
    let seen;
    async function read() {
        let bytes;
        try {
            bytes = new Uint8Array(await (0,promises_.readFile)(path));
        }
        catch (error) {
            throw new errors/* NotFoundError */.m_(`cannot read model file '${path}': ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
        const sha256 = (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
        return { name, version: sha256.slice(0, 12), sha256, bytes };
    }
    return {
        name,
        description: `${name} (file ${path})`,
        async currentVersion() {
            let info;
            try {
                info = await (0,promises_.stat)(path);
            }
            catch (error) {
                throw new errors/* NotFoundError */.m_(`cannot read model file '${path}': ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
            }
            if (seen && seen.mtimeMs === info.mtimeMs && seen.size === info.size && seen.ino === info.ino) {
                return seen.version;
            }
            const { version } = await read();
            seen = { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, version };
            return version;
        },
        resolve: read,
    };
}

;// CONCATENATED MODULE: ./.build/runtime/serve/pinned-model-source.js
/**
 * A model source that only accepts one artifact digest: `kiln serve iris@1.2.0 --sha256 <hex>`, as
 * the rendered Kubernetes manifests run it, so a pod serves exactly the bytes the manifest names
 * even if the registry were rewritten.
 */

function pinnedModelSource(source, sha256) {
    const expected = sha256.toLowerCase();
    return {
        ...source,
        currentVersion: () => source.currentVersion(),
        async resolve() {
            const resolved = await source.resolve();
            if (resolved.sha256 !== expected) {
                throw new errors/* ModelError */.me(`the artifact's sha256 is ${resolved.sha256}, but this server is pinned to ${expected} (--sha256).`, { model: resolved.name, version: resolved.version }, { hint: "Render the manifests again from the registry, or serve without --sha256." });
            }
            return resolved;
        },
    };
}

// EXTERNAL MODULE: ./.build/runtime/registry/model-ref.js
var model_ref = __webpack_require__(3916);
// EXTERNAL MODULE: ./.build/runtime/store/content-address.js
var content_address = __webpack_require__(8427);
;// CONCATENATED MODULE: ./.build/runtime/serve/registry-model-source.js
/**
 * A model source backed by the registry in the store: `kiln serve iris:production` follows the
 * Production stage, `iris@1.2.0` pins a version, `iris` follows the latest version. Needs only the
 * store (no GitHub token): the artifact is read from its content-addressed key and checked
 * against the record's sha256 before it is loaded.
 */



function registryModelSource(store, reference) {
    const ref = (0,model_ref/* parseModelRef */.q)(reference);
    return {
        name: ref.name,
        description: `${(0,model_ref/* formatModelRef */.Q)(ref)} (${store.url})`,
        async currentVersion() {
            return (await (0,resolve_model/* resolveModel */.A)(store, ref)).record.version;
        },
        async resolve() {
            const { record } = await (0,resolve_model/* resolveModel */.A)(store, ref);
            const bytes = await (0,content_address/* getVerifiedBytes */.Us)(store, record.artifact.storeKey, record.artifact.sha256);
            return { name: record.name, version: record.version, sha256: record.artifact.sha256, bytes };
        },
    };
}

// EXTERNAL MODULE: external "node:cluster"
var external_node_cluster_ = __webpack_require__(139);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(5222);
;// CONCATENATED MODULE: ./.build/runtime/serve/serve-cluster.js
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




function isKilnMessage(message) {
    return typeof message === "object" && message !== null && typeof message.kiln === "string";
}
/** Whether this process is a worker started by `superviseServeWorkers`. */
function isServeWorker() {
    return external_node_cluster_.isWorker;
}
/** `--workers auto`: one worker per available core. */
function availableWorkers() {
    return (0,external_node_os_.availableParallelism)();
}
/**
 * Run as the primary: start the workers (which run this same command), supervise them and merge
 * their metrics. Resolves with the command's exit code once every worker has exited.
 */
async function superviseServeWorkers(options) {
    const { logger } = options;
    const maxRestarts = options.maxRestarts ?? 5;
    const restartWindowMs = options.restartWindowMs ?? 60_000;
    const scrapeTimeoutMs = options.scrapeTimeoutMs ?? 5000;
    let stopping = false;
    let exitCode = 0;
    const deaths = [];
    const live = new Set();
    let allExited = () => { };
    const exitedPromise = new Promise((resolve) => {
        allExited = resolve;
    });
    // Scrapes: a worker asks, every worker answers with its metrics as JSON, the primary merges.
    let nextCollect = 0;
    const collecting = new Map();
    function scrape(asker, scrapeId) {
        const id = nextCollect++;
        const targets = [...live].filter((w) => w.isConnected());
        const reply = (message) => {
            if (asker.isConnected())
                asker.send(message);
        };
        let timer;
        const entry = {
            pending: new Set(targets),
            parts: [],
            done(error) {
                if (!collecting.delete(id))
                    return;
                clearTimeout(timer);
                if (error !== undefined) {
                    reply({ kiln: "metrics-failed", id: scrapeId, error });
                    return;
                }
                const merged = prom_client.AggregatorRegistry.aggregate(entry.parts);
                merged.metrics().then((body) => reply({ kiln: "metrics", id: scrapeId, contentType: merged.contentType, body }), (e) => reply({ kiln: "metrics-failed", id: scrapeId, error: (0,errors/* errorMessage */.gJ)(e) }));
            },
        };
        collecting.set(id, entry);
        timer = setTimeout(() => entry.done(`not every worker answered within ${scrapeTimeoutMs} ms`), scrapeTimeoutMs);
        for (const worker of targets)
            worker.send({ kiln: "collect-metrics", id });
        if (targets.length === 0)
            entry.done();
    }
    /** Scrapes; `listening` is handled where the worker is started. */
    function onMessage(worker, message) {
        switch (message.kiln) {
            case "scrape":
                scrape(worker, message.id);
                break;
            case "collected-metrics":
            case "collect-failed": {
                const entry = collecting.get(message.id);
                if (entry === undefined || !entry.pending.delete(worker))
                    break;
                if (message.kiln === "collect-failed")
                    entry.done(message.error);
                else {
                    entry.parts.push(message.metrics);
                    if (entry.pending.size === 0)
                        entry.done();
                }
                break;
            }
        }
    }
    /** Start a worker; resolves with its URL once it listens, or with its exit code if it dies first. */
    function start() {
        const worker = external_node_cluster_.fork();
        live.add(worker);
        let listening = false;
        const started = new Promise((resolve) => {
            worker.on("message", (message) => {
                if (!isKilnMessage(message))
                    return;
                if (message.kiln !== "listening")
                    onMessage(worker, message);
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
                if (entry.pending.delete(worker) && entry.pending.size === 0)
                    entry.done();
            }
            // A worker that never listened has said why (its error is on stderr); whoever started it decides.
            if (stopping || !listening) {
                if (stopping && live.size === 0)
                    allExited();
                return;
            }
            const now = Date.now();
            deaths.push(now);
            while (deaths.length > 0 && deaths[0] < now - restartWindowMs)
                deaths.shift();
            const how = signal ? `signal ${signal}` : `exit code ${code}`;
            if (deaths.length > maxRestarts) {
                logger.error(`worker ${worker.process.pid} died (${how}); ${deaths.length} deaths within ${restartWindowMs / 1000} s, giving up.`);
                exitCode = 1;
                stopAll();
                if (live.size === 0)
                    allExited();
                return;
            }
            logger.warn(`worker ${worker.process.pid} died (${how}); starting another.`);
            void start().then((result) => {
                if (stopping)
                    return;
                if ("code" in result)
                    logger.warn("the replacement worker did not start.");
                else
                    logger.info(`a new worker serves in place of ${worker.process.pid}.`);
            });
        });
        return started;
    }
    function stopAll() {
        stopping = true;
        for (const worker of live) {
            if (worker.isConnected())
                worker.send({ kiln: "shutdown" });
            else
                worker.process.kill("SIGTERM");
        }
    }
    const onSignal = (signal) => {
        if (stopping)
            return;
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
        const failed = rest.find((r) => "code" in r);
        if (failed !== undefined && !stopping) {
            logger.error("a worker failed to start; stopping the others.");
            exitCode = failed.code === 0 ? 1 : failed.code;
            stopAll();
        }
        else if (!stopping) {
            options.onListening(first.url);
            logger.info(`serving from ${options.workers} worker processes (pids ${[...live].map((w) => w.process.pid).join(", ")}).`);
        }
        if (live.size > 0)
            await exitedPromise;
        return exitCode;
    }
    finally {
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
    }
}
/**
 * Run as a worker: answer the primary's requests for this worker's metrics, and call `shutdown`
 * when the primary asks (or goes away).
 */
function serveWorkerChannel(registry, shutdown) {
    let nextScrape = 0;
    const scrapes = new Map();
    const send = (message) => {
        if (process.connected)
            process.send?.(message);
    };
    const onMessage = (message) => {
        if (!isKilnMessage(message))
            return;
        switch (message.kiln) {
            case "collect-metrics":
                registry.getMetricsAsJSON().then((metrics) => send({ kiln: "collected-metrics", id: message.id, metrics: metrics }), (error) => send({ kiln: "collect-failed", id: message.id, error: (0,errors/* errorMessage */.gJ)(error) }));
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
        for (const scrape of scrapes.values())
            scrape.reject(new Error("metrics: the primary process is gone"));
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
function releaseChannel() {
    process.channel?.unref();
}

;// CONCATENATED MODULE: ./.build/runtime/serve/request-metrics.js
class RequestMetrics {
    #buckets;
    #cells = new Map();
    constructor(registry, buckets) {
        this.#buckets = [...buckets].sort((a, b) => a - b);
        const counter = {
            name: "kiln_requests_total",
            help: "Requests answered, by model, version and HTTP status.",
            type: "counter",
            aggregator: "sum",
            get: async () => this.#counterValues(counter),
            reset: () => this.#cells.clear(),
        };
        const histogram = {
            name: "kiln_request_duration_seconds",
            help: "Time from request start to response end, by model, version and HTTP status.",
            type: "histogram",
            aggregator: "sum",
            get: async () => this.#histogramValues(histogram),
            reset: () => this.#cells.clear(),
        };
        // prom-client renders (and merges across workers) any object with its Metric's get() shape.
        registry.registerMetric(counter);
        registry.registerMetric(histogram);
    }
    /** Count one answered request and its duration. */
    observe(model, version, status, seconds) {
        let versions = this.#cells.get(model);
        if (versions === undefined) {
            versions = new Map();
            this.#cells.set(model, versions);
        }
        let statuses = versions.get(version);
        if (statuses === undefined) {
            statuses = new Map();
            versions.set(version, statuses);
        }
        let cell = statuses.get(status);
        if (cell === undefined) {
            cell = {
                labels: { model, version, status: String(status) },
                count: 0,
                sum: 0,
                perBucket: new Float64Array(this.#buckets.length + 1),
            };
            statuses.set(status, cell);
        }
        cell.count++;
        cell.sum += seconds;
        const buckets = this.#buckets;
        let b = 0;
        while (b < buckets.length && seconds > buckets[b])
            b++;
        cell.perBucket[b]++;
    }
    *#allCells() {
        for (const versions of this.#cells.values())
            for (const statuses of versions.values())
                yield* statuses.values();
    }
    #counterValues(metric) {
        const values = [];
        for (const cell of this.#allCells())
            values.push({ labels: { ...cell.labels }, value: cell.count });
        return {
            name: metric.name,
            help: metric.help,
            type: metric.type,
            aggregator: metric.aggregator,
            values,
        };
    }
    #histogramValues(metric) {
        const values = [];
        for (const cell of this.#allCells()) {
            let cumulative = 0;
            for (let b = 0; b <= this.#buckets.length; b++) {
                cumulative += cell.perBucket[b];
                values.push({
                    labels: { le: b < this.#buckets.length ? this.#buckets[b] : "+Inf", ...cell.labels },
                    value: cumulative,
                    metricName: `${metric.name}_bucket`,
                });
            }
            values.push({ labels: { ...cell.labels }, value: cell.sum, metricName: `${metric.name}_sum` });
            values.push({ labels: { ...cell.labels }, value: cell.count, metricName: `${metric.name}_count` });
        }
        return {
            name: metric.name,
            help: metric.help,
            type: metric.type,
            aggregator: metric.aggregator,
            values,
        };
    }
}

;// CONCATENATED MODULE: ./.build/runtime/serve/serve-metrics.js
/**
 * The inference server's Prometheus metrics, served at `/metrics` in the text exposition format.
 *
 * - `kiln_requests_total{model,version,status}` and `kiln_request_duration_seconds{model,version,status}`
 *   for every request to a model route (`model="_server"` for server routes and unknown models,
 *   so a scan of random names cannot blow up the label set);
 * - `kiln_batch_rows{model,version}`: rows per onnxruntime call;
 * - `kiln_queue_rows{model,version}`: rows waiting for a run;
 * - `kiln_model_info{model,version,sha256}`: 1 for each version being served;
 * - `kiln_prediction_log_rows_total`, `kiln_prediction_log_failures_total`,
 *   `kiln_prediction_log_dropped_rows_total`: the prediction log's health;
 * - Node's default process metrics (`process_*`, `nodejs_*`).
 */


function createServeMetrics(options = {}) {
    const registry = new prom_client.Registry();
    if (options.processMetrics ?? true)
        (0,prom_client.collectDefaultMetrics)({ register: registry });
    const requests = new RequestMetrics(registry, [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);
    const batchRows = new prom_client.Histogram({
        name: "kiln_batch_rows",
        help: "Rows in each onnxruntime call.",
        labelNames: ["model", "version"],
        buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
        registers: [registry],
    });
    // Read at scrape time rather than set on every request: the hot path does not touch it.
    const queues = new Set();
    new prom_client.Gauge({
        name: "kiln_queue_rows",
        help: "Rows waiting for an onnxruntime call.",
        labelNames: ["model", "version"],
        registers: [registry],
        collect() {
            this.reset();
            for (const queue of queues)
                this.set({ model: queue.model, version: queue.version }, queue.rows());
        },
    });
    const modelInfo = new prom_client.Gauge({
        name: "kiln_model_info",
        help: "1 for each model version being served.",
        labelNames: ["model", "version", "sha256"],
        registers: [registry],
        // With several worker processes, each reports the versions it serves: merged, still 1.
        aggregator: "max",
    });
    const logRows = new prom_client.Counter({
        name: "kiln_prediction_log_rows_total",
        help: "Prediction rows written to the store.",
        registers: [registry],
    });
    const logFailures = new prom_client.Counter({
        name: "kiln_prediction_log_failures_total",
        help: "Failed attempts to write a prediction log object (each is retried).",
        registers: [registry],
    });
    const logDropped = new prom_client.Counter({
        name: "kiln_prediction_log_dropped_rows_total",
        help: "Prediction rows given up on after the retries, or beyond the pending bound.",
        registers: [registry],
    });
    // Batch-size children cached by label values: one Map lookup per batch, not a label hash.
    const batchChildren = new Map();
    return {
        registry,
        observeRequest(model, version, status, seconds) {
            requests.observe(model, version, status, seconds);
        },
        observeBatch(model, version, rows) {
            const key = `${model}\u0000${version}`;
            let child = batchChildren.get(key);
            if (child === undefined) {
                child = batchRows.labels({ model, version });
                batchChildren.set(key, child);
            }
            child.observe(rows);
        },
        watchQueue(model, version, rows) {
            const queue = { model, version, rows };
            queues.add(queue);
            return () => queues.delete(queue);
        },
        setServed(model, version, sha256, served) {
            if (served)
                modelInfo.labels({ model, version, sha256 }).set(1);
            else
                modelInfo.remove({ model, version, sha256 });
        },
        predictionLogRows(rows) {
            logRows.inc(rows);
        },
        predictionLogFailure() {
            logFailures.inc();
        },
        predictionLogDropped(rows) {
            logDropped.inc(rows);
        },
        async render() {
            return { contentType: registry.contentType, body: await registry.metrics() };
        },
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./.build/runtime/version.js
var runtime_version = __webpack_require__(7097);
;// CONCATENATED MODULE: ./.build/runtime/train/model-signature.js
/**
 * The input/output signature of an ONNX model, in the KServe V2 vocabulary, and the conventions
 * Kiln's built-in trainers follow so that a served model takes the raw feature columns by name.
 *
 * Convention for models made by `kiln train` (bring-your-own models may differ; the signature
 * reader reports whatever the file declares):
 * - one input per raw feature column, named as the column, shape [-1, 1]:
 *   numeric and boolean columns FP32 (NaN = missing), categorical columns BYTES (ONNX string);
 * - regression: output `prediction`, FP32, shape [-1, 1];
 * - classification: outputs `label` (BYTES, shape [-1], the class label as text) and
 *   `probabilities` (FP32, shape [-1, C], columns in the order of the model's classes);
 * - model metadata_props: `kiln.task` (`regression` | `classification`), `kiln.classes`
 *   (JSON array of class labels, classification only), `kiln.features` (JSON array of
 *   `{name, kind}` in input order), `kiln.algorithm`.
 */
/** KServe V2 tensor datatypes. */
const TensorDatatype = {
    BOOL: "BOOL",
    UINT8: "UINT8",
    UINT16: "UINT16",
    UINT32: "UINT32",
    UINT64: "UINT64",
    INT8: "INT8",
    INT16: "INT16",
    INT32: "INT32",
    INT64: "INT64",
    FP16: "FP16",
    FP32: "FP32",
    FP64: "FP64",
    BYTES: "BYTES",
};
const ModelTask = { regression: "regression", classification: "classification" };

;// CONCATENATED MODULE: ./.build/runtime/serve/half-float.js
/**
 * IEEE 754 half precision (FP16) ↔ JavaScript numbers. onnxruntime-node takes and returns float16
 * tensors as their raw 16-bit patterns (Uint16Array); JSON carries numbers.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** The FP16 bit pattern nearest to `value` (round half to even; overflow → ±Infinity). */
function toHalfBits(value) {
    f32[0] = value;
    const x = u32[0];
    const sign = (x >>> 16) & 0x8000;
    const exp = (x >>> 23) & 0xff;
    const mant = x & 0x7fffff;
    if (exp === 0xff)
        return sign | 0x7c00 | (mant === 0 ? 0 : 0x200);
    const e = exp - 112; // rebias 127 → 15
    if (e >= 0x1f)
        return sign | 0x7c00;
    if (e <= 0) {
        const shift = 126 - exp;
        if (shift > 24)
            return sign;
        const m = mant | 0x800000;
        let half = m >>> shift;
        const rest = m & ((1 << shift) - 1);
        const halfway = 1 << (shift - 1);
        if (rest > halfway || (rest === halfway && (half & 1) === 1))
            half++;
        return sign | half;
    }
    let half = sign | (e << 10) | (mant >>> 13);
    const rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1))
        half++;
    return half;
}
/** The number an FP16 bit pattern stands for. */
function fromHalfBits(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >>> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    if (exp === 0)
        return sign * fraction * 2 ** -24;
    if (exp === 0x1f)
        return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
    return sign * (1 + fraction / 1024) * 2 ** (exp - 15);
}

;// CONCATENATED MODULE: ./.build/runtime/serve/tensor-datatypes.js


/** V2 datatype → onnxruntime tensor type. */
const ortTypeOfDatatype = {
    BOOL: "bool",
    UINT8: "uint8",
    UINT16: "uint16",
    UINT32: "uint32",
    UINT64: "uint64",
    INT8: "int8",
    INT16: "int16",
    INT32: "int32",
    INT64: "int64",
    FP16: "float16",
    FP32: "float32",
    FP64: "float64",
    BYTES: "string",
};
/** onnxruntime tensor type → V2 datatype; undefined for types V2 has no name for (int4, uint4). */
function datatypeOfOrtType(type) {
    for (const [datatype, ort] of Object.entries(ortTypeOfDatatype)) {
        if (ort === type)
            return datatype;
    }
    return undefined;
}
/** A typed array (or string array) of `length` elements for `datatype`. */
function allocateTensorData(datatype, length) {
    switch (datatype) {
        case TensorDatatype.FP32:
            return new Float32Array(length);
        case TensorDatatype.FP64:
            return new Float64Array(length);
        case TensorDatatype.INT8:
            return new Int8Array(length);
        case TensorDatatype.INT16:
            return new Int16Array(length);
        case TensorDatatype.INT32:
            return new Int32Array(length);
        case TensorDatatype.INT64:
            return new BigInt64Array(length);
        case TensorDatatype.UINT8:
        case TensorDatatype.BOOL:
            return new Uint8Array(length);
        case TensorDatatype.UINT16:
        case TensorDatatype.FP16:
            return new Uint16Array(length);
        case TensorDatatype.UINT32:
            return new Uint32Array(length);
        case TensorDatatype.UINT64:
            return new BigUint64Array(length);
        case TensorDatatype.BYTES:
            return new Array(length);
    }
}
const integerRanges = {
    INT8: [-128, 127],
    INT16: [-32768, 32767],
    INT32: [-2147483648, 2147483647],
    UINT8: [0, 255],
    UINT16: [0, 65535],
    UINT32: [0, 4294967295],
};
const int64Range = [-(2n ** 63n), 2n ** 63n - 1n];
const uint64Range = [0n, 2n ** 64n - 1n];
/** What a JSON value of `datatype` must look like, for error messages. */
function expectedValueText(datatype) {
    switch (datatype) {
        case TensorDatatype.FP16:
        case TensorDatatype.FP32:
        case TensorDatatype.FP64:
            return "a number or null (missing)";
        case TensorDatatype.BOOL:
            return "true or false";
        case TensorDatatype.BYTES:
            return "a string";
        case TensorDatatype.INT64:
        case TensorDatatype.UINT64: {
            const [lo, hi] = datatype === TensorDatatype.INT64 ? int64Range : uint64Range;
            return `an integer from ${lo} to ${hi} (a number, or a decimal string)`;
        }
        default: {
            const [lo, hi] = integerRanges[datatype];
            return `an integer from ${lo} to ${hi}`;
        }
    }
}
function toBigInt(value) {
    if (typeof value === "number")
        return Number.isSafeInteger(value) ? BigInt(value) : undefined;
    if (typeof value === "string" && /^-?\d{1,20}$/.test(value))
        return BigInt(value);
    return undefined;
}
/**
 * Write `value` at `index` of `data`; returns false (and writes nothing meaningful) when the value
 * is not valid for `datatype`. Hot path: no allocation for numeric types.
 */
function writeElement(datatype, data, index, value) {
    switch (datatype) {
        case TensorDatatype.FP32:
        case TensorDatatype.FP64:
            if (typeof value === "number") {
                data[index] = value;
                return true;
            }
            if (value === null) {
                data[index] = Number.NaN;
                return true;
            }
            return false;
        case TensorDatatype.BYTES:
            if (typeof value !== "string")
                return false;
            data[index] = value;
            return true;
        case TensorDatatype.BOOL:
            if (typeof value !== "boolean")
                return false;
            data[index] = value ? 1 : 0;
            return true;
        case TensorDatatype.INT64:
        case TensorDatatype.UINT64: {
            const big = toBigInt(value);
            const [lo, hi] = datatype === TensorDatatype.INT64 ? int64Range : uint64Range;
            if (big === undefined || big < lo || big > hi)
                return false;
            data[index] = big;
            return true;
        }
        case TensorDatatype.FP16:
            if (typeof value === "number") {
                data[index] = toHalfBits(value);
                return true;
            }
            if (value === null) {
                data[index] = 0x7e00; // NaN: missing
                return true;
            }
            return false;
        default: {
            const [lo, hi] = integerRanges[datatype];
            if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi)
                return false;
            data[index] = value;
            return true;
        }
    }
}
/** A 64-bit integer as JSON can hold it: a number within ±(2^53 − 1), else its decimal string. */
function jsonSafeBigInt(v) {
    return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v.toString();
}
/** A JSON-safe copy of an output tensor's elements (NaN → null, 64-bit beyond 2^53 → string). */
function toJsonValues(data, start = 0, end) {
    if (Array.isArray(data))
        return data.slice(start, end);
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
        const out = [];
        const stop = end ?? data.length;
        for (let i = start; i < stop; i++) {
            out.push(jsonSafeBigInt(data[i]));
        }
        return out;
    }
    if (ArrayBuffer.isView(data)) {
        const array = data;
        const stop = end ?? array.length;
        const out = new Array(stop - start);
        for (let i = start; i < stop; i++) {
            const v = array[i];
            out[i - start] = Number.isNaN(v) ? null : v;
        }
        return out;
    }
    return [];
}
/** BOOL outputs come back from onnxruntime as 0/1 bytes; V2 clients expect booleans. */
function toJsonElements(datatype, data, start = 0, end) {
    const values = toJsonValues(data, start, end);
    if (datatype === TensorDatatype.BOOL)
        return values.map((v) => v === 1);
    if (datatype === TensorDatatype.FP16) {
        return values.map((v) => {
            const n = fromHalfBits(v);
            return Number.isFinite(n) ? n : null;
        });
    }
    return values;
}

;// CONCATENATED MODULE: ./.build/runtime/serve/tensor-rows.js

/** Elements per row: the product of all dimensions after the first (1 for rank-1 tensors). */
function elementsPerRow(dims) {
    let n = 1;
    for (let k = 1; k < dims.length; k++)
        n *= dims[k];
    return n;
}
/** Elements in a tensor of shape `dims`: the product of all dimensions (1 for a scalar). */
function elementCount(dims) {
    let n = 1;
    for (const d of dims)
        n *= d;
    return n;
}
/** Row `row` of a tensor as JSON: a scalar when a row has one element, else a flat array. */
function rowValue(datatype, data, perRow, row) {
    const values = toJsonElements(datatype, data, row * perRow, (row + 1) * perRow);
    return perRow === 1 ? values[0] : values;
}
/** Rows [start, end) of a tensor's data, sharing memory for typed arrays. */
function sliceRows(data, perRow, start, end) {
    if (Array.isArray(data))
        return data.slice(start * perRow, end * perRow);
    if (ArrayBuffer.isView(data) && "subarray" in data) {
        const typed = data;
        return typed.subarray(start * perRow, end * perRow);
    }
    return data;
}

;// CONCATENATED MODULE: ./.build/runtime/serve/infer-response.js


/** The class labels of a Kiln classifier, or undefined for other models. */
function kilnClasses(signature) {
    if (signature.metadata["kiln.task"] !== "classification")
        return undefined;
    const text = signature.metadata["kiln.classes"];
    if (text === undefined)
        return undefined;
    try {
        const classes = JSON.parse(text);
        return Array.isArray(classes) ? classes.map(String) : undefined;
    }
    catch {
        return undefined;
    }
}
function tensorResponse(model, call, outputs) {
    const names = call.outputNames ?? model.signature.outputs.map((o) => o.name);
    const response = { model_name: model.name, model_version: model.version, outputs: [] };
    if (call.id !== undefined)
        response.id = call.id;
    for (const name of names) {
        const output = outputs[name];
        if (output === undefined)
            continue;
        response.outputs.push({
            name,
            datatype: output.datatype ?? "BYTES",
            shape: output.dims,
            data: toJsonElements(output.datatype, output.data),
        });
    }
    return response;
}
function recordsResponse(model, call, outputs) {
    const classes = kilnClasses(model.signature);
    const label = outputs.label;
    const probabilities = outputs.probabilities;
    const predictions = [];
    if (classes !== undefined && label !== undefined && probabilities !== undefined) {
        const perRow = elementsPerRow(probabilities.dims);
        const p = toJsonElements(probabilities.datatype, probabilities.data);
        for (let r = 0; r < call.rows; r++) {
            const byClass = {};
            for (let c = 0; c < perRow; c++)
                byClass[classes[c] ?? String(c)] = p[r * perRow + c];
            predictions.push({
                label: rowValue(label.datatype, label.data, elementsPerRow(label.dims), r),
                probabilities: byClass,
            });
        }
    }
    else {
        const cuts = Object.entries(outputs).map(([name, output]) => ({
            name,
            output,
            perRow: elementsPerRow(output.dims),
        }));
        for (let r = 0; r < call.rows; r++) {
            const prediction = {};
            for (const { name, output, perRow } of cuts)
                prediction[name] = rowValue(output.datatype, output.data, perRow, r);
            predictions.push(prediction);
        }
    }
    const response = { model_name: model.name, model_version: model.version, predictions };
    if (call.id !== undefined)
        response.id = call.id;
    return response;
}

;// CONCATENATED MODULE: ./.build/runtime/serve/read-json-body.js

/** The whole body as bytes, at most `maxBytes` of them. */
function readBody(request, maxBytes) {
    const declared = request.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBytes) {
        return Promise.reject(tooLarge(Number(declared), maxBytes));
    }
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let failed = false;
        request.on("data", (chunk) => {
            if (failed)
                return;
            size += chunk.length;
            if (size > maxBytes) {
                failed = true;
                reject(tooLarge(size, maxBytes));
                return;
            }
            chunks.push(chunk);
        });
        request.on("error", (error) => {
            if (!failed) {
                failed = true;
                reject(new errors/* RequestError */.GI(400, `body: the request body could not be read (${error.message}).`, {
                    field: "body",
                }));
            }
        });
        request.on("close", () => {
            // The client went away before the body ended: nothing to answer, but settle the promise.
            if (!failed && !request.complete) {
                failed = true;
                reject(new errors/* RequestError */.GI(400, "body: the client closed the connection before the body ended.", {
                    field: "body",
                }));
            }
        });
        request.on("end", () => {
            if (failed)
                return;
            resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
        });
    });
}
/** The JSON value of a body read by `readBody`. */
function parseJsonBody(body) {
    const text = body.toString("utf8");
    if (text.length === 0) {
        throw new errors/* RequestError */.GI(400, "body: empty; expected a JSON object.", { field: "body" });
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors/* RequestError */.GI(400, `body: not valid JSON (${error instanceof Error ? error.message : String(error)}).`, { field: "body" });
    }
}
function tooLarge(size, maxBytes) {
    return new errors/* RequestError */.GI(413, `body: ${size} bytes is more than this server accepts (${maxBytes} bytes); send fewer rows per request or raise --max-body-bytes.`, { field: "body" });
}

;// CONCATENATED MODULE: ./.build/runtime/serve/inference-server.js
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





/** Label used in metrics for requests that do not reach a known model. */
const serverMetricsLabel = "_server";
/** What Node accepts in a header value (and a sane length): other ids stay in the body only. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]{1,200}$/;
function createInferenceHandler(options) {
    const { models, metrics, predictionLog, logger } = options;
    const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
    const isReady = options.isReady ?? (() => true);
    const now = options.now ?? Date.now;
    const idPrefix = (0,external_node_crypto_.randomBytes)(4).toString("hex");
    let counter = 0;
    function send(response, status, body, requestId, closeConnection = false) {
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
        if (closeConnection)
            headers.push("connection", "close");
        response.writeHead(status, headers);
        response.end(text);
    }
    function sendError(response, error, requestId, where) {
        if (error instanceof errors/* RequestError */.GI) {
            // A body we stopped reading cannot leave the connection reusable.
            send(response, error.status, { error: error.message }, requestId, error.status === 413);
            return error.status;
        }
        if (error instanceof errors/* ModelError */.me) {
            logger.warn(`${where}: ${error.message}`);
            send(response, 500, { error: error.message }, requestId);
            return 500;
        }
        logger.error(`${where}: unexpected error (a bug in Kiln): ${error instanceof Error ? error.stack : (0,errors/* errorMessage */.gJ)(error)}`);
        send(response, 500, { error: `internal error: ${(0,errors/* errorMessage */.gJ)(error)}` }, requestId);
        return 500;
    }
    function findModel(name, version) {
        const model = models.get(name);
        if (model === undefined) {
            throw new errors/* RequestError */.GI(404, `model '${name}' is not served here; served models: ${[...models.keys()].sort().join(", ")}.`, {
                field: "model",
            });
        }
        if (version === undefined)
            return model.current;
        const served = model.version(version);
        if (served === undefined) {
            throw new errors/* RequestError */.GI(404, `model '${name}' version '${version}' is not served here; the served version is '${model.current.model.version}'.`, { field: "version" });
        }
        return served;
    }
    async function infer(request, response, served, requestId, started) {
        const body = await readBody(request, maxBodyBytes);
        const model = served.model;
        const call = served.readRequest(body);
        // The V2 `id` names the request in the log and, when it can be a header value, in x-request-id.
        const logId = call.id ?? requestId;
        if (call.id !== undefined && headerValue.test(call.id))
            requestId = call.id;
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
        const answer = call.form === "records" ? recordsResponse(model, call, outputs) : tensorResponse(model, call, outputs);
        send(response, 200, answer, requestId);
        return 200;
    }
    return (request, response) => {
        const started = now();
        const t0 = performance.now();
        const header = request.headers["x-request-id"];
        const requestId = typeof header === "string" && headerValue.test(header) ? header : `${idPrefix}-${++counter}`;
        const url = request.url ?? "/";
        const query = url.indexOf("?");
        const path = query < 0 ? url : url.slice(0, query);
        const parts = path.split("/").filter((p) => p.length > 0);
        if (path.includes("%"))
            for (let i = 0; i < parts.length; i++)
                parts[i] = safeDecode(parts[i]);
        let labelModel = serverMetricsLabel;
        let labelVersion = "";
        const finish = (status) => {
            metrics.observeRequest(labelModel, labelVersion, status, (performance.now() - t0) / 1000);
        };
        const fail = (error) => finish(sendError(response, error, requestId, `${request.method} ${url}`));
        try {
            const method = request.method ?? "GET";
            if (parts[0] === "metrics" && parts.length === 1) {
                allow(method, "GET");
                void metrics.render().then(({ contentType, body }) => {
                    response.writeHead(200, { "content-type": contentType, "x-request-id": requestId });
                    response.end(body);
                }, (error) => sendError(response, error, requestId, "GET /metrics"));
                return;
            }
            if (parts[0] !== "v2")
                throw notFound(method, url);
            if (parts.length === 1) {
                allow(method, "GET");
                send(response, 200, { name: "kiln", version: runtime_version/* kilnVersion */.x, extensions: [] }, requestId);
                return finish(200);
            }
            if (parts[1] === "health" && parts.length === 3 && (parts[2] === "live" || parts[2] === "ready")) {
                allow(method, "GET");
                if (parts[2] === "live")
                    send(response, 200, { live: true }, requestId);
                else {
                    const ready = isReady();
                    send(response, ready ? 200 : 503, { ready }, requestId);
                    return finish(ready ? 200 : 503);
                }
                return finish(200);
            }
            if (parts[1] !== "models" || parts.length < 3)
                throw notFound(method, url);
            const name = parts[2];
            let rest = parts.slice(3);
            let version;
            if (rest[0] === "versions") {
                if (rest.length < 2)
                    throw notFound(method, url);
                version = rest[1];
                rest = rest.slice(2);
            }
            if (rest.length > 1 || (rest.length === 1 && rest[0] !== "ready" && rest[0] !== "infer"))
                throw notFound(method, url);
            const served = findModel(name, version);
            labelModel = name;
            labelVersion = served.model.version;
            if (rest.length === 0) {
                allow(method, "GET");
                const model = models.get(name);
                const sig = served.model.signature;
                send(response, 200, {
                    name,
                    versions: version === undefined ? model.loadedVersions : [version],
                    platform: "onnxruntime_onnx",
                    inputs: sig.inputs,
                    outputs: sig.outputs,
                }, requestId);
                return finish(200);
            }
            if (rest[0] === "ready") {
                allow(method, "GET");
                send(response, 200, { name, ready: isReady() }, requestId);
                return finish(200);
            }
            allow(method, "POST");
            infer(request, response, served, requestId, started).then(finish, fail);
        }
        catch (error) {
            fail(error);
        }
    };
}
function allow(method, expected) {
    if (method !== expected) {
        throw new errors/* RequestError */.GI(405, `method ${method} is not allowed here; use ${expected}.`, {
            field: "method",
        });
    }
}
function notFound(method, url) {
    return new errors/* RequestError */.GI(404, `no route ${method} ${url}; routes: /v2, /v2/health/{live,ready}, /v2/models/{name}[/versions/{v}][/ready|/infer], /metrics.`, { field: "path" });
}
function safeDecode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}

// EXTERNAL MODULE: ./node_modules/onnx-proto/dist/onnx.js
var onnx = __webpack_require__(9070);
// EXTERNAL MODULE: external "onnxruntime-node"
var external_onnxruntime_node_ = __webpack_require__(3958);
;// CONCATENATED MODULE: ./.build/runtime/serve/infer-request.js
/**
 * Reading and validating an inference request against the served model's signature, before it can
 * reach onnxruntime or share a batch with other requests.
 *
 * Two forms are accepted at `POST /v2/models/{name}[/versions/{v}]/infer`:
 *
 * 1. The KServe V2 tensor form:
 *    `{"id"?, "parameters"?, "inputs": [{"name", "datatype", "shape", "data"}], "outputs"?: [{"name"}]}`
 *    with `data` flat or nested, row-major, covering `shape`.
 * 2. The records form, for people and scripts:
 *    `{"id"?, "instances": [{"<input name>": value, …}, …]}` — one object per row, one field per
 *    model input (a scalar for inputs of shape [-1] or [-1, 1], an array of the row's elements
 *    otherwise). The answer is `{"model_name", "model_version", "id"?, "predictions": [...]}`,
 *    see infer-response.ts.
 *
 * Every mistake is a RequestError (400) naming the field and what was expected.
 */



const RequestForm = { tensors: "tensors", records: "records" };
function describe(value) {
    if (value === undefined)
        return "nothing";
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
function shapeText(shape) {
    return `[${shape.join(", ")}]`;
}
function specText(spec) {
    return `${spec.datatype}, shape ${shapeText(spec.shape)}`;
}
function namesText(specs) {
    const names = specs.map((s) => s.name);
    return names.length > 25
        ? `${names.slice(0, 25).join(", ")}, … (${names.length} in all)`
        : names.join(", ");
}
function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** The request field of tensor data: `inputs[i].data` for the tensor form, the record field otherwise. */
function fieldOf(where) {
    return typeof where === "number" ? `inputs[${where}].data` : where;
}
/**
 * Write nested-or-flat JSON `data` for a tensor of `shape` into `out`, checking every element.
 * Returns the number of elements written; throws RequestError naming the field (built only then).
 */
function writeTensorData(where, datatype, shape, data, out, offset, total) {
    if (!Array.isArray(data)) {
        if (total === 1 && shape.length === 0) {
            if (!writeElement(datatype, out, offset, data)) {
                throw new errors/* RequestError */.GI(400, `${fieldOf(where)}: expected ${expectedValueText(datatype)}, got ${describe(data)}.`, { field: fieldOf(where) });
            }
            return 1;
        }
        throw new errors/* RequestError */.GI(400, `${fieldOf(where)}: expected an array of ${total} ${datatype} values, got ${describe(data)}.`, { field: fieldOf(where) });
    }
    // Flat: row-major elements.
    if (data.length === total && (total === 0 || !Array.isArray(data[0]))) {
        for (let i = 0; i < total; i++) {
            if (!writeElement(datatype, out, offset + i, data[i])) {
                throw new errors/* RequestError */.GI(400, `${fieldOf(where)}[${i}]: expected ${expectedValueText(datatype)}, got ${describe(data[i])}.`, { field: `${fieldOf(where)}[${i}]` });
            }
        }
        return total;
    }
    // Nested: each level must match the shape.
    let written = 0;
    const walk = (path, level, value) => {
        if (level === shape.length) {
            if (!writeElement(datatype, out, offset + written, value)) {
                throw new errors/* RequestError */.GI(400, `${path}: expected ${expectedValueText(datatype)}, got ${describe(value)}.`, {
                    field: path,
                });
            }
            written++;
            return;
        }
        if (!Array.isArray(value) || value.length !== shape[level]) {
            throw new errors/* RequestError */.GI(400, `${path}: expected ${total} values (flat) or nested arrays matching shape ${shapeText(shape)}; ` +
                `${Array.isArray(value) ? `found ${value.length} at depth ${level}` : `got ${describe(value)}`}.`, { field: path });
        }
        for (let i = 0; i < value.length; i++)
            walk(`${path}[${i}]`, level + 1, value[i]);
    };
    walk(fieldOf(where), 0, data);
    return written;
}
/** Whether every input and output has a variable first dimension, so rows of requests can be stacked. */
function hasBatchDimension(signature) {
    return lookupOf(signature).batchable;
}
/** Per-signature lookups, computed once per loaded model rather than once per request. */
const lookups = new WeakMap();
function lookupOf(signature) {
    let lookup = lookups.get(signature);
    if (lookup === undefined) {
        const all = [...signature.inputs, ...signature.outputs];
        lookup = {
            inputIndex: new Map(signature.inputs.map((spec, k) => [spec.name, k])),
            batchable: all.length > 0 && all.every((t) => t.shape.length > 0 && t.shape[0] === -1),
        };
        lookups.set(signature, lookup);
    }
    return lookup;
}
function readId(body) {
    const id = body.id;
    if (id === undefined)
        return undefined;
    if (typeof id !== "string")
        throw new errors/* RequestError */.GI(400, `id: expected a string, got ${describe(id)}.`, { field: "id" });
    return id;
}
function readOutputNames(body, signature) {
    const outputs = body.outputs;
    if (outputs === undefined)
        return undefined;
    if (!Array.isArray(outputs)) {
        throw new errors/* RequestError */.GI(400, `outputs: expected an array of {"name": …}, got ${describe(outputs)}.`, {
            field: "outputs",
        });
    }
    return outputs.map((o, i) => {
        const name = isPlainObject(o) ? o.name : undefined;
        if (typeof name !== "string" || !signature.outputs.some((s) => s.name === name)) {
            throw new errors/* RequestError */.GI(400, `outputs[${i}].name: expected one of the model's outputs (${namesText(signature.outputs)}), got ${describe(name)}.`, { field: `outputs[${i}].name` });
        }
        return name;
    });
}
/** Validate a KServe V2 tensor-form request body. */
function readTensorRequest(body, signature) {
    const id = readId(body);
    const inputs = body.inputs;
    if (!Array.isArray(inputs) || inputs.length === 0) {
        throw new errors/* RequestError */.GI(400, `inputs: expected a non-empty array of {"name", "datatype", "shape", "data"}, got ${describe(inputs)}.`, { field: "inputs" });
    }
    const lookup = lookupOf(signature);
    const found = new Array(signature.inputs.length);
    for (let i = 0; i < inputs.length; i++) {
        const entry = inputs[i];
        if (!isPlainObject(entry)) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}]: expected an object {"name", "datatype", "shape", "data"}, got ${describe(entry)}.`, { field: `inputs[${i}]` });
        }
        const name = entry.name;
        if (typeof name !== "string") {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].name: expected a string, got ${describe(name)}.`, {
                field: `inputs[${i}].name`,
            });
        }
        const index = lookup.inputIndex.get(name);
        if (index === undefined) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].name: the model has no input '${name}'; its inputs are: ${namesText(signature.inputs)}.`, { field: `inputs[${i}].name` });
        }
        const spec = signature.inputs[index];
        if (found[index] !== undefined) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].name: input '${name}' is given twice.`, {
                field: `inputs[${i}].name`,
            });
        }
        if (entry.datatype !== spec.datatype) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].datatype: input '${name}' expects "${spec.datatype}", got ${describe(entry.datatype)}.`, { field: `inputs[${i}].datatype` });
        }
        const shape = entry.shape;
        let size = 1;
        let shapeOk = Array.isArray(shape);
        if (shapeOk) {
            for (const d of shape) {
                if (!Number.isSafeInteger(d) || d < 0) {
                    shapeOk = false;
                    break;
                }
                size *= d;
            }
        }
        if (!shapeOk) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].shape: expected an array of non-negative integers like ${shapeText(spec.shape.map((d) => (d < 0 ? 1 : d)))}, got ${describe(shape)}.`, { field: `inputs[${i}].shape` });
        }
        const dims = shape;
        if (spec.shape.length > 0) {
            let fits = dims.length === spec.shape.length;
            for (let k = 0; fits && k < dims.length; k++) {
                const want = spec.shape[k];
                if (want >= 0 && want !== dims[k])
                    fits = false;
            }
            if (!fits) {
                throw new errors/* RequestError */.GI(400, `inputs[${i}].shape: input '${name}' expects shape ${shapeText(spec.shape)} (-1: any size), got ${shapeText(dims)}.`, { field: `inputs[${i}].shape` });
            }
        }
        const values = entry.data;
        if (values === undefined) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].data: missing; expected ${size} ${spec.datatype} values.`, {
                field: `inputs[${i}].data`,
            });
        }
        const count = Array.isArray(values) ? flatLength(values) : 1;
        if (count !== size) {
            throw new errors/* RequestError */.GI(400, `inputs[${i}].data: shape ${shapeText(dims)} needs ${size} values, got ${count}.`, {
                field: `inputs[${i}].data`,
            });
        }
        const data = allocateTensorData(spec.datatype, size);
        writeTensorData(i, spec.datatype, dims, values, data, 0, size);
        found[index] = { name, datatype: spec.datatype, shape: dims, data };
    }
    for (let k = 0; k < found.length; k++) {
        if (found[k] === undefined) {
            const spec = signature.inputs[k];
            throw new errors/* RequestError */.GI(400, `inputs: missing input '${spec.name}' (${specText(spec)}).`, {
                field: "inputs",
            });
        }
    }
    const ordered = found;
    let rows = 1;
    if (lookup.batchable) {
        rows = ordered[0].shape[0];
        const other = ordered.find((input) => input.shape[0] !== rows);
        if (other !== undefined) {
            throw new errors/* RequestError */.GI(400, `inputs: all inputs must have the same batch size (dim 0); '${ordered[0].name}' has ${rows}, '${other.name}' has ${other.shape[0]}.`, { field: "inputs" });
        }
    }
    return {
        form: RequestForm.tensors,
        id,
        rows,
        inputs: ordered,
        outputNames: readOutputNames(body, signature),
    };
}
function flatLength(data) {
    let n = 0;
    for (const v of data)
        n += Array.isArray(v) ? flatLength(v) : 1;
    return n;
}
/** Validate a records-form request body (`instances`). */
function readRecordsRequest(body, signature) {
    const id = readId(body);
    const instances = body.instances;
    if (!Array.isArray(instances) || instances.length === 0) {
        throw new errors/* RequestError */.GI(400, `instances: expected a non-empty array of objects {"<input>": value}, got ${describe(instances)}.`, {
            field: "instances",
        });
    }
    const rows = instances.length;
    const columns = signature.inputs.map((spec) => {
        const rowShape = spec.shape.slice(1);
        const fixedBatch = spec.shape[0] !== undefined && spec.shape[0] >= 0 ? spec.shape[0] : undefined;
        if (spec.shape.length === 0 ||
            rowShape.some((d) => d < 0) ||
            (fixedBatch !== undefined && fixedBatch !== rows)) {
            throw new errors/* RequestError */.GI(400, `instances: input '${spec.name}' has shape ${shapeText(spec.shape)}, which the records form cannot fill` +
                `${fixedBatch !== undefined ? ` with ${rows} instance(s)` : ""}; send the V2 tensor form ("inputs") instead.`, { field: "instances" });
        }
        const perRow = elementCount(rowShape);
        return { spec, rowShape, perRow, data: allocateTensorData(spec.datatype, rows * perRow) };
    });
    for (let r = 0; r < rows; r++) {
        const instance = instances[r];
        const at = `instances[${r}]`;
        if (!isPlainObject(instance)) {
            throw new errors/* RequestError */.GI(400, `${at}: expected an object {"<input>": value}, got ${describe(instance)}.`, { field: at });
        }
        let seen = 0;
        for (const column of columns) {
            const { spec, perRow, data } = column;
            const value = instance[spec.name];
            const field = `${at}.${spec.name}`;
            if (value === undefined) {
                throw new errors/* RequestError */.GI(400, `${at}: missing field '${spec.name}' (${expectedValueText(spec.datatype)}).`, {
                    field,
                });
            }
            seen++;
            if (perRow === 1 && !Array.isArray(value)) {
                if (!writeElement(spec.datatype, data, r, value)) {
                    throw new errors/* RequestError */.GI(400, `${field}: expected ${expectedValueText(spec.datatype)}, got ${describe(value)}.`, {
                        field,
                    });
                }
            }
            else {
                const count = Array.isArray(value) ? flatLength(value) : 1;
                if (count !== perRow) {
                    throw new errors/* RequestError */.GI(400, `${field}: expected ${perRow} value(s) per instance (row shape ${shapeText(column.rowShape)}), got ${count}.`, { field });
                }
                writeTensorData(field, spec.datatype, column.rowShape, value, data, r * perRow, perRow);
            }
        }
        if (seen !== Object.keys(instance).length) {
            const extra = Object.keys(instance).find((k) => !signature.inputs.some((s) => s.name === k));
            throw new errors/* RequestError */.GI(400, `${at}: unknown field '${extra}'; the model's inputs are: ${namesText(signature.inputs)}.`, { field: `${at}.${extra}` });
        }
    }
    return {
        form: RequestForm.records,
        id,
        rows,
        inputs: columns.map(({ spec, rowShape, data }) => ({
            name: spec.name,
            datatype: spec.datatype,
            shape: [rows, ...rowShape],
            data,
        })),
        outputNames: undefined,
    };
}
/** Validate a parsed JSON body in either form. */
function readInferRequest(body, signature) {
    if (!isPlainObject(body)) {
        throw new errors/* RequestError */.GI(400, `body: expected a JSON object with "inputs" (V2 tensors) or "instances" (records), got ${describe(body)}.`, {
            field: "body",
        });
    }
    if ("instances" in body) {
        if ("inputs" in body) {
            throw new errors/* RequestError */.GI(400, `body: give either "inputs" (V2 tensors) or "instances" (records), not both.`, {
                field: "body",
            });
        }
        return readRecordsRequest(body, signature);
    }
    return readTensorRequest(body, signature);
}

;// CONCATENATED MODULE: ./.build/runtime/serve/input-packing.js
/**
 * Input packing: a model with many narrow inputs of one datatype (Kiln's trainers make one
 * `[-1, 1]` input per feature) is loaded with those inputs replaced by a single `[-1, Σ widths]`
 * tensor and a `Split` node in front of the graph that gives every original input back, unchanged.
 * onnxruntime's cost per call grows with the number of feeds (each is converted from JavaScript and
 * bound on its own): for a 20-feature logistic model a call went from about 77 µs to 26 µs.
 *
 * Only the session changes. The signature the server publishes, validates requests against and
 * logs is the model's own; the server packs the validated inputs just before each call. `Split`
 * copies values exactly, so the outputs are bit-for-bit those of the original graph.
 */



const { onnx: input_packing_onnx } = onnx;
const { DataType } = input_packing_onnx.TensorProto;
/** Datatypes packed, with their ONNX element type. */
const packable = {
    [TensorDatatype.FP32]: DataType.FLOAT,
    [TensorDatatype.FP64]: DataType.DOUBLE,
    [TensorDatatype.INT32]: DataType.INT32,
    [TensorDatatype.INT64]: DataType.INT64,
};
/** Models larger than this are served as they are (packing decodes and re-encodes the model). */
const maxPackedModelBytes = 256 * 1024 * 1024;
/**
 * Which inputs to pack: per datatype, every `[-1, w]` input with a fixed width, when there are at
 * least two of them. Undefined when nothing would be packed.
 */
function planInputPacking(signature, takenNames) {
    const byType = new Map();
    const unpacked = [];
    signature.inputs.forEach((spec, index) => {
        const fits = packable[spec.datatype] !== undefined &&
            spec.shape.length === 2 &&
            spec.shape[0] === -1 &&
            spec.shape[1] >= 1;
        if (!fits) {
            unpacked.push(index);
            return;
        }
        byType.set(spec.datatype, [...(byType.get(spec.datatype) ?? []), { index, width: spec.shape[1] }]);
    });
    const groups = [];
    for (const [datatype, members] of byType) {
        if (members.length < 2) {
            unpacked.push(...members.map((m) => m.index));
            continue;
        }
        let name = `kiln_packed_${datatype.toLowerCase()}`;
        while (takenNames.has(name))
            name = `_${name}`;
        groups.push({ name, datatype, width: members.reduce((n, m) => n + m.width, 0), members });
    }
    if (groups.length === 0)
        return undefined;
    unpacked.sort((a, b) => a - b);
    return { groups, unpacked };
}
/** Every name a graph already uses (inputs, outputs, initializers, node outputs). */
function graphNames(model) {
    const graph = model.graph;
    const names = new Set();
    for (const v of [...(graph?.input ?? []), ...(graph?.output ?? [])])
        if (v.name)
            names.add(v.name);
    for (const t of graph?.initializer ?? [])
        if (t.name)
            names.add(t.name);
    for (const node of graph?.node ?? [])
        for (const out of node.output ?? [])
            names.add(out);
    return names;
}
/** The model with each group's inputs replaced by its packed input and a Split node. */
function packModelInputs(model, signature, packing) {
    const graph = model.graph;
    const opset = (model.opsetImport ?? []).find((o) => !o.domain)?.version;
    const splitAsInput = opset === undefined || Number(opset) >= 13;
    const packedNames = new Set(packing.groups.flatMap((g) => g.members.map((m) => signature.inputs[m.index].name)));
    const inputs = (graph.input ?? []).filter((v) => !packedNames.has(v.name ?? ""));
    const splits = [];
    const initializers = [...(graph.initializer ?? [])];
    for (const group of packing.groups) {
        const batch = (graph.input ?? []).find((v) => v.name === signature.inputs[group.members[0].index].name)
            ?.type?.tensorType?.shape?.dim?.[0];
        inputs.push({
            name: group.name,
            type: {
                tensorType: {
                    elemType: packable[group.datatype],
                    shape: { dim: [batch ?? { dimParam: "batch" }, { dimValue: group.width }] },
                },
            },
        });
        const widths = group.members.map((m) => m.width);
        const outputs = group.members.map((m) => signature.inputs[m.index].name);
        const axis = { name: "axis", type: input_packing_onnx.AttributeProto.AttributeType.INT, i: 1 };
        if (splitAsInput) {
            const sizes = `${group.name}_widths`;
            initializers.push({
                name: sizes,
                dims: [widths.length],
                dataType: DataType.INT64,
                int64Data: widths,
            });
            splits.push({
                opType: "Split",
                name: `${group.name}_split`,
                input: [group.name, sizes],
                output: outputs,
                attribute: [axis],
            });
        }
        else {
            splits.push({
                opType: "Split",
                name: `${group.name}_split`,
                input: [group.name],
                output: outputs,
                attribute: [axis, { name: "split", type: input_packing_onnx.AttributeProto.AttributeType.INTS, ints: widths }],
            });
        }
    }
    graph.input = inputs;
    graph.initializer = initializers;
    graph.node = [...splits, ...(graph.node ?? [])];
    return input_packing_onnx.ModelProto.encode(model).finish();
}
/** The feeds for the packed session: each group's inputs interleaved row by row into one tensor. */
function packInputs(inputs, packing) {
    const feeds = packing.unpacked.map((index) => inputs[index]);
    for (const group of packing.groups) {
        const rows = inputs[group.members[0].index].shape[0];
        const data = allocateTensorData(group.datatype, rows * group.width);
        let column = 0;
        for (const member of group.members) {
            const source = inputs[member.index].data;
            const w = member.width;
            if (w === 1) {
                for (let r = 0; r < rows; r++)
                    data[r * group.width + column] = source[r];
            }
            else {
                for (let r = 0; r < rows; r++) {
                    for (let j = 0; j < w; j++)
                        data[r * group.width + column + j] = source[r * w + j];
                }
            }
            column += w;
        }
        feeds.push({ name: group.name, datatype: group.datatype, shape: [rows, group.width], data });
    }
    return feeds;
}

;// CONCATENATED MODULE: ./.build/runtime/serve/session-signature.js


/** `metadata_props` of a decoded ONNX model. */
function metadataProps(model) {
    const props = {};
    for (const prop of model.metadataProps ?? []) {
        if (prop.key)
            props[prop.key] = prop.value ?? "";
    }
    return props;
}
function tensorSpecs(list, direction, where) {
    return list.map((meta) => {
        if (!meta.isTensor) {
            throw new errors/* ModelError */.me(`${direction} '${meta.name}' is not a tensor (a sequence or map, e.g. ZipMap).`, where, {
                hint: "Serve models whose inputs and outputs are tensors; replace ZipMap by a probabilities tensor.",
            });
        }
        const datatype = datatypeOfOrtType(meta.type);
        if (datatype === undefined) {
            throw new errors/* ModelError */.me(`${direction} '${meta.name}' has element type ${meta.type}, which KServe V2 cannot carry.`, where);
        }
        return {
            name: meta.name,
            datatype,
            shape: meta.shape.map((d) => (typeof d === "number" && d >= 0 ? d : -1)),
        };
    });
}
/** The V2 signature of a loaded session. */
function sessionSignature(session, model, where) {
    return {
        inputs: tensorSpecs(session.inputMetadata, "input", where),
        outputs: tensorSpecs(session.outputMetadata, "output", where),
        metadata: metadataProps(model),
    };
}

;// CONCATENATED MODULE: ./.build/runtime/serve/loaded-model.js
/**
 * A model loaded in onnxruntime-node and ready to answer: its identity (name, version, digest),
 * its signature, and `run`, the one place onnxruntime errors are turned into Kiln errors.
 */







/** Load ONNX bytes into an onnxruntime session. Throws ModelError when the bytes are not a usable model. */
async function loadModel(bytes, options) {
    const where = { model: options.name, version: options.version };
    const create = (model) => external_onnxruntime_node_.InferenceSession.create(model, {
        intraOpNumThreads: options.threads ?? 1,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
        // Failures come back as errors and are logged by the server; keep onnxruntime quiet.
        logSeverityLevel: 4,
    });
    let session;
    try {
        session = await create(bytes);
    }
    catch (error) {
        throw new errors/* ModelError */.me(`onnxruntime cannot load the model: ${(0,errors/* errorMessage */.gJ)(error)}`, where, {
            cause: error,
        });
    }
    // Decoded once: for the metadata, and for input packing's rewrite.
    const model = onnx.onnx.ModelProto.decode(bytes);
    const signature = sessionSignature(session, model, where);
    let packing;
    if ((options.packInputs ?? true) && bytes.length <= maxPackedModelBytes) {
        packing = planInputPacking(signature, graphNames(model));
        if (packing !== undefined) {
            try {
                const packed = await create(packModelInputs(model, signature, packing));
                await session.release();
                session = packed;
            }
            catch {
                // Packing only saves time: a graph onnxruntime will not take rewritten is served as it is.
                packing = undefined;
            }
        }
    }
    const outputTypes = new Map(signature.outputs.map((o) => [o.name, o.datatype]));
    return {
        name: options.name,
        version: options.version,
        sha256: options.sha256,
        signature,
        batchable: hasBatchDimension(signature),
        packed: packing === undefined
            ? undefined
            : {
                inputs: packing.groups.reduce((n, g) => n + g.members.length, 0),
                tensors: packing.groups.length,
            },
        async run(inputs) {
            const feeds = {};
            for (const input of packing === undefined ? inputs : packInputs(inputs, packing)) {
                feeds[input.name] = new external_onnxruntime_node_.Tensor(ortTypeOfDatatype[input.datatype], input.data, input.shape);
            }
            let results;
            try {
                results = await session.run(feeds);
            }
            catch (error) {
                throw new errors/* ModelError */.me(`onnxruntime failed on this request: ${(0,errors/* errorMessage */.gJ)(error)}`, where, {
                    cause: error,
                });
            }
            const outputs = {};
            for (const [name, value] of Object.entries(results)) {
                outputs[name] = {
                    datatype: outputTypes.get(name) ?? datatypeOfOrtType(value.type),
                    dims: [...value.dims],
                    data: value.data,
                };
            }
            return outputs;
        },
        async release() {
            await session.release();
        },
    };
}

;// CONCATENATED MODULE: ./.build/runtime/serve/model-follower.js
/**
 * Hot swap: poll a model source and, when the reference it follows moves to another version,
 * load that version beside the one being served and switch to it (ServedModel.swap). A failed
 * poll or load is logged and retried at the next poll; the served version stays in place.
 */

function followModel(options) {
    const { source, served, load, logger } = options;
    let busy;
    let stopped = false;
    const drains = new Set();
    async function check() {
        const serving = served.current.model.version;
        const wanted = await source.currentVersion();
        if (wanted === serving || stopped)
            return;
        const resolved = await source.resolve();
        if (resolved.version === serving || stopped)
            return;
        logger.info(`${source.description}: loading version ${resolved.version} (serving ${serving}).`);
        const next = await load(resolved);
        if (stopped) {
            await next.release();
            return;
        }
        const drain = served.swap(next);
        drains.add(drain);
        void drain.finally(() => drains.delete(drain));
        logger.info(`${source.description}: now serving version ${next.version} (was ${serving}).`);
        options.onSwap?.(serving, next.version);
    }
    function poll() {
        busy ??= check()
            .catch((error) => {
            logger.warn(`${source.description}: cannot check for a new version: ${(0,errors/* errorMessage */.gJ)(error)}`);
        })
            .finally(() => {
            busy = undefined;
        });
        return busy;
    }
    const timer = setInterval(() => void poll(), options.intervalMs);
    timer.unref();
    return {
        poll,
        async stop() {
            stopped = true;
            clearInterval(timer);
            await busy;
            await Promise.all([...drains]);
        },
    };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/runtime/serve/float32-text.js
/**
 * The shortest decimal text of a float32 value: the fewest significant digits that read back (as a
 * double, rounded to float32) to the same value, the way numpy prints a float32. A float32 read
 * from a Float32Array is a double such as 0.10000000149011612; printed with `String` it takes 17
 * digits and the engine's slow double-to-text path, where "0.1" says the same float32 exactly.
 *
 * Magnitudes from 1e-6 to 1e9 are done with integer arithmetic (a binary search over 1–9 digits,
 * since a float32 needs at most 9); other magnitudes, rare in features and scores, try
 * `toPrecision` with 1–9 digits; zero keeps its sign; non-finite values are `String`'s.
 */
/** 10^-30 … 10^30 as doubles, for scaling. */
const powers = Array.from({ length: 61 }, (_, k) => 10 ** (k - 30));
function power(exponent) {
    return powers[exponent + 30];
}
/** `n` × 10^(exponent − p + 1), p being n's digit count, written in plain decimal notation. */
function placeDecimalPoint(n, exponent, negative) {
    let digits = String(n);
    const p = digits.length;
    // Trailing zeros of the integer are not significant digits.
    let end = digits.length;
    while (end > 1 && digits.charCodeAt(end - 1) === 0x30)
        end--;
    const sign = negative ? "-" : "";
    if (exponent >= p - 1)
        return sign + digits + "0".repeat(exponent - p + 1);
    digits = digits.slice(0, end);
    if (exponent < 0)
        return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = exponent + 1;
    if (digits.length <= whole)
        return sign + digits + "0".repeat(whole - digits.length);
    return `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}`;
}
/** The shortest decimal text that reads back to the float32 value `v` (a double holding a float32). */
function float32Text(v) {
    const a = v < 0 ? -v : v;
    if (a === 0)
        return Object.is(v, -0) ? "-0" : "0";
    if (!Number.isFinite(a))
        return String(v);
    if (!(a >= 1e-6 && a < 1e9))
        return byPrecision(v);
    let exponent = Math.floor(Math.log10(a));
    // log10 can be one off next to a power of ten.
    if (power(exponent) > a)
        exponent--;
    else if (power(exponent + 1) <= a)
        exponent++;
    // Binary search for the fewest digits that round-trip (more digits never stop round-tripping).
    let low = 1;
    let high = 9;
    let best = 0;
    let bestExponent = exponent;
    while (low <= high) {
        const p = (low + high) >> 1;
        const shift = p - 1 - exponent;
        let n = Math.round(shift >= 0 ? a * power(shift) : a / power(-shift));
        let e = exponent;
        if (n >= power(p)) {
            // Rounding carried into a new digit (9.96 → 10.0).
            n /= 10;
            e++;
        }
        const back = e - p + 1 >= 0 ? n * power(e - p + 1) : n / power(p - 1 - e);
        if (Math.fround(back) === a) {
            best = n;
            bestExponent = e;
            high = p - 1;
        }
        else
            low = p + 1;
    }
    if (best === 0)
        return byPrecision(v);
    return placeDecimalPoint(best, bestExponent, v < 0);
}
/** The same by trying `toPrecision` with 1–9 digits: exact for every float32, and slow. */
function byPrecision(v) {
    for (let p = 1; p < 9; p++) {
        const text = String(Number(v.toPrecision(p)));
        if (Math.fround(Number(text)) === v)
            return text;
    }
    return String(Number(v.toPrecision(9)));
}

;// CONCATENATED MODULE: ./.build/runtime/serve/prediction-log-rows.js
/**
 * Writing prediction log rows (the PredictionRow shape of prediction-log.ts) as JSON Lines bytes,
 * straight into the chunks that go to gzip: no row objects, no JSON.stringify and no strings built
 * and flattened per row, since this runs for every prediction on the thread that answers requests.
 * Numbers that a request template read (request-templates.ts) are copied from the request body as
 * the client wrote them; other values are formatted (FP32 with float32Text).
 */




/** Bytes handed on at once (each hand-over is a gzip write, a job on libuv's thread pool). */
const chunkBytes = 64 * 1024;
/** An append-only byte buffer that hands full chunks to `onChunk` (which keeps them). */
class ByteSink {
    #onChunk;
    #chunk = Buffer.allocUnsafe(chunkBytes);
    #at = 0;
    constructor(onChunk) {
        this.#onChunk = onChunk;
    }
    /** Make room for `n` more bytes. */
    #reserve(n) {
        if (this.#at + n <= this.#chunk.length)
            return;
        this.flush();
        if (n > this.#chunk.length)
            this.#chunk = Buffer.allocUnsafe(n);
    }
    /** Text known to be ASCII (numbers, times, escaped keys). */
    ascii(text) {
        this.#reserve(text.length);
        const chunk = this.#chunk;
        let at = this.#at;
        for (let i = 0; i < text.length; i++)
            chunk[at++] = text.charCodeAt(i);
        this.#at = at;
    }
    utf8(text) {
        this.#reserve(text.length * 3);
        this.#at += this.#chunk.write(text, this.#at, "utf8");
    }
    /** A JSON string literal of `text`: written directly when it needs no escapes and is ASCII. */
    jsonString(text) {
        this.#reserve(text.length + 2);
        const chunk = this.#chunk;
        let at = this.#at;
        chunk[at++] = 0x22;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
                // Escapes or more than ASCII: JSON.stringify's text, over what was written here.
                this.utf8(JSON.stringify(text));
                return;
            }
            chunk[at++] = c;
        }
        chunk[at++] = 0x22;
        this.#at = at;
    }
    bytes(source, start = 0, end = source.length) {
        this.#reserve(end - start);
        const chunk = this.#chunk;
        let at = this.#at;
        for (let i = start; i < end; i++)
            chunk[at++] = source[i];
        this.#at = at;
    }
    /**
     * `fixed` cut at `ends` into pieces, each followed by a slice of `source`: piece k, then
     * `source[bounds[2h], bounds[2h + 1])` for h = `holes[k]` (one tight loop: this writes most of a
     * log row).
     */
    interleave(fixed, ends, source, bounds, holes) {
        let size = fixed.length;
        for (let k = 0; k < holes.length; k++)
            size += bounds[2 * holes[k] + 1] - bounds[2 * holes[k]];
        this.#reserve(size);
        const chunk = this.#chunk;
        let at = this.#at;
        let from = 0;
        for (let k = 0; k < holes.length; k++) {
            const end = ends[k];
            for (let i = from; i < end; i++)
                chunk[at++] = fixed[i];
            from = end;
            const h = holes[k];
            const stop = bounds[2 * h + 1];
            for (let i = bounds[2 * h]; i < stop; i++)
                chunk[at++] = source[i];
        }
        this.#at = at;
    }
    /** Hand on what has been written (a fresh chunk is used from now on). */
    flush() {
        if (this.#at === 0)
            return;
        this.#onChunk(this.#chunk.subarray(0, this.#at));
        this.#chunk = Buffer.allocUnsafe(chunkBytes);
        this.#at = 0;
    }
}
/** Bytes of tensor names as JSON keys (`"name":`), made once each. */
const keys = new Map();
function keyOf(name) {
    let bytes = keys.get(name);
    if (bytes === undefined) {
        bytes = Buffer.from(`${JSON.stringify(name)}:`);
        if (keys.size < 10_000)
            keys.set(name, bytes);
    }
    return bytes;
}
let lastTs = Number.NaN;
let lastIso = "";
/** ISO 8601 text of a time in ms (the last one is remembered: rows come in runs of one time). */
function isoTime(ts) {
    if (ts !== lastTs) {
        lastTs = ts;
        lastIso = new Date(ts).toISOString();
    }
    return lastIso;
}
const ElementKind = { string: 0, bigint: 1, bool: 2, number: 3, half: 4, float32: 5 };
function elementKind(datatype, data) {
    if (Array.isArray(data))
        return ElementKind.string;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array)
        return ElementKind.bigint;
    if (datatype === "BOOL")
        return ElementKind.bool;
    if (datatype === "FP16")
        return ElementKind.half;
    if (data instanceof Float32Array)
        return ElementKind.float32;
    return ElementKind.number;
}
const comma = Buffer.from(",");
const outputsOpen = Buffer.from('},"outputs":{');
const lineEnd = Buffer.from("}}\n");
const tsOpen = Buffer.from('{"ts":"');
const idOpen = Buffer.from('","request_id":');
const rowOpen = Buffer.from(',"row":');
/** `,"model":…,"version":…,"inputs":{` for each model and version, made once. */
const modelVersionParts = new Map();
function modelVersionPart(model, version) {
    let versions = modelVersionParts.get(model);
    if (versions === undefined) {
        versions = new Map();
        if (modelVersionParts.size < 1000)
            modelVersionParts.set(model, versions);
    }
    let part = versions.get(version);
    if (part === undefined) {
        part = Buffer.from(`,"model":${JSON.stringify(model)},"version":${JSON.stringify(version)},"inputs":{`);
        if (versions.size < 1000)
            versions.set(version, part);
    }
    return part;
}
const templateKeys = new WeakMap();
function inputKeys(entry) {
    const text = entry.inputText;
    if (text === undefined)
        return undefined;
    let found = templateKeys.get(text.holeOf);
    if (found === undefined) {
        const keys = entry.inputs.map((input, k) => Buffer.from(`${k === 0 ? "" : ","}${JSON.stringify(input.name)}:`));
        const ends = new Int32Array(keys.length);
        keys.reduce((end, key, k) => (ends[k] = end + key.length), 0);
        found = {
            keys,
            joined: Buffer.concat(keys),
            ends,
            singleHoles: text.holeOf.every((holes) => holes.length === 1)
                ? Int32Array.from(text.holeOf, (holes) => holes[0])
                : undefined,
        };
        templateKeys.set(text.holeOf, found);
    }
    return found;
}
/** Write every row of `entry` as one JSON line each. */
function writeEntry(out, entry) {
    const rows = entry.rows;
    const ts = isoTime(entry.ts);
    const middle = modelVersionPart(entry.model, entry.version);
    const inputs = entry.inputs;
    const text = entry.inputText;
    const keys = inputKeys(entry);
    for (let r = 0; r < rows; r++) {
        out.bytes(tsOpen);
        out.ascii(ts);
        out.bytes(idOpen);
        out.jsonString(entry.requestId);
        out.bytes(rowOpen);
        out.ascii(String(r));
        out.bytes(middle);
        if (keys?.singleHoles !== undefined && rows === 1) {
            // One row of single-element inputs read by a template: keys and the client's numbers in turn.
            out.interleave(keys.joined, keys.ends, text.body, text.bounds, keys.singleHoles);
        }
        else {
            for (let k = 0; k < inputs.length; k++) {
                const input = inputs[k];
                const data = input.data;
                const perRow = rowsAlongDim0(input.shape, rows) ? elementsPerRow(input.shape) : data.length;
                if (text !== undefined) {
                    out.bytes(keys.keys[k]);
                    writeRowText(out, text, k, perRow, r);
                }
                else {
                    if (k > 0)
                        out.bytes(comma);
                    out.bytes(keyOf(input.name));
                    writeRow(out, elementKind(input.datatype, data), data, perRow, r);
                }
            }
        }
        out.bytes(outputsOpen);
        let first = true;
        for (const name in entry.outputs) {
            const output = entry.outputs[name];
            if (!first)
                out.bytes(comma);
            first = false;
            out.bytes(keyOf(name));
            const perRow = rowsAlongDim0(output.dims, rows)
                ? elementsPerRow(output.dims)
                : elementCount(output.dims);
            writeRow(out, elementKind(output.datatype, output.data), output.data, perRow, r);
        }
        out.bytes(lineEnd);
    }
}
/** The JSON Lines text of some entries (what writeEntry writes), as a string. */
function serializeEntries(entries) {
    const chunks = [];
    const out = new ByteSink((bytes) => chunks.push(bytes));
    for (const entry of entries)
        writeEntry(out, entry);
    out.flush();
    return Buffer.concat(chunks).toString("utf8");
}
/** Row `row` of a tensor: a scalar when a row has one element, else a flat array. */
function writeRow(out, kind, data, perRow, row) {
    const start = row * perRow;
    if (perRow > 1)
        out.bytes(openBracket);
    for (let i = 0; i < perRow; i++) {
        if (i > 0)
            out.bytes(comma);
        if (kind === ElementKind.string) {
            const value = data[start + i];
            if (typeof value === "string")
                out.jsonString(value);
            else
                out.utf8(JSON.stringify(value ?? null));
        }
        else
            out.ascii(elementJson(kind, data, start + i));
    }
    if (perRow > 1)
        out.bytes(closeBracket);
}
const openBracket = Buffer.from("[");
const closeBracket = Buffer.from("]");
/** Row `row` of input `input` from the client's own text of its elements. */
function writeRowText(out, text, input, perRow, row) {
    const holes = text.holeOf[input];
    const bounds = text.bounds;
    const start = row * perRow;
    if (perRow > 1)
        out.bytes(openBracket);
    for (let i = 0; i < perRow; i++) {
        if (i > 0)
            out.bytes(comma);
        const h = holes[start + i];
        out.bytes(text.body, bounds[2 * h], bounds[2 * h + 1]);
    }
    if (perRow > 1)
        out.bytes(closeBracket);
}
/** One element as JSON text: NaN (missing) is null, 64-bit integers beyond 2^53 are strings. */
function elementJson(kind, data, index) {
    switch (kind) {
        case ElementKind.string:
            return JSON.stringify(data[index] ?? null);
        case ElementKind.bigint: {
            const v = jsonSafeBigInt(data[index]);
            return typeof v === "number" ? String(v) : `"${v}"`;
        }
        case ElementKind.half: {
            const v = fromHalfBits(data[index] ?? 0x7e00);
            return Number.isFinite(v) ? String(v) : "null";
        }
        case ElementKind.float32: {
            const v = data[index];
            return Number.isFinite(v) ? float32Text(v) : "null";
        }
        default: {
            const v = data[index];
            if (v === undefined || !Number.isFinite(v))
                return "null";
            if (kind === ElementKind.bool)
                return v === 1 ? "true" : "false";
            return String(v);
        }
    }
}
function rowsAlongDim0(dims, rows) {
    return dims.length > 0 && dims[0] === rows;
}

;// CONCATENATED MODULE: ./.build/runtime/serve/prediction-log.js
/**
 * The prediction log: every row the server predicts, appended to the store for monitoring, off the
 * request path.
 *
 * Layout: `predictions/<model>/<YYYY-MM-DD>/<YYYYMMDDTHHMMSSmmmZ>-<random>.jsonl.gz`, the date and
 * timestamp in UTC of the first row in the object. Each object is gzip-compressed JSON Lines, one
 * JSON object per predicted row (a request with n rows gives n lines):
 *
 * ```json
 * {"ts": "2026-11-28T23:28:00.123Z", "request_id": "r-1f3a-42", "row": 0,
 *  "model": "iris", "version": "1.2.0",
 *  "inputs": {"sepal_length": 5.1, "species_hint": "x", "pixels": [0, 1, 2]},
 *  "outputs": {"label": "setosa", "probabilities": [0.9, 0.05, 0.05]}}
 * ```
 *
 * - `ts`: ISO 8601 UTC time the request arrived; `request_id`: the request's V2 `id`, else its
 *   `x-request-id` header, else one the server made (also sent back in `x-request-id`);
 *   `row`: the row's index within its request.
 * - `inputs` / `outputs`: one entry per model input / output tensor, cut along dim 0: a scalar
 *   when a row holds one element (shape [-1] or [-1, 1]), else the row's elements as a flat
 *   row-major array. Missing FP32/FP64 values (NaN) are `null`; 64-bit integers beyond 2^53 are
 *   decimal strings. FP32 values are written with the fewest digits that give back the same float32
 *   (0.1, not 0.10000000149011612); the inputs of a request read by a template (request-templates.ts)
 *   are the numbers as the client wrote them, which round to the same values. Class probabilities follow the order of the model's `kiln.classes`.
 *   Models without a batch dimension log their whole tensors as row 0.
 *
 * Rows are written as bytes (prediction-log-rows.ts) once the responses of their event-loop turn
 * are written, compressed in 64 KiB chunks (gzip at its fastest level), and written in one object per model and day when `maxRows` rows are pending or
 * `flushIntervalMs` has passed. A failed write is retried with exponential backoff and counted;
 * rows are dropped (and counted) only after the last retry or beyond `maxPendingRows`. Nothing
 * here can fail a request.
 */




const msPerDay = 86_400_000;
function openObject(firstTs) {
    const gzip = (0,external_node_zlib_.createGzip)({ level: external_node_zlib_.constants.Z_BEST_SPEED });
    const chunks = [];
    gzip.on("data", (chunk) => chunks.push(chunk));
    const compressed = new Promise((resolve, reject) => {
        gzip.once("end", () => resolve(Buffer.concat(chunks)));
        gzip.once("error", reject);
    });
    // A stream error surfaces when the object is written; never as an unhandled rejection.
    compressed.catch(() => { });
    // Each gzip write is a job on libuv's thread pool: rows go over in 64 KiB chunks, not per turn.
    const sink = new ByteSink((bytes) => gzip.write(bytes));
    return { firstTs, rows: 0, gzip, sink, compressed };
}
class PredictionLog {
    #options;
    /** Entries appended since the last turn of the event loop, not yet serialized. */
    #fresh = [];
    #serializeScheduled = false;
    /** Rows waiting for a flush, by `<model>/<day>`, already flowing through gzip. */
    #pending = new Map();
    #pendingRows = 0;
    /** The current UTC day of each model's rows, and its object key prefix. */
    #days = new Map();
    #heldRows = 0;
    #writes = new Set();
    #timer;
    #closed = false;
    constructor(options) {
        this.#options = {
            maxRows: 2000,
            flushIntervalMs: 10_000,
            maxPendingRows: 200_000,
            attempts: 5,
            retryBaseMs: 200,
            now: Date.now,
            ...options,
        };
        this.#timer = setInterval(() => this.flush(), this.#options.flushIntervalMs);
        this.#timer.unref();
    }
    /** Record a request's predictions; cheap, never throws. */
    append(entry) {
        if (this.#heldRows + entry.rows > this.#options.maxPendingRows) {
            this.#options.onDropped?.(entry.rows);
            return;
        }
        this.#fresh.push({
            ts: entry.ts ?? this.#options.now(),
            requestId: entry.requestId,
            model: entry.model,
            version: entry.version,
            rows: entry.rows,
            inputs: entry.inputs,
            inputText: entry.inputText,
            outputs: entry.outputs,
        });
        this.#heldRows += entry.rows;
        // Serialized after the responses of this turn are written, so the request objects die young.
        if (!this.#serializeScheduled) {
            this.#serializeScheduled = true;
            setImmediate(() => this.#serializeFresh());
        }
    }
    #serializeFresh() {
        this.#serializeScheduled = false;
        const fresh = this.#fresh;
        if (fresh.length === 0)
            return;
        this.#fresh = [];
        // Each object's text goes to its gzip stream (compressed on the thread pool) in large chunks,
        // so what stays in memory until the flush is mostly compressed bytes, not strings.
        for (const entry of fresh) {
            const key = this.#objectKey(entry.model, entry.ts);
            let object = this.#pending.get(key);
            if (object === undefined) {
                object = openObject(entry.ts);
                this.#pending.set(key, object);
            }
            writeEntry(object.sink, entry);
            object.rows += entry.rows;
            this.#pendingRows += entry.rows;
        }
        if (this.#pendingRows >= this.#options.maxRows)
            this.flush();
    }
    /** `<model>/<YYYY-MM-DD>` of a row (UTC), made once per model and day rather than per row. */
    #objectKey(model, ts) {
        let day = this.#days.get(model);
        if (day === undefined || ts < day.start || ts >= day.start + msPerDay) {
            const start = ts - (((ts % msPerDay) + msPerDay) % msPerDay);
            day = { start, key: `${model}/${isoTime(start).slice(0, 10)}` };
            this.#days.set(model, day);
        }
        return day.key;
    }
    /** Start writing everything pending; the returned promise settles when those writes end. */
    flush() {
        this.#serializeFresh();
        if (this.#pending.size === 0)
            return Promise.resolve();
        const groups = this.#pending;
        this.#pending = new Map();
        this.#pendingRows = 0;
        const started = [];
        for (const [prefix, object] of groups) {
            const write = this.#write(prefix, object);
            this.#writes.add(write);
            void write.finally(() => this.#writes.delete(write));
            started.push(write);
        }
        return Promise.all(started).then(() => undefined);
    }
    /** Stop the timer, write everything pending and wait for every write (for shutdown). */
    async close() {
        if (!this.#closed) {
            this.#closed = true;
            clearInterval(this.#timer);
        }
        this.flush();
        while (this.#writes.size > 0)
            await Promise.all([...this.#writes]);
    }
    async #write(prefix, object) {
        const rows = object.rows;
        const first = new Date(object.firstTs).toISOString().replace(/[-:.]/g, "");
        const key = `predictions/${prefix}/${first}-${(0,external_node_crypto_.randomBytes)(6).toString("hex")}.jsonl.gz`;
        let body;
        try {
            object.sink.flush();
            object.gzip.end();
            body = await object.compressed;
        }
        catch (error) {
            this.#options.logger.warn(`prediction log: cannot compress ${rows} rows: ${(0,errors/* errorMessage */.gJ)(error)}`);
            this.#drop(rows);
            return;
        }
        const { attempts, retryBaseMs } = this.#options;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                await this.#options.store.put(key, body, {
                    ifNoneMatch: "*",
                    contentType: "application/x-ndjson",
                    contentLength: body.length,
                });
                this.#heldRows -= rows;
                this.#options.onWritten?.(rows);
                return;
            }
            catch (error) {
                this.#options.onFailure?.(error);
                this.#options.logger.warn(`prediction log: writing ${key} failed (attempt ${attempt} of ${attempts}): ${(0,errors/* errorMessage */.gJ)(error)}`);
                if (attempt < attempts)
                    await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** (attempt - 1)));
            }
        }
        this.#options.logger.error(`prediction log: gave up on ${rows} rows for ${key} after ${attempts} attempts.`);
        this.#drop(rows);
    }
    #drop(rows) {
        this.#heldRows -= rows;
        this.#options.onDropped?.(rows);
    }
}

;// CONCATENATED MODULE: ./.build/runtime/serve/micro-batcher.js


const defaultMicroBatchOptions = {
    maxBatchSize: 64,
    maxLatencyMs: 0,
    maxConcurrentRuns: 1,
};
class MicroBatcher {
    #run;
    #options;
    #hooks;
    #queue = [];
    #queuedRows = 0;
    #running = 0;
    #scheduled = false;
    #idleWaiters = [];
    constructor(run, options = {}, hooks = {}) {
        this.#run = run;
        this.#options = { ...defaultMicroBatchOptions, ...options };
        this.#hooks = hooks;
    }
    /** Rows waiting for a run. */
    get queuedRows() {
        return this.#queuedRows;
    }
    /** Run a validated call as part of a batch; resolves with this call's rows of every output. */
    submit(call) {
        return new Promise((resolve, reject) => {
            this.#queue.push({ call, resolve, reject });
            this.#queuedRows += call.rows;
            this.#schedule();
        });
    }
    /** Resolves once nothing is queued or running (for draining a model being replaced). */
    idle() {
        if (this.#queue.length === 0 && this.#running === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.#idleWaiters.push(resolve));
    }
    #schedule() {
        if (this.#scheduled || this.#queue.length === 0 || this.#running >= this.#options.maxConcurrentRuns)
            return;
        this.#scheduled = true;
        const fire = () => {
            this.#scheduled = false;
            this.#dispatch();
        };
        if (this.#options.maxLatencyMs > 0 && this.#queuedRows < this.#options.maxBatchSize) {
            setTimeout(fire, this.#options.maxLatencyMs);
        }
        else {
            setImmediate(fire);
        }
    }
    #dispatch() {
        while (this.#queue.length > 0 && this.#running < this.#options.maxConcurrentRuns) {
            const batch = [];
            let rows = 0;
            while (this.#queue.length > 0) {
                const next = this.#queue[0];
                if (batch.length > 0 && rows + next.call.rows > this.#options.maxBatchSize)
                    break;
                this.#queue.shift();
                batch.push(next);
                rows += next.call.rows;
            }
            this.#queuedRows -= rows;
            this.#running++;
            void this.#runBatch(batch, rows).finally(() => {
                this.#running--;
                if (this.#queue.length > 0)
                    this.#schedule();
                else if (this.#running === 0)
                    this.#notifyIdle();
            });
        }
    }
    #notifyIdle() {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const resolve of waiters)
            resolve();
    }
    async #runBatch(batch, rows) {
        if (batch.length === 1) {
            const only = batch[0];
            this.#hooks.onBatch?.(rows);
            try {
                only.resolve(await this.#run(only.call.inputs));
            }
            catch (error) {
                only.reject(error);
            }
            return;
        }
        let outputs;
        try {
            this.#hooks.onBatch?.(rows);
            outputs = await this.#run(concatenate(batch.map((p) => p.call)));
            if (!Object.values(outputs).every((o) => o.dims[0] === rows))
                throw new Error("outputs do not follow dim 0");
        }
        catch {
            // One member may be the culprit: run each alone so only it fails.
            await Promise.all(batch.map(async (member) => {
                this.#hooks.onBatch?.(member.call.rows);
                try {
                    member.resolve(await this.#run(member.call.inputs));
                }
                catch (error) {
                    member.reject(error);
                }
            }));
            return;
        }
        const cuts = Object.entries(outputs).map(([name, output]) => ({
            name,
            output,
            perRow: elementsPerRow(output.dims),
            rowShape: output.dims.slice(1),
        }));
        let start = 0;
        for (const member of batch) {
            const end = start + member.call.rows;
            const mine = {};
            for (const { name, output, perRow, rowShape } of cuts) {
                mine[name] = {
                    datatype: output.datatype,
                    dims: [member.call.rows, ...rowShape],
                    data: sliceRows(output.data, perRow, start, end),
                };
            }
            member.resolve(mine);
            start = end;
        }
    }
}
/** Stack the inputs of several calls along dim 0 (all calls were validated against one signature). */
function concatenate(calls) {
    const first = calls[0];
    let rows = 0;
    for (const call of calls)
        rows += call.rows;
    return first.inputs.map((input, k) => {
        const rowShape = input.shape.slice(1);
        const perRow = elementsPerRow(input.shape);
        const data = allocateTensorData(input.datatype, rows * perRow);
        let offset = 0;
        for (const call of calls) {
            const part = call.inputs[k].data;
            if (Array.isArray(data) || part.length <= 8) {
                // Strings, and the few elements of one request's row (copied faster by hand than by set()).
                for (let i = 0; i < part.length; i++)
                    data[offset + i] = part[i];
            }
            else {
                data.set(part, offset);
            }
            offset += part.length;
        }
        return { name: input.name, datatype: input.datatype, shape: [rows, ...rowShape], data };
    });
}

;// CONCATENATED MODULE: ./.build/runtime/serve/request-templates.js

/** Bodies longer than this are not learned (the fast path is for the many small requests). */
const maxTemplateBodyBytes = 64 * 1024;
/** Layouts remembered per model version. */
const maxTemplates = 4;
/** Datatypes whose JSON elements are numbers (BOOL and BYTES elements are not learned). */
const numericDatatypes = new Set([
    "FP16",
    "FP32",
    "FP64",
    "INT8",
    "INT16",
    "INT32",
    "INT64",
    "UINT8",
    "UINT16",
    "UINT32",
    "UINT64",
]);
const quote = 0x22;
const backslash = 0x5c;
const minus = 0x2d;
const plus = 0x2b;
const dot = 0x2e;
const zero = 0x30;
const nine = 0x39;
/** Doubles 10^0 … 10^22: exact, so `digits / 10^k` is correctly rounded for digits < 2^53. */
const powersOfTen = Array.from({ length: 23 }, (_, k) => 10 ** k);
class RequestTemplate {
    /** Fixed bytes before each hole, and after the last (one more than the holes). */
    segments;
    holes;
    inputs;
    rows;
    outputNames;
    /** Fixed bytes in all; a matching body is at least this long. */
    fixedBytes;
    /** The hole of each input's each element. */
    holeOf;
    constructor(segments, holes, call) {
        this.segments = segments.map((bytes) => new Segment(bytes));
        this.holes = holes;
        this.inputs = call.inputs.map((input) => ({
            name: input.name,
            datatype: input.datatype,
            shape: Object.freeze([...input.shape]),
            size: input.data.length,
        }));
        this.rows = call.rows;
        this.outputNames = call.outputNames;
        this.fixedBytes = segments.reduce((n, s) => n + s.length, 0);
        this.holeOf = call.inputs.map((input) => new Int32Array(input.data.length));
        holes.forEach((hole, h) => {
            if (hole.input >= 0)
                this.holeOf[hole.input][hole.element] = h;
        });
    }
    /** The call `body` holds when it has this layout; undefined when it does not. Never throws. */
    decode(body) {
        if (body.length < this.fixedBytes)
            return undefined;
        const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
        let at = this.segments[0].endIn(body, view, 0);
        if (at < 0)
            return undefined;
        const data = new Array(this.inputs.length);
        for (let k = 0; k < this.inputs.length; k++) {
            const input = this.inputs[k];
            data[k] = allocateTensorData(input.datatype, input.size);
        }
        let id;
        const holes = this.holes;
        // Where each hole's text is, for the prediction log.
        const bounds = new Int32Array(holes.length * 2);
        for (let h = 0; h < holes.length; h++) {
            if (h > 0)
                at = this.segments[h].endIn(body, view, at);
            if (at < 0)
                return undefined;
            const hole = holes[h];
            if (hole.input < 0) {
                const end = plainStringEnd(body, at);
                if (end < 0)
                    return undefined;
                id = body.toString("utf8", at, end);
                at = end;
            }
            else {
                const end = jsonNumberEnd(body, at);
                if (end < 0)
                    return undefined;
                const k = hole.input;
                if (!writeElement(this.inputs[k].datatype, data[k], hole.element, numberValue(body, at, end))) {
                    return undefined;
                }
                bounds[2 * h] = at;
                bounds[2 * h + 1] = end;
                at = end;
            }
        }
        if (holes.length > 0)
            at = this.segments[holes.length].endIn(body, view, at);
        if (at !== body.length)
            return undefined;
        const inputs = new Array(this.inputs.length);
        for (let k = 0; k < this.inputs.length; k++) {
            const input = this.inputs[k];
            inputs[k] = { name: input.name, datatype: input.datatype, shape: input.shape, data: data[k] };
        }
        return {
            form: "tensors",
            id,
            rows: this.rows,
            inputs,
            outputNames: this.outputNames,
            elementText: { body, bounds, holeOf: this.holeOf },
        };
    }
}
/** A fixed segment of a template, with its bytes also as little-endian 32-bit words for comparing. */
class Segment {
    bytes;
    words;
    constructor(bytes) {
        this.bytes = bytes;
        this.words = new Uint32Array(bytes.length >> 2);
        for (let i = 0; i < this.words.length; i++)
            this.words[i] = bytes.readUInt32LE(4 * i);
    }
    /** Where this segment ends when `body` (seen through `view`) holds it at `at`, else -1. */
    endIn(body, view, at) {
        const bytes = this.bytes;
        const end = at + bytes.length;
        if (end > body.length)
            return -1;
        const words = this.words;
        for (let i = 0; i < words.length; i++)
            if (view.getUint32(at + 4 * i, true) !== words[i])
                return -1;
        for (let i = words.length * 4; i < bytes.length; i++)
            if (body[at + i] !== bytes[i])
                return -1;
        return end;
    }
}
/** The end of a string's contents starting at `at` (its closing quote), if it has no escapes or control characters; else -1. */
function plainStringEnd(body, at) {
    for (let i = at; i < body.length; i++) {
        const b = body[i];
        if (b === quote)
            return i;
        if (b === backslash || b < 0x20)
            return -1;
    }
    return -1;
}
function isDigit(b) {
    return b !== undefined && b >= zero && b <= nine;
}
/** The end of the JSON number token at `at` (RFC 8259 grammar), else -1. */
function jsonNumberEnd(body, at) {
    let i = at;
    if (body[i] === minus)
        i++;
    if (body[i] === zero)
        i++;
    else if (isDigit(body[i]))
        while (isDigit(body[i]))
            i++;
    else
        return -1;
    if (body[i] === dot) {
        i++;
        if (!isDigit(body[i]))
            return -1;
        while (isDigit(body[i]))
            i++;
    }
    if (body[i] === 0x65 || body[i] === 0x45) {
        i++;
        if (body[i] === plus || body[i] === minus)
            i++;
        if (!isDigit(body[i]))
            return -1;
        while (isDigit(body[i]))
            i++;
    }
    return i;
}
/**
 * The double a valid JSON number token denotes, as JSON.parse gives it: exact integer arithmetic
 * for up to 15 digits without an exponent (one correctly rounded division), else the engine's own
 * string-to-number conversion.
 */
function numberValue(body, start, end) {
    let i = start;
    const negative = body[i] === minus;
    if (negative)
        i++;
    let digits = 0;
    let count = 0;
    let fraction = -1;
    for (; i < end; i++) {
        const b = body[i];
        if (b === dot)
            fraction = 0;
        else if (b >= zero && b <= nine) {
            digits = digits * 10 + (b - zero);
            count++;
            if (fraction >= 0)
                fraction++;
        }
        else {
            count = 16; // an exponent: take the general path
            break;
        }
    }
    if (count > 15)
        return Number(body.toString("latin1", start, end));
    const value = fraction > 0 ? digits / powersOfTen[fraction] : digits;
    return negative ? -value : value;
}
/** Every number and string value in a JSON text that JSON.parse accepted, in text order. */
function valueTokens(body) {
    const tokens = [];
    let i = 0;
    while (i < body.length) {
        const b = body[i];
        if (b === quote) {
            let j = i + 1;
            while (j < body.length && body[j] !== quote)
                j += body[j] === backslash ? 2 : 1;
            if (j >= body.length)
                return undefined;
            let next = j + 1;
            while (next < body.length &&
                (body[next] === 0x20 || body[next] === 0x0a || body[next] === 0x0d || body[next] === 0x09))
                next++;
            if (body[next] !== 0x3a)
                tokens.push({ kind: "string", start: i, end: j + 1 });
            i = j + 1;
        }
        else if (b === minus || isDigit(b)) {
            const end = jsonNumberEnd(body, i);
            if (end < 0)
                return undefined;
            tokens.push({ kind: "number", start: i, end });
            i = end;
        }
        else
            i++;
    }
    return tokens;
}
/** The marker standing for value token `index` in the marked text (no JSON text can hold U+0000 unescaped). */
function marker(index) {
    return `\u0000${index}`;
}
function markerIndex(value) {
    if (typeof value !== "string" || value.charCodeAt(0) !== 0)
        return undefined;
    return Number(value.slice(1));
}
/** The leaves of nested `data` in row-major order. */
function flatLeaves(data, out) {
    if (Array.isArray(data))
        for (const item of data)
            flatLeaves(item, out);
    else
        out.push(data);
    return out;
}
/**
 * A template from a body that was read the ordinary way into `call`, or undefined when the body
 * cannot be one (not the tensor form, a non-numeric input, too long, or anything unexpected).
 */
function learnTemplate(body, call) {
    if (call.form !== "tensors" || body.length > maxTemplateBodyBytes)
        return undefined;
    if (!call.inputs.every((input) => numericDatatypes.has(input.datatype)))
        return undefined;
    const tokens = valueTokens(body);
    if (tokens === undefined)
        return undefined;
    let marked = "";
    let at = 0;
    for (let t = 0; t < tokens.length; t++) {
        marked += `${body.toString("utf8", at, tokens[t].start)}${JSON.stringify(marker(t))}`;
        at = tokens[t].end;
    }
    marked += body.toString("utf8", at);
    let tree;
    try {
        tree = JSON.parse(marked);
    }
    catch {
        return undefined;
    }
    if (typeof tree !== "object" || tree === null || !Array.isArray(tree.inputs)) {
        return undefined;
    }
    const holeAt = new Map();
    const idToken = markerIndex(tree.id);
    if (idToken !== undefined) {
        if (tokens[idToken]?.kind !== "string")
            return undefined;
        holeAt.set(idToken, { input: -1, element: 0 });
    }
    const order = new Map(call.inputs.map((input, k) => [input.name, k]));
    for (const entry of tree.inputs) {
        const nameToken = markerIndex(entry?.name);
        if (nameToken === undefined)
            return undefined;
        const t = tokens[nameToken];
        const k = order.get(JSON.parse(body.toString("utf8", t.start, t.end)));
        if (k === undefined)
            return undefined;
        const leaves = flatLeaves(entry.data, []);
        if (leaves.length !== call.inputs[k].data.length)
            return undefined;
        for (let j = 0; j < leaves.length; j++) {
            const token = markerIndex(leaves[j]);
            if (token === undefined || tokens[token].kind !== "number")
                return undefined;
            holeAt.set(token, { input: k, element: j });
        }
    }
    const segments = [];
    const holes = [];
    at = 0;
    for (const [t, hole] of [...holeAt].sort((a, b) => a[0] - b[0])) {
        const token = tokens[t];
        // A string hole is its contents: the quotes stay in the fixed segments.
        const start = hole.input < 0 ? token.start + 1 : token.start;
        segments.push(Buffer.from(body.subarray(at, start)));
        holes.push(hole);
        at = hole.input < 0 ? token.end - 1 : token.end;
    }
    segments.push(Buffer.from(body.subarray(at)));
    const template = new RequestTemplate(segments, holes, call);
    // The learned body must read back as the very call it was learned from.
    const again = template.decode(body);
    return again !== undefined && sameCall(again, call) ? template : undefined;
}
function sameCall(a, b) {
    if (a.id !== b.id || a.rows !== b.rows || a.inputs.length !== b.inputs.length)
        return false;
    return a.inputs.every((input, k) => {
        const other = b.inputs[k];
        if (input.name !== other.name || input.data.length !== other.data.length)
            return false;
        for (let i = 0; i < input.data.length; i++)
            if (!Object.is(input.data[i], other.data[i]))
                return false;
        return true;
    });
}
/**
 * The templates of one model version: the few layouts its clients send, most recently matched
 * first. Learning stops being tried so often when bodies never repeat a layout.
 */
class RequestTemplates {
    #templates = [];
    /** Bodies in a row that no template matched; one is learned when this reaches a power of two. */
    #misses = 0;
    /** The call for `body` when it has a learned layout; undefined when it must be read the ordinary way. */
    match(body) {
        const templates = this.#templates;
        for (let i = 0; i < templates.length; i++) {
            const call = templates[i].decode(body);
            if (call !== undefined) {
                if (i > 0)
                    templates.unshift(...templates.splice(i, 1));
                this.#misses = 0;
                return call;
            }
        }
        return undefined;
    }
    /** Offer a body that no template matched and that was read the ordinary way into `call`. */
    learn(body, call) {
        this.#misses++;
        if ((this.#misses & (this.#misses - 1)) !== 0)
            return;
        const template = learnTemplate(body, call);
        if (template === undefined)
            return;
        this.#templates.unshift(template);
        if (this.#templates.length > maxTemplates)
            this.#templates.pop();
    }
    get size() {
        return this.#templates.length;
    }
}

;// CONCATENATED MODULE: ./.build/runtime/serve/served-model.js
/**
 * One model name as the server answers for it: the version being served now, and the versions
 * being drained after a swap. Switching is one reference assignment: a request takes the current
 * version when it arrives and keeps it to the end, so no request is cut off by a swap; the old
 * version is released once its last request is answered.
 */




/** A loaded version with its batcher and the count of requests using it. */
class ServedVersion {
    model;
    #batcher;
    #metrics;
    #unwatchQueue;
    #templates = new RequestTemplates();
    #inFlight = 0;
    #drained = [];
    constructor(model, batching, metrics) {
        this.model = model;
        this.#metrics = metrics;
        const batcher = batching && model.batchable
            ? new MicroBatcher((inputs) => model.run(inputs), batching, {
                onBatch: (rows) => metrics?.observeBatch(model.name, model.version, rows),
            })
            : undefined;
        this.#batcher = batcher;
        this.#unwatchQueue =
            batcher && metrics ? metrics.watchQueue(model.name, model.version, () => batcher.queuedRows) : () => { };
    }
    /** Stop reporting this version's queue (once it is released). */
    forget() {
        this.#unwatchQueue();
    }
    get batching() {
        return this.#batcher !== undefined;
    }
    /**
     * Read and validate a request body against this version's signature: by a learned layout when
     * the body has one (see request-templates.ts), else as JSON. Throws RequestError (400).
     */
    readRequest(body) {
        const known = this.#templates.match(body);
        if (known !== undefined)
            return known;
        const call = readInferRequest(parseJsonBody(body), this.model.signature);
        this.#templates.learn(body, call);
        return call;
    }
    /** Run a validated call on this version (batched when the model allows). */
    async infer(call) {
        this.#inFlight++;
        try {
            if (this.#batcher)
                return await this.#batcher.submit(call);
            this.#metrics?.observeBatch(this.model.name, this.model.version, call.rows);
            return await this.model.run(call.inputs);
        }
        finally {
            this.#inFlight--;
            if (this.#inFlight === 0) {
                const waiters = this.#drained;
                this.#drained = [];
                for (const resolve of waiters)
                    resolve();
            }
        }
    }
    /** Resolves once no request is using this version. */
    drained() {
        if (this.#inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.#drained.push(resolve));
    }
}
class ServedModel {
    name;
    #current;
    #draining = new Set();
    #batching;
    #metrics;
    constructor(first, batching, metrics) {
        this.name = first.name;
        this.#batching = batching;
        this.#metrics = metrics;
        this.#current = this.#wrap(first);
        metrics?.setServed(first.name, first.version, first.sha256, true);
    }
    #wrap(model) {
        return new ServedVersion(model, this.#batching, this.#metrics);
    }
    /** The version new requests go to. */
    get current() {
        return this.#current;
    }
    /** The version with this name, if it takes new requests (only the current one does). */
    version(version) {
        return this.#current.model.version === version ? this.#current : undefined;
    }
    /** Versions still loaded: the current one first, then any being drained. */
    get loadedVersions() {
        return [this.#current.model.version, ...[...this.#draining].map((v) => v.model.version)];
    }
    /**
     * Serve `next` from now on; the previous version finishes its requests and is released.
     * Resolves when the previous version has been released.
     */
    async swap(next) {
        const previous = this.#current;
        this.#current = this.#wrap(next);
        this.#metrics?.setServed(next.name, next.version, next.sha256, true);
        this.#draining.add(previous);
        try {
            await previous.drained();
            previous.forget();
            await previous.model.release();
        }
        finally {
            this.#draining.delete(previous);
            if (previous.model.version !== next.version) {
                this.#metrics?.setServed(previous.model.name, previous.model.version, previous.model.sha256, false);
            }
        }
    }
    /** Wait for every request on every loaded version (for shutdown). */
    async drained() {
        await Promise.all([this.#current.drained(), ...[...this.#draining].map((v) => v.drained())]);
    }
}

;// CONCATENATED MODULE: ./.build/runtime/serve/start-inference-server.js
/**
 * Start the inference server: load each source's current version, listen, follow the sources for
 * hot swaps, and shut down gracefully (stop accepting, answer in-flight requests, flush the
 * prediction log, release the sessions).
 */








async function startInferenceServer(options) {
    const { logger } = options;
    const metrics = options.metrics ?? createServeMetrics();
    const load = (resolved) => loadModel(resolved.bytes, {
        name: resolved.name,
        version: resolved.version,
        sha256: resolved.sha256,
        ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
    const models = new Map();
    for (const source of options.sources) {
        const resolved = await source.resolve();
        const model = await load(resolved);
        models.set(source.name, new ServedModel(model, options.batching, metrics));
        logger.info(`loaded ${source.description}: version ${model.version} (sha256:${model.sha256.slice(0, 12)}), ` +
            `${model.signature.inputs.length} inputs${model.packed ? ` (${model.packed.inputs} packed into ${model.packed.tensors} tensor${model.packed.tensors > 1 ? "s" : ""} for onnxruntime)` : ""}, ${model.signature.outputs.length} outputs, ` +
            `batching ${options.batching && model.batchable ? `on (≤${options.batching.maxBatchSize} rows)` : "off"}.`);
    }
    const predictionLog = options.predictionStore === undefined
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
    const server = (0,external_node_http_.createServer)({ keepAliveTimeout: 65_000 }, (request, response) => {
        // While shutting down, every answer closes its connection so keep-alive clients move on.
        if (shuttingDown)
            response.setHeader("connection", "close");
        handler(request, response);
    });
    const port = options.port ?? 8080;
    const listenHost = options.host ?? "0.0.0.0";
    try {
        await new Promise((resolve, reject) => {
            server.once("error", reject);
            server.listen(port, listenHost, () => {
                server.off("error", reject);
                resolve();
            });
        });
    }
    catch (error) {
        await Promise.all([...models.values()].map((m) => m.current.model.release()));
        throw listenError(error, listenHost, port);
    }
    const address = server.address();
    const host = options.host === undefined || options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
    const followers = options.pollIntervalMs && options.pollIntervalMs > 0
        ? options.sources.map((source) => followModel({
            source,
            served: models.get(source.name),
            load,
            logger,
            intervalMs: options.pollIntervalMs,
        }))
        : [];
    let closing;
    async function shutdown() {
        shuttingDown = true;
        const closed = new Promise((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
        const timeout = new Promise((resolve) => {
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
function listenError(error, host, port) {
    const code = error?.code;
    const where = `${host}:${port}`;
    if (code === "EADDRINUSE")
        return new errors/* UsageError */.eb(`${where} is already in use by another process; choose another --port.`, {
            cause: error,
        });
    if (code === "EACCES")
        return new errors/* UsageError */.eb(`not allowed to listen on ${where} (ports below 1024 need privileges); choose another --port.`, {
            cause: error,
        });
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        return new errors/* UsageError */.eb(`--host ${host} is not an address of this machine; use 0.0.0.0 or 127.0.0.1.`, {
            cause: error,
        });
    return error;
}

// EXTERNAL MODULE: ./.build/runtime/store/open-store.js + 2 modules
var open_store = __webpack_require__(7943);
// EXTERNAL MODULE: ./.build/runtime/cli/console-logger.js
var console_logger = __webpack_require__(9498);
;// CONCATENATED MODULE: ./.build/runtime/cli/commands/serve-commands.js
/**
 * `kiln serve`: the KServe V2 inference server; `kiln deploy render`: Kubernetes manifests for it.
 */
















function integer(flag, text, min) {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) {
        throw new errors/* UsageError */.eb(`--${flag}: expected an integer ≥ ${min}, got '${text}'.`);
    }
    return value;
}
/** The line scripts wait for; a server bound to every interface says so beside its loopback URL. */
function listeningLine(url, host) {
    const everywhere = host === "0.0.0.0" || host === "::";
    return `listening on ${url}${everywhere ? ` (bound to ${host}: every interface)` : ""}\n`;
}
async function serve(reference, flags) {
    if (!isServeWorker())
        return serveOrSupervise(reference, flags);
    try {
        await serveOne(reference, flags);
    }
    finally {
        // A worker's channel to its primary would keep it alive after an error.
        releaseChannel();
    }
}
async function serveOrSupervise(reference, flags) {
    const workers = flags.workers === "auto" ? availableWorkers() : integer("workers", flags.workers, 1);
    if (workers > 1) {
        // The primary only supervises; every worker runs this same command and serves.
        const code = await superviseServeWorkers({
            workers,
            logger: (0,console_logger.createConsoleLogger)({ quiet: flags.quiet ?? false }),
            onListening: (url) => process.stdout.write(listeningLine(url, flags.host)),
        });
        // Every worker has exited. node:cluster can still hold a connection it was handing to a worker
        // that died, which would keep this process alive for nothing.
        process.exit(code);
    }
    return serveOne(reference, flags);
}
/** Serve in this process (alone, or as one of the workers). */
async function serveOne(reference, flags) {
    const logger = (0,console_logger.createConsoleLogger)({ quiet: flags.quiet ?? false });
    const context = { env: process.env, cwd: process.cwd() };
    let source;
    if (flags.modelFile !== undefined) {
        if (reference !== undefined) {
            throw new errors/* UsageError */.eb(`give either a model reference ('${reference}') or --model-file, not both.`);
        }
        source = fileModelSource(flags.modelFile, flags.name ?? (0,external_node_path_.basename)(flags.modelFile).replace(/\.onnx$/i, ""));
    }
    else if (reference !== undefined) {
        source = registryModelSource(await (0,open_store.openStore)(flags.store, context), reference);
    }
    else {
        throw new errors/* UsageError */.eb("name the model to serve (<model>[:<stage>|@<version>]) or give --model-file <path>.");
    }
    if (flags.sha256 !== undefined) {
        if (!/^[0-9a-fA-F]{64}$/.test(flags.sha256)) {
            throw new errors/* UsageError */.eb(`--sha256: expected 64 hex digits, got '${flags.sha256}'.`);
        }
        source = pinnedModelSource(source, flags.sha256);
    }
    const store = flags.predictionLog ? await (0,open_store.openStore)(flags.store, context) : undefined;
    // A shutdown the primary asks for while the model is still loading is carried out once it listens.
    let askedToStop;
    let stopRequested = (reason) => {
        askedToStop = reason;
    };
    const metrics = createServeMetrics();
    let channel;
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
    if (channel)
        channel.announce(running.url);
    else
        process.stdout.write(listeningLine(running.url, flags.host));
    await new Promise((resolve) => {
        let stopping = false;
        const stop = (reason) => {
            if (stopping)
                return;
            stopping = true;
            process.off("SIGTERM", stop);
            process.off("SIGINT", stop);
            logger.info(`${reason}: no longer accepting requests; finishing in-flight requests and flushing the log.`);
            void running.shutdown().then(() => {
                logger.info("stopped.");
                resolve();
            });
        };
        stopRequested = stop;
        process.on("SIGTERM", stop);
        process.on("SIGINT", stop);
        if (askedToStop !== undefined)
            stop(askedToStop);
    });
    channel?.close();
}
async function renderDeployment(model, flags) {
    const image = parsePinnedImage(flags.image);
    const stage = environmentStages[flags.env];
    if (flags.modelVersion === undefined && stage === undefined) {
        throw new errors/* UsageError */.eb(`--env ${flags.env}: no registry stage follows this environment (known: ${Object.keys(environmentStages).sort().join(", ")}); give --model-version.`);
    }
    const context = { env: process.env, cwd: process.cwd() };
    const store = await (0,open_store.openStore)(flags.store, context);
    const reference = flags.modelVersion === undefined ? `${model}:${stage}` : `${model}@${flags.modelVersion}`;
    const { record } = await (0,resolve_model/* resolveModel */.A)(store, reference);
    const min = integer("min-replicas", flags.minReplicas, 1);
    const max = integer("max-replicas", flags.maxReplicas, 1);
    if (max < min)
        throw new errors/* UsageError */.eb(`--max-replicas ${max} is below --min-replicas ${min}.`);
    const yaml = renderKubernetesManifests({
        ...defaultDeployment,
        model: record.name,
        environment: flags.env,
        modelVersion: record.version,
        modelSha256: record.artifact.sha256,
        image,
        storeUrl: flags.clusterStore ?? (0,open_store.resolveStoreUrl)(flags.store, context),
        ...(flags.storeSecret === undefined ? {} : { storeSecret: flags.storeSecret }),
        ...(flags.namespace === undefined ? {} : { namespace: flags.namespace }),
        port: integer("port", flags.port, 1),
        replicas: { min, max },
    });
    if (flags.out === undefined)
        process.stdout.write(yaml);
    else {
        await (0,promises_.writeFile)(flags.out, yaml);
        process.stderr.write(`wrote ${flags.out}: ${record.name}@${record.version} in ${flags.env}\n`);
    }
}
function registerServeCommands(program) {
    const deploy = program.command("deploy").description("deployments of the model server");
    deploy
        .command("render <model>")
        .description("write Kubernetes manifests (Deployment, Service, HorizontalPodAutoscaler) serving the version the registry " +
        "holds for an environment, with the image and the model pinned by digest")
        .requiredOption("--env <environment>", "the environment (production and staging follow their registry stage)")
        .requiredOption("--image <ref@sha256:digest>", "the kiln-serve image, pinned by digest")
        .option("--model-version <version>", "serve this version instead of the environment's stage")
        .option("--store <url>", "the store holding the registry (default: KILN_STORE or .kiln/store)")
        .option("--cluster-store <url>", "KILN_STORE inside the cluster (default: the --store URL)")
        .option("--store-secret <name>", "a Secret with the store's credentials, passed to the container as environment")
        .option("--namespace <namespace>", "the namespace of the objects")
        .option("--min-replicas <n>", "fewest pods", String(defaultDeployment.replicas.min))
        .option("--max-replicas <n>", "most pods", String(defaultDeployment.replicas.max))
        .option("--port <port>", "the container port", String(defaultDeployment.port))
        .option("--out <file>", "write to this file instead of standard output")
        .action((model, flags) => renderDeployment(model, flags));
    program
        .command("serve")
        .description("Serve a model over the KServe V2 REST protocol (with a records form and Prometheus /metrics), " +
        "logging predictions to the store.")
        .argument("[model]", "the model to serve: <model>[:<stage>|@<version>]")
        .option("--model-file <path>", "serve this ONNX file instead of a registry version (replace the file to hot swap)")
        .option("--name <name>", "the model's name with --model-file (default: the file name)")
        .option("--sha256 <hex>", "refuse to serve an artifact with another digest (how deployed servers are pinned)")
        .option("--host <host>", "interface to listen on", "0.0.0.0")
        .option("--port <port>", "port to listen on (0: any free port)", "8080")
        .option("--store <url>", "store for the registry and the prediction log (default: KILN_STORE or .kiln/store)")
        .option("--no-prediction-log", "do not log predictions to the store")
        .option("--log-flush-ms <ms>", "write the prediction log at least this often", "10000")
        .option("--log-max-rows <rows>", "write the prediction log when this many rows are pending", "2000")
        .option("--no-batching", "run every request on its own instead of micro-batching")
        .option("--max-batch-size <rows>", "most rows in one onnxruntime call", "64")
        .option("--max-latency-ms <ms>", "longest a request waits for a batch to fill (0: only while the model is busy)", "0")
        .option("--max-concurrent-runs <n>", "onnxruntime calls in flight at once per model", "1")
        .option("--poll <ms>", "check for a new version this often, ms (0: never)", "30000")
        .option("--max-body-bytes <bytes>", "largest request body accepted", String(8 * 1024 * 1024))
        .option("--threads <n>", "onnxruntime threads per model", "1")
        .option("--shutdown-timeout <ms>", "longest to wait for in-flight requests on SIGTERM", "30000")
        .option("--workers <n>", "server processes sharing the port, each with its own copy of the model ('auto': one per core)", "1")
        .addOption(new esm/* Option */.c$("-q, --quiet", "print only the listening line and errors"))
        .action((reference, flags) => serve(reference, flags));
}


/***/ }),

/***/ 9498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createConsoleLogger: () => (/* binding */ createConsoleLogger)
/* harmony export */ });
/** The CLI's logger: info to stdout, warnings and errors to stderr, groups as indented blocks. */
function createConsoleLogger(options = {}) {
    let indent = "";
    const where = (a) => a?.file ? `${a.file}${a.line ? `:${a.line}${a.column ? `:${a.column}` : ""}` : ""}: ` : "";
    return {
        debug(message) {
            if (options.verbose)
                process.stderr.write(`${indent}${message}\n`);
        },
        info(message) {
            if (!options.quiet)
                process.stdout.write(`${indent}${message}\n`);
        },
        warn(message, annotation) {
            process.stderr.write(`${indent}warning: ${where(annotation)}${message}\n`);
        },
        error(message, annotation) {
            process.stderr.write(`${indent}error: ${where(annotation)}${message}\n`);
        },
        async group(name, fn) {
            if (!options.quiet)
                process.stdout.write(`${indent}${name}\n`);
            const outer = indent;
            indent = `${indent}  `;
            try {
                return await fn();
            }
            finally {
                indent = outer;
            }
        },
    };
}


/***/ }),

/***/ 3346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xA: () => (/* binding */ catchUp),
  gW: () => (/* binding */ emptyIndex),
  Et: () => (/* binding */ lastSeq),
  cU: () => (/* binding */ loadModelIndex),
  Vc: () => (/* binding */ refreshStoredIndex),
  _M: () => (/* binding */ writeIndex)
});

// UNUSED EXPORTS: applyEvent

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/registry/registry-event.js

function parseRegistryEvent(bytes, key) {
    let value;
    try {
        value = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (error) {
        throw new errors/* StoreError */.AD(`registry event '${key}' is not valid JSON.`, { key }, { cause: error });
    }
    if (typeof value !== "object" ||
        value === null ||
        !("kind" in value) ||
        (value.kind !== "register" && value.kind !== "stage") ||
        !("seq" in value) ||
        typeof value.seq !== "number" ||
        !("version" in value) ||
        typeof value.version !== "string") {
        throw new errors/* StoreError */.AD(`registry event '${key}' lacks kind, seq or version; it was not written by Kiln.`, {
            key,
        });
    }
    return value;
}

// EXTERNAL MODULE: ./.build/runtime/registry/registry-keys.js
var registry_keys = __webpack_require__(7479);
;// CONCATENATED MODULE: ./.build/runtime/registry/model-index.js




function emptyIndex(name) {
    return { formatVersion: 1, name, events: [], versions: [] };
}
function lastSeq(index) {
    return index.events.at(-1)?.seq ?? 0;
}
/** Fold one event into the index (the event's seq must be the next one). */
function applyEvent(index, event) {
    index.events.push(event);
    if (event.kind !== "register")
        return;
    if (index.versions.some((v) => v.version === event.version))
        return;
    const summary = { version: event.version, ...event.summary };
    const at = index.versions.findIndex((v) => (0,semver.compare)(v.version, event.version) > 0);
    if (at === -1)
        index.versions.push(summary);
    else
        index.versions.splice(at, 0, summary);
}
/** Read the next events after `index` until the first missing sequence number; returns how many. */
async function catchUp(store, index) {
    let added = 0;
    for (;;) {
        const seq = lastSeq(index) + 1;
        const key = registry_keys/* registryKeys */.qb.event(index.name, seq);
        let bytes;
        try {
            bytes = await store.getBytes(key);
        }
        catch (error) {
            if (error instanceof errors/* NotFoundError */.m_)
                return added;
            throw error;
        }
        const event = parseRegistryEvent(bytes, key);
        if (event.seq !== seq)
            throw new errors/* StoreError */.AD(`registry event '${key}' says it is number ${event.seq}.`, { key });
        applyEvent(index, event);
        added += 1;
    }
}
/**
 * The model's index, current: the stored index plus any events written after it (probed by
 * sequence number, one read when the index is current). A model with no index and no events yields
 * an empty index.
 */
async function loadModelIndex(store, name) {
    const key = registry_keys/* registryKeys */.qb.index(name);
    let index = emptyIndex(name);
    let etag;
    const info = await store.head(key);
    if (info !== undefined) {
        try {
            const bytes = await store.getBytes(key);
            index = parseIndex(bytes, key, name);
            etag = info.etag;
        }
        catch (error) {
            if (!(error instanceof errors/* NotFoundError */.m_))
                throw error;
        }
    }
    const behind = await catchUp(store, index);
    return { index, etag, behind };
}
function parseIndex(bytes, key, name) {
    let value;
    try {
        value = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (error) {
        throw new errors/* StoreError */.AD(`model index '${key}' is not valid JSON; rebuild it with 'kiln model reindex ${name}'.`, {
            key,
        }, { cause: error });
    }
    if (typeof value !== "object" ||
        value === null ||
        !("events" in value) ||
        !Array.isArray(value.events) ||
        !("versions" in value) ||
        !Array.isArray(value.versions)) {
        throw new errors/* StoreError */.AD(`model index '${key}' is damaged; rebuild it with 'kiln model reindex ${name}'.`, {
            key,
        });
    }
    return expandIndex(value);
}
function compactIndex(index) {
    return {
        ...index,
        events: index.events.map((event) => {
            if (event.kind === "register") {
                const { id: _id, summary: _summary, ...rest } = event;
                return rest;
            }
            const { id: _id, ...rest } = event;
            return rest;
        }),
    };
}
function expandIndex(stored) {
    const byVersion = new Map(stored.versions.map((v) => [v.version, v]));
    const events = stored.events.map((event) => {
        if (event.kind !== "register")
            return { id: "", ...event };
        if ("summary" in event)
            return { ...event, id: "" };
        const { version: _version, ...summary } = byVersion.get(event.version) ?? {
            version: event.version,
            sha256: "",
            size: 0,
            bump: "minor",
            metrics: {},
            createdAt: event.at,
        };
        return { id: "", ...event, summary };
    });
    return { ...stored, events };
}
/**
 * Bring the stored index up to date with the event log, by compare-and-swap. Losing the race to
 * another writer is fine (it wrote a fold of the same log): retry a few times, then leave it to the
 * next writer or reader. Returns the current index either way.
 */
async function refreshStoredIndex(store, name, options = {}) {
    const attempts = options.attempts ?? 8;
    let loaded = await loadModelIndex(store, name);
    for (let attempt = 1;; attempt++) {
        if (loaded.behind === 0 && loaded.etag !== undefined)
            return loaded.index;
        try {
            await writeIndex(store, loaded.index, loaded.etag);
            return loaded.index;
        }
        catch (error) {
            if (!(error instanceof errors/* PreconditionFailedError */.k9) || attempt >= attempts) {
                if (error instanceof errors/* PreconditionFailedError */.k9)
                    return loaded.index;
                throw error;
            }
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        loaded = await loadModelIndex(store, name);
    }
}
/** Write an index: create-only when there was none, otherwise only over the etag it was read with. */
async function writeIndex(store, index, etag) {
    await store.put(registry_keys/* registryKeys */.qb.index(index.name), new TextEncoder().encode(JSON.stringify(compactIndex(index))), {
        contentType: "application/json",
        ...(etag === undefined ? { ifNoneMatch: "*" } : { ifMatch: etag }),
    });
}


/***/ }),

/***/ 9150:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ assertModelName)
/* harmony export */ });
/* unused harmony export isModelName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/**
 * A model name: what goes before `@` in a release tag (`iris@v1.2.0`) and after `models/` in the
 * store. Letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit, at most 64
 * characters, so that it is a valid git ref component and a safe store key on every backend.
 */
const modelNamePattern = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
function isModelName(name) {
    return modelNamePattern.test(name) && !name.includes("..");
}
/** Throws a ModelError saying what a model name may contain when `name` is not one. */
function assertModelName(name) {
    if (isModelName(name))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`invalid model name '${name}': expected 1-64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit (no '@', ':', '/', '#', spaces or '..').`, {}, { hint: "Rename the model, e.g. 'iris-classifier'." });
}


/***/ }),

/***/ 128:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ parseModelRecord),
/* harmony export */   ML: () => (/* binding */ modelVersionLabel),
/* harmony export */   Pr: () => (/* binding */ encodeJson),
/* harmony export */   XS: () => (/* binding */ BumpKind)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/** How a version number was chosen, and why (a major bump always says which change forced it). */
const BumpKind = { initial: "initial", major: "major", minor: "minor", patch: "patch" };
/** The coordinates of a model version as `name@version`. */
function modelVersionLabel(record) {
    return `${record.name}@${record.version}`;
}
/** Decode a stored record; a damaged one is a StoreError naming the key. */
function parseModelRecord(bytes, key) {
    let value;
    try {
        value = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StoreError */ .AD(`version record '${key}' is not valid JSON.`, { key }, { cause: error });
    }
    if (typeof value !== "object" ||
        value === null ||
        !("name" in value) ||
        !("version" in value) ||
        !("artifact" in value) ||
        typeof value.name !== "string" ||
        typeof value.version !== "string") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StoreError */ .AD(`version record '${key}' lacks name, version or artifact; it was not written by Kiln.`, {
            key,
        });
    }
    return value;
}
function encodeJson(value) {
    return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ formatModelRef),
/* harmony export */   q: () => (/* binding */ parseModelRef)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _model_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9150);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);




function parseModelRef(text) {
    const at = text.indexOf("@");
    const colon = text.indexOf(":");
    if (at !== -1) {
        const name = text.slice(0, at);
        const version = text.slice(at + 1).replace(/^v/, "");
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        if ((0,semver__WEBPACK_IMPORTED_MODULE_0__.valid)(version) === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': '${version}' is not a semantic version (expected e.g. ${name}@1.2.0).`);
        return { name, kind: "version", version };
    }
    if (colon !== -1) {
        const name = text.slice(0, colon);
        const stageText = text.slice(colon + 1);
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        const stage = (0,_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .parseModelStage */ .Dz)(stageText);
        if (stage === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': unknown stage '${stageText}'; known stages: ${_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .knownStageNames */ .ON.join(", ")}.`);
        return { name, kind: "stage", stage };
    }
    (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(text);
    return { name: text, kind: "latest" };
}
function formatModelRef(ref) {
    if (ref.kind === "version")
        return `${ref.name}@${ref.version}`;
    if (ref.kind === "stage")
        return `${ref.name}:${ref.stage.toLowerCase()}`;
    return ref.name;
}


/***/ }),

/***/ 2927:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dz: () => (/* binding */ parseModelStage),
/* harmony export */   ON: () => (/* binding */ knownStageNames),
/* harmony export */   Og: () => (/* binding */ ModelStage),
/* harmony export */   ey: () => (/* binding */ exclusiveStages)
/* harmony export */ });
/**
 * The stages a model version can be in. Staging and Production hold at most one version each;
 * moving a version there archives the previous holder in the same event.
 */
const ModelStage = {
    None: "None",
    Staging: "Staging",
    Production: "Production",
    Archived: "Archived",
};
/** The stages that one version at a time may hold. */
const exclusiveStages = [ModelStage.Staging, ModelStage.Production];
const byLowerCase = new Map(Object.values(ModelStage).map((stage) => [stage.toLowerCase(), stage]));
/** `production`, `Production` and `PRODUCTION` all name the Production stage. */
function parseModelStage(text) {
    return byLowerCase.get(text.toLowerCase());
}
const knownStageNames = Object.values(ModelStage)
    .map((stage) => stage.toLowerCase())
    .sort();


/***/ }),

/***/ 8027:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ findModelRecord)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _model_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(128);
/* harmony import */ var _registry_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7479);



/** The record of `name@version`, or undefined when that version does not exist. */
async function findModelRecord(store, name, version) {
    const key = _registry_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .registryKeys */ .qb.record(name, version);
    try {
        return (0,_model_record_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelRecord */ .K2)(await store.getBytes(key), key);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_)
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 7479:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qb: () => (/* binding */ registryKeys),
/* harmony export */   ws: () => (/* binding */ versionOfRecordKey)
/* harmony export */ });
/* unused harmony export eventSeqOfKey */
/**
 * Where the registry keeps things in the object store (DESIGN.md "The store"):
 *
 * - `models/<name>/versions/<version>.json`   immutable version record, create-only; its existence
 *                                             is what makes a version visible
 * - `models/<name>/reservations/<version>.json` create-only claim of a version number (store-only
 *                                             allocation; also taken in GitHub mode)
 * - `models/<name>/digests/<sha256>.json`     which version holds an artifact digest (dedup)
 * - `models/<name>/events/<seq>.json`         append-only registry events, seq zero-padded
 * - `models/<name>/index.json`                materialized fold of the events (compare-and-swap)
 * - `cache/sha256/<digest>`                   the artifact bytes, content addressed
 */
const seqWidth = 10;
const registryKeys = {
    modelsPrefix: "models/",
    modelPrefix: (name) => `models/${name}/`,
    record: (name, version) => `models/${name}/versions/${version}.json`,
    versionsPrefix: (name) => `models/${name}/versions/`,
    reservation: (name, version) => `models/${name}/reservations/${version}.json`,
    digest: (name, sha256) => `models/${name}/digests/${sha256}.json`,
    event: (name, seq) => `models/${name}/events/${String(seq).padStart(seqWidth, "0")}.json`,
    eventsPrefix: (name) => `models/${name}/events/`,
    index: (name) => `models/${name}/index.json`,
};
/** The sequence number in an event key, or undefined when the key is not an event key. */
function eventSeqOfKey(key) {
    const match = /\/events\/(\d+)\.json$/.exec(key);
    return match?.[1] === undefined ? undefined : Number(match[1]);
}
/** The version in a record key, or undefined when the key is not a record key. */
function versionOfRecordKey(key) {
    const match = /\/versions\/([^/]+)\.json$/.exec(key);
    return match?.[1];
}


/***/ }),

/***/ 7653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ resolveModel)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _model_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3346);
/* harmony import */ var _model_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);
/* harmony import */ var _read_model_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8027);
/* harmony import */ var _stages_at_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9398);






/**
 * Find the record a reference means: `name` → the highest version, `name@1.2.0` → that version,
 * `name:production` → the version in that stage (at `at`, now by default). A missing model,
 * version or stage holder is a NotFoundError saying what exists.
 */
async function resolveModel(store, ref, options = {}) {
    const parsed = typeof ref === "string" ? (0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseModelRef */ .q)(ref) : ref;
    const { name } = parsed;
    const { index } = options.loaded ?? (await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadModelIndex */ .cU)(store, name));
    const stages = (0,_stages_at_js__WEBPACK_IMPORTED_MODULE_5__/* .stagesAt */ .n)(index.events, options.at);
    const stageOf = (version) => stages.versions.get(version) ?? _model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelStage */ .Og.None;
    let version;
    if (parsed.kind === "version") {
        version = parsed.version;
        const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
        if (record === undefined) {
            const known = index.versions.map((v) => v.version);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(known.length === 0
                ? `model '${name}' has no versions in ${store.url}.`
                : `model '${name}' has no version ${version}; it has ${describeVersions(known)}.`);
        }
        return { record, stage: stageOf(version) };
    }
    if (index.versions.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions in ${store.url}.`, {
            hint: "Register one with 'kiln model register'.",
        });
    if (parsed.kind === "latest")
        version = index.versions.at(-1)?.version;
    else {
        const holders = [...stages.versions].filter(([, stage]) => stage === parsed.stage).map(([v]) => v);
        version = holders.at(-1);
        if (version === undefined) {
            const when = options.at === undefined ? "" : ` at ${options.at.toISOString()}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`no version of '${name}' was in ${parsed.stage}${when} (${(0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .formatModelRef */ .Q)(parsed)}).`);
        }
    }
    if (version === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions.`);
    const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
    if (record === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`${name}@${version} is in the index but its record is missing; run 'kiln model reindex ${name}'.`);
    return { record, stage: stageOf(version) };
}
function describeVersions(versions) {
    if (versions.length <= 10)
        return versions.join(", ");
    return `${versions.length} versions, ${versions.slice(0, 3).join(", ")} ... ${versions.slice(-3).join(", ")}`;
}


/***/ }),

/***/ 9398:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ stagesAt)
/* harmony export */ });
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2927);

/**
 * Fold events (in sequence order) up to and including `time` (all of them when `time` is omitted)
 * into the stage of each version. Events are applied in log order; an event counts when its `at`
 * is not after `time`.
 */
function stagesAt(events, time) {
    const limit = time?.getTime();
    const versions = new Map();
    const ordered = [...events].sort((a, b) => a.seq - b.seq);
    for (const event of ordered) {
        if (limit !== undefined && Date.parse(event.at) > limit)
            continue;
        if (event.kind === "register") {
            if (!versions.has(event.version))
                versions.set(event.version, _model_stage_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelStage */ .Og.None);
            continue;
        }
        for (const displaced of event.archived)
            versions.set(displaced.version, _model_stage_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelStage */ .Og.Archived);
        versions.set(event.version, event.to);
    }
    const holder = (stage) => {
        let found;
        for (const [version, current] of versions)
            if (current === stage)
                found = version;
        return found;
    };
    return { versions, staging: holder(_model_stage_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelStage */ .Og.Staging), production: holder(_model_stage_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelStage */ .Og.Production) };
}


/***/ }),

/***/ 8427:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ contentAddressKey),
/* harmony export */   Us: () => (/* binding */ getVerifiedBytes),
/* harmony export */   pJ: () => (/* binding */ getVerified)
/* harmony export */ });
/* unused harmony exports contentAddressPrefix, putContentAddressed, downloadVerified */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6466);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8094);
/* harmony import */ var _put_body_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1635);









/**
 * Content-addressed objects: bytes stored under `cache/sha256/<digest>`, so equal content is stored
 * once and a reader can check what it got.
 *
 * Writing a stream: the digest names the key, but it is known only once the stream has been read,
 * and a store cannot rename. So the stream is spooled to a temporary file in the OS temp folder while
 * it is hashed (bounded memory), then the file is uploaded create-only under its digest. A file path
 * is hashed first, then uploaded. In all cases a `head` skips the upload when the key already exists,
 * and the create-only write makes a concurrent writer of the same bytes a no-op too.
 */
const contentAddressPrefix = "cache/sha256/";
function contentAddressKey(digest) {
    return `${contentAddressPrefix}${digest}`;
}
async function hashFile(path) {
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of createReadStream(path)) {
        const buffer = chunkBuffer(chunk);
        hash.update(buffer);
        size += buffer.byteLength;
    }
    return { digest: hash.digest("hex"), size };
}
async function putOnce(store, digest, size, body) {
    const key = contentAddressKey(digest);
    if ((await store.head(key)) !== undefined)
        return { digest, size, key, stored: false };
    try {
        await store.put(key, body(), { ifNoneMatch: "*", contentLength: size });
        return { digest, size, key, stored: true };
    }
    catch (error) {
        if (error instanceof PreconditionFailedError)
            return { digest, size, key, stored: false };
        throw error;
    }
}
async function putContentAddressed(store, body) {
    // (A file read stream has a `path` too, but is a stream: it is read as one.)
    if (typeof body === "object" && !(body instanceof Uint8Array) && !(body instanceof Readable)) {
        const path = body.path;
        const { digest, size } = await hashFile(path);
        return putOnce(store, digest, size, () => createReadStream(path));
    }
    const bytes = putBodyBytes(body);
    if (bytes !== undefined) {
        const digest = createHash("sha256").update(bytes).digest("hex");
        return putOnce(store, digest, bytes.byteLength, () => bytes);
    }
    const folder = await mkdtemp(join(tmpdir(), "kiln-cas-"));
    try {
        const spool = join(folder, "body");
        const hash = createHash("sha256");
        let size = 0;
        const handle = await open(spool, "wx");
        try {
            for await (const chunk of body) {
                const buffer = chunkBuffer(chunk);
                hash.update(buffer);
                size += buffer.byteLength;
                await handle.write(buffer);
            }
        }
        finally {
            await handle.close();
        }
        return await putOnce(store, hash.digest("hex"), size, () => createReadStream(spool));
    }
    finally {
        await rm(folder, { recursive: true, force: true });
    }
}
/** A pass-through that hashes what flows and fails at the end with IntegrityError on a mismatch. */
class VerifyingStream extends node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform {
    what;
    expected;
    #hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    constructor(what, expected) {
        super();
        this.what = what;
        this.expected = expected;
    }
    _transform(chunk, _encoding, callback) {
        this.#hash.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        const actual = this.#hash.digest("hex");
        callback(actual === this.expected ? null : new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .IntegrityError */ .cs(this.what, this.expected, actual));
    }
}
/**
 * Stream an object, checking its sha256 as it flows: the stream ends with an IntegrityError (both
 * digests named) instead of a normal end when the bytes do not match. Consume it with `pipeline` so
 * the error reaches you. NotFoundError when the key does not exist.
 */
async function getVerified(store, key, expectedSha256) {
    const source = await store.get(key);
    const verifying = new VerifyingStream(`store object '${key}' in ${store.url}`, expectedSha256.toLowerCase());
    source.on("error", (error) => verifying.destroy(error));
    return source.pipe(verifying);
}
/** An object's bytes, checked against their sha256 (IntegrityError on a mismatch). For small objects. */
async function getVerifiedBytes(store, key, expectedSha256) {
    const bytes = await store.getBytes(key);
    const actual = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(bytes).digest("hex");
    if (actual !== expectedSha256.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .IntegrityError */ .cs(`store object '${key}' in ${store.url}`, expectedSha256, actual);
    }
    return bytes;
}
/**
 * Download an object to a file, checking its sha256. The file appears (by rename) only when the bytes
 * match; on a mismatch nothing is left behind and IntegrityError is thrown.
 */
async function downloadVerified(store, key, expectedSha256, destination) {
    const temp = join(dirname(destination), `.kiln-download-${randomUUID()}`);
    try {
        await pipeline(await getVerified(store, key, expectedSha256), createWriteStream(temp, { flags: "wx" }));
        await rename(temp, destination);
    }
    finally {
        await rm(temp, { force: true });
    }
}


/***/ })

};
