export const id = 751;
export const ids = [751];
export const modules = {

/***/ 9920:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ displayPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);

/** A file's path as messages show it: relative to the working folder when inside it, else absolute. */
function displayPath(file) {
    const fromCwd = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(process.cwd(), (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(file));
    return fromCwd.startsWith("..") || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(fromCwd) ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(file) : fromCwd;
}


/***/ }),

/***/ 4929:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPipeline: () => (/* binding */ loadPipeline)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8094);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7097);
/* harmony import */ var _display_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9920);
/* harmony import */ var _hash_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4141);
/* harmony import */ var _lookup_builtin_stage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3765);







/** Read, validate and expand kiln.yaml. Every mistake is a ConfigError naming file:line:col. */
async function loadPipeline(file, options = {}) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT") {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m_(`no pipeline file at ${path}.`, {
                hint: "Create kiln.yaml with a `stages:` map, or pass its folder with --dir.",
            });
        }
        throw error;
    }
    // The YAML parser, the schema validator and the built-in stages (some load onnxruntime) are
    // imported only when kiln.yaml has to be parsed, and the built-ins only when a stage names one.
    const parse = async () => {
        const builtins = options.builtins ?? (/\buses["']?\s*:/.test(text) ? await (0,_lookup_builtin_stage_js__WEBPACK_IMPORTED_MODULE_5__/* .loadBuiltinStages */ .X)() : undefined);
        const [{ parsePipeline }, { ParamValues }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(55)]).then(__webpack_require__.bind(__webpack_require__, 8055)),
            Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(460)]).then(__webpack_require__.bind(__webpack_require__, 2079)),
        ]);
        const params = new ParamValues((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path));
        const pipeline = parsePipeline(text, path, { builtins, params });
        // ${params.…} values are part of the parsed stages: the params files read are inputs too.
        return { pipeline, inputs: params.fileDigests() };
    };
    if (options.cacheFile === undefined)
        return (await parse()).pipeline;
    const key = cacheKey(text, path, options);
    const cached = await readCachedPipeline(options.cacheFile, key, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path));
    if (cached)
        return cached;
    const { pipeline, inputs } = await parse();
    await writeCachedPipeline(options.cacheFile, { key, inputs, pipeline });
    return pipeline;
}
/** What the cached result depends on: the text, where it is shown from, Kiln and its built-ins. */
function cacheKey(text, path, options) {
    // Kiln's own built-ins change only with Kiln's version; a custom map is keyed by its names.
    const builtins = options.builtins ? Object.keys(options.builtins).sort().join(",") : "kiln";
    return (0,_hash_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)([_version_js__WEBPACK_IMPORTED_MODULE_6__/* .kilnVersion */ .x, _version_js__WEBPACK_IMPORTED_MODULE_6__/* .formatVersion */ .q, (0,_display_path_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .G)(path), path, builtins, text].join("\0"));
}
async function readCachedPipeline(cacheFile, key, root) {
    try {
        const cached = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(cacheFile, "utf8"));
        if (cached.key !== key || !cached.pipeline || !cached.inputs)
            return undefined;
        for (const [file, digest] of Object.entries(cached.inputs ?? {})) {
            if ((0,_hash_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file), "utf8")) !== digest)
                return undefined;
        }
        const { stages, ...rest } = cached.pipeline;
        return { ...rest, stages: new Map(stages.map((stage) => [stage.name, stage])) };
    }
    catch {
        return undefined;
    }
}
async function writeCachedPipeline(cacheFile, entry) {
    const serialized = {
        ...entry,
        pipeline: { ...entry.pipeline, stages: [...entry.pipeline.stages.values()] },
    };
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cacheFile), { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, JSON.stringify(serialized));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temporary, cacheFile);
    }
    catch {
        // The cache only saves time; a read-only folder is not an error.
    }
}


/***/ }),

/***/ 953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildDag: () => (/* binding */ buildDag)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4006);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8094);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6169);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1804);







