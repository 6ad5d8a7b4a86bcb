export const id = 929;
export const ids = [929];
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

/***/ 4141:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ HashCache),
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);




/** Files at or above this size are hashed as a stream instead of read whole. */
const streamThreshold = 16 * 1024 * 1024;
/**
 * Digests of files, reused while a file's size and mtime are unchanged (like DVC's state db), so a
 * re-run of an unchanged project hashes nothing. Kept in `.kiln/state.json`, never in kiln.lock:
 * mtimes differ between checkouts of one commit, and the committed lock holds content only.
 * Keys are absolute paths.
 */
class HashCache {
    entries = new Map();
    changed = false;
    constructor(entries = []) {
        for (const [path, entry] of entries)
            this.entries.set(path, entry);
    }
    /** Load a state file written by `save`; a missing or unreadable one starts empty. */
    static async load(file) {
        try {
            const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, "utf8"));
            return new HashCache(Object.entries(parsed.files ?? {}));
        }
        catch {
            return new HashCache();
        }
    }
    /** Write the state file if anything was hashed since it was loaded. */
    async save(file) {
        if (!this.changed)
            return;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temporary, JSON.stringify({ version: 1, files: Object.fromEntries(this.entries) }));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, file);
        this.changed = false;
    }
    /** Remember a digest computed elsewhere (e.g. a file just restored and verified). */
    remember(path, entry) {
        this.entries.set(path, entry);
        this.changed = true;
    }
    /** The sha256 (hex) of a file, from the cache when its size and mtime match. */
    async digestOf(path, stat) {
        const current = stat ?? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path);
        const known = this.entries.get(path);
        if (known && known.size === current.size && known.mtimeMs === current.mtimeMs)
            return known;
        const digest = current.size >= streamThreshold ? await hashStream(path) : sha256((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path));
        const entry = { size: current.size, mtimeMs: current.mtimeMs, digest };
        this.remember(path, entry);
        return entry;
    }
}
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(data).digest("hex");
}
async function hashStream(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path))
        hash.update(chunk);
    return hash.digest("hex");
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

/***/ 3765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ loadBuiltinStages),
/* harmony export */   u: () => (/* binding */ lookupBuiltinStage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/** The built-in stage named by `uses: kiln/<name>`; an unknown name lists the known ones, sorted. */
function lookupBuiltinStage(uses, position, stages) {
    const name = uses.replace(/^kiln\//, "");
    const stage = Object.hasOwn(stages, name) ? stages[name] : undefined;
    if (!stage) {
        const known = Object.keys(stages)
            .sort()
            .map((n) => `kiln/${n}`)
            .join(", ");
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(position, `unknown built-in stage '${uses}'. Known built-in stages: ${known}.`);
    }
    return stage;
}
/**
 * Kiln's built-in stages, imported only when a pipeline uses one: some (kiln/train, kiln/evaluate)
 * load onnxruntime, which pipelines of shell commands should not pay for at every start.
 */
async function loadBuiltinStages() {
    return (await Promise.all(/* import() */[__webpack_require__.e(70), __webpack_require__.e(294), __webpack_require__.e(102), __webpack_require__.e(561), __webpack_require__.e(105)]).then(__webpack_require__.bind(__webpack_require__, 5105))).builtinStages;
}


/***/ })

};
