export const id = 260;
export const ids = [260];
export const modules = {

/***/ 9260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readKilnLock: () => (/* binding */ readKilnLock),
/* harmony export */   readLineage: () => (/* binding */ readLineage)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);



/**
 * Where a model came from: the GitHub context a workflow run provides, and the stage keys and
 * dataset digests of the pipeline that produced it (kiln.lock, when present, read leniently:
 * a missing or unfamiliar lock file yields no keys rather than an error).
 */
async function readLineage(inputs) {
    const { env } = inputs;
    const lock = await readKilnLock((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(inputs.cwd, "kiln.lock"));
    const lineage = {
        stageKeys: lock.stageKeys,
        datasetDigests: { ...lock.datasetDigests, ...inputs.datasetDigests },
    };
    if (env.GITHUB_REPOSITORY)
        lineage.repository = env.GITHUB_REPOSITORY;
    const commit = inputs.commit ?? env.GITHUB_SHA;
    if (commit)
        lineage.commit = commit;
    const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
    if (branch)
        lineage.branch = branch;
    if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
        const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : "";
        lineage.workflowRunUrl = `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
    }
    return lineage;
}
const hexDigest = /^(?:sha256:)?([0-9a-f]{64})$/;
/**
 * Stage keys and dataset digests from a kiln.lock (JSON, read as YAML): `stages: {<name>: {key, deps:
 * [{path, digest}]}}` as `kiln run` writes it; also a list of stages with `name`, `hash` for `key`,
 * and deps as `path: digest` maps. Deps that are code (`.py`, `.ts`, ...) or remote (`etag:`) are
 * not datasets and are left out.
 */
async function readKilnLock(path) {
    const stageKeys = {};
    const datasetDigests = {};
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8"));
    }
    catch {
        return { stageKeys, datasetDigests };
    }
    const stages = isObject(value) ? value.stages : undefined;
    const entries = Array.isArray(stages)
        ? stages.filter(isObject).map((s) => [String(s.name ?? ""), s])
        : isObject(stages)
            ? Object.entries(stages)
            : [];
    for (const [name, stage] of entries) {
        if (!name || !isObject(stage))
            continue;
        const key = firstString(stage, ["key", "stageKey", "stage_key", "hash", "cacheKey", "cache_key"]);
        if (key !== undefined)
            stageKeys[name] = key;
        for (const [depPath, digest] of depDigests(stage.deps))
            datasetDigests[depPath] = digest;
    }
    return { stageKeys, datasetDigests };
}
/** Deps that are code or models, not data: left out of the dataset digests (an evaluate stage
 * depends on the model it scores; that model is the artifact, not a dataset). */
const codeFile = /\.(?:onnx|pkl|joblib|pt|h5|py|ipynb|r|R|jl|ts|js|mjs|sh|sql|scala|java|go|rs|toml|cfg|ini|yaml|yml)$/;
function depDigests(deps) {
    const found = [];
    const add = (path, digest) => {
        if (typeof path !== "string" || typeof digest !== "string" || codeFile.test(path))
            return;
        const match = hexDigest.exec(digest);
        if (match?.[1] !== undefined)
            found.push([path, match[1]]);
    };
    if (Array.isArray(deps)) {
        for (const dep of deps)
            if (isObject(dep))
                add(dep.path, firstString(dep, ["sha256", "hash", "digest", "md5"]));
    }
    else if (isObject(deps)) {
        for (const [path, dep] of Object.entries(deps))
            add(path, isObject(dep) ? firstString(dep, ["sha256", "hash", "digest"]) : dep);
    }
    return found;
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function firstString(record, keys) {
    for (const key of keys) {
        const value = record[key];
        if (typeof value === "string" && value !== "")
            return value;
    }
    return undefined;
}


/***/ })

};