/**
 * Link the stages. Errors (ConfigError, positioned): two stages writing one out, a dep no stage
 * writes and no file provides, `needs` naming an unknown stage, and a cycle (with its path).
 */
function buildDag(pipeline, options = {}) {
    const exists = options.exists ??
        ((path, kind) => kind === "path"
            ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(pipeline.root, path))
            : (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .globSync */ .AZ)(path, { cwd: pipeline.root, onlyFiles: false, expandDirectories: false }).length > 0);
    const stages = [...pipeline.stages.values()];
    const producers = new Map();
    /** Folders that hold outs → the stages writing inside them. */
    const insideFolder = new Map();
    for (const stage of stages) {
        for (const out of stage.outs) {
            const other = producers.get(out.path);
            if (other) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(out.position, `stages '${other.stage.name}' and '${stage.name}' both write '${out.path}' (also at line ${other.position.line}). Each out must have one stage that writes it.`);
            }
            producers.set(out.path, { stage, position: out.position });
            for (let folder = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(out.path); folder !== "." && folder !== "/"; folder = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(folder)) {
                const set = insideFolder.get(folder) ?? new Set();
                set.add(stage.name);
                insideFolder.set(folder, set);
            }
        }
    }
    const byBase = new Map();
    for (const stage of stages) {
        const list = byBase.get(stage.base) ?? [];
        list.push(stage.name);
        byBase.set(stage.base, list);
    }
    const upstream = new Map(stages.map((s) => [s.name, new Set()]));
    const downstream = new Map(stages.map((s) => [s.name, new Set()]));
    const edges = [];
    const link = (from, to, via, position) => {
        if (upstream.get(to)?.has(from))
            return;
        upstream.get(to)?.add(from);
        downstream.get(from)?.add(to);
        edges.push({ from, to, via, position });
    };
    for (const stage of stages) {
        for (const dep of stage.deps) {
            if (dep.kind === _pipeline_js__WEBPACK_IMPORTED_MODULE_3__/* .DepKind */ .M.remote)
                continue;
            const found = new Set();
            if (dep.kind === _pipeline_js__WEBPACK_IMPORTED_MODULE_3__/* .DepKind */ .M.glob) {
                const matches = picomatch__WEBPACK_IMPORTED_MODULE_5__(dep.path, { dot: true });
                for (const [outPath, producer] of producers)
                    if (matches(outPath))
                        found.add(producer.stage.name);
            }
            else {
                for (let path = dep.path; path !== "." && path !== "/"; path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path)) {
                    const producer = producers.get(path);
                    if (producer)
                        found.add(producer.stage.name);
                }
                for (const name of insideFolder.get(dep.path) ?? [])
                    found.add(name);
            }
            if (found.size === 0 && !exists(dep.path, dep.kind)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(dep.position, `stage '${stage.name}' needs '${dep.path}', which no stage writes and no file provides. Add it to a stage's outs or create it.`);
            }
            for (const from of found)
                link(from, stage.name, dep.path, dep.position);
        }
        for (const need of stage.needs) {
            const targets = pipeline.stages.has(need.stage) ? [need.stage] : byBase.get(need.stage);
            if (!targets) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(need.position, `stage '${stage.name}' needs stage '${need.stage}', which does not exist.${(0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_6__/* .didYouMean */ .au)(need.stage, byBase.keys())}`);
            }
            for (const from of targets)
                link(from, stage.name, undefined, need.position);
        }
    }
    const order = topologicalOrder(stages, upstream, downstream, edges);
    return { order, upstream, downstream, edges };
}
function topologicalOrder(stages, upstream, downstream, edges) {
    const byName = new Map(stages.map((s) => [s.name, s]));
    const remaining = new Map(stages.map((s) => [s.name, upstream.get(s.name)?.size ?? 0]));
    const ready = stages.filter((s) => remaining.get(s.name) === 0).map((s) => s.name);
    const order = [];
    for (let i = 0; i < ready.length; i++) {
        const name = ready[i];
        order.push(byName.get(name));
        for (const next of downstream.get(name) ?? []) {
            const left = (remaining.get(next) ?? 0) - 1;
            remaining.set(next, left);
            if (left === 0)
                ready.push(next);
        }
    }
    if (order.length < stages.length)
        throw cycleError(stages, remaining, upstream, edges);
    return order;
}
/** Find one cycle among the stages left over and report it as a path. */
function cycleError(stages, remaining, upstream, edges) {
    const stuck = stages.filter((s) => (remaining.get(s.name) ?? 0) > 0).map((s) => s.name);
    const stuckSet = new Set(stuck);
    // Walk upstream from a stuck stage until a stage repeats: that stretch is a cycle.
    const seen = new Map();
    const walk = [];
    let current = stuck[0];
    while (!seen.has(current)) {
        seen.set(current, walk.length);
        walk.push(current);
        const next = [...(upstream.get(current) ?? [])].find((u) => stuckSet.has(u));
        if (next === undefined)
            break;
        current = next;
    }
    const loop = walk.slice(seen.get(current) ?? 0).reverse();
    // Start the cycle at the stage written first in kiln.yaml, so the report reads in file order.
    const fileOrder = new Map(stages.map((s, i) => [s.name, i]));
    const start = loop.reduce((best, name, i) => ((fileOrder.get(name) ?? 0) < (fileOrder.get(loop[best]) ?? 0) ? i : best), 0);
    const cycle = [...loop.slice(start), ...loop.slice(0, start)];
    cycle.push(cycle[0]);
    const [first, second] = cycle;
    const edge = edges.find((e) => e.from === first && e.to === second);
    const links = cycle
        .slice(0, -1)
        .map((from, i) => {
        const to = cycle[i + 1];
        const e = edges.find((x) => x.from === from && x.to === to);
        return e?.via === undefined ? `${to} needs ${from}` : `${to} reads '${e.via}' from ${from}`;
    })
        .join("; ");
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(edge?.position ?? { file: "kiln.yaml" }, `the stages form a cycle: ${cycle.join(" -> ")} (${links}). Remove one of these deps or needs.`);
}


