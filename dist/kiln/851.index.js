export const id = 851;
export const ids = [851];
export const modules = {

/***/ 132:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ appendRegistryEvent)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _model_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3346);
/* harmony import */ var _model_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(128);
/* harmony import */ var _registry_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7479);





/**
 * Append one event to a model's log. The sequence number is allocated by a create-only write of
 * `events/<seq>.json`; losing the race means another writer took that number, so its event is read
 * and `draft` is asked again with the log that now includes it (a stage move recomputes its `from`
 * and what it archives). `draft` may throw to refuse (e.g. the version is already in that stage).
 * The index is brought up to date afterwards, best-effort.
 */
async function appendRegistryEvent(store, name, draft, options = {}) {
    const { index } = options.loaded ?? (await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadModelIndex */ .cU)(store, name));
    for (;;) {
        const seq = (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .lastSeq */ .Et)(index) + 1;
        const event = { ...draft(index), id: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(), seq };
        try {
            await store.put(_registry_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .registryKeys */ .qb.event(name, seq), (0,_model_record_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeJson */ .Pr)(event), {
                ifNoneMatch: "*",
                contentType: "application/json",
            });
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreconditionFailedError */ .k9))
                throw error;
            await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .catchUp */ .xA)(store, index);
            // A retried request whose first attempt landed: the event at `seq` is our own.
            const mine = index.events.find((e) => e.id === event.id);
            if (mine === undefined)
                continue;
            await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .refreshStoredIndex */ .Vc)(store, name).catch(() => undefined);
            return mine;
        }
        await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .refreshStoredIndex */ .Vc)(store, name).catch(() => undefined);
        return event;
    }
}


/***/ }),

/***/ 2163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ appendStageEvent)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _append_registry_event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(132);
/* harmony import */ var _model_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3346);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);
/* harmony import */ var _read_model_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8027);
/* harmony import */ var _stages_at_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9398);






/**
 * Move a version to a stage by appending a stage event. Staging and Production hold one version:
 * the previous holder is archived by the same event. The `from` stage and what is archived are
 * computed from the log as it is when the event's sequence number is won, so concurrent moves
 * cannot leave two versions in Production.
 */
async function appendStageEvent(store, move) {
    const { name, version, to } = move;
    const loaded = await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadModelIndex */ .cU)(store, name);
    if (!loaded.index.versions.some((v) => v.version === version)) {
        const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
        if (record === undefined) {
            const known = loaded.index.versions.map((v) => v.version);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(known.length === 0
                ? `model '${name}' has no versions, so ${name}@${version} cannot be moved to ${to}.`
                : `${name}@${version} does not exist; '${name}' has ${known.length} version(s), the latest ${known.at(-1)}.`);
        }
    }
    const at = (move.at ?? new Date()).toISOString();
    const event = await (0,_append_registry_event_js__WEBPACK_IMPORTED_MODULE_1__/* .appendRegistryEvent */ .w)(store, name, (index) => {
        const stages = (0,_stages_at_js__WEBPACK_IMPORTED_MODULE_5__/* .stagesAt */ .n)(index.events);
        const from = stages.versions.get(version) ?? _model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelStage */ .Og.None;
        if (from === to)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`already in ${to}; nothing to do.`, { model: name, version });
        const archived = _model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .exclusiveStages */ .ey.includes(to)
            ? [...stages.versions]
                .filter(([v, stage]) => stage === to && v !== version)
                .map(([v]) => ({ version: v, from: to }))
            : [];
        return {
            kind: "stage",
            version,
            from,
            to,
            at,
            by: move.by,
            source: move.source,
            reason: move.reason,
            archived,
        };
    }, { loaded });
    return event;
}


/***/ }),

/***/ 1256:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ sha256OfFile),
/* harmony export */   z: () => (/* binding */ fileError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8094);



/** Hash a file by streaming it (constant memory, whatever its size). */
async function sha256OfFile(path, what = "artifact") {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    let size = 0;
    try {
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { highWaterMark: 1 << 20 })) {
            const bytes = chunk;
            hash.update(bytes);
            size += bytes.length;
        }
    }
    catch (error) {
        throw fileError(error, path, what);
    }
    return { sha256: hash.digest("hex"), size };
}
/** A file-system error on a file the user named, as a Kiln error. */
function fileError(error, path, what) {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
    if (code === "ENOENT")
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m_(`${what} '${path}' does not exist.`, { cause: error });
    if (code === "EISDIR")
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} '${path}' is a directory; expected a file.`, { cause: error });
    if (code === "EACCES" || code === "EPERM")
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} '${path}' cannot be read (permission denied).`, { cause: error });
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} '${path}' cannot be read: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
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

/***/ 3548:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readMetricsFile),
/* harmony export */   r: () => (/* binding */ readParamsFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _config_yaml_document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3395);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8094);
/* harmony import */ var _file_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1256);





/**
 * Read a metrics file (JSON or YAML, as DVC and training scripts write them) into a flat map of
 * numbers: nested objects become dotted names (`test.accuracy`). Like `dvc metrics show`, values
 * that are not numbers (a `task: classification` label, a confusion matrix as lists, booleans,
 * nulls) describe the run rather than measure it and are left out. A non-finite number (`.nan`,
 * `.inf`) is a ConfigError naming file:line:col and the metric.
 */
