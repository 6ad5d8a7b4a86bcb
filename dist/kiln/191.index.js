export const id = 191;
export const ids = [191];
export const modules = {

/***/ 6169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports levenshteinDistance, closestName */
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

/***/ 8191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePipeline: () => (/* binding */ parsePipeline)
});

// UNUSED EXPORTS: defaultParamsFile, depKind

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/pipeline/display-path.js
var display_path = __webpack_require__(9920);
// EXTERNAL MODULE: ./.build/runtime/pipeline/duration.js
var duration = __webpack_require__(7362);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/interpolate.js

const reference = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}/g;
/**
 * Replace `${item}`, `${item.field}`, `${key}` and `${matrix.name}` in a value from a foreach or
 * matrix stage. A string that is exactly one reference takes the value's own type; inside a
 * longer string it is written as text. An unknown name is a ConfigError at `position`.
 */
function interpolate(value, variables, position) {
    if (typeof value === "string")
        return interpolateString(value, variables, position);
    if (Array.isArray(value))
        return value.map((item) => interpolate(item, variables, position));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, variables, position)]));
    }
    return value;
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
        throw new errors/* ConfigError */.xL(position, `'\${${name}}' is not defined here; this stage defines: ${known}.`);
    }
    return current;
}
function interpolateString(text, variables, position) {
    const whole = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}$/.exec(text);
    if (whole?.[1] !== undefined)
        return lookup(whole[1], variables, position);
    return text.replace(reference, (_match, name) => {
        const value = lookup(name, variables, position);
        return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
    });
}

