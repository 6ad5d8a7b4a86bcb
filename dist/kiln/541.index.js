export const id = 541;
export const ids = [541,571,685,460];
export const modules = {

/***/ 3395:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ parseYamlDocument),
/* harmony export */   hw: () => (/* binding */ pointerPath)
/* harmony export */ });
/* unused harmony export YamlDocument */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);


/**
 * A YAML (or JSON) file parsed with the position of every node, so each ConfigError about it can
 * name file:line:col. Callers read `value` (plain JavaScript) and ask where a path is, or walk
 * the nodes (`root`) when they need a scalar's exact type.
 */
class YamlDocument {
    file;
    document;
    lineCounter;
    plain;
    /** Map entries by key, built once per map so lookups stay O(1) in pipelines of 10,000 stages. */
    pairIndex = new WeakMap();
    constructor(
    /** The file name shown in positions. */
    file, document, lineCounter) {
        this.file = file;
        this.document = document;
        this.lineCounter = lineCounter;
    }
    /** The document's top node; null for an empty file. */
    get root() {
        return this.document.contents;
    }
    /** The document as plain JavaScript (maps become objects); null for an empty file. */
    get value() {
        this.plain ??= { value: this.document.toJS() ?? null };
        return this.plain.value;
    }
    /**
     * Position of the value at `path` (an array, or a JSON pointer such as `/stages/train/deps/0`).
     * A path that does not resolve falls back to its deepest existing ancestor, so a position always
     * has a line.
     */
    valuePosition(path) {
        const { node } = this.resolve(path);
        return this.at(node?.range?.[0] ?? 0);
    }
    /** Position of the key of the map entry at `path` (the value's position for list items). */
    keyPosition(path) {
        const { node, key } = this.resolve(path);
        return this.at(key?.range?.[0] ?? node?.range?.[0] ?? 0);
    }
    /** Position of a node of this document; just the file for a node without a place in it. */
    positionOf(node) {
        const offset = node?.range?.[0];
        return offset === undefined ? { file: this.file } : this.at(offset);
    }
    /** Position at a character offset of the text. */
    at(offset) {
        const { line, col } = this.lineCounter.linePos(offset);
        return { file: this.file, line, column: col };
    }
    pairsOf(map) {
        let index = this.pairIndex.get(map);
        if (!index) {
            index = new Map();
            for (const item of map.items)
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key))
                    index.set(String(item.key.value), item);
            this.pairIndex.set(map, index);
        }
        return index;
    }
    resolve(path) {
        let node = this.document.contents;
        let key;
        for (const segment of typeof path === "string" ? pointerPath(path) : path) {
            const index = typeof segment === "number" ? segment : /^[0-9]+$/.test(segment) ? Number(segment) : -1;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = this.pairsOf(node).get(String(segment));
                if (!pair)
                    break;
                key = pair.key;
                node = pair.value ?? pair.key;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && node.items[index] !== undefined) {
                key = undefined;
                node = node.items[index];
            }
            else {
                break;
            }
        }
        return { node: (node ?? undefined), key };
    }
}
/** The segments of a JSON pointer (RFC 6901): `/stages/a~1b/0` → `["stages", "a/b", 0]`. */
function pointerPath(pointer) {
    if (pointer === "")
        return [];
    return pointer
        .slice(1)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}
/**
 * Parse YAML (JSON is YAML too) keeping positions. A syntax error, or a key written twice in one
 * map, is a ConfigError naming file:line:col — the one place YAML's errors become ours.
 */
function parseYamlDocument(text, file, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // yaml's own duplicate-key check is quadratic in a map's size; duplicateKeyOffset is linear.
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const parsed = new YamlDocument(file, document, lineCounter);
    const lead = options.syntaxErrorLead ?? "not valid YAML";
    const [yamlError] = document.errors;
    if (yamlError) {
        const position = parsed.at(yamlError.pos[0]);
        const firstLine = yamlError.message.split("\n")[0] ?? yamlError.message;
        const lineText = text.split("\n")[(position.line ?? 1) - 1] ?? "";
        const hint = options.syntaxErrorHint?.(lineText) ?? "";
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(position, `${lead}: ${firstLine}${hint}`, { cause: yamlError });
    }
    const duplicate = firstDuplicateKey(document);
    if (duplicate) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(parsed.at(duplicate.offset), `${lead}: Map keys must be unique; '${duplicate.name}' is given twice in the same map.`);
    }
    return parsed;
}
/** The first key written twice in one map: its name and the offset of its second occurrence. */
function firstDuplicateKey(document) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(document, {
        Map(_key, map) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map))
                return undefined;
            const seen = new Set();
            for (const pair of map.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                    continue;
                const name = String(pair.key.value);
                if (seen.has(name)) {
                    found = { name, offset: pair.key.range?.[0] ?? 0 };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                seen.add(name);
            }
            return undefined;
        },
    });
    return found;
}


/***/ }),

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

/***/ 7362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Milliseconds of a kiln.yaml duration: a number of seconds, or a string like `500ms`, `90s`,
 * `30m`, `2h`. The schema has already checked the shape.
 */
function parseDuration(value) {
    if (typeof value === "number")
        return value * 1000;
    const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value);
    if (!match)
        throw new RangeError(`not a duration: ${value}`);
    return Number(match[1]) * unitMs[match[2]];
}
/** A short human form of milliseconds: `850ms`, `12.3s`, `4m05s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes}m${String(seconds).padStart(2, "0")}s`;
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

/***/ 2323:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ interpolate),
/* harmony export */   TH: () => (/* binding */ replaceReferences),
/* harmony export */   iZ: () => (/* binding */ paramsNamespace),
/* harmony export */   wQ: () => (/* binding */ referenceNames)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

const referenceSource = String.raw `\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}`;
const reference = new RegExp(referenceSource, "g");
const wholeReference = new RegExp(`^${referenceSource}$`);
/** Names under `params.` are kiln.yaml's params-file references, resolved after foreach/matrix. */
const paramsNamespace = "params";
/**
 * Replace `${…}` references in a value (strings inside lists and maps too). A string that is
 * exactly one reference takes the value's own type (number, list, map); inside a longer string
 * the value is written as text (lists and maps as JSON).
 */
function replaceReferences(value, resolve, path = []) {
    if (typeof value === "string")
        return replaceInString(value, (name) => resolve(name, path));
    if (Array.isArray(value))
        return value.map((item, index) => replaceReferences(item, resolve, [...path, index]));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceReferences(v, resolve, [...path, k])]));
    }
    return value;
}
/** The names of the `${…}` references in a string. */
function referenceNames(text) {
    return [...text.matchAll(reference)].map((match) => match[1]);
}
/**
 * Replace `${item}`, `${item.field}`, `${key}` and `${matrix.name}` in a value from a foreach or
 * matrix stage. An unknown name is a ConfigError at `position`; `${params.…}` is left for the
 * params pass.
 */