async function readMetricsFile(path) {
    const yaml = await readYamlOrJson(path, "metrics file");
    const { root } = yaml;
    const metrics = {};
    const visit = (node, prefix) => {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            for (const pair of node.items) {
                const key = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : String(pair.key);
                visit(pair.value, prefix ? `${prefix}.${key}` : key);
            }
            return;
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) && typeof node.value === "number" && Number.isFinite(node.value)) {
            metrics[prefix] = node.value;
            return;
        }
        if (!((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) && typeof node.value === "number"))
            return;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(yaml.positionOf(node), `metric '${prefix}' is ${String(node.value)}; expected a finite number.`, { hint: 'A metrics file maps metric names (possibly nested) to numbers, e.g. {"accuracy": 0.93}.' });
    };
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(yaml.positionOf(root), 'expected an object of metric names to numbers, e.g. {"accuracy": 0.93}.');
    visit(root, "");
    return metrics;
}
/** Read a params file (YAML or JSON) as a plain object; params may be nested and of any type. */
async function readParamsFile(path) {
    const yaml = await readYamlOrJson(path, "params file");
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(yaml.root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(yaml.positionOf(yaml.root), "expected a mapping of parameter names to values, e.g. {max_depth: 6}.");
    return yaml.value;
}
async function readYamlOrJson(path, what) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8");
    }
    catch (error) {
        throw (0,_file_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .fileError */ .z)(error, path, what);
    }
    return (0,_config_yaml_document_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlDocument */ .Iu)(text, path, { syntaxErrorLead: `${what} is not valid JSON or YAML` });
}


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

/***/ 4293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ registerModel)
});

// UNUSED EXPORTS: releaseTag

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/registry/append-registry-event.js
var append_registry_event = __webpack_require__(132);
// EXTERNAL MODULE: ./.build/runtime/registry/file-digest.js
var file_digest = __webpack_require__(1256);
// EXTERNAL MODULE: ./.build/runtime/registry/model-index.js + 1 modules
var model_index = __webpack_require__(3346);
// EXTERNAL MODULE: ./.build/runtime/registry/model-name.js
var model_name = __webpack_require__(9150);
// EXTERNAL MODULE: ./.build/runtime/registry/model-record.js
var model_record = __webpack_require__(128);
// EXTERNAL MODULE: ./.build/runtime/train/read-onnx-signature.js
var read_onnx_signature = __webpack_require__(2035);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./.build/runtime/registry/onnx-model-header.js



/**
 * Extract the small part of an ONNX file — everything but the weights — without reading the
 * weights into memory, so that a 1 GB model's signature is read with a few kilobytes of buffer.
 *
 * The file is walked as protobuf wire format with positioned reads. The result is a valid, much
 * smaller ModelProto: top-level fields (ir_version, opset_import, metadata_props, ...) are copied;
 * the graph keeps its name, inputs, outputs and value_info; initializers keep only their name,
 * dims and data type (so readers can still tell weights from real inputs); nodes, sparse
 * initializers, training info and functions are dropped. A file that is not protobuf, or lacks
 * ir_version or a graph, is refused as "not an ONNX model".
 */