/***/ }),

/***/ 3332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeResult: () => (/* binding */ describeResult),
/* harmony export */   plainReporter: () => (/* binding */ plainReporter),
/* harmony export */   summarize: () => (/* binding */ summarize)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7362);
/* harmony import */ var _stage_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7062);


/** One line per event, with a UTC time, for logs and pipes; stage output prefixed `[stage]`. */
function plainReporter(write, clock = () => new Date()) {
    const time = () => clock().toISOString().slice(11, 19);
    return {
        begin(stages) {
            write(`${time()} ${stages.length} stage${stages.length === 1 ? "" : "s"} to consider\n`);
        },
        stageStarted(stage, attempt, reasons) {
            const why = reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
            write(`${time()} ${stage}: running${attempt > 1 ? `, attempt ${attempt}` : ""}${why}\n`);
        },
        output(stage, line) {
            write(`[${stage}] ${line}\n`);
        },
        stageRetrying(stage, attempt, delayMs, why) {
            write(`${time()} ${stage}: ${why}; retrying in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(delayMs)} (attempt ${attempt})\n`);
        },
        stageFinished(result, detail) {
            write(`${time()} ${describeResult(result)}${detail ? ` ${detail}` : ""}\n`);
        },
        end(results) {
            write(`${time()} ${summarize(results)}\n`);
        },
    };
}
/** `train: ran in 1.2s` / `train: failed (command exited with code 1)` */
function describeResult(result) {
    const took = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(result.durationMs);
    switch (result.status) {
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.ran:
            return `${result.name}: ran in ${took}${result.attempts > 1 ? ` (${result.attempts} attempts)` : ""}`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.upToDate:
            return `${result.name}: up to date`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.restored:
            return `${result.name}: restored from the run cache in ${took}`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRun:
            return `${result.name}: would run (${result.reasons.join("; ")})`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRestore:
            return `${result.name}: would be restored from the run cache (${result.reasons.join("; ")})`;
        default:
            return `${result.name}: ${result.status} (${result.reasons.join("; ")})`;
    }
}
/** `3 ran, 2 cached, 1 failed, 1 skipped` */
function summarize(results) {
    const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
    const parts = [
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.ran), "ran"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.upToDate), "up to date"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.restored), "restored"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRun), "would run"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRestore), "would be restored"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.failed), "failed"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.skipped), "skipped"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.cancelled), "cancelled"],
    ];
    const text = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    return text.length > 0 ? text.join(", ") : "nothing to do";
}


