export const id = 55;
export const ids = [55,460];
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

/***/ 8055:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultParamsFile: () => (/* binding */ defaultParamsFile),
  depKind: () => (/* binding */ depKind),
  parsePipeline: () => (/* binding */ parsePipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/config/yaml-document.js
var yaml_document = __webpack_require__(3395);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/pipeline/display-path.js
var display_path = __webpack_require__(9920);
// EXTERNAL MODULE: ./.build/runtime/pipeline/duration.js
var duration = __webpack_require__(7362);
// EXTERNAL MODULE: ./.build/runtime/pipeline/interpolate.js
var interpolate = __webpack_require__(2323);
// EXTERNAL MODULE: ./.build/runtime/pipeline/lookup-builtin-stage.js
var lookup_builtin_stage = __webpack_require__(3765);
// EXTERNAL MODULE: ./.build/runtime/pipeline/param-references.js
var param_references = __webpack_require__(1660);
// EXTERNAL MODULE: ./.build/runtime/pipeline/param-values.js
var param_values = __webpack_require__(2079);
// EXTERNAL MODULE: ./.build/runtime/pipeline/pipeline.js
var pipeline = __webpack_require__(1804);
// EXTERNAL MODULE: ./.build/runtime/pipeline/stable-json.js
var stable_json = __webpack_require__(8608);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./.build/schema/kiln.schema.json
const kiln_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://kiln.dev/schema/kiln.schema.json","title":"kiln.yaml","description":"A Kiln project: the pipeline\'s stages, the models it produces and how they are monitored.","type":"object","additionalProperties":false,"properties":{"version":{"description":"Format version of this file.","type":"integer","enum":[1]},"defaults":{"$ref":"#/definitions/defaults"},"stages":{"description":"The pipeline: a map from stage name to stage.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/stage"}},"models":{"description":"The models the pipeline produces, by name.","type":"object","propertyNames":{"pattern":"^[a-z0-9][a-z0-9._-]*$"},"additionalProperties":{"$ref":"#/definitions/model"}},"monitor":{"$ref":"#/definitions/monitor"}},"definitions":{"duration":{"description":"A duration: a number of seconds, or a string like 90s, 30m, 2h, 500ms.","type":["number","string"],"minimum":0,"pattern":"^[0-9]+(\\\\.[0-9]+)?(ms|s|m|h)$"},"stringList":{"type":"array","items":{"type":"string","minLength":1}},"env":{"description":"Environment variables for the command; part of the stage key.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"runsOn":{"description":"The runner label(s) for this stage\'s job in the compiled workflow.","type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1}},"retries":{"description":"How often to retry a failed command: a count, or count with backoff and max_delay.","type":["integer","object"],"minimum":0,"additionalProperties":false,"required":["count"],"properties":{"count":{"type":"integer","minimum":0},"backoff":{"$ref":"#/definitions/duration"},"max_delay":{"$ref":"#/definitions/duration"}}},"out":{"description":"A file or folder the stage writes; `cache: false` keeps it out of the run cache.","type":["string","object"],"minLength":1,"additionalProperties":false,"required":["path"],"properties":{"path":{"type":"string","minLength":1},"cache":{"type":"boolean"}}},"defaults":{"description":"Settings every stage inherits unless it sets its own.","type":"object","additionalProperties":false,"properties":{"timeout":{"$ref":"#/definitions/duration"},"retries":{"$ref":"#/definitions/retries"},"env":{"$ref":"#/definitions/env"},"runs-on":{"$ref":"#/definitions/runsOn"},"params":{"description":"The default params file.","type":"string","minLength":1}}},"stage":{"type":"object","additionalProperties":false,"properties":{"desc":{"description":"What the stage does.","type":"string"},"cmd":{"description":"The shell command, run in the folder holding kiln.yaml; ${params.<key>} is replaced with the value from the params file.","type":"string","minLength":1},"uses":{"description":"A built-in stage, e.g. kiln/fetch.","type":"string","pattern":"^kiln/[a-z0-9-]+$"},"with":{"description":"Settings of the built-in stage; a value ${params.<key>} is replaced with the value from the params file, keeping its type.","type":"object"},"deps":{"description":"Files, folders, globs and store objects (s3://bucket/key, store://key) the stage reads.","$ref":"#/definitions/stringList"},"outs":{"type":"array","items":{"$ref":"#/definitions/out"}},"params":{"description":"Parameter keys the stage depends on: `key`, `file:key`, or `file:` for the whole file.","$ref":"#/definitions/stringList"},"metrics":{"description":"JSON metrics files the stage writes.","$ref":"#/definitions/stringList"},"needs":{"description":"Stages that must finish first.","$ref":"#/definitions/stringList"},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"$ref":"#/definitions/retries"},"foreach":{"description":"Expand into one stage per item; fields use ${item} (and ${key} for a map).","type":["array","object"],"minItems":1,"minProperties":1},"matrix":{"description":"Expand into one stage per combination; fields use ${matrix.<name>}.","type":"object","minProperties":1,"additionalProperties":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}}},"always_run":{"description":"Run even when nothing changed.","type":"boolean"},"runs-on":{"$ref":"#/definitions/runsOn"}}},"model":{"type":"object","additionalProperties":false,"required":["artifact"],"properties":{"artifact":{"description":"The ONNX file the pipeline writes.","type":"string","minLength":1},"metrics":{"description":"The metrics file recorded with each version.","type":"string"},"params":{"description":"The params file or keys recorded with each version.","type":["string","array"],"items":{"type":"string"}},"stage":{"description":"The registry stage a newly registered version moves to in store-only mode (kiln run --register); in GitHub mode promotion goes through a pull request instead.","enum":["none","staging","production"]},"data":{"description":"The training data; the reference for drift monitoring.","type":"string"},"description":{"type":"string"}}},"monitor":{"type":"object","additionalProperties":false,"properties":{"schedule":{"description":"Cron schedule of the monitor workflow.","type":"string"},"window":{"description":"How much recent traffic to compare, e.g. 7d or 24h.","type":"string","pattern":"^[0-9]+(m|h|d)$"},"reference":{"description":"Reference data; defaults to the model\'s training data.","type":"string"},"columns":{"$ref":"#/definitions/stringList"},"method":{"description":"Drift test; `auto` picks per column like Evidently.","type":"string"},"threshold":{"type":"number","minimum":0},"drift_share":{"type":"number","minimum":0,"maximum":1},"close_after":{"description":"Close the drift issue after this many clean runs.","type":"integer","minimum":1}}}}}');
// EXTERNAL MODULE: ./.build/runtime/pipeline/did-you-mean.js
var did_you_mean = __webpack_require__(6169);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/validate-kiln-config.js





let compiled;
function validator() {
    compiled ??= new ajv.Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true }).compile(kiln_schema_namespaceObject);
    return compiled;
}
/** The JSON Schema kiln.yaml is validated against (also shipped as schema/kiln.schema.json). */