async function readOnnxModelHeader(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, "r");
    }
    catch (error) {
        throw (0,file_digest/* fileError */.z)(error, path, "artifact");
    }
    try {
        const size = (await handle.stat()).size;
        const reader = new PositionedReader(handle, size);
        const notOnnx = (why) => new errors/* ModelError */.me(`'${path}' is not an ONNX model: ${why}.`, {}, {
            hint: "Register the .onnx file the training stage wrote (a serialized onnx.ModelProto).",
        });
        if (size === 0)
            throw notOnnx("the file is empty");
        const out = [];
        let sawIrVersion = false;
        let sawGraph = false;
        await walk(reader, 0, size, notOnnx, async (field) => {
            if (field.number === 1 && field.wire === 0)
                sawIrVersion = true;
            if (field.number === 7 && field.wire === 2) {
                sawGraph = true;
                const graph = await slimGraph(reader, field.start, field.end, notOnnx);
                out.push(encodeTag(7, 2), encodeVarint(graph.length), graph);
                return;
            }
            if (field.number === 20 || field.number === 25)
                return; // training_info, functions
            if (field.end - field.tagStart > maxKeptField)
                return;
            out.push(await reader.read(field.tagStart, field.end - field.tagStart));
        });
        if (!sawIrVersion)
            throw notOnnx("it has no ir_version");
        if (!sawGraph)
            throw notOnnx("it has no graph");
        return concat(out);
    }
    finally {
        await handle.close();
    }
}
const maxKeptField = 16 << 20;
async function slimGraph(reader, start, end, notOnnx) {
    const out = [];
    await walk(reader, start, end, notOnnx, async (field) => {
        if (field.number === 1 || field.number === 15)
            return; // node, sparse_initializer
        if (field.number === 5 && field.wire === 2) {
            const tensor = [];
            await walk(reader, field.start, field.end, notOnnx, async (inner) => {
                // dims (1), data_type (2), name (8)
                if (inner.number === 1 || inner.number === 2 || inner.number === 8)
                    tensor.push(await reader.read(inner.tagStart, inner.end - inner.tagStart));
            });
            const bytes = concat(tensor);
            out.push(encodeTag(5, 2), encodeVarint(bytes.length), bytes);
            return;
        }
        if (field.end - field.tagStart > maxKeptField)
            return;
        out.push(await reader.read(field.tagStart, field.end - field.tagStart));
    });
    return concat(out);
}
async function walk(reader, start, end, notOnnx, visit) {
    let pos = start;
    while (pos < end) {
        const tagStart = pos;
        const tag = await reader.varint(pos, end);
        if (tag === undefined)
            throw notOnnx(`bad protobuf tag at byte ${pos}`);
        pos = tag.next;
        const number = Math.floor(tag.value / 8);
        const wire = tag.value % 8;
        if (number === 0)
            throw notOnnx(`bad protobuf field number 0 at byte ${tagStart}`);
        let fieldStart = pos;
        let fieldEnd;
        if (wire === 0) {
            const next = await reader.varintEnd(pos, end);
            if (next === undefined)
                throw notOnnx(`bad varint at byte ${pos}`);
            fieldEnd = next;
        }
        else if (wire === 1)
            fieldEnd = pos + 8;
        else if (wire === 5)
            fieldEnd = pos + 4;
        else if (wire === 2) {
            const length = await reader.varint(pos, end);
            if (length === undefined)
                throw notOnnx(`bad length at byte ${pos}`);
            fieldStart = length.next;
            fieldEnd = fieldStart + length.value;
        }
        else
            throw notOnnx(`unsupported protobuf wire type ${wire} at byte ${tagStart}`);
        if (fieldEnd > end)
            throw notOnnx(`a field at byte ${tagStart} runs past the end of its message`);
        await visit({ number, wire, tagStart, start: fieldStart, end: fieldEnd });
        pos = fieldEnd;
    }
}
/** Reads a file at arbitrary offsets through a small window, so walking skips weights unread. */
class PositionedReader {
    handle;
    size;
    window = new Uint8Array(0);
    windowStart = 0;
    constructor(handle, size) {
        this.handle = handle;
        this.size = size;
    }
    async read(position, length) {
        const bytes = new Uint8Array(length);
        let done = 0;
        while (done < length) {
            const { bytesRead } = await this.handle.read(bytes, done, length - done, position + done);
            if (bytesRead === 0)
                break;
            done += bytesRead;
        }
        return bytes;
    }
    async byteAt(position) {
        if (position >= this.size)
            return undefined;
        if (position < this.windowStart || position >= this.windowStart + this.window.length) {
            this.windowStart = position;
            this.window = await this.read(position, Math.min(64 * 1024, this.size - position));
        }
        return this.window[position - this.windowStart];
    }
    /** Where the varint at `position` ends (any width up to 10 bytes), or undefined when malformed. */
    async varintEnd(position, end) {
        for (let i = 0; i < 10; i++) {
            if (position + i >= end)
                return undefined;
            const byte = await this.byteAt(position + i);
            if (byte === undefined)
                return undefined;
            if ((byte & 0x80) === 0)
                return position + i + 1;
        }
        return undefined;
    }
    /** A varint at `position` (up to 2^53), or undefined when malformed or past `end`. */
    async varint(position, end) {
        let value = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            if (position + i >= end)
                return undefined;
            const byte = await this.byteAt(position + i);
            if (byte === undefined)
                return undefined;
            value += (byte & 0x7f) * scale;
            scale *= 128;
            if ((byte & 0x80) === 0)
                return value > Number.MAX_SAFE_INTEGER ? undefined : { value, next: position + i + 1 };
        }
        return undefined;
    }
}
function encodeVarint(value) {
    const bytes = [];
    let rest = value;
    while (rest >= 0x80) {
        bytes.push((rest % 128) | 0x80);
        rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
    return Uint8Array.from(bytes);
}
function encodeTag(number, wire) {
    return encodeVarint(number * 8 + wire);
}
function concat(parts) {
    const total = parts.reduce((sum, p) => sum + p.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/runtime/registry/onnx-file-signature.js


/**
 * The input/output signature of the ONNX model in a file, read from its header only (the weights
 * are skipped unread, so memory stays small for any model size).
 */
async function readOnnxFileSignature(path) {
    return (0,read_onnx_signature/* readOnnxSignature */.m)(await readOnnxModelHeader(path), `'${path}'`);
}

// EXTERNAL MODULE: ./.build/runtime/registry/read-metrics-file.js
var read_metrics_file = __webpack_require__(3548);
// EXTERNAL MODULE: ./.build/runtime/registry/read-model-record.js
var read_model_record = __webpack_require__(8027);
// EXTERNAL MODULE: ./.build/runtime/registry/registry-keys.js
var registry_keys = __webpack_require__(7479);
// EXTERNAL MODULE: ./.build/runtime/registry/render-model-card.js
var render_model_card = __webpack_require__(3760);
// EXTERNAL MODULE: ./.build/runtime/registry/stages-at.js
var stages_at = __webpack_require__(9398);
// EXTERNAL MODULE: ./.build/runtime/store/content-address.js
var content_address = __webpack_require__(8427);
;// CONCATENATED MODULE: ./.build/runtime/registry/store-artifact.js



/**
 * Put an artifact file in the store under its content address (`cache/sha256/<digest>`), streamed
 * from disk. An object already there with the same size is kept (same address, same bytes).
 * Returns the key.
 */
async function storeArtifact(store, path, digest, logger) {
    const key = (0,content_address/* contentAddressKey */.BC)(digest.sha256);
    const existing = await store.head(key);
    if (existing?.size === digest.size) {
        logger.debug(`artifact ${key} is already in the store.`);
        return key;
    }
    logger.info(`uploading ${digest.size} bytes to ${store.url} as ${key}`);
    try {
        await store.put(key, (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1 << 20 }), {
            ifNoneMatch: "*",
            contentLength: digest.size,
            contentType: "application/octet-stream",
        });
    }
    catch (error) {
        // Another writer stored the same bytes under the same address meanwhile.
        if (!(error instanceof errors/* PreconditionFailedError */.k9))
            throw error;
    }
    return key;
}

// EXTERNAL MODULE: ./.build/runtime/registry/version-bump.js
var version_bump = __webpack_require__(7562);
;// CONCATENATED MODULE: ./.build/runtime/registry/register-model.js


















/**
 * Register a model version. Atomic from the outside: the version number is allocated (a create-only
 * reservation in the store, and the tag ref in GitHub mode), the artifact is stored content
 * addressed, the release and its assets are made, and the record is written LAST with a create-only
 * write — its existence is what makes the version visible. Any failure before that rolls back what
 * it made (release, tag, digest claim, reservation). The same artifact digest registered again
 * returns the existing version.
 */
async function registerModel(deps, request) {
    const { store, logger } = deps;
    const clock = deps.clock ?? (() => new Date());
    const { name } = request;
    (0,model_name/* assertModelName */.f)(name);
    const signature = await readOnnxFileSignature(request.artifactPath);
    const metrics = request.metricsPath === undefined ? {} : await (0,read_metrics_file/* readMetricsFile */._)(request.metricsPath);
    const params = {
        ...(request.paramsPath === undefined ? {} : await (0,read_metrics_file/* readParamsFile */.r)(request.paramsPath)),
        ...request.params,
    };
    const digest = await (0,file_digest/* sha256OfFile */.V)(request.artifactPath);
    const existing = await findByDigest(store, name, digest.sha256);
    if (existing !== undefined) {
        logger.debug(`${(0,model_record/* modelVersionLabel */.ML)(existing)} already holds this artifact (sha256:${digest.sha256}).`);
        return { record: existing, created: false, modelCard: await modelCardFor(store, existing, request) };
    }
    const storeKey = await storeArtifact(store, request.artifactPath, digest, logger);
    const { index } = await (0,model_index/* loadModelIndex */.cU)(store, name);
    const latest = index.versions.at(-1);
    const parent = latest === undefined ? undefined : await (0,read_model_record/* findModelRecord */.k)(store, name, latest.version);
    const decision = (0,version_bump/* decideBump */.DP)(parent, signature, request.bump);
    const rollback = new Rollback(logger);
    try {
        const version = await allocateVersion(store, name, (0,version_bump/* bumpVersion */.Bx)(parent?.version, decision.kind), decision.kind, {
            request,
            rollback,
            clock,
        });
        const label = `${name}@${version}`;
        const lineage = { ...request.lineage };
        if (parent !== undefined)
            lineage.parentVersion = parent.version;
        const record = {
            formatVersion: 1,
            name,
            version,
            artifact: { sha256: digest.sha256, size: digest.size, storeKey },
            bump: decision,
            signature,
            metrics,
            params,
            lineage,
            createdBy: request.createdBy,
            createdAt: clock().toISOString(),
        };
        const claimed = await claimDigest(store, record, rollback, clock);
        if (claimed !== undefined) {
            await rollback.run();
            return { record: claimed, created: false, modelCard: await modelCardFor(store, claimed, request) };
        }
        const production = await productionRecord(store, name, index.events);
        const modelCard = (0,render_model_card/* renderModelCard */.kL)(record, production, (0,render_model_card/* chartHistory */.dA)(index, record), cardOptions(request));
        if (request.release !== undefined) {
            const { port, commit } = request.release;
            const tag = releaseTag(name, version);
            const release = await port.createRelease({ tag, name: tag, body: modelCard, sha: commit });
            rollback.add(`release ${tag}`, () => port.deleteRelease(release));
            logger.info(`created release ${tag}: ${release.url}`);
            const asset = await port.uploadAsset(release, {
                name: "model.onnx",
                contentType: "application/octet-stream",
                size: digest.size,
                open: () => (0,external_node_fs_.createReadStream)(request.artifactPath, { highWaterMark: 1 << 20 }),
            });
            record.artifact.releaseAssetUrl = asset.downloadUrl;
            record.release = { tag, url: release.url, id: release.id };
            await uploadRecordAsset(port, release, record);
        }
        await writeRecord(store, record);
        rollback.clear();
        logger.debug(`registered ${label} (${decision.kind}: ${decision.reason}).`);
        await (0,append_registry_event/* appendRegistryEvent */.w)(store, name, () => ({
            kind: "register",
            version,
            at: record.createdAt,
            by: request.createdBy,
            source: request.source,
            summary: {
                sha256: digest.sha256,
                size: digest.size,
                bump: decision.kind,
                metrics,
                createdAt: record.createdAt,
            },
        })).catch((error) => {
            logger.warn(`${label} is registered, but its register event could not be written (${(0,errors/* errorMessage */.gJ)(error)}); run 'kiln model reindex ${name}' to list it.`);
        });
        return { record, created: true, modelCard };
    }
    catch (error) {
        if (!(error instanceof RecordStateUnknownError))
            await rollback.run();
        throw error;
    }
}
function releaseTag(name, version) {
    return `${name}@v${version}`;
}
function cardOptions(request) {
    const serverUrl = request.release?.serverUrl;
    return serverUrl === undefined ? {} : { serverUrl };
}
async function productionRecord(store, name, events) {
    const production = (0,stages_at/* stagesAt */.n)(events).production;
    return production === undefined ? undefined : (0,read_model_record/* findModelRecord */.k)(store, name, production);
}
async function modelCardFor(store, record, request) {
    const { index } = await (0,model_index/* loadModelIndex */.cU)(store, record.name);
    const productionVersion = (0,stages_at/* stagesAt */.n)(index.events).production;
    const production = productionVersion === undefined
        ? undefined
        : await (0,read_model_record/* findModelRecord */.k)(store, record.name, productionVersion);
    return (0,render_model_card/* renderModelCard */.kL)(record, production, (0,render_model_card/* chartHistory */.dA)(index, record), cardOptions(request));
}
/** Undo steps for a half-done registration, run newest first; failures are reported, not thrown. */
class Rollback {
    logger;
    steps = [];
    constructor(logger) {
        this.logger = logger;
    }
    add(what, undo) {
        this.steps.push({ what, undo });
    }
    clear() {
        this.steps = [];
    }
    async run() {
        for (const step of this.steps.reverse()) {
            try {
                await step.undo();
                this.logger.debug(`rolled back ${step.what}`);
            }
            catch (error) {
                this.logger.warn(`could not roll back ${step.what}: ${(0,errors/* errorMessage */.gJ)(error)}. Delete it by hand.`);
            }
        }
        this.steps = [];
    }
}
/**
 * Take the first free version from `candidate` on: a create-only reservation in the store and, in
 * GitHub mode, the tag ref `<name>@v<version>`. Either existing means another registration has it:
 * take the next one.
 */
async function allocateVersion(store, name, first, kind, context) {
    const step = kind === model_record/* BumpKind */.XS.initial ? model_record/* BumpKind */.XS.minor : kind;
    const { request, rollback, clock } = context;
    const id = (0,external_node_crypto_.randomUUID)();
    let candidate = first;
    for (let attempt = 0; attempt < 1000; attempt++) {
        const key = registry_keys/* registryKeys */.qb.reservation(name, candidate);
        const reservation = { name, version: candidate, id, by: request.createdBy, at: clock().toISOString() };
        let reserved = true;
        try {
            await store.put(key, (0,model_record/* encodeJson */.Pr)(reservation), { ifNoneMatch: "*", contentType: "application/json" });
        }
        catch (error) {
            if (!(error instanceof errors/* PreconditionFailedError */.k9))
                throw error;
            // Lost the race, unless a retried request's first attempt was ours.
            reserved = (await readJson(store, key))?.id === id;
        }
        if (reserved) {
            const reservedKey = key;
            rollback.add(`reservation ${reservedKey}`, () => store.delete(reservedKey));
            if (request.release === undefined)
                return candidate;
            const tag = releaseTag(name, candidate);
            if (await request.release.port.createTagRef(tag, request.release.commit)) {
                rollback.add(`tag ${tag}`, () => request.release.port.deleteTagRef(tag));
                return candidate;
            }
            // The tag exists (made outside this store): the version is taken; keep the reservation so no one retries it.
            rollback.clear();
        }
        candidate = (0,semver.inc)(candidate, step) ?? candidate;
    }
    throw new errors/* StoreError */.AD(`could not allocate a version of '${name}' after 1000 attempts.`);
}
async function readJson(store, key) {
    try {
        const value = JSON.parse(new TextDecoder().decode(await store.getBytes(key)));
        return typeof value === "object" && value !== null ? value : undefined;
    }
    catch (error) {
        if (error instanceof errors/* NotFoundError */.m_)
            return undefined;
        if (error instanceof SyntaxError)
            return undefined;
        throw error;
    }
}
/** The version already registered with this artifact, if any (a digest claim with a record). */
async function findByDigest(store, name, sha256) {
    const claim = await readJson(store, registry_keys/* registryKeys */.qb.digest(name, sha256));
    if (typeof claim?.version !== "string")
        return undefined;
    const record = await (0,read_model_record/* findModelRecord */.k)(store, name, claim.version);
    return record?.artifact.sha256 === sha256 ? record : undefined;
}
const staleClaimMs = 15 * 60 * 1000;
/**
 * Claim the artifact digest for this version, create-only. Returns the existing record when another
 * registration of the same bytes completed first; throws when one is still in progress; takes over
 * a claim abandoned (no record) for more than 15 minutes.
 */
async function claimDigest(store, record, rollback, clock) {
    const key = registry_keys/* registryKeys */.qb.digest(record.name, record.artifact.sha256);
    const claim = { version: record.version, claimedAt: clock().toISOString() };
    for (let attempt = 0; attempt < 5; attempt++) {
        const info = await store.head(key);
        try {
            await store.put(key, (0,model_record/* encodeJson */.Pr)(claim), {
                contentType: "application/json",
                ...(info === undefined ? { ifNoneMatch: "*" } : { ifMatch: info.etag }),
            });
            rollback.add(`digest claim ${key}`, () => store.delete(key));
            return undefined;
        }
        catch (error) {
            if (!(error instanceof errors/* PreconditionFailedError */.k9))
                throw error;
        }
        // fallthrough: someone else's claim exists (or appeared)
        const other = await readJson(store, key);
        if (other?.version === record.version && other.claimedAt === claim.claimedAt)
            return undefined;
        if (typeof other?.version === "string") {
            const theirs = await (0,read_model_record/* findModelRecord */.k)(store, record.name, other.version);
            if (theirs !== undefined)
                return theirs;
            const age = clock().getTime() - Date.parse(String(other.claimedAt));
            if (!(age > staleClaimMs))
                throw new errors/* KilnError */.NF(`${record.name}: another registration of the same artifact (sha256:${record.artifact.sha256}) is in progress as version ${other.version}.`, { hint: "Wait for it to finish, then register again to get its version." });
        }
    }
    throw new errors/* StoreError */.AD(`could not claim digest ${key}: it keeps changing.`, { key });
}
/** The record write could not be confirmed either way; nothing may be rolled back. */
class RecordStateUnknownError extends errors/* StoreError */.AD {
    name = "RecordStateUnknownError";
}
/** Write the record create-only; when the outcome is unclear, read it back to learn whether it landed. */
async function writeRecord(store, record) {
    const key = registry_keys/* registryKeys */.qb.record(record.name, record.version);
    const bytes = (0,model_record/* encodeJson */.Pr)(record);
    try {
        await store.put(key, bytes, { ifNoneMatch: "*", contentType: "application/json" });
        return;
    }
    catch (error) {
        let stored;
        try {
            stored = await store.getBytes(key);
        }
        catch (readError) {
            if (!(readError instanceof errors/* NotFoundError */.m_))
                throw new RecordStateUnknownError(`writing ${key} failed (${(0,errors/* errorMessage */.gJ)(error)}) and reading it back failed too (${(0,errors/* errorMessage */.gJ)(readError)}); it is unknown whether ${(0,model_record/* modelVersionLabel */.ML)(record)} was registered.`, { key }, {
                    cause: error,
                    hint: `Check with 'kiln model show ${(0,model_record/* modelVersionLabel */.ML)(record)}' once the store is reachable.`,
                });
            throw error;
        }
        if (Buffer.from(stored).equals(Buffer.from(bytes)))
            return;
        if (error instanceof errors/* PreconditionFailedError */.k9)
            throw new errors/* StoreError */.AD(`${key} was written by another registration; the version reservation was not respected.`, {
                key,
            });
        throw error;
    }
}
/** The record as a release asset, so the release alone says what it holds. */
async function uploadRecordAsset(port, release, record) {
    const bytes = (0,model_record/* encodeJson */.Pr)(record);
    await port.uploadAsset(release, {
        name: "kiln-model.json",
        contentType: "application/json",
        size: bytes.length,
        open: () => external_node_stream_.Readable.from([Buffer.from(bytes)]),
    });
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

/***/ 3760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ flatten),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   dA: () => (/* binding */ chartHistory),
/* harmony export */   eD: () => (/* binding */ formatChange),
/* harmony export */   kL: () => (/* binding */ renderModelCard)
/* harmony export */ });
const maxTableRows = 200;
/**
 * The model card: the body of the GitHub release and the action's job summary. Pure: the record,
 * the version now in Production (to compare metrics with) and the recent versions (for the chart).
 */