function interpolate(value, variables, position) {
    return replaceReferences(value, (name) => name.startsWith(`${paramsNamespace}.`) ? undefined : { value: lookup(name, variables, position) });
}
function lookup(name, variables, position) {
    const [head, ...rest] = name.split(".");
    let current = head === undefined ? undefined : variables[head];
    let found = head !== undefined && head in variables;
    for (const part of rest) {
        if (!found || current === null || typeof current !== "object" || !(part in current)) {
            found = false;
            break;
        }
        current = current[part];
    }
    if (!found) {
        const known = Object.keys(variables).sort().join(", ") || "none";
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(position, `'\${${name}}' is not defined here; this stage defines: ${known}.`);
    }
    return current;
}
function replaceInString(text, resolve) {
    const whole = wholeReference.exec(text);
    if (whole?.[1] !== undefined) {
        const resolved = resolve(whole[1]);
        return resolved === undefined ? text : resolved.value;
    }
    return text.replace(reference, (match, name) => {
        const resolved = resolve(name);
        if (resolved === undefined)
            return match;
        const { value } = resolved;
        return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
    });
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


/***/ }),

/***/ 1660:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ resolvesWithLockedParams),
/* harmony export */   p8: () => (/* binding */ hasParamReference),
/* harmony export */   yb: () => (/* binding */ resolveParamReferences)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6169);
/* harmony import */ var _interpolate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2323);
/* harmony import */ var _param_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2079);
/* harmony import */ var _stable_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8608);





/**
 * Replace `${params.<dotted.key>}` in a stage's `cmd` or `with` value with the value from the
 * default params file, as DVC's templating does: a string that is exactly one reference takes the
 * value's type (number, list, map), inside a longer string it is written as text. Every key used
 * is returned as a ParamRef, so the stage depends on it as if it were listed under `params:`.
 * An unknown key is a ConfigError at the value's position, suggesting the closest key.
 */
function resolveParamReferences(value, file, params, positionAt) {
    const refs = new Map();
    const resolved = (0,_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .replaceReferences */ .TH)(value, (name, path) => {
        if (!name.startsWith(`${_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ}.`))
            return undefined;
        const key = name.slice(_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ.length + 1);
        const position = positionAt(path);
        const found = (0,_param_values_js__WEBPACK_IMPORTED_MODULE_2__.lookupDottedKey)(params.contentOf(file, position), key);
        if (!found.ok) {
            const suggestion = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_3__/* .closestName */ .Nf)(key, dottedKeys(params.contentOf(file, position)));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(position, `'\${${name}}': params file '${file}' has no key '${key}'${found.prefix === "" ? "" : ` ('${found.prefix}' has no '${found.missing}')`}.${suggestion === undefined ? "" : ` Did you mean '\${${_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ}.${suggestion}}'?`}`);
        }
        if (!refs.has(key))
            refs.set(key, { file, key, position });
        return { value: found.value };
    });
    return { value: resolved, refs: [...refs.values()] };
}
/** Whether a value holds a `${params.…}` reference anywhere. */
function hasParamReference(value) {
    if (typeof value === "string")
        return (0,_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .referenceNames */ .wQ)(value).some((n) => n.startsWith(`${_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ}.`));
    if (Array.isArray(value))
        return value.some(hasParamReference);
    if (value !== null && typeof value === "object")
        return Object.values(value).some(hasParamReference);
    return false;
}
/**
 * Whether `template` (a stage's `cmd` or `with` as written) gives `resolved` with the param values
 * a kiln.lock entry recorded: then a difference from today's `cmd`/`with` comes from the params
 * alone, and is reported as a param change rather than a command change.
 */
function resolvesWithLockedParams(template, file, locked, resolved) {
    let complete = true;
    const value = (0,_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .replaceReferences */ .TH)(template, (name) => {
        if (!name.startsWith(`${_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ}.`))
            return undefined;
        const found = lockedValue(locked[file] ?? {}, name.slice(_interpolate_js__WEBPACK_IMPORTED_MODULE_1__/* .paramsNamespace */ .iZ.length + 1));
        if (!found.ok)
            complete = false;
        return { value: found.ok ? found.value : undefined };
    });
    return complete && (0,_stable_json_js__WEBPACK_IMPORTED_MODULE_4__/* .stableJson */ ._)(value) === (0,_stable_json_js__WEBPACK_IMPORTED_MODULE_4__/* .stableJson */ ._)(resolved);
}
/** A key's value from a lock entry's params, recorded under the key itself or a key above it. */
function lockedValue(values, key) {
    if (Object.hasOwn(values, key))
        return { ok: true, value: values[key] };
    for (const [recorded, value] of Object.entries(values)) {
        if (recorded === "")
            return (0,_param_values_js__WEBPACK_IMPORTED_MODULE_2__.lookupDottedKey)(value, key);
        if (key.startsWith(`${recorded}.`))
            return (0,_param_values_js__WEBPACK_IMPORTED_MODULE_2__.lookupDottedKey)(value, key.slice(recorded.length + 1));
    }
    return { ok: false, prefix: "", missing: key, known: [] };
}
/** Every dotted key of a params file (`train`, `train.lr`, …), for suggestions; at most 10,000. */
function dottedKeys(content) {
    const keys = [];
    const walk = (value, prefix) => {
        if (value === null || typeof value !== "object" || Array.isArray(value))
            return;
        for (const [key, inner] of Object.entries(value)) {
            if (keys.length >= 10_000)
                return;
            const dotted = prefix === "" ? key : `${prefix}.${key}`;
            keys.push(dotted);
            walk(inner, dotted);
        }
    };
    walk(content, "");
    return keys;
}


/***/ }),

/***/ 2079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ParamValues: () => (/* binding */ ParamValues),
/* harmony export */   lookupDottedKey: () => (/* binding */ lookupDottedKey)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _config_yaml_document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3395);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8094);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6169);
/* harmony import */ var _hash_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4141);






/**
 * Reads params files (YAML or JSON) once per run and looks up dotted keys. A missing file or key
 * is a ConfigError at the kiln.yaml line that asks for it.
 */
