export const id = 953;
export const ids = [953];
export const modules = {

/***/ 6169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nf: () => (/* binding */ closestName),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export levenshteinDistance */
/** Edit distance (insertions, deletions, substitutions) between two strings. */
function levenshteinDistance(a, b) {
    if (a === b)
        return 0;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/**
 * The known name closest to `name`, if it is close enough to be a likely typo
 * (distance at most a third of the longer name, rounded up).
 */
function closestName(name, known) {
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of known) {
        const distance = levenshteinDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const allowed = Math.max(1, Math.ceil(Math.max(name.length, best?.length ?? 0) / 3));
    return bestDistance <= allowed ? best : undefined;
}
/** ` Did you mean 'deps'?` or an empty string. */
function didYouMean(name, known) {
    const match = closestName(name, known);
    return match === undefined ? "" : ` Did you mean '${match}'?`;
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

/***/ 1804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ DepKind)
/* harmony export */ });
const DepKind = { path: "path", glob: "glob", remote: "remote" };


/***/ })

};