function renderModelCard(record, production, history, options = {}) {
    const server = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
    const lines = [];
    lines.push(`# ${record.name}@${record.version}`, "");
    const commit = record.lineage.commit ? ` at commit \`${record.lineage.commit.slice(0, 7)}\`` : "";
    lines.push(`Registered ${record.createdAt} by ${record.createdBy}${commit}.`, "");
    lines.push(`**Version bump:** ${record.bump.kind} — ${record.bump.reason}.`, "");
    lines.push("## Metrics", "");
    const metricNames = Object.keys(record.metrics);
    if (metricNames.length === 0)
        lines.push("_No metrics were recorded._", "");
    else {
        const against = production && production.version !== record.version ? production : undefined;
        if (against) {
            lines.push(`| metric | ${record.version} | Production (${against.version}) | change |`, "|---|---:|---:|---:|");
            for (const name of metricNames.slice(0, maxTableRows)) {
                const value = record.metrics[name];
                const before = against.metrics[name];
                lines.push(`| ${cell(name)} | ${formatNumber(value)} | ${before === undefined ? "—" : formatNumber(before)} | ${before === undefined ? "new" : formatChange(value, before)} |`);
            }
        }
        else {
            const note = production === undefined ? "No version is in Production yet." : "This version is in Production.";
            lines.push(`| metric | ${record.version} |`, "|---|---:|");
            for (const name of metricNames.slice(0, maxTableRows))
                lines.push(`| ${cell(name)} | ${formatNumber(record.metrics[name])} |`);
            lines.push("", `_${note}_`);
        }
        lines.push(...trimmedNote(metricNames.length, "metrics"), "");
        lines.push(...metricChart(record, history, options));
    }
    lines.push("## Parameters", "");
    const params = flatten(record.params);
    if (params.length === 0)
        lines.push("_No parameters were recorded._", "");
    else {
        lines.push("| parameter | value |", "|---|---|");
        for (const [name, value] of params.slice(0, maxTableRows))
            lines.push(`| ${cell(name)} | ${cell(value)} |`);
        lines.push(...trimmedNote(params.length, "parameters"), "");
    }
    lines.push("## Signature", "");
    lines.push("| | name | datatype | shape |", "|---|---|---|---|");
    for (const t of record.signature.inputs)
        lines.push(`| input | ${cell(t.name)} | ${t.datatype} | [${t.shape.join(", ")}] |`);
    for (const t of record.signature.outputs)
        lines.push(`| output | ${cell(t.name)} | ${t.datatype} | [${t.shape.join(", ")}] |`);
    lines.push("");
    lines.push("## Lineage", "");
    const { lineage } = record;
    const repoUrl = lineage.repository ? `${server}/${lineage.repository}` : undefined;
    if (lineage.repository)
        lines.push(`- Repository: [${lineage.repository}](${repoUrl})`);
    if (lineage.commit)
        lines.push(`- Commit: ${repoUrl ? `[\`${lineage.commit}\`](${repoUrl}/commit/${lineage.commit})` : `\`${lineage.commit}\``}`);
    if (lineage.branch)
        lines.push(`- Branch: \`${lineage.branch}\``);
    if (lineage.workflowRunUrl)
        lines.push(`- Workflow run: ${lineage.workflowRunUrl}`);
    if (lineage.parentVersion) {
        const parentTag = `${record.name}@v${lineage.parentVersion}`;
        lines.push(`- Parent version: ${repoUrl ? `[${lineage.parentVersion}](${repoUrl}/releases/tag/${encodeURIComponent(parentTag)})` : lineage.parentVersion}`);
    }
    else
        lines.push("- Parent version: none (first version)");
    const stageKeys = Object.entries(lineage.stageKeys);
    if (stageKeys.length > 0) {
        lines.push("", "| pipeline stage | stage key |", "|---|---|");
        for (const [stage, key] of stageKeys.slice(0, maxTableRows))
            lines.push(`| ${cell(stage)} | \`${key}\` |`);
    }
    const datasets = Object.entries(lineage.datasetDigests);
    if (datasets.length > 0) {
        lines.push("", "| dataset | sha256 |", "|---|---|");
        for (const [path, digest] of datasets.slice(0, maxTableRows))
            lines.push(`| ${cell(path)} | \`${digest}\` |`);
    }
    lines.push("");
    lines.push("## Artifact", "");
    lines.push(`- \`model.onnx\`: ${record.artifact.size} bytes, sha256 \`${record.artifact.sha256}\``);
    lines.push(`- Store key: \`${record.artifact.storeKey}\``);
    if (record.artifact.releaseAssetUrl)
        lines.push(`- Release asset: ${record.artifact.releaseAssetUrl}`);
    lines.push("");
    return lines.join("\n");
}
/** The versions the model card's chart is drawn from: the index's summaries up to this version. */
function chartHistory(index, record) {
    const earlier = index.versions.filter((v) => v.version !== record.version);
    return [
        ...earlier,
        {
            version: record.version,
            sha256: record.artifact.sha256,
            size: record.artifact.size,
            bump: record.bump.kind,
            metrics: record.metrics,
            createdAt: record.createdAt,
        },
    ];
}
function metricChart(record, history, options) {
    const metric = options.chartMetric ?? Object.keys(record.metrics)[0];
    if (metric === undefined)
        return [];
    const points = history
        .filter((v) => typeof v.metrics[metric] === "number")
        .slice(-(options.chartVersions ?? 20));
    if (points.length < 2)
        return [];
    const values = points.map((v) => v.metrics[metric]);
    return [
        `### ${metric} across recent versions`,
        "",
        "```mermaid",
        "xychart-beta",
        `  title "${metric.replaceAll('"', "'")} by version"`,
        `  x-axis [${points.map((v) => `"${v.version}"`).join(", ")}]`,
        `  y-axis "${metric.replaceAll('"', "'")}"`,
        `  line [${values.map((v) => formatNumber(v)).join(", ")}]`,
        "```",
        "",
    ];
}
/** Parameters as dotted names and printable values, in file order. */
function flatten(value, prefix = "") {
    const out = [];
    for (const [key, inner] of Object.entries(value)) {
        const name = prefix ? `${prefix}.${key}` : key;
        if (typeof inner === "object" && inner !== null && !Array.isArray(inner))
            out.push(...flatten(inner, name));
        else
            out.push([name, typeof inner === "string" ? inner : JSON.stringify(inner)]);
    }
    return out;
}
function formatNumber(value) {
    if (Number.isInteger(value))
        return String(value);
    return String(Number(value.toPrecision(6)));
}
function formatChange(value, before) {
    const delta = value - before;
    const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
    const absolute = formatNumber(Math.abs(delta));
    if (before === 0)
        return `${sign}${absolute}`;
    const relative = (Math.abs(delta) / Math.abs(before)) * 100;
    return `${sign}${absolute} (${sign}${relative.toFixed(2)}%)`;
}
function cell(text) {
    const flat = text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
function trimmedNote(total, what) {
    return total > maxTableRows
        ? ["", `_${total - maxTableRows} more ${what} left out; see kiln-model.json._`]
        : [];
}


/***/ }),