class ParamValues {
    root;
    files = new Map();
    digests = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Values for a stage's params, grouped by file then key (`""` for the whole file). */
    valuesFor(refs) {
        const result = {};
        for (const ref of refs) {
            const content = this.contentOf(ref.file, ref.position);
            const value = ref.key === undefined ? content : lookup(content, ref);
            result[ref.file] ??= {};
            result[ref.file][ref.key ?? ""] = value;
        }
        return result;
    }
    /** The whole content of a params file; `position` is where kiln.yaml asks for it. */
    contentOf(file, position) {
        if (this.files.has(file))
            return this.files.get(file);
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, file), "utf8");
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(position, `params file '${file}' does not exist. Create it or fix the path.`);
        }
        const content = (0,_config_yaml_document_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlDocument */ .Iu)(text, file, {
            syntaxErrorLead: "params file is not valid YAML or JSON",
        }).value;
        this.files.set(file, content);
        this.digests.set(file, (0,_hash_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .s)(text));
        return content;
    }
    /** The sha256 of each params file read so far, by file (what a cached result depends on). */
    fileDigests() {
        return Object.fromEntries(this.digests);
    }
}
/** Look up `a.b.c` in parsed params content. */
function lookupDottedKey(content, key) {
    let current = content;
    const parts = key.split(".");
    for (const [index, part] of parts.entries()) {
        if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) {
            const known = current !== null && typeof current === "object" ? Object.keys(current) : [];
            return { ok: false, prefix: parts.slice(0, index).join("."), missing: part, known };
        }
        current = current[part];
    }
    return { ok: true, value: current };
}
function lookup(content, ref) {
    const found = lookupDottedKey(content, ref.key ?? "");
    if (found.ok)
        return found.value;
    const { prefix, missing, known } = found;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(ref.position, `params file '${ref.file}' has no key '${ref.key}'${prefix === "" ? "" : ` ('${prefix}' has no '${missing}')`}.${(0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_5__/* .didYouMean */ .au)(missing, known)}`);
}


/***/ }),

/***/ 1804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ DepKind)
/* harmony export */ });
const DepKind = { path: "path", glob: "glob", remote: "remote" };


/***/ }),

/***/ 7541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderLock: () => (/* reexport */ renderLock),
  runPipeline: () => (/* binding */ runPipeline),
  selectStages: () => (/* binding */ selectStages)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/version.js
var version = __webpack_require__(7097);
// EXTERNAL MODULE: ./.build/runtime/pipeline/hash-cache.js
var hash_cache = __webpack_require__(4141);
// EXTERNAL MODULE: ./.build/runtime/pipeline/param-references.js
var param_references = __webpack_require__(1660);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/path-digest.js




/** The digest of a list of files: sha256 over sorted `path digest size` lines (like DVC's .dir). */
function manifestDigest(files) {
    return (0,hash_cache/* sha256 */.s)(files.map((f) => `${f.path}\t${f.digest}\t${f.size}\n`).join(""));
}
/** Hash a file or folder under `root`. Files whose size and mtime are unchanged are not re-read. */
async function digestPath(root, path, cache) {
    const absolute = (0,external_node_path_.join)(root, path);
    const stat = (0,external_node_fs_.statSync)(absolute, { throwIfNoEntry: false });
    if (!stat)
        return { kind: "missing" };
    if (stat.isDirectory()) {
        const files = [];
        await walk(absolute, absolute, cache, files);
        files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return { kind: "dir", digest: manifestDigest(files), size: files.reduce((n, f) => n + f.size, 0), files };
    }
    const entry = await cache.digestOf(absolute, stat);
    return { kind: "file", digest: entry.digest, size: entry.size, mtimeMs: entry.mtimeMs };
}
/** Hash the files a glob matches, as a manifest (an empty match is a digest too). */
async function digestGlob(root, pattern, cache) {
    const matches = (0,dist/* globSync */.AZ)(pattern, { cwd: root, onlyFiles: true, dot: true }).sort();
    const files = [];
    for (const match of matches) {
        const entry = await cache.digestOf((0,external_node_path_.join)(root, match));
        files.push({ path: match, digest: entry.digest, size: entry.size });
    }
    return { kind: "dir", digest: manifestDigest(files), size: files.reduce((n, f) => n + f.size, 0), files };
}
async function walk(base, folder, cache, files) {
    for (const entry of (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true })) {
        const absolute = (0,external_node_path_.join)(folder, entry.name);
        if (entry.isDirectory())
            await walk(base, absolute, cache, files);
        else if (entry.isFile() || entry.isSymbolicLink()) {
            const digest = await cache.digestOf(absolute);
            files.push({ path: (0,external_node_path_.relative)(base, absolute), digest: digest.digest, size: digest.size });
        }
    }
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/pipeline.js
var pipeline = __webpack_require__(1804);
// EXTERNAL MODULE: ./.build/runtime/pipeline/stable-json.js
var stable_json = __webpack_require__(8608);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/assess-stage.js







