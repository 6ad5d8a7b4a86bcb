export const id = 882;
export const ids = [882];
export const modules = {

/***/ 5686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerDeclaredModels: () => (/* binding */ registerDeclaredModels)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _append_stage_event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2163);
/* harmony import */ var _file_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1256);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2927);
/* harmony import */ var _read_metrics_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3548);
/* harmony import */ var _register_model_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4293);







/**
 * `kiln run --register`: register each model kiln.yaml declares whose artifact the pipeline
 * produced. Params files are merged in order; `data` is hashed into the lineage; a new version is
 * moved to the declared stage when not registering in GitHub mode.
 */
async function registerDeclaredModels(deps, options) {
    const results = [];
    for (const [name, model] of Object.entries(options.models)) {
        const artifactPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root, model.artifact);
        if (!(await exists(artifactPath))) {
            deps.logger.info(`model '${name}': ${model.artifact} was not produced; not registered.`);
            results.push({ name, result: undefined });
            continue;
        }
        const paramsFiles = model.params === undefined ? [] : [model.params].flat();
        let params = {};
        for (const file of paramsFiles)
            params = { ...params, ...(await (0,_read_metrics_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readParamsFile */ .r)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root, file))) };
        const lineage = { ...options.lineage, datasetDigests: { ...options.lineage.datasetDigests } };
        if (model.data !== undefined && (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root, model.data))))
            lineage.datasetDigests[model.data] = (await (0,_file_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256OfFile */ .V)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root, model.data), "dataset")).sha256;
        const result = await (0,_register_model_js__WEBPACK_IMPORTED_MODULE_6__/* .registerModel */ .$)(deps, {
            name,
            artifactPath,
            ...(model.metrics === undefined ? {} : { metricsPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root, model.metrics) }),
            params,
            lineage,
            createdBy: options.createdBy,
            source: options.source,
            ...(options.release === undefined ? {} : { release: options.release }),
        });
        const stage = model.stage === undefined ? undefined : (0,_model_stage_js__WEBPACK_IMPORTED_MODULE_4__/* .parseModelStage */ .Dz)(model.stage);
        if (result.created && options.release === undefined && stage !== undefined && stage !== _model_stage_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelStage */ .Og.None) {
            await (0,_append_stage_event_js__WEBPACK_IMPORTED_MODULE_2__/* .appendStageEvent */ .d)(deps.store, {
                name,
                version: result.record.version,
                to: stage,
                by: options.createdBy,
                source: options.source,
                reason: `kiln.yaml declares models.${name}.stage: ${model.stage}`,
            });
        }
        results.push({ name, result });
    }
    return results;
}
async function exists(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 1635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SC: () => (/* binding */ chunkBuffer),
/* harmony export */   f9: () => (/* binding */ putBodyBytes)
/* harmony export */ });
/* unused harmony export putBodyReadable */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);

/** A put body as bytes when it is already in memory, or undefined for a stream. */
function putBodyBytes(body) {
    if (typeof body === "string")
        return Buffer.from(body, "utf8");
    if (body instanceof Uint8Array)
        return body;
    return undefined;
}
/** A put body as a stream of Buffers. */
function putBodyReadable(body) {
    const bytes = putBodyBytes(body);
    if (bytes !== undefined)
        return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    return body;
}
/** Every chunk of a stream as a Buffer (streams may yield strings or Uint8Arrays). */
function chunkBuffer(chunk) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (typeof chunk === "string")
        return Buffer.from(chunk, "utf8");
    throw new TypeError(`a put body stream yielded a ${typeof chunk}, expected bytes or strings`);
}


/***/ })

};