/**
 * Validate the parsed kiln.yaml against the schema. Throws one ConfigError naming the first
 * problem's file:line:col (and listing the others), with "did you mean" for unknown keys.
 */
function validateKilnConfig(value, yaml) {
    const validate = validator();
    if (validate(value))
        return;
    const problems = (validate.errors ?? [])
        .map((error) => describeError(error, yaml))
        .filter((problem) => problem !== undefined);
    const unique = new Map();
    for (const problem of problems)
        unique.set(`${problem.position.line}:${problem.message}`, problem);
    const sorted = [...unique.values()].sort((a, b) => (a.position.line ?? 0) - (b.position.line ?? 0) || (a.position.column ?? 0) - (b.position.column ?? 0));
    const [first, ...rest] = sorted;
    if (!first)
        throw new errors/* ConfigError */.xL({ file: yaml.file }, "does not match the kiln.yaml schema.");
    const more = rest.map((p) => `\n${p.position.file}:${p.position.line}:${p.position.column}: ${p.message}`);
    throw new errors/* ConfigError */.xL(first.position, `${first.message}${more.join("")}`);
}
/** `stages.train.deps[0]` */
function fieldName(path) {
    let name = "";
    for (const part of path)
        name += typeof part === "number" ? `[${part}]` : name === "" ? part : `.${part}`;
    return name === "" ? "the top level" : name;
}
function where(path) {
    if (path.length === 0)
        return "at the top level";
    if (path[0] === "stages" && path.length === 2)
        return `in stage '${path[1]}'`;
    if (path[0] === "models" && path.length === 2)
        return `in model '${path[1]}'`;
    return `in '${fieldName(path)}'`;
}
function describeError(error, yaml) {
    const path = (0,yaml_document/* pointerPath */.hw)(error.instancePath);
    const field = fieldName(path);
    const parentSchema = (error.parentSchema ?? {});
    switch (error.keyword) {
        case "additionalProperties": {
            const key = String(error.params.additionalProperty);
            const known = Object.keys(parentSchema.properties ?? {});
            if (known.length === 0)
                return undefined;
            return {
                position: yaml.keyPosition([...path, key]),
                message: `unknown key '${key}' ${where(path)}.${(0,did_you_mean/* didYouMean */.au)(key, known)} Known keys: ${known.sort().join(", ")}.`,
            };
        }
        case "propertyNames": {
            const name = String(error.params.propertyName);
            const what = path[0] === "models" ? "model name" : "stage name";
            const rule = path[0] === "models"
                ? "use lowercase letters, digits, '.', '_' and '-'"
                : "use letters, digits, '_' and '-', starting with a letter or '_'";
            return {
                position: yaml.keyPosition([...path, name]),
                message: `'${name}' is not a valid ${what}: ${rule}.`,
            };
        }
        case "pattern":
            if (error.propertyName !== undefined)
                return undefined; // reported by propertyNames
            return {
                position: yaml.valuePosition(path),
                message: `${field} is '${String(error.data)}', which is not valid here.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
            };
        case "required": {
            const missing = String(error.params.missingProperty);
            return { position: yaml.valuePosition(path), message: `${field} needs a '${missing}' key.` };
        }
        case "type": {
            const types = String(error.params.type).split(",");
            return {
                position: yaml.valuePosition(path),
                message: `${field} must be ${types.map(article).join(" or ")}, not ${describeValue(error.data)}.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
            };
        }
        case "enum": {
            const allowed = error.params.allowedValues;
            return {
                position: yaml.valuePosition(path),
                message: `${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, not ${JSON.stringify(error.data)}.`,
            };
        }
        default:
            return {
                position: yaml.valuePosition(path),
                message: `${field} ${error.message ?? "is not valid"}.`,
            };
    }
}
function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
function article(type) {
    if (type === "array")
        return "a list";
    if (type === "object")
        return "a map";
    if (type === "integer")
        return "an integer";
    return `a ${type}`;
}
function describeValue(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "a list";
    if (typeof value === "object")
        return "a map";
    return `${typeof value} ${JSON.stringify(value)}`;
}