/** The stage key: what it runs, the content of its deps, its params, its declared env, Kiln's format. */
function stageKey(entry, stage) {
    return (0,hash_cache/* sha256 */.s)(
    // Fixed positions for Kiln's own fields; key order normalised only in the user's maps.
    JSON.stringify([
        version/* formatVersion */.q,
        entry.cmd ?? null,
        entry.uses ?? null,
        (0,stable_json/* stableJson */._)(entry.with ?? null),
        entry.deps.map((d) => [d.path, d.digest]),
        (0,stable_json/* stableJson */._)(entry.params),
        (0,stable_json/* stableJson */._)(entry.env),
        stage.outs.map((o) => [o.path, o.cache]),
    ]));
}
async function lockedPath(root, path, hashes) {
    const digest = await digestPath(root, path, hashes);
    if (digest.kind === "missing")
        return undefined;
    if (digest.kind === "file")
        return { path, digest: digest.digest, kind: "file", size: digest.size };
    return { path, digest: digest.digest, kind: "dir", size: digest.size, files: digest.files.length };
}
async function lockedDep(stage, index, context) {
    const dep = stage.deps[index];
    if (!dep)
        throw new RangeError(`no dep ${index}`);
    if (dep.kind === pipeline/* DepKind */.M.remote) {
        if (!context.resolveRemote) {
            throw new errors/* ConfigError */.xL(dep.position, `stage '${stage.name}' needs '${dep.path}', but no store is configured.`);
        }
        const { store, key } = await context.resolveRemote(dep.path);
        const info = await store.head(key);
        if (!info) {
            throw new errors/* ConfigError */.xL(dep.position, `stage '${stage.name}' needs '${dep.path}', which does not exist in ${store.url}.`);
        }
        return { path: dep.path, digest: `etag:${info.etag}`, kind: "remote", size: info.size };
    }
    if (dep.kind === pipeline/* DepKind */.M.glob) {
        const digest = await digestGlob(context.root, dep.path, context.hashes);
        if (digest.kind !== "dir")
            throw new RangeError("glob digests are manifests");
        return {
            path: dep.path,
            digest: digest.digest,
            kind: "dir",
            size: digest.size,
            files: digest.files.length,
        };
    }
    const locked = await lockedPath(context.root, dep.path, context.hashes);
    if (!locked) {
        throw new errors/* ConfigError */.xL(dep.position, `stage '${stage.name}' needs '${dep.path}', which does not exist (no stage wrote it and no file provides it).`);
    }
    return locked;
}
/** Hash the stage's inputs, compute its key and compare everything with kiln.lock. */
async function assessStage(stage, context) {
    const deps = [];
    for (let i = 0; i < stage.deps.length; i++)
        deps.push(await lockedDep(stage, i, context));
    const partial = {
        ...(stage.cmd === undefined ? {} : { cmd: stage.cmd }),
        ...(stage.uses === undefined ? {} : { uses: stage.uses, with: stage.with }),
        deps,
        params: context.params.valuesFor(stage.params),
        env: stage.env,
    };
    const key = stageKey(partial, stage);
    const entry = { key, ...partial, outs: [] };
    const previous = context.lock.stages[stage.name];
    const reasons = previous ? inputChanges(previous, entry, stage) : ["never ran"];
    if (previous && reasons.length === 0 && previous.key !== key)
        reasons.push("Kiln's format or the outs list changed");
    let onlyOutsDiffer = false;
    if (reasons.length === 0 && previous) {
        for (const out of stage.outs) {
            const recorded = previous.outs.find((o) => o.path === out.path);
            const current = await lockedPath(context.root, out.path, context.hashes);
            if (!current)
                reasons.push(`out '${out.path}' is missing`);
            else if (!recorded || recorded.digest !== current.digest)
                reasons.push(`out '${out.path}' was modified`);
        }
        onlyOutsDiffer = reasons.length > 0;
    }
    return { key, entry, reasons, onlyOutsDiffer };
}
function inputChanges(previous, current, stage) {
    const reasons = [];
    // A command that differs only by the ${params.…} values in it is reported as those params' change.
    const templates = stage.paramTemplates;
    const fromParams = (field) => templates?.[field] !== undefined &&
        (0,param_references/* resolvesWithLockedParams */.CG)(templates[field], templates.file, previous.params, previous[field]);
    if (previous.cmd !== current.cmd && !fromParams("cmd"))
        reasons.push("command changed");
    if (previous.uses !== current.uses ||
        ((0,stable_json/* stableJson */._)(previous.with) !== (0,stable_json/* stableJson */._)(current.with) && !fromParams("with"))) {
        reasons.push("built-in stage or its settings changed");
    }
    const before = new Map(previous.deps.map((d) => [d.path, d.digest]));
    const after = new Map(current.deps.map((d) => [d.path, d.digest]));
    for (const [path, digest] of after) {
        if (!before.has(path))
            reasons.push(`dep '${path}' added`);
        else if (before.get(path) !== digest)
            reasons.push(`dep '${path}' changed`);
    }
    for (const path of before.keys())
        if (!after.has(path))
            reasons.push(`dep '${path}' removed`);
    for (const [file, values] of Object.entries(current.params)) {
        for (const [key, value] of Object.entries(values)) {
            const old = previous.params[file]?.[key];
            const name = key === "" ? file : `${file}:${key}`;
            if ((0,stable_json/* stableJson */._)(old) !== (0,stable_json/* stableJson */._)(value)) {
                reasons.push(old === undefined
                    ? `param '${name}' added`
                    : `param '${name}' changed (${(0,stable_json/* stableJson */._)(old)} -> ${(0,stable_json/* stableJson */._)(value)})`);
            }
        }
    }
    for (const [file, values] of Object.entries(previous.params)) {
        for (const key of Object.keys(values)) {
            if (current.params[file]?.[key] === undefined)
                reasons.push(`param '${key === "" ? file : `${file}:${key}`}' removed`);
        }
    }
    const envKeys = new Set([...Object.keys(previous.env), ...Object.keys(current.env)]);
    for (const name of envKeys)
        if (previous.env[name] !== current.env[name])
            reasons.push(`env '${name}' changed`);
    return reasons;
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/did-you-mean.js
var did_you_mean = __webpack_require__(6169);
// EXTERNAL MODULE: ./.build/runtime/pipeline/duration.js
var duration = __webpack_require__(7362);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/kiln-lock.js


function emptyLock() {
    return { version: 1, stages: {} };
}
/**
 * Read kiln.lock; a missing file is an empty lock. Fields Kiln no longer writes (the `mtime` of
 * locks written before it kept them in `.kiln/state.json`) are dropped, so the next write is clean.
 */
async function readLock(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT")
            return emptyLock();
        throw error;
    }
    try {
        const parsed = JSON.parse(text);
        if (parsed.version !== 1 || typeof parsed.stages !== "object" || parsed.stages === null) {
            throw new Error("expected {version: 1, stages: {...}}");
        }
        let outdated = false;
        const contentOnly = (item) => {
            const { path, digest, kind, size, files, ...dropped } = item;
            if (Object.keys(dropped).length > 0)
                outdated = true;
            return {
                path,
                digest,
                kind,
                ...(size === undefined ? {} : { size }),
                ...(files === undefined ? {} : { files }),
            };
        };
        const stages = {};
        for (const [name, stage] of Object.entries(parsed.stages)) {
            stages[name] = { ...stage, deps: stage.deps.map(contentOnly), outs: stage.outs.map(contentOnly) };
        }
        return { version: 1, stages, ...(outdated ? { outdated } : {}) };
    }
    catch (error) {
        throw new errors/* ConfigError */.xL({ file }, `kiln.lock cannot be read (${error instanceof Error ? error.message : String(error)}).`, { hint: "Delete it and run `kiln run` to write a new one." });
    }
}
/** kiln.lock's text: stages in name order, two-space JSON, final newline. */
function renderLock(lock) {
    const stages = Object.fromEntries(Object.entries(lock.stages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `${JSON.stringify({ version: 1, stages }, null, 2)}\n`;
}
/** Write kiln.lock atomically; returns false (and writes nothing) when the text is unchanged. */
async function writeLock(file, lock, previousText) {
    const text = renderLock(lock);
    if (text === previousText)
        return false;
    const temporary = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temporary, text);
    await (0,promises_.rename)(temporary, file);
    return true;
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/lookup-builtin-stage.js
var lookup_builtin_stage = __webpack_require__(3765);
// EXTERNAL MODULE: ./.build/runtime/pipeline/param-values.js
var param_values = __webpack_require__(2079);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/retry-delay.js
/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential backoff
 * (backoff × 2^(retry-1), capped at maxDelay) with "equal jitter" — half fixed, half random —
 * so runners retrying together spread out. `random` returns a number in [0, 1).
 */
function retryDelay(policy, retry, random) {
    const capped = Math.min(policy.maxDelayMs, policy.backoffMs * 2 ** (retry - 1));
    return capped / 2 + (random() * capped) / 2;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/run-cache.js







const contentKey = (digest) => `cache/sha256/${digest}`;
const runKey = (stageKey) => `cache/runs/${stageKey}.json`;
/**
 * The run cache in the object store, shared by every machine using the store: content by digest
 * under `cache/sha256/`, one manifest per stage key under `cache/runs/`.
 */
class RunCache {
    store;
    constructor(store) {
        this.store = store;
    }
    get url() {
        return this.store.url;
    }
    /** The manifest for a stage key, or undefined when no run with that key was stored. */
    async manifest(stageKey) {
        let bytes;
        try {
            bytes = await this.store.getBytes(runKey(stageKey));
        }
        catch (error) {
            if (error instanceof errors/* NotFoundError */.m_)
                return undefined;
            throw error;
        }
        try {
            return JSON.parse(Buffer.from(bytes).toString("utf8"));
        }
        catch {
            throw new errors/* StoreError */.AD(`run cache manifest ${runKey(stageKey)} in ${this.store.url} is not valid JSON.`, {
                key: runKey(stageKey),
            });
        }
    }
    /** Upload the outs' content (skipping digests already stored) and then the manifest. */
    async save(root, manifest) {
        for (const out of manifest.outs) {
            const files = out.kind === "file"
                ? [{ local: out.path, digest: out.digest, size: out.size }]
                : out.files.map((f) => ({ local: (0,external_node_path_.join)(out.path, f.path), digest: f.digest, size: f.size }));
            for (const file of files) {
                const key = contentKey(file.digest);
                if (await this.store.head(key))
                    continue;
                await this.store.put(key, (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(root, file.local)), { contentLength: file.size });
            }
        }
        await this.store.put(runKey(manifest.key), `${JSON.stringify(manifest, null, 2)}\n`, {
            contentType: "application/json",
        });
    }
    /**
     * Write the manifest's outs under `root`, verifying every file's digest while it streams
     * (IntegrityError on a mismatch; nothing partial is left at the out's path).
     */
    async restore(root, manifest, hashes) {
        for (const out of manifest.outs) {
            const target = (0,external_node_path_.join)(root, out.path);
            if (out.kind === "file") {
                await this.restoreFile(target, out.digest, out.path, hashes);
                continue;
            }
            const staging = `${target}.kiln-restore-${process.pid}`;
            await (0,promises_.rm)(staging, { recursive: true, force: true });
            try {
                for (const file of out.files)
                    await this.restoreFile((0,external_node_path_.join)(staging, file.path), file.digest, (0,external_node_path_.join)(out.path, file.path));
                await (0,promises_.rm)(target, { recursive: true, force: true });
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
                await (0,promises_.rename)(staging, target);
            }
            finally {
                await (0,promises_.rm)(staging, { recursive: true, force: true });
            }
            for (const file of out.files) {
                const absolute = (0,external_node_path_.join)(target, file.path);
                const stat = (0,external_node_fs_.statSync)(absolute);
                hashes.remember(absolute, { size: stat.size, mtimeMs: stat.mtimeMs, digest: file.digest });
            }
        }
    }
    async restoreFile(target, digest, label, hashes) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const temporary = `${target}.kiln-tmp-${process.pid}`;
        const hash = (0,external_node_crypto_.createHash)("sha256");
        const tap = new external_node_stream_.Transform({
            transform(chunk, _encoding, callback) {
                hash.update(chunk);
                callback(null, chunk);
            },
        });
        try {
            await (0,external_node_stream_promises_.pipeline)(await this.store.get(contentKey(digest)), tap, (0,external_node_fs_.createWriteStream)(temporary));
            const actual = hash.digest("hex");
            if (actual !== digest) {
                throw new errors/* IntegrityError */.cs(`run cache object ${contentKey(digest)} (for '${label}') in ${this.store.url}`, digest, actual);
            }
            await (0,promises_.rename)(temporary, target);
        }
        finally {
            await (0,promises_.rm)(temporary, { force: true });
        }
        if (hashes) {
            const stat = (0,external_node_fs_.statSync)(target);
            hashes.remember(target, { size: stat.size, mtimeMs: stat.mtimeMs, digest });
        }
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/run-command.js

/** Characters that need a shell; a command without them is run directly, as make does. */
const shellSyntax = /[^A-Za-z0-9_\-./:,@+%= ]/;
/** argv for a command: split on spaces when no shell syntax is present, else `/bin/sh -c`. */
function commandArgv(cmd) {
    const words = cmd.trim().split(/ +/);
    const [first, ...rest] = words;
    if (!shellSyntax.test(cmd) && first !== undefined && !first.includes("="))
        return [first, rest];
    return ["/bin/sh", ["-c", cmd]];
}
/**
 * Run one stage command in its own process group, streaming output line by line. On timeout or
 * abort the whole group gets SIGTERM, then SIGKILL after the grace period.
 */
function runCommand(cmd, options) {
    const [file, args] = commandArgv(cmd);
    return new Promise((resolve) => {
        let timedOut = false;
        let cancelled = false;
        let spawnError;
        let killTimer;
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const killGroup = () => {
            if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
                return;
            try {
                process.kill(-child.pid, "SIGTERM");
            }
            catch {
                // The group is already gone.
            }
            killTimer = setTimeout(() => {
                try {
                    if (child.pid !== undefined)
                        process.kill(-child.pid, "SIGKILL");
                }
                catch {
                    // The group is already gone.
                }
            }, options.killGraceMs ?? 5000);
            killTimer.unref();
        };
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                killGroup();
            }, options.timeoutMs);
        const onAbort = () => {
            cancelled = true;
            killGroup();
        };
        options.signal?.addEventListener("abort", onAbort, { once: true });
        if (options.signal?.aborted)
            onAbort();
        for (const stream of ["stdout", "stderr"]) {
            let pending = "";
            child[stream].setEncoding("utf8");
            child[stream].on("data", (chunk) => {
                pending += chunk;
                let newline = pending.indexOf("\n");
                while (newline !== -1) {
                    options.onLine(pending.slice(0, newline), stream);
                    pending = pending.slice(newline + 1);
                    newline = pending.indexOf("\n");
                }
            });
            child[stream].on("end", () => {
                if (pending !== "")
                    options.onLine(pending, stream);
                pending = "";
            });
        }
        child.on("error", (error) => {
            spawnError = error.message;
        });
        child.on("close", (code, signal) => {
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            options.signal?.removeEventListener("abort", onAbort);
            // Whatever the command left running in its group goes with it.
            if (child.pid !== undefined && (timedOut || cancelled)) {
                try {
                    process.kill(-child.pid, "SIGKILL");
                }
                catch {
                    // Nothing left.
                }
            }
            resolve({ exitCode: code ?? undefined, signal: signal ?? undefined, timedOut, cancelled, spawnError });
        });
    });
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/run-reporter.js
var run_reporter = __webpack_require__(571);
// EXTERNAL MODULE: ./.build/runtime/pipeline/stage-result.js
var stage_result = __webpack_require__(7062);
// EXTERNAL MODULE: ./.build/runtime/pipeline/store-reference.js
var store_reference = __webpack_require__(3685);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/run-pipeline.js



















const defaultSleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
    }, { once: true });
});
/** The stages a run considers: the targets and everything upstream of them, in DAG order. */
function selectStages(pipeline, dag, targets = []) {
    if (targets.length === 0)
        return dag.order;
    const wanted = new Set();
    const visit = (name) => {
        if (wanted.has(name))
            return;
        wanted.add(name);
        for (const up of dag.upstream.get(name) ?? [])
            visit(up);
    };
    for (const target of targets) {
        const matches = pipeline.stages.has(target)
            ? [target]
            : [...pipeline.stages.values()].filter((s) => s.base === target).map((s) => s.name);
        if (matches.length === 0) {
            const known = [...new Set([...pipeline.stages.values()].map((s) => s.base))];
            throw new errors/* UsageError */.eb(`no stage named '${target}' in ${pipeline.file}.${(0,did_you_mean/* didYouMean */.au)(target, [...known, ...pipeline.stages.keys()])} Stages: ${known.sort().join(", ")}.`);
        }
        for (const name of matches)
            visit(name);
    }
    return dag.order.filter((s) => wanted.has(s.name));
}
/**
 * Run the pipeline: stages in parallel up to `jobs`, each up-to-date check against kiln.lock,
 * restore from the store's run cache, or run (with timeout and retries); failures skip what is
 * downstream. Writes kiln.lock at the end (not with `dry`).
 */