/***/ 1575:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ signatureChanges)
/* harmony export */ });
const describe = (t) => `${t.datatype}[${t.shape.join(", ")}]`;
const sameShape = (a, b) => a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
function signatureChanges(before, after) {
    const incompatible = [];
    const compatible = [];
    const side = (kind, old, now) => {
        const nowByName = new Map(now.map((t) => [t.name, t]));
        const oldNames = new Set(old.map((t) => t.name));
        for (const o of old) {
            const n = nowByName.get(o.name);
            if (n === undefined)
                incompatible.push(`${kind} '${o.name}' removed`);
            else if (n.datatype !== o.datatype || !sameShape(o, n))
                incompatible.push(`${kind} '${o.name}' changed from ${describe(o)} to ${describe(n)}`);
        }
        for (const n of now) {
            if (oldNames.has(n.name))
                continue;
            if (kind === "input")
                incompatible.push(`input '${n.name}' added (callers do not send it)`);
            else
                compatible.push(`output '${n.name}' added`);
        }
    };
    side("input", before.inputs, after.inputs);
    side("output", before.outputs, after.outputs);
    return { incompatible, compatible };
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

/***/ 7562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ bumpVersion),
/* harmony export */   DP: () => (/* binding */ decideBump),
/* harmony export */   hf: () => (/* binding */ RequestedBump)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _model_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(128);
/* harmony import */ var _signature_changes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1575);