;// CONCATENATED MODULE: ./.build/runtime/pipeline/parse-pipeline.js












const defaultParamsFile = "params.yaml";
const defaultRetry = { count: 0, backoffMs: 1000, maxDelayMs: 60_000 };
/** Parse kiln.yaml's text (the file name is used for positions and as the project folder). */
function parsePipeline(text, file, options = {}) {
    const yaml = (0,yaml_document/* parseYamlDocument */.Iu)(text, (0,display_path/* displayPath */.G)(file), { syntaxErrorHint: flowListHint });
    const raw = yaml.value ?? {};
    validateKilnConfig(raw, yaml);
    const config = raw;
    const root = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(file));
    const builtins = options.builtins ?? {};
    const defaults = config.defaults ?? {};
    const params = options.params ?? new param_values.ParamValues(root);
    const stages = new Map();
    for (const [base, rawStage] of Object.entries(config.stages ?? {})) {
        for (const stage of expandStage(base, rawStage, defaults, yaml, { builtins, params })) {
            const existing = stages.get(stage.name);
            if (existing) {
                throw new errors/* ConfigError */.xL(stage.position, `stage name '${stage.name}' is used twice after foreach/matrix expansion (also by '${existing.base}' at line ${existing.position.line}). Make the items or their labels distinct.`);
            }
            stages.set(stage.name, stage);
        }
    }
    return { file: (0,external_node_path_.resolve)(file), root, stages, models: config.models ?? {}, monitor: config.monitor };
}
function expansionsOf(base, raw, yaml) {
    const at = (field) => yaml.keyPosition(["stages", base, field]);
    if (raw.foreach !== undefined && raw.matrix !== undefined) {
        throw new errors/* ConfigError */.xL(at("matrix"), `stage '${base}' has both 'foreach' and 'matrix'; use one of them.`);
    }
    if (raw.foreach !== undefined) {
        if (Array.isArray(raw.foreach)) {
            return raw.foreach.map((item, index) => ({
                label: item !== null && typeof item === "object" ? String(index) : String(item),
                values: { item, key: index },
            }));
        }
        return Object.entries(raw.foreach).map(([key, item]) => ({ label: key, values: { item, key } }));
    }
    if (raw.matrix !== undefined) {
        let combinations = [{}];
        for (const [name, values] of Object.entries(raw.matrix)) {
            combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
        }
        return combinations.map((combination) => ({
            label: Object.values(combination).map(String).join("-"),
            values: { matrix: combination },
        }));
    }
    return undefined;
}
function expandStage(base, raw, defaults, yaml, sources) {
    const expansions = expansionsOf(base, raw, yaml);
    if (expansions === undefined)
        return [buildStage(base, base, undefined, raw, defaults, yaml, sources)];
    const { foreach: _foreach, matrix: _matrix, ...template } = raw;
    return expansions.map((expansion) => {
        const concrete = {};
        for (const [field, value] of Object.entries(template)) {
            const position = yaml.valuePosition(["stages", base, field]);
            concrete[field] = (0,interpolate/* interpolate */.GW)(value, expansion.values, position);
        }
        return buildStage(`${base}@${expansion.label}`, base, expansion, concrete, defaults, yaml, sources);
    });
}
function buildStage(name, base, expansion, raw, defaults, yaml, sources) {
    const path = (...rest) => ["stages", base, ...rest];
    const at = (...rest) => yaml.valuePosition(path(...rest));
    const position = yaml.keyPosition(path());
    const fieldPositions = {};
    for (const field of Object.keys(raw))
        fieldPositions[field] = yaml.keyPosition(path(field));
    if (raw.cmd !== undefined && raw.uses !== undefined) {
        throw new errors/* ConfigError */.xL(yaml.keyPosition(path("uses")), `stage '${base}' has both 'cmd' and 'uses'; a stage runs one or the other.`);
    }
    if (raw.cmd === undefined && raw.uses === undefined) {
        throw new errors/* ConfigError */.xL(position, `stage '${base}' needs 'cmd' (a shell command) or 'uses' (a built-in stage such as kiln/fetch).`);
    }
    if (raw.with !== undefined && raw.uses === undefined) {
        throw new errors/* ConfigError */.xL(yaml.keyPosition(path("with")), `stage '${base}' has 'with' but no 'uses'; 'with' sets a built-in stage's settings.`);
    }
    rejectParamReferencesOutside(raw, base, yaml);
    const paramsFile = defaults.params ?? defaultParamsFile;
    const templated = resolveStageParams(raw, paramsFile, sources.params, (...rest) => yaml.valuePosition(path(...rest)));
    const settings = templated.with ?? raw.with ?? {};
    const deps = (raw.deps ?? []).map((dep, index) => ({
        path: cleanPath(dep),
        kind: depKind(dep),
        position: at("deps", index),
    }));
    const outs = (raw.outs ?? []).map((out, index) => {
        const outPath = typeof out === "string" ? out : out.path;
        const outPosition = at("outs", index);
        checkInside(outPath, outPosition, "an out");
        return {
            path: cleanPath(outPath),
            cache: typeof out === "string" ? true : out.cache !== false,
            position: outPosition,
        };
    });
    const metrics = (raw.metrics ?? []).map((m, index) => {
        checkInside(m, at("metrics", index), "a metrics file");
        return cleanPath(m);
    });
    if (raw.uses !== undefined) {
        const builtin = (0,lookup_builtin_stage/* lookupBuiltinStage */.u)(raw.uses, yaml.valuePosition(path("uses")), sources.builtins);
        const withPosition = yaml.keyPosition(path(raw.with === undefined ? "uses" : "with"));
        const planned = builtin.plan({
            with: settings,
            stage: name,
            file: withPosition.file,
            ...(withPosition.line === undefined ? {} : { line: withPosition.line }),
            ...(withPosition.column === undefined ? {} : { column: withPosition.column }),
        });
        for (const dep of planned.deps) {
            if (!deps.some((d) => d.path === cleanPath(dep)))
                deps.push({ path: cleanPath(dep), kind: depKind(dep), position: withPosition });
        }
        for (const out of planned.outs) {
            if (!outs.some((o) => o.path === cleanPath(out)))
                outs.push({ path: cleanPath(out), cache: true, position: withPosition });
        }
        for (const m of planned.metrics ?? [])
            if (!metrics.includes(cleanPath(m)))
                metrics.push(cleanPath(m));
    }
    // Metrics files are outs too (cached, restorable), as in DVC.
    for (const [index, m] of metrics.entries()) {
        if (!outs.some((o) => o.path === m))
            outs.push({
                path: m,
                cache: true,
                position: raw.metrics?.[index] === undefined ? position : at("metrics", index),
            });
    }
    const params = (raw.params ?? []).map((ref, index) => parseParamRef(ref, paramsFile, at("params", index)));
    // A key used as ${params.…} is a dependency, unless `params:` already lists it (or a key above it).
    for (const ref of templated.refs)
        if (!params.some((listed) => covers(listed, ref)))
            params.push(ref);
    const needs = (raw.needs ?? []).map((stage, index) => ({ stage, position: at("needs", index) }));
    const env = {};
    for (const [k, v] of Object.entries({ ...defaults.env, ...raw.env }))
        env[k] = String(v);
    const timeout = raw.timeout ?? defaults.timeout;
    const alwaysRun = raw.always_run ?? false;
    return {
        name,
        base,
        expansion,
        desc: raw.desc,
        cmd: templated.cmd ?? raw.cmd,
        uses: raw.uses,
        with: settings,
        paramTemplates: templated.templates,
        deps,
        outs,
        params,
        metrics,
        needs,
        env,
        timeoutMs: timeout === undefined ? undefined : (0,duration/* parseDuration */.E)(timeout),
        retry: retryPolicy(raw.retries ?? defaults.retries),
        alwaysRun,
        runsOn: raw["runs-on"] ?? defaults["runs-on"],
        position,
        fieldPositions,
    };
}
function retryPolicy(raw) {
    if (raw === undefined)
        return defaultRetry;
    if (typeof raw === "number")
        return { ...defaultRetry, count: raw };
    return {
        count: raw.count,
        backoffMs: raw.backoff === undefined ? defaultRetry.backoffMs : (0,duration/* parseDuration */.E)(raw.backoff),
        maxDelayMs: raw.max_delay === undefined ? defaultRetry.maxDelayMs : (0,duration/* parseDuration */.E)(raw.max_delay),
    };
}
function depKind(dep) {
    if (/^(s3|store):\/\//.test(dep))
        return pipeline/* DepKind */.M.remote;
    if (/[*?[\]{}]/.test(dep))
        return pipeline/* DepKind */.M.glob;
    return pipeline/* DepKind */.M.path;
}
function cleanPath(path) {
    if (/^(s3|store):\/\//.test(path))
        return path;
    const cleaned = (0,external_node_path_.normalize)(path).replace(/\/+$/, "");
    return cleaned === "" ? "." : cleaned;
}
function checkInside(path, position, what) {
    const cleaned = (0,external_node_path_.normalize)(path);
    if ((0,external_node_path_.isAbsolute)(cleaned) || cleaned === ".." || cleaned.startsWith("../") || /^(s3|store):\/\//.test(path)) {
        throw new errors/* ConfigError */.xL(position, `'${path}' cannot be ${what}: outs and metrics are paths inside the project folder.`);
    }
}
function parseParamRef(ref, defaultFile, position) {
    const colon = ref.lastIndexOf(":");
    if (colon === -1)
        return { file: defaultFile, key: ref, position };
    const file = ref.slice(0, colon);
    const key = ref.slice(colon + 1);
    if (file === "")
        throw new errors/* ConfigError */.xL(position, `params entry '${ref}' has no file before ':'; write 'params.yaml:${key}'.`);
    return { file: (0,external_node_path_.join)(file), key: key === "" ? undefined : key, position };
}
/** Advice for the most common YAML mistake in kiln.yaml: an unquoted `${…}` inside `[ ]` or `{ }`. */
function flowListHint(lineText) {
    return /[[{].*\$\{/.test(lineText)
        ? // biome-ignore lint/suspicious/noTemplateCurlyInString: the hint shows kiln.yaml's ${…} syntax.
            ' Inside [ ] or { }, quote values that contain ${…}, e.g. ["models/${item}.onnx"].'
        : "";
}
/** Whether a `params:` entry already covers a key: the same key, a key above it, or the whole file. */
function covers(listed, ref) {
    if (listed.file !== ref.file)
        return false;
    return listed.key === undefined || listed.key === ref.key || (ref.key ?? "").startsWith(`${listed.key}.`);
}
/** Fields where `${params.…}` is replaced (and `desc`, free text); elsewhere it would be taken literally. */
const templatedFields = new Set(["cmd", "with", "desc"]);
function rejectParamReferencesOutside(raw, base, yaml) {
    for (const [field, value] of Object.entries(raw)) {
        if (templatedFields.has(field) || !(0,param_references/* hasParamReference */.p8)(value))
            continue;
        throw new errors/* ConfigError */.xL(yaml.valuePosition(["stages", base, field]), `stage '${base}' uses \${params.…} in '${field}'; params can be used in 'cmd' and 'with' only.`, { hint: "Write the value itself here, or compute it in the command." });
    }
}
/** `cmd` and `with` with `${params.…}` replaced, the keys used, and the templates as written. */
function resolveStageParams(raw, file, params, positionAt) {
    const refs = [];
    let cmd;
    let settings;
    const templates = { file };
    if (raw.cmd !== undefined && (0,param_references/* hasParamReference */.p8)(raw.cmd)) {
        const resolved = (0,param_references/* resolveParamReferences */.yb)(raw.cmd, file, params, () => positionAt("cmd"));
        cmd = typeof resolved.value === "string" ? resolved.value : (0,stable_json/* stableJson */._)(resolved.value);
        refs.push(...resolved.refs);
        templates.cmd = raw.cmd;
    }
    if (raw.with !== undefined && (0,param_references/* hasParamReference */.p8)(raw.with)) {
        const resolved = (0,param_references/* resolveParamReferences */.yb)(raw.with, file, params, (path) => positionAt("with", ...path));
        settings = resolved.value;
        refs.push(...resolved.refs.filter((ref) => !refs.some((r) => r.key === ref.key)));
        templates.with = raw.with;
    }
    return { cmd, with: settings, refs, templates: refs.length > 0 ? templates : undefined };
}


/***/ }),

/***/ 1804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ DepKind)
/* harmony export */ });
const DepKind = { path: "path", glob: "glob", remote: "remote" };


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


/***/ })

};