async function runPipeline(options) {
    const { pipeline, dag } = options;
    const root = pipeline.root;
    const reporter = options.reporter ?? run_reporter.silentReporter;
    const now = options.now ?? (() => performance.now());
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const jobs = Math.max(1, options.jobs ?? (0,external_node_os_.availableParallelism)());
    let builtins = options.builtins;
    const lockFile = options.lockFile ?? (0,external_node_path_.join)(root, "kiln.lock");
    const stateFile = options.stateFile ?? (0,external_node_path_.join)(root, ".kiln", "state.json");
    const runCache = options.store ? new RunCache(options.store) : undefined;
    const store = options.store;
    const resolveRemote = options.resolveRemote ??
        (store ? async (reference) => ({ store, key: (0,store_reference.storeKeyOf)(reference, store.url) }) : undefined);
    const selected = selectStages(pipeline, dag, options.targets);
    const lockText = await (0,promises_.readFile)(lockFile, "utf8").catch(() => undefined);
    const lock = await readLock(lockFile);
    // The stat cache (size and mtime → digest) is this checkout's own, kept out of kiln.lock.
    const hashes = await hash_cache/* HashCache */.r.load(stateFile);
    const context = { root, lock, hashes, params: new param_values.ParamValues(root), resolveRemote };
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    options.signal?.addEventListener("abort", onInterrupt, { once: true });
    let failFastCause;
    const results = new Map();
    const entries = new Map();
    const selectedNames = new Set(selected.map((s) => s.name));
    const waiting = new Map(selected.map((s) => [
        s.name,
        [...(dag.upstream.get(s.name) ?? [])].filter((u) => selectedNames.has(u)).length,
    ]));
    const ready = selected.filter((s) => waiting.get(s.name) === 0);
    const byName = new Map(selected.map((s) => [s.name, s]));
    reporter.begin(selected.map((s) => s.name));
    const finish = (result, detail) => {
        results.set(result.name, result);
        reporter.stageFinished(result, detail);
    };
    const process1 = async (stage) => {
        const started = now();
        const base = { name: stage.name, durationMs: 0, attempts: 0, key: undefined, metrics: {} };
        const upstream = [...(dag.upstream.get(stage.name) ?? [])].filter((u) => selectedNames.has(u));
        const blocked = upstream.find((u) => {
            const s = results.get(u)?.status;
            return s === stage_result/* StageStatus */.T.failed || s === stage_result/* StageStatus */.T.skipped || s === stage_result/* StageStatus */.T.cancelled;
        });
        if (blocked !== undefined) {
            const why = results.get(blocked)?.status === stage_result/* StageStatus */.T.failed ? "failed" : "did not run";
            finish({ ...base, status: stage_result/* StageStatus */.T.skipped, reasons: [`upstream stage '${blocked}' ${why}`] });
            return;
        }
        if (cancel.signal.aborted) {
            finish({
                ...base,
                status: stage_result/* StageStatus */.T.cancelled,
                reasons: [failFastCause ? `cancelled by --fail-fast after '${failFastCause}' failed` : "interrupted"],
            });
            return;
        }
        if (options.dry) {
            const pendingUp = upstream.find((u) => results.get(u)?.status === stage_result/* StageStatus */.T.wouldRun);
            if (pendingUp !== undefined) {
                finish({
                    ...base,
                    status: stage_result/* StageStatus */.T.wouldRun,
                    reasons: [`upstream stage '${pendingUp}' would run`],
                });
                return;
            }
        }
        let assessment;
        try {
            assessment = await assessStage(stage, context);
        }
        catch (error) {
            finish({
                ...base,
                status: stage_result/* StageStatus */.T.failed,
                reasons: [(0,errors/* errorMessage */.gJ)(error)],
                durationMs: now() - started,
            });
            if (options.failFast)
                abortFor(stage.name);
            return;
        }
        const forced = options.force ? ["forced (--force)"] : stage.alwaysRun ? ["always_run"] : [];
        const reasons = [...forced, ...assessment.reasons];
        const withKey = { ...base, key: assessment.key };
        if (reasons.length === 0) {
            entries.set(stage.name, lock.stages[stage.name] ?? assessment.entry);
            finish({
                ...withKey,
                status: stage_result/* StageStatus */.T.upToDate,
                reasons: [],
                metrics: readMetrics(root, stage),
                durationMs: now() - started,
            });
            return;
        }
        // A stage with an uncached out (`cache: false`) cannot be restored: that out has to be made.
        const restorable = forced.length === 0 && runCache !== undefined && stage.outs.every((o) => o.cache);
        const manifest = restorable ? await runCache?.manifest(assessment.key).catch(() => undefined) : undefined;
        if (options.dry) {
            finish({ ...withKey, status: manifest ? stage_result/* StageStatus */.T.wouldRestore : stage_result/* StageStatus */.T.wouldRun, reasons });
            return;
        }
        if (manifest && runCache) {
            try {
                await runCache.restore(root, manifest, hashes);
                const { locked } = await lockOuts(stage);
                entries.set(stage.name, { ...assessment.entry, outs: locked });
                finish({
                    ...withKey,
                    status: stage_result/* StageStatus */.T.restored,
                    reasons,
                    metrics: readMetrics(root, stage),
                    durationMs: now() - started,
                }, `(from ${runCache.url})`);
                return;
            }
            catch (error) {
                finish({
                    ...withKey,
                    status: stage_result/* StageStatus */.T.failed,
                    reasons: [`restoring from the run cache failed: ${(0,errors/* errorMessage */.gJ)(error)}`],
                    durationMs: now() - started,
                });
                if (options.failFast)
                    abortFor(stage.name);
                return;
            }
        }
        const outcome = await execute(stage, reasons);
        if (outcome.ok) {
            try {
                const { locked, cached } = await lockOuts(stage, true);
                const entry = { ...assessment.entry, outs: locked };
                if (runCache) {
                    // Stored in the background: nothing downstream waits for the upload; the run does.
                    const manifest = {
                        version: 1,
                        stage: stage.name,
                        key: assessment.key,
                        outs: cached,
                        createdAt: new Date().toISOString(),
                    };
                    pendingSaves.push(limitSaves(() => runCache.save(root, manifest)).catch((error) => {
                        saveFailures.set(stage.name, (0,errors/* errorMessage */.gJ)(error));
                    }));
                }
                entries.set(stage.name, entry);
                finish({
                    ...withKey,
                    status: stage_result/* StageStatus */.T.ran,
                    reasons,
                    attempts: outcome.attempts,
                    metrics: readMetrics(root, stage),
                    durationMs: now() - started,
                });
                return;
            }
            catch (error) {
                outcome.ok = false;
                outcome.detail = (0,errors/* errorMessage */.gJ)(error);
            }
        }
        const status = outcome.cancelled ? stage_result/* StageStatus */.T.cancelled : stage_result/* StageStatus */.T.failed;
        finish({
            ...withKey,
            status,
            reasons: [outcome.detail],
            attempts: outcome.attempts,
            durationMs: now() - started,
        });
        if (status === stage_result/* StageStatus */.T.failed && options.failFast)
            abortFor(stage.name);
    };
    const pendingSaves = [];
    const saveFailures = new Map();
    let saving = 0;
    const saveQueue = [];
    const limitSaves = async (save) => {
        if (saving >= jobs)
            await new Promise((resolve) => saveQueue.push(resolve));
        saving++;
        try {
            await save();
        }
        finally {
            saving--;
            saveQueue.shift()?.();
        }
    };
    const abortFor = (stage) => {
        failFastCause ??= stage;
        cancel.abort();
    };
    /** Outs as kiln.lock records them; with `require`, a declared out the stage did not write is an error. */
    const lockOuts = async (stage, require = false) => {
        const locked = [];
        const cached = [];
        for (const out of stage.outs) {
            const digest = await digestPath(root, out.path, hashes);
            if (digest.kind === "missing") {
                if (require)
                    throw new Error(`the stage succeeded but did not write its out '${out.path}'`);
                continue;
            }
            if (digest.kind === "file") {
                locked.push({ path: out.path, digest: digest.digest, kind: "file", size: digest.size });
                if (out.cache)
                    cached.push({ path: out.path, kind: "file", digest: digest.digest, size: digest.size });
            }
            else {
                locked.push({
                    path: out.path,
                    digest: digest.digest,
                    kind: "dir",
                    size: digest.size,
                    files: digest.files.length,
                });
                if (out.cache)
                    cached.push({
                        path: out.path,
                        kind: "dir",
                        digest: digest.digest,
                        size: digest.size,
                        files: digest.files,
                    });
            }
        }
        return { locked, cached };
    };
    const execute = async (stage, reasons) => {
        let attempt = 0;
        for (;;) {
            attempt++;
            for (const out of stage.outs)
                await (0,promises_.rm)((0,external_node_path_.join)(root, out.path), { recursive: true, force: true });
            reporter.stageStarted(stage.name, attempt, reasons);
            const outcome = await attemptOnce(stage);
            if (outcome.ok || outcome.cancelled || attempt > stage.retry.count)
                return { ...outcome, attempts: attempt };
            const delay = retryDelay(stage.retry, attempt, random);
            reporter.stageRetrying(stage.name, attempt + 1, delay, outcome.detail);
            await sleep(delay, cancel.signal);
            if (cancel.signal.aborted)
                return { ok: false, attempts: attempt, detail: "cancelled while waiting to retry", cancelled: true };
        }
    };
    const attemptOnce = async (stage) => {
        const timeoutText = stage.timeoutMs === undefined ? "" : (0,duration/* formatDuration */.a)(stage.timeoutMs);
        if (stage.uses !== undefined) {
            builtins ??= await (0,lookup_builtin_stage/* loadBuiltinStages */.X)();
            const builtin = (0,lookup_builtin_stage/* lookupBuiltinStage */.u)(stage.uses, stage.position, builtins);
            const controller = new AbortController();
            const onCancel = () => controller.abort();
            cancel.signal.addEventListener("abort", onCancel, { once: true });
            let timer;
            const timedOut = new Promise((resolve) => {
                if (stage.timeoutMs !== undefined)
                    timer = setTimeout(() => resolve("timeout"), stage.timeoutMs);
            });
            try {
                if (!store)
                    throw new errors/* UsageError */.eb(`built-in stage '${stage.uses}' needs a store; set --store or KILN_STORE.`);
                const position = stage.fieldPositions.with ?? stage.position;
                const work = builtin.run({
                    with: stage.with,
                    stage: stage.name,
                    file: position.file,
                    ...(position.line === undefined ? {} : { line: position.line }),
                    ...(position.column === undefined ? {} : { column: position.column }),
                    cwd: root,
                    logger: stageLogger(stage.name, reporter),
                    store,
                    signal: controller.signal,
                });
                const outcome = await Promise.race([work.then(() => "done"), timedOut]);
                if (outcome === "timeout") {
                    controller.abort();
                    return { ok: false, detail: `timed out after ${timeoutText}`, cancelled: false };
                }
                return { ok: true, detail: "", cancelled: false };
            }
            catch (error) {
                if (cancel.signal.aborted)
                    return { ok: false, detail: "cancelled", cancelled: true };
                return { ok: false, detail: (0,errors/* errorMessage */.gJ)(error), cancelled: false };
            }
            finally {
                if (timer)
                    clearTimeout(timer);
                cancel.signal.removeEventListener("abort", onCancel);
            }
        }
        const result = await runCommand(stage.cmd ?? "true", {
            cwd: root,
            env: { ...(options.env ?? process.env), ...stage.env, KILN_STAGE: stage.name },
            timeoutMs: stage.timeoutMs,
            ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
            signal: cancel.signal,
            onLine: (line, stream) => reporter.output(stage.name, line, stream),
        });
        if (result.spawnError !== undefined)
            return { ok: false, detail: `could not start the command: ${result.spawnError}`, cancelled: false };
        if (result.timedOut)
            return {
                ok: false,
                detail: `timed out after ${timeoutText}; its process group was killed`,
                cancelled: false,
            };
        if (result.cancelled)
            return {
                ok: false,
                detail: failFastCause ? `cancelled by --fail-fast after '${failFastCause}' failed` : "interrupted",
                cancelled: true,
            };
        if (result.exitCode === 0)
            return { ok: true, detail: "", cancelled: false };
        return {
            ok: false,
            detail: result.exitCode === undefined
                ? `killed by ${result.signal}`
                : `command exited with code ${result.exitCode}`,
            cancelled: false,
        };
    };
    await new Promise((resolveAll) => {
        let running = 0;
        let done = 0;
        const pump = () => {
            if (done === selected.length) {
                resolveAll();
                return;
            }
            while (running < jobs && ready.length > 0) {
                const stage = ready.shift();
                running++;
                void process1(stage)
                    .catch((error) => {
                    finish({
                        name: stage.name,
                        status: stage_result/* StageStatus */.T.failed,
                        reasons: [(0,errors/* errorMessage */.gJ)(error)],
                        durationMs: 0,
                        attempts: 0,
                        key: undefined,
                        metrics: {},
                    });
                })
                    .then(() => {
                    running--;
                    done++;
                    for (const next of dag.downstream.get(stage.name) ?? []) {
                        if (!selectedNames.has(next))
                            continue;
                        const left = (waiting.get(next) ?? 0) - 1;
                        waiting.set(next, left);
                        if (left === 0)
                            ready.push(byName.get(next));
                    }
                    pump();
                });
            }
        };
        pump();
    });
    options.signal?.removeEventListener("abort", onInterrupt);
    await Promise.all(pendingSaves);
    for (const [name, message] of saveFailures) {
        const result = results.get(name);
        entries.delete(name);
        if (result) {
            results.set(name, {
                ...result,
                status: stage_result/* StageStatus */.T.failed,
                reasons: [`it ran, but its outs could not be stored in the run cache (${runCache?.url}): ${message}`],
            });
        }
    }
    const ordered = selected.map((s) => results.get(s.name));
    let lockWritten = false;
    if (!options.dry) {
        // A run where every stage was up to date and kept its entry leaves kiln.lock as it was.
        const unchanged = lock.outdated !== true &&
            ordered.every((r) => r.status === stage_result/* StageStatus */.T.upToDate && entries.get(r.name) === lock.stages[r.name]) &&
            Object.keys(lock.stages).every((name) => pipeline.stages.has(name));
        for (const result of ordered) {
            const entry = entries.get(result.name);
            if (entry)
                lock.stages[result.name] = entry;
            else if (result.status === stage_result/* StageStatus */.T.failed || result.status === stage_result/* StageStatus */.T.cancelled)
                delete lock.stages[result.name];
        }
        for (const name of Object.keys(lock.stages))
            if (!pipeline.stages.has(name))
                delete lock.stages[name];
        lockWritten = unchanged ? false : await writeLock(lockFile, lock, lockText);
        await hashes.save(stateFile);
    }
    await reporter.end(ordered);
    const interrupted = options.signal?.aborted === true;
    const failed = ordered.some((r) => r.status === stage_result/* StageStatus */.T.failed ||
        r.status === stage_result/* StageStatus */.T.cancelled ||
        r.status === stage_result/* StageStatus */.T.skipped);
    return {
        results: ordered,
        exitCode: interrupted ? errors/* ExitCode */.yU.interrupted : failed ? errors/* ExitCode */.yU.failure : errors/* ExitCode */.yU.ok,
        lockWritten,
    };
}
function readMetrics(root, stage) {
    const metrics = {};
    for (const file of stage.metrics) {
        try {
            metrics[file] = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), "utf8"));
        }
        catch {
            // A missing or unreadable metrics file is reported by the stage's outs check, not here.
        }
    }
    return metrics;
}
function stageLogger(stage, reporter) {
    return {
        debug() { },
        info: (message) => reporter.output(stage, message, "stdout"),
        warn: (message) => reporter.output(stage, `warning: ${message}`, "stderr"),
        error: (message) => reporter.output(stage, `error: ${message}`, "stderr"),
        group: (_name, fn) => fn(),
    };
}