const RequestedBump = { major: "major", minor: "minor", patch: "patch" };
/**
 * How the next version number is chosen: `1.0.0` first; then minor by default, or what was asked;
 * but major whenever the signature changed incompatibly, with the changes as the reason.
 */
function decideBump(parent, signature, requested) {
    if (parent === undefined)
        return { kind: _model_record_js__WEBPACK_IMPORTED_MODULE_1__/* .BumpKind */ .XS.initial, reason: "first version of the model" };
    const { incompatible } = (0,_signature_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .signatureChanges */ .A)(parent.signature, signature);
    if (incompatible.length > 0) {
        const asked = requested !== undefined && requested !== "major" ? ` (${requested} was asked)` : "";
        return {
            kind: _model_record_js__WEBPACK_IMPORTED_MODULE_1__/* .BumpKind */ .XS.major,
            reason: `incompatible signature change against ${parent.version}${asked}: ${incompatible.join("; ")}`,
        };
    }
    if (requested !== undefined)
        return { kind: requested, reason: `${requested} bump as requested` };
    return { kind: _model_record_js__WEBPACK_IMPORTED_MODULE_1__/* .BumpKind */ .XS.minor, reason: "minor bump (the default): the signature is compatible" };
}
/** The version after `version` for a bump kind; `initial` starts at 1.0.0. */
function bumpVersion(version, kind) {
    if (version === undefined || kind === _model_record_js__WEBPACK_IMPORTED_MODULE_1__/* .BumpKind */ .XS.initial)
        return "1.0.0";
    const next = (0,semver__WEBPACK_IMPORTED_MODULE_0__.inc)(version, kind);
    if (next === null)
        throw new Error(`not a semantic version: ${version}`);
    return next;
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


/***/ }),