/***/ }),

/***/ 751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  latestMetricsKey: () => (/* binding */ latestMetricsKey),
  registerPipelineModels: () => (/* binding */ registerPipelineModels),
  runPipelineJob: () => (/* binding */ runPipelineJob)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/pipeline/plain-reporter.js
var plain_reporter = __webpack_require__(3332);
// EXTERNAL MODULE: ./.build/runtime/pipeline/stage-result.js
var stage_result = __webpack_require__(7062);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/grouped-reporter.js


/**
 * For CI logs with collapsible groups (GitHub Actions): each stage's output is held until the stage
 * finishes and then written as one group named by its result, so parallel stages do not interleave.
 */
function groupedReporter(logger) {
    const buffers = new Map();
    let chain = Promise.resolve();
    return {
        begin(stages) {
            logger.info(`${stages.length} stage${stages.length === 1 ? "" : "s"} to consider`);
        },
        stageStarted(stage, attempt, reasons) {
            const lines = buffers.get(stage) ?? [];
            lines.push(`attempt ${attempt}${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`);
            buffers.set(stage, lines);
        },
        output(stage, line) {
            const lines = buffers.get(stage) ?? [];
            lines.push(line);
            buffers.set(stage, lines);
        },
        stageRetrying(stage, attempt, delayMs, why) {
            buffers.get(stage)?.push(`${why}; retrying in ${Math.round(delayMs)}ms (attempt ${attempt})`);
        },
        stageFinished(result, detail) {
            const lines = buffers.get(result.name) ?? [];
            buffers.delete(result.name);
            const title = `${(0,plain_reporter.describeResult)(result)}${detail ? ` ${detail}` : ""}`;
            chain = chain.then(() => logger.group(title, async () => {
                for (const line of lines)
                    logger.info(line);
                if (result.status === stage_result/* StageStatus */.T.failed)
                    logger.error(`stage '${result.name}' failed: ${result.reasons.join("; ")}`);
            }));
        },
        async end(results) {
            await chain;
            logger.info((0,plain_reporter.summarize)(results));
        },
    };
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/load-pipeline.js
var load_pipeline = __webpack_require__(4929);
// EXTERNAL MODULE: ./.build/runtime/pipeline/pipeline-dag.js
var pipeline_dag = __webpack_require__(953);
// EXTERNAL MODULE: ./.build/runtime/pipeline/duration.js
var duration = __webpack_require__(7362);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/flatten-metrics.js
/** Numbers and strings of a metrics JSON document, keyed by dotted path (`scores.f1`). */
function flattenMetrics(value, prefix = "") {
    const flat = {};
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
        flat[prefix === "" ? "value" : prefix] = value;
        return flat;
    }
    if (value === null || typeof value !== "object")
        return flat;
    for (const [key, inner] of Object.entries(value)) {
        Object.assign(flat, flattenMetrics(inner, prefix === "" ? key : `${prefix}.${key}`));
    }
    return flat;
}

;// CONCATENATED MODULE: ./.build/runtime/pipeline/render-run-summary.js



