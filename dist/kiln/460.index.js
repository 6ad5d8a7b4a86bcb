export const id = 460;
export const ids = [460];
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


/***/ })

};