/***/ 2035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readOnnxSignature)
/* harmony export */ });
/* harmony import */ var onnx_proto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9070);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/**
 * Reads the input/output signature (names, KServe V2 datatypes, shapes with -1 for variable
 * dimensions) and metadata_props of any ONNX model, Kiln-trained or brought by the user.
 */


const { onnx: proto } = onnx_proto__WEBPACK_IMPORTED_MODULE_0__;
/** ONNX element types (TensorProto.DataType) and the V2 datatype each maps to. */
const datatypes = {
    1: "FP32",
    2: "UINT8",
    3: "INT8",
    4: "UINT16",
    5: "INT16",
    6: "INT32",
    7: "INT64",
    8: "BYTES",
    9: "BOOL",
    10: "FP16",
    11: "FP64",
    12: "UINT32",
    13: "UINT64",
};
const elementTypeNames = { 14: "complex64", 15: "complex128", 16: "bfloat16" };
/**
 * Decodes the model and returns its signature. Inputs that are also initializers (older exporters
 * list weights as inputs) are left out. Outputs that are not tensors (sequences or maps, such as a
 * ZipMap of class probabilities) are left out, since onnxruntime-node cannot return them; a model
 * with no tensor output at all is rejected.
 *
 * @param source names the model in error messages (a path, or model@version).
 */