// EXTERNAL MODULE: ./.build/runtime/pipeline/lookup-builtin-stage.js
var lookup_builtin_stage = __webpack_require__(3765);
// EXTERNAL MODULE: ./.build/runtime/pipeline/pipeline.js
var pipeline = __webpack_require__(1804);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./.build/schema/kiln.schema.json
const kiln_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://kiln.dev/schema/kiln.schema.json","title":"kiln.yaml","description":"A Kiln project: the pipeline\'s stages, the models it produces and how they are monitored.","type":"object","additionalProperties":false,"properties":{"version":{"description":"Format version of this file.","type":"integer","enum":[1]},"defaults":{"$ref":"#/definitions/defaults"},"stages":{"description":"The pipeline: a map from stage name to stage.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/stage"}},"models":{"description":"The models the pipeline produces, by name.","type":"object","propertyNames":{"pattern":"^[a-z0-9][a-z0-9._-]*$"},"additionalProperties":{"$ref":"#/definitions/model"}},"monitor":{"$ref":"#/definitions/monitor"}},"definitions":{"duration":{"description":"A duration: a number of seconds, or a string like 90s, 30m, 2h, 500ms.","type":["number","string"],"minimum":0,"pattern":"^[0-9]+(\\\\.[0-9]+)?(ms|s|m|h)$"},"stringList":{"type":"array","items":{"type":"string","minLength":1}},"env":{"description":"Environment variables for the command; part of the stage key.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"runsOn":{"description":"The runner label(s) for this stage\'s job in the compiled workflow.","type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1}},"retries":{"description":"How often to retry a failed command: a count, or count with backoff and max_delay.","type":["integer","object"],"minimum":0,"additionalProperties":false,"required":["count"],"properties":{"count":{"type":"integer","minimum":0},"backoff":{"$ref":"#/definitions/duration"},"max_delay":{"$ref":"#/definitions/duration"}}},"out":{"description":"A file or folder the stage writes; `cache: false` keeps it out of the run cache.","type":["string","object"],"minLength":1,"additionalProperties":false,"required":["path"],"properties":{"path":{"type":"string","minLength":1},"cache":{"type":"boolean"}}},"defaults":{"description":"Settings every stage inherits unless it sets its own.","type":"object","additionalProperties":false,"properties":{"timeout":{"$ref":"#/definitions/duration"},"retries":{"$ref":"#/definitions/retries"},"env":{"$ref":"#/definitions/env"},"runs-on":{"$ref":"#/definitions/runsOn"},"params":{"description":"The default params file.","type":"string","minLength":1}}},"stage":{"type":"object","additionalProperties":false,"properties":{"desc":{"description":"What the stage does.","type":"string"},"cmd":{"description":"The shell command, run in the folder holding kiln.yaml.","type":"string","minLength":1},"uses":{"description":"A built-in stage, e.g. kiln/fetch.","type":"string","pattern":"^kiln/[a-z0-9-]+$"},"with":{"description":"Settings of the built-in stage.","type":"object"},"deps":{"description":"Files, folders, globs and store objects (s3://bucket/key, store://key) the stage reads.","$ref":"#/definitions/stringList"},"outs":{"type":"array","items":{"$ref":"#/definitions/out"}},"params":{"description":"Parameter keys the stage depends on: `key`, `file:key`, or `file:` for the whole file.","$ref":"#/definitions/stringList"},"metrics":{"description":"JSON metrics files the stage writes.","$ref":"#/definitions/stringList"},"needs":{"description":"Stages that must finish first.","$ref":"#/definitions/stringList"},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"$ref":"#/definitions/retries"},"foreach":{"description":"Expand into one stage per item; fields use ${item} (and ${key} for a map).","type":["array","object"],"minItems":1,"minProperties":1},"matrix":{"description":"Expand into one stage per combination; fields use ${matrix.<name>}.","type":"object","minProperties":1,"additionalProperties":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}}},"always_run":{"description":"Run even when nothing changed.","type":"boolean"},"runs-on":{"$ref":"#/definitions/runsOn"}}},"model":{"type":"object","additionalProperties":false,"required":["artifact"],"properties":{"artifact":{"description":"The ONNX file the pipeline writes.","type":"string","minLength":1},"metrics":{"description":"The metrics file recorded with each version.","type":"string"},"params":{"description":"The params file or keys recorded with each version.","type":["string","array"],"items":{"type":"string"}},"stage":{"description":"The registry stage a newly registered version moves to in store-only mode (kiln run --register); in GitHub mode promotion goes through a pull request instead.","enum":["none","staging","production"]},"data":{"description":"The training data; the reference for drift monitoring.","type":"string"},"description":{"type":"string"}}},"monitor":{"type":"object","additionalProperties":false,"properties":{"schedule":{"description":"Cron schedule of the monitor workflow.","type":"string"},"window":{"description":"How much recent traffic to compare, e.g. 7d or 24h.","type":"string","pattern":"^[0-9]+(m|h|d)$"},"reference":{"description":"Reference data; defaults to the model\'s training data.","type":"string"},"columns":{"$ref":"#/definitions/stringList"},"method":{"description":"Drift test; `auto` picks per column like Evidently.","type":"string"},"threshold":{"type":"number","minimum":0},"drift_share":{"type":"number","minimum":0,"maximum":1},"close_after":{"description":"Close the drift issue after this many clean runs.","type":"integer","minimum":1}}}}}');
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
function validateKilnConfig(value, sourceMap) {
    const validate = validator();
    if (validate(value))
        return;
    const problems = (validate.errors ?? [])
        .map((error) => describeError(error, sourceMap))
        .filter((problem) => problem !== undefined);
    const unique = new Map();
    for (const problem of problems)
        unique.set(`${problem.position.line}:${problem.message}`, problem);
    const sorted = [...unique.values()].sort((a, b) => (a.position.line ?? 0) - (b.position.line ?? 0) || (a.position.column ?? 0) - (b.position.column ?? 0));
    const [first, ...rest] = sorted;
    if (!first)
        throw new errors/* ConfigError */.xL({ file: sourceMap.file }, "does not match the kiln.yaml schema.");
    const more = rest.map((p) => `\n${p.position.file}:${p.position.line}:${p.position.column}: ${p.message}`);
    throw new errors/* ConfigError */.xL(first.position, `${first.message}${more.join("")}`);
}
function pathOf(instancePath) {
    if (instancePath === "")
        return [];
    return instancePath
        .slice(1)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
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
function describeError(error, sourceMap) {
    const path = pathOf(error.instancePath);
    const field = fieldName(path);
    const parentSchema = (error.parentSchema ?? {});
    switch (error.keyword) {
        case "additionalProperties": {
            const key = String(error.params.additionalProperty);
            const known = Object.keys(parentSchema.properties ?? {});
            if (known.length === 0)
                return undefined;
            return {
                position: sourceMap.keyPosition([...path, key]),
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
                position: sourceMap.keyPosition([...path, name]),
                message: `'${name}' is not a valid ${what}: ${rule}.`,
            };
        }
        case "pattern":
            if (error.propertyName !== undefined)
                return undefined; // reported by propertyNames
            return {
                position: sourceMap.valuePosition(path),
                message: `${field} is '${String(error.data)}', which is not valid here.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
            };
        case "required": {
            const missing = String(error.params.missingProperty);
            return { position: sourceMap.valuePosition(path), message: `${field} needs a '${missing}' key.` };
        }
        case "type": {
            const types = String(error.params.type).split(",");
            return {
                position: sourceMap.valuePosition(path),
                message: `${field} must be ${types.map(article).join(" or ")}, not ${describeValue(error.data)}.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
            };
        }
        case "enum": {
            const allowed = error.params.allowedValues;
            return {
                position: sourceMap.valuePosition(path),
                message: `${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, not ${JSON.stringify(error.data)}.`,
            };
        }
        default:
            return {
                position: sourceMap.valuePosition(path),
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

;// CONCATENATED MODULE: ./.build/runtime/pipeline/yaml-source-map.js

/**
 * Positions of the nodes of a parsed YAML document, looked up by path (`["stages", "train", "deps", 0]`).
 * A path that does not resolve falls back to its deepest existing ancestor, so an error always has a line.
 */
class YamlSourceMap {
    file;
    document;
    lineCounter;
    constructor(file, document, lineCounter) {
        this.file = file;
        this.document = document;
        this.lineCounter = lineCounter;
    }
    /** Position of the value at `path`. */
    valuePosition(path) {
        const { node } = this.resolve(path);
        return this.at(node?.range?.[0] ?? 0);
    }
    /** Position of the key of the map entry at `path` (the value's position for list items). */
    keyPosition(path) {
        const { node, key } = this.resolve(path);
        const offset = key?.range?.[0] ?? node?.range?.[0] ?? 0;
        return this.at(offset);
    }
    /** Position at a character offset of the file. */
    at(offset) {
        const { line, col } = this.lineCounter.linePos(offset);
        return { file: this.file, line, column: col };
    }
    /** Map entries by key, built once per map so lookups stay O(1) in pipelines of 10,000 stages. */
    pairIndex = new WeakMap();
    pairsOf(map) {
        let index = this.pairIndex.get(map);
        if (!index) {
            index = new Map();
            for (const item of map.items)
                if ((0,dist/* isScalar */.jn)(item.key))
                    index.set(String(item.key.value), item);
            this.pairIndex.set(map, index);
        }
        return index;
    }
    resolve(path) {
        let node = this.document.contents;
        let key;
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = this.pairsOf(node).get(String(segment));
                if (!pair)
                    return { node: node, key };
                key = pair.key;
                node = pair.value ?? pair.key;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === "number" && node.items[segment] !== undefined) {
                key = undefined;
                node = node.items[segment];
            }
            else {
                return { node: node, key };
            }
        }
        return { node: node, key };
    }
}

;// CONCATENATED MODULE: ./.build/runtime/pipeline/parse-pipeline.js










const defaultParamsFile = "params.yaml";
const defaultRetry = { count: 0, backoffMs: 1000, maxDelayMs: 60_000 };
/** Parse kiln.yaml's text (the file name is used for positions and as the project folder). */
function parsePipeline(text, file, options = {}) {
    const displayFile = (0,display_path/* displayPath */.G)(file);
    const lineCounter = new dist/* LineCounter */.HN();
    // yaml's own duplicate-key check is quadratic in a map's size; duplicateKeyError does it linearly.
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const sourceMap = new YamlSourceMap(displayFile, document, lineCounter);
    const [yamlError] = document.errors;
    if (yamlError) {
        const position = sourceMap.at(yamlError.pos[0]);
        const firstLine = yamlError.message.split("\n")[0] ?? yamlError.message;
        const lineText = text.split("\n")[(position.line ?? 1) - 1] ?? "";
        const hint = /[[{].*\$\{/.test(lineText)
            ? // biome-ignore lint/suspicious/noTemplateCurlyInString: the hint shows kiln.yaml's ${…} syntax.
                ' Inside [ ] or { }, quote values that contain ${…}, e.g. ["models/${item}.onnx"].'
            : "";
        throw new errors/* ConfigError */.xL(position, `not valid YAML: ${firstLine}${hint}`, { cause: yamlError });
    }
    const duplicate = duplicateKeyError(document, sourceMap);
    if (duplicate)
        throw duplicate;
    const raw = (document.toJS() ?? {});
    validateKilnConfig(raw, sourceMap);
    const config = raw;
    const root = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(file));
    const builtins = options.builtins ?? {};
    const defaults = config.defaults ?? {};
    const stages = new Map();
    for (const [base, rawStage] of Object.entries(config.stages ?? {})) {
        for (const stage of expandStage(base, rawStage, defaults, sourceMap, builtins)) {
            const existing = stages.get(stage.name);
            if (existing) {
                throw new errors/* ConfigError */.xL(stage.position, `stage name '${stage.name}' is used twice after foreach/matrix expansion (also by '${existing.base}' at line ${existing.position.line}). Make the items or their labels distinct.`);
            }
            stages.set(stage.name, stage);
        }
    }
    return { file: (0,external_node_path_.resolve)(file), root, stages, models: config.models ?? {}, monitor: config.monitor };
}
function expansionsOf(base, raw, sourceMap) {
    const at = (field) => sourceMap.keyPosition(["stages", base, field]);
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
function expandStage(base, raw, defaults, sourceMap, builtins) {
    const expansions = expansionsOf(base, raw, sourceMap);
    if (expansions === undefined)
        return [buildStage(base, base, undefined, raw, defaults, sourceMap, builtins)];
    const { foreach: _foreach, matrix: _matrix, ...template } = raw;
    return expansions.map((expansion) => {
        const concrete = {};
        for (const [field, value] of Object.entries(template)) {
            const position = sourceMap.valuePosition(["stages", base, field]);
            concrete[field] = interpolate(value, expansion.values, position);
        }
        return buildStage(`${base}@${expansion.label}`, base, expansion, concrete, defaults, sourceMap, builtins);
    });
}
function buildStage(name, base, expansion, raw, defaults, sourceMap, builtins) {
    const path = (...rest) => ["stages", base, ...rest];
    const at = (...rest) => sourceMap.valuePosition(path(...rest));
    const position = sourceMap.keyPosition(path());
    const fieldPositions = {};
    for (const field of Object.keys(raw))
        fieldPositions[field] = sourceMap.keyPosition(path(field));
    if (raw.cmd !== undefined && raw.uses !== undefined) {
        throw new errors/* ConfigError */.xL(sourceMap.keyPosition(path("uses")), `stage '${base}' has both 'cmd' and 'uses'; a stage runs one or the other.`);
    }
    if (raw.cmd === undefined && raw.uses === undefined) {
        throw new errors/* ConfigError */.xL(position, `stage '${base}' needs 'cmd' (a shell command) or 'uses' (a built-in stage such as kiln/fetch).`);
    }
    if (raw.with !== undefined && raw.uses === undefined) {
        throw new errors/* ConfigError */.xL(sourceMap.keyPosition(path("with")), `stage '${base}' has 'with' but no 'uses'; 'with' sets a built-in stage's settings.`);
    }
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
        const builtin = (0,lookup_builtin_stage/* lookupBuiltinStage */.u)(raw.uses, sourceMap.valuePosition(path("uses")), builtins);
        const withPosition = sourceMap.keyPosition(path(raw.with === undefined ? "uses" : "with"));
        const planned = builtin.plan({
            with: raw.with ?? {},
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
    const paramsFile = defaults.params ?? defaultParamsFile;
    const params = (raw.params ?? []).map((ref, index) => parseParamRef(ref, paramsFile, at("params", index)));
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
        cmd: raw.cmd,
        uses: raw.uses,
        with: raw.with ?? {},
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
/** The first key written twice in one map, as a ConfigError at the second occurrence. */
function duplicateKeyError(document, sourceMap) {
    let error;
    (0,dist/* visit */.YR)(document, {
        Map(_key, map) {
            if (!(0,dist/* isMap */.jh)(map))
                return undefined;
            const seen = new Set();
            for (const pair of map.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const name = String(pair.key.value);
                if (seen.has(name)) {
                    error = new errors/* ConfigError */.xL(sourceMap.at(pair.key.range?.[0] ?? 0), `not valid YAML: Map keys must be unique; '${name}' is given twice in the same map.`);
                    return dist/* visit */.YR.BREAK;
                }
                seen.add(name);
            }
            return undefined;
        },
    });
    return error;
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