/***/ }),

/***/ 571:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   silentReporter: () => (/* binding */ silentReporter)
/* harmony export */ });
const silentReporter = {
    begin() { },
    stageStarted() { },
    output() { },
    stageRetrying() { },
    stageFinished() { },
    end() { },
};


/***/ }),

/***/ 8608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ stableJson)
/* harmony export */ });
/** JSON with object keys sorted at every level, so equal values give equal text (and hashes). */
function stableJson(value) {
    if (value === null || typeof value !== "object")
        return JSON.stringify(value) ?? "null";
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(",")}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}


/***/ }),

/***/ 7062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ StageStatus),
/* harmony export */   i: () => (/* binding */ isCacheHit)
/* harmony export */ });
/** What happened to a stage in one `kiln run`. */
const StageStatus = {
    /** The command ran and succeeded. */
    ran: "ran",
    /** Key and outs matched kiln.lock; nothing to do. */
    upToDate: "up-to-date",
    /** Outs were restored from the store's run cache without running. */
    restored: "restored",
    failed: "failed",
    /** Not run because a stage it depends on failed. */
    skipped: "skipped",
    /** Stopped by --fail-fast or an interrupt. */
    cancelled: "cancelled",
    /** --dry: would run. */
    wouldRun: "would-run",
    /** --dry: would be restored from the run cache. */
    wouldRestore: "would-restore",
};
/** A cache hit: the stage's work was already done, here or on another machine. */
function isCacheHit(status) {
    return status === StageStatus.upToDate || status === StageStatus.restored;
}


/***/ }),

/***/ 3685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeKeyOf: () => (/* binding */ storeKeyOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/**
 * The store key a pipeline reference names: `store://key` is a key of the store; `s3://bucket/key`
 * must lie inside the store's own `s3://bucket/prefix`.
 */
function storeKeyOf(reference, storeUrl) {
    if (reference.startsWith("store://"))
        return reference.slice("store://".length);
    if (reference.startsWith("s3://")) {
        const base = storeUrl.replace(/\/+$/, "");
        if (reference.startsWith(`${base}/`))
            return reference.slice(base.length + 1);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`'${reference}' lies outside the store '${storeUrl}'. Point the store (--store or KILN_STORE) at its bucket, or use store://key.`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`'${reference}' is not a store reference (store://key or s3://bucket/key).`);
}


/***/ })

};