function readOnnxSignature(bytes, source = "the model") {
    const model = decodeModel(bytes, source);
    const graph = model.graph;
    const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ""));
    const inputs = (graph.input ?? [])
        .filter((v) => !initializers.has(v.name ?? ""))
        .map((v) => tensorSpec(v, source, "input"));
    const outputs = (graph.output ?? [])
        .filter((v) => v.type?.tensorType != null)
        .map((v) => tensorSpec(v, source, "output"));
    if (outputs.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${source} has no tensor outputs (only sequences or maps), which onnxruntime-node cannot return.`, {}, {
            hint: "Export the model with plain tensor outputs (for scikit-learn via skl2onnx: options zipmap=False).",
        });
    }
    const metadata = {};
    for (const entry of model.metadataProps ?? [])
        metadata[entry.key ?? ""] = entry.value ?? "";
    return { inputs, outputs, metadata };
}
function decodeModel(bytes, source) {
    const notOnnx = (reason, cause) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${source} is not an ONNX model: ${reason}.`, {}, {
        cause,
        hint: "Give the .onnx file a training stage wrote (an ONNX ModelProto).",
    });
    if (bytes.byteLength === 0)
        throw notOnnx("the file is empty");
    let model;
    try {
        model = proto.ModelProto.decode(bytes);
    }
    catch (error) {
        throw notOnnx(`the bytes are not an ONNX protobuf (${error instanceof Error ? error.message : String(error)})`, error);
    }
    const irVersion = Number(model.irVersion ?? 0);
    if (!model.graph || irVersion <= 0 || (model.opsetImport ?? []).length === 0) {
        throw notOnnx("it has no graph, IR version or opset imports");
    }
    if ((model.graph.output ?? []).length === 0)
        throw notOnnx("its graph declares no outputs");
    return model;
}
function tensorSpec(value, source, role) {
    const name = value.name ?? "";
    const tensor = value.type?.tensorType;
    if (!tensor) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${source}: ${role} '${name}' is not a tensor; Kiln serves tensor inputs only.`);
    }
    const elemType = tensor.elemType ?? 0;
    const datatype = datatypes[elemType];
    if (datatype === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${source}: ${role} '${name}' has element type ${elementTypeNames[elemType] ?? elemType}, which the KServe V2 protocol cannot carry.`);
    }
    const shape = (tensor.shape?.dim ?? []).map((d) => {
        if (d.dimParam)
            return -1;
        const size = Number(d.dimValue ?? 0);
        return size > 0 ? size : -1;
    });
    return { name, datatype, shape };
}


/***/ })

};