const statusMark = {
    ran: "✅ ran",
    "up-to-date": "💤 up to date",
    restored: "♻️ restored",
    failed: "❌ failed",
    skipped: "⏭️ skipped",
    cancelled: "🚫 cancelled",
    "would-run": "would run",
    "would-restore": "would restore",
};
const cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
function formatNumber(value) {
    if (Number.isInteger(value))
        return String(value);
    return Math.abs(value) >= 1000 ? value.toFixed(2) : Number(value.toPrecision(6)).toString();
}
function change(current, previous) {
    if (previous === undefined)
        return "new";
    if (typeof current !== "number" || typeof previous !== "number")
        return current === previous ? "=" : `was ${String(previous)}`;
    const delta = current - previous;
    if (delta === 0)
        return "=";
    const sign = delta > 0 ? "+" : "−";
    const relative = previous === 0 ? "" : ` (${sign}${formatNumber(Math.abs((delta / previous) * 100))}%)`;
    return `${sign}${formatNumber(Math.abs(delta))}${relative}`;
}
/**
 * The job summary of a pipeline run (GitHub-flavoured markdown): a table of stages with status,
 * duration and cache hit, and a table of metrics with the change against the default branch.
 */
function renderRunSummary(input) {
    const lines = ["## kiln pipeline", ""];
    const counts = (status) => input.results.filter((r) => r.status === status).length;
    lines.push(`${counts(stage_result/* StageStatus */.T.ran)} ran · ${input.results.filter((r) => (0,stage_result/* isCacheHit */.i)(r.status)).length} cached · ${counts(stage_result/* StageStatus */.T.failed)} failed · ${counts(stage_result/* StageStatus */.T.skipped)} skipped`, "", "| Stage | Status | Duration | Cache hit | Notes |", "| --- | --- | ---: | :---: | --- |");
    for (const result of input.results) {
        const hit = (0,stage_result/* isCacheHit */.i)(result.status) ? "yes" : result.status === stage_result/* StageStatus */.T.ran ? "no" : "–";
        const notes = result.reasons.join("; ") + (result.attempts > 1 ? ` (${result.attempts} attempts)` : "");
        lines.push(`| \`${cell(result.name)}\` | ${statusMark[result.status]} | ${(0,duration/* formatDuration */.a)(result.durationMs)} | ${hit} | ${cell(notes)} |`);
    }
    const files = Object.keys(input.metrics).sort();
    if (files.length > 0) {
        lines.push("", "### Metrics", "", `| File | Metric | Value | ${cell(input.baseBranch)} | Change |`, "| --- | --- | ---: | ---: | ---: |");
        for (const file of files) {
            const current = flattenMetrics(input.metrics[file]);
            const previous = input.previous?.[file] === undefined ? undefined : flattenMetrics(input.previous[file]);
            for (const [name, value] of Object.entries(current)) {
                const before = previous?.[name];
                const shown = typeof value === "number" ? formatNumber(value) : String(value);
                const beforeShown = before === undefined ? "–" : typeof before === "number" ? formatNumber(before) : String(before);
                lines.push(`| \`${cell(file)}\` | ${cell(name)} | ${cell(shown)} | ${cell(beforeShown)} | ${input.previous === undefined ? "–" : change(value, before)} |`);
            }
        }
        if (input.previous === undefined)
            lines.push("", `_No earlier metrics from \`${input.baseBranch}\` in the store to compare with._`);
    }
    return `${lines.join("\n")}\n`;
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/run-pipeline.js + 6 modules
var run_pipeline = __webpack_require__(7541);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/run-pipeline-job.js








/** Where the default branch's latest metrics are kept, for comparisons on later runs. */
const latestMetricsKey = (branch) => `metrics/${branch}/latest.json`;
/**
 * One CI job of the pipeline (what the pipeline Action does): run the stages with output in log
 * groups, collect metrics, compare them with the default branch's latest, and on the default
 * branch record them as the new latest.
 */
async function runPipelineJob(options) {
    const pipeline = await (0,load_pipeline.loadPipeline)((0,external_node_path_.join)(options.root, "kiln.yaml"));
    const dag = (0,pipeline_dag.buildDag)(pipeline);
    const summary = await (0,run_pipeline.runPipeline)({
        pipeline,
        dag,
        store: options.store,
        reporter: groupedReporter(options.logger),
        targets: options.targets,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        failFast: options.failFast,
    });
    const metrics = {};
    for (const result of summary.results)
        Object.assign(metrics, result.metrics);
    const previous = await readLatestMetrics(options.store, options.defaultBranch);
    if (options.branch === options.defaultBranch && summary.exitCode === 0 && Object.keys(metrics).length > 0) {
        const merged = { ...previous, ...metrics };
        await options.store.put(latestMetricsKey(options.defaultBranch), `${JSON.stringify(merged, null, 2)}\n`, {
            contentType: "application/json",
        });
    }
    const registered = options.register !== undefined && summary.exitCode === 0 && Object.keys(pipeline.models).length > 0
        ? await registerPipelineModels(pipeline.root, pipeline.models, options.store, options.logger, options.register)
        : [];
    const names = (test) => summary.results.filter(test).map((r) => r.name);
    return {
        exitCode: summary.exitCode,
        results: summary.results,
        ran: names((r) => r.status === stage_result/* StageStatus */.T.ran),
        cached: names((r) => (0,stage_result/* isCacheHit */.i)(r.status)),
        failed: names((r) => r.status === stage_result/* StageStatus */.T.failed),
        metrics,
        registered,
        summary: renderRunSummary({
            results: summary.results,
            metrics,
            previous,
            baseBranch: options.defaultBranch,
        }) + renderRegistered(registered),
    };
}
async function readLatestMetrics(store, branch) {
    try {
        return JSON.parse(Buffer.from(await store.getBytes(latestMetricsKey(branch))).toString("utf8"));
    }
    catch (error) {
        if (error instanceof errors/* NotFoundError */.m_ || error instanceof SyntaxError)
            return undefined;
        throw error;
    }
}
/** Register the declared models whose artifacts the run produced (`kiln run --register`, the Action). */
async function registerPipelineModels(root, models, store, logger, register) {
    // Loaded only when registering, so plain pipeline runs do not import the registry.
    const [{ registerDeclaredModels }, { readLineage }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(70), __webpack_require__.e(88), __webpack_require__.e(851), __webpack_require__.e(882)]).then(__webpack_require__.bind(__webpack_require__, 5686)),
        __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 9260)),
    ]);
    const lineage = await readLineage({ cwd: root, env: register.env });
    const results = await registerDeclaredModels({ store, logger }, {
        root,
        models,
        lineage,
        createdBy: register.createdBy,
        source: {
            kind: "action",
            detail: "kiln pipeline",
            ...(lineage.workflowRunUrl === undefined ? {} : { url: lineage.workflowRunUrl }),
        },
        ...(register.release === undefined ? {} : { release: register.release }),
    });
    const registered = [];
    for (const { name, result } of results) {
        if (result === undefined)
            continue;
        const { record } = result;
        logger.info(result.created
            ? `registered ${name}@${record.version}${record.release ? ` (${record.release.url})` : ""}`
            : `${name}@${record.version} already holds this artifact; nothing registered`);
        registered.push({
            name,
            version: record.version,
            created: result.created,
            releaseUrl: record.release?.url,
        });
    }
    return registered;
}
function renderRegistered(registered) {
    if (registered.length === 0)
        return "";
    const rows = registered.map((m) => `| ${m.name} | ${m.version} | ${m.created ? "registered" : "already registered"} | ${m.releaseUrl ? `[release](${m.releaseUrl})` : ""} |`);
    return ["", "", "### Models", "", "| model | version | | release |", "|---|---|---|---|", ...rows, ""].join("\n");
}


/***/ })

};
