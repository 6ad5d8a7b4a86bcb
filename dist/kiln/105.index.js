export const id = 105;
export const ids = [105,685];
export const modules = {

/***/ 5105:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  builtinStages: () => (/* binding */ builtinStages),
  lookupBuiltinStage: () => (/* binding */ lookupBuiltinStage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/data/read-table.js + 4 modules
var read_table = __webpack_require__(4721);
// EXTERNAL MODULE: ./.build/runtime/train/evaluate-model.js
var evaluate_model = __webpack_require__(5461);
// EXTERNAL MODULE: ./.build/runtime/train/model-input-schema.js
var model_input_schema = __webpack_require__(6726);
// EXTERNAL MODULE: ./.build/runtime/train/predict-file.js + 1 modules
var predict_file = __webpack_require__(5712);
// EXTERNAL MODULE: ./.build/runtime/train/run-onnx-model.js
var run_onnx_model = __webpack_require__(4953);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/train/stage-settings.js
/**
 * Reading a built-in stage's `with:` map (kiln/train, kiln/evaluate): typed fields, and ConfigError
 * at the `with:` position of kiln.yaml naming the stage and the field for anything wrong.
 */

class StageSettings {
    values;
    settings;
    uses;
    constructor(settings, uses, known) {
        this.settings = settings;
        this.uses = uses;
        this.values = settings.with;
        const unknown = Object.keys(settings.with).filter((k) => !known.includes(k));
        if (unknown.length > 0) {
            throw this.error(`${uses} has no setting '${unknown[0]}'; its settings are ${[...known].sort().join(", ")}.`);
        }
    }
    get position() {
        const { file, line, column } = this.settings;
        return { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) };
    }
    error(message) {
        return new errors/* ConfigError */.xL(this.position, `stage '${this.settings.stage}': ${message}`);
    }
    string(field, example, ...rest) {
        const value = this.values[field];
        if (value === undefined && rest.length > 0)
            return rest[0];
        if (typeof value !== "string" || value === "") {
            throw this.error(`${this.uses} needs 'with.${field}' (a string), e.g. ${field}: ${example}.`);
        }
        return value;
    }
    number(field, fallback, check, expected) {
        const value = this.values[field];
        if (value === undefined)
            return fallback;
        if (typeof value !== "number" || !check(value)) {
            throw this.error(`'with.${field}' is ${JSON.stringify(value)}; expected ${expected}.`);
        }
        return value;
    }
    /** A list given as a YAML sequence of strings or a comma-separated string. */
    list(field) {
        const value = this.values[field];
        if (value === undefined)
            return undefined;
        if (typeof value === "string") {
            return value
                .split(",")
                .map((s) => s.trim())
                .filter((s) => s !== "");
        }
        if (Array.isArray(value) && value.every((v) => typeof v === "string"))
            return value;
        throw this.error(`'with.${field}' must be a list of column names (or a comma-separated string).`);
    }
    map(field) {
        const value = this.values[field];
        if (value === undefined)
            return undefined;
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            throw this.error(`'with.${field}' must be a map of key: value, e.g. ${field}: { alpha: 0.5 }.`);
        }
        return value;
    }
}

// EXTERNAL MODULE: ./.build/runtime/train/train-to-files.js + 5 modules
var train_to_files = __webpack_require__(3556);
;// CONCATENATED MODULE: ./.build/runtime/train/evaluate-stage.js
/**
 * `uses: kiln/evaluate` — evaluate an ONNX model file (Kiln-trained or brought by another stage) on
 * a labelled data file in onnxruntime-node and write metrics.json:
 *
 * ```yaml
 * evaluate:
 *   uses: kiln/evaluate
 *   with: { model: model.onnx, data: data/test.csv, target: churned, metrics: metrics.json }
 * ```
 *
 * For a model without Kiln metadata, `task` (classification | regression) and `classes` (the
 * labels of the probability columns, in order) say how to read its outputs.
 */









const known = ["model", "data", "target", "metrics", "task", "classes"];
function evaluateSettings(settings) {
    const s = new StageSettings(settings, "kiln/evaluate", known);
    const task = s.string("task", "classification", undefined);
    if (task !== undefined && task !== "classification" && task !== "regression") {
        throw s.error(`'with.task' is '${task}'; expected classification or regression.`);
    }
    return {
        model: s.string("model", "model.onnx"),
        data: s.string("data", "data/test.csv"),
        target: s.string("target", "label"),
        metrics: s.string("metrics", "metrics.json", "metrics.json"),
        task,
        classes: s.list("classes"),
    };
}
const evaluateStage = {
    name: "evaluate",
    description: "Evaluate an ONNX model on labelled data in onnxruntime-node; write metrics.json.",
    plan(settings) {
        const e = evaluateSettings(settings);
        return { deps: [e.model, e.data], outs: [], metrics: [e.metrics] };
    },
    async run(context) {
        const e = evaluateSettings(context);
        const modelPath = (0,external_node_path_.join)(context.cwd, e.model);
        const model = await (0,run_onnx_model/* loadOnnxModel */.$)(await (0,predict_file/* readModelFile */.G)(modelPath), e.model);
        const schema = (0,model_input_schema/* modelInputSchema */.z)(model.signature);
        const table = await (0,read_table/* readTable */.x)((0,external_node_path_.join)(context.cwd, e.data), {
            schema,
            columns: [...new Set([...model.signature.inputs.map((i) => i.name), e.target])],
        });
        const metrics = await (0,evaluate_model/* evaluateModel */.H)(model, table, {
            target: e.target,
            ...(e.task === undefined ? {} : { task: e.task }),
            ...(e.classes === undefined ? {} : { classes: e.classes }),
        });
        const out = (0,external_node_path_.join)(context.cwd, e.metrics);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(out), { recursive: true });
        await (0,promises_.writeFile)(out, `${JSON.stringify(metrics, null, 2)}\n`);
        context.logger.info(`evaluated ${e.model} on ${table.rowCount} rows of ${e.data}: ${(0,train_to_files/* summarizeMetrics */.V)(metrics)}`);
    },
};

// EXTERNAL MODULE: ./.build/runtime/train/trainer-params.js
var trainer_params = __webpack_require__(1616);
// EXTERNAL MODULE: ./.build/runtime/train/trainers.js + 20 modules
var trainers = __webpack_require__(9146);
;// CONCATENATED MODULE: ./.build/runtime/train/train-stage.js
/**
 * `uses: kiln/train` — train a built-in model in a pipeline stage:
 *
 * ```yaml
 * train:
 *   uses: kiln/train
 *   with: { algorithm: logistic, data: data/train.csv, target: churned, features: [age, plan],
 *           categorical: [plan], numeric: [age], params: { C: 0.5 }, seed: 1, validation: 0.2,
 *           model: model.onnx, metrics: metrics.json }
 * ```
 *
 * The data file is a dep, the model an out and metrics.json (held-out metrics of the written model,
 * computed in onnxruntime-node) a metrics file.
 */






const train_stage_known = [
    "algorithm",
    "data",
    "target",
    "features",
    "categorical",
    "numeric",
    "params",
    "seed",
    "validation",
    "model",
    "metrics",
];
function trainSettings(settings) {
    const s = new StageSettings(settings, "kiln/train", train_stage_known);
    const algorithm = s.string("algorithm", Object.keys(trainers/* trainers */.D).sort().join(" | "));
    const params = s.map("params") ?? {};
    try {
        const trainer = (0,trainers/* findTrainer */.B)(algorithm);
        const { task: _task, ...given } = params;
        (0,trainer_params/* resolveParams */.x)(trainer.name, trainer.params, given);
    }
    catch (error) {
        if (error instanceof errors/* UsageError */.eb)
            throw s.error(error.message);
        throw error;
    }
    const validation = s.number("validation", 0.2, (n) => n >= 0 && n < 1, "a fraction from 0 up to 1 (exclusive)");
    return {
        algorithm,
        data: s.string("data", "data/train.csv"),
        target: s.string("target", "label"),
        features: s.list("features"),
        categorical: s.list("categorical"),
        numeric: s.list("numeric"),
        params,
        seed: s.number("seed", 0, Number.isSafeInteger, "a whole number"),
        validation,
        model: s.string("model", "model.onnx", "model.onnx"),
        metrics: validation > 0 ? s.string("metrics", "metrics.json", "metrics.json") : undefined,
    };
}
const trainStage = {
    name: "train",
    description: "Train a built-in model (linear, logistic, gbdt) to ONNX, with held-out metrics.",
    plan(settings) {
        const t = trainSettings(settings);
        return { deps: [t.data], outs: [t.model], ...(t.metrics === undefined ? {} : { metrics: [t.metrics] }) };
    },
    async run(context) {
        const t = trainSettings(context);
        await (0,train_to_files/* trainToFiles */.$)({
            algorithm: t.algorithm,
            data: (0,external_node_path_.join)(context.cwd, t.data),
            target: t.target,
            ...(t.features === undefined ? {} : { features: t.features }),
            ...(t.categorical === undefined ? {} : { categorical: t.categorical }),
            ...(t.numeric === undefined ? {} : { numeric: t.numeric }),
            params: t.params,
            seed: t.seed,
            validation: t.validation,
            output: (0,external_node_path_.join)(context.cwd, t.model),
            ...(t.metrics === undefined ? {} : { metrics: (0,external_node_path_.join)(context.cwd, t.metrics) }),
            logger: context.logger,
        });
    },
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/runtime/pipeline/store-reference.js
var store_reference = __webpack_require__(3685);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/fetch-stage.js






function settingsOf(settings) {
    const { from, to } = settings.with;
    const position = {
        file: settings.file,
        ...(settings.line === undefined ? {} : { line: settings.line }),
        ...(settings.column === undefined ? {} : { column: settings.column }),
    };
    for (const [field, value] of [
        ["from", from],
        ["to", to],
    ]) {
        if (typeof value !== "string" || value === "") {
            throw new errors/* ConfigError */.xL(position, `stage '${settings.stage}': kiln/fetch needs 'with.${field}' (a string), e.g. from: s3://bucket/data.csv, to: data/raw.csv.`);
        }
    }
    const fromText = from;
    if (!/^(s3|store):\/\//.test(fromText)) {
        throw new errors/* ConfigError */.xL(position, `stage '${settings.stage}': kiln/fetch 'with.from' must be a store object (store://key or s3://bucket/key), not '${fromText}'.`);
    }
    return { from: fromText, to: to };
}
/** `uses: kiln/fetch` — copy one object of the store (or an s3:// URL inside it) to a file. */
const fetchStage = {
    name: "fetch",
    description: "Copy an object from the store (store://key or s3://bucket/key) to a file.",
    plan(settings) {
        const { from, to } = settingsOf(settings);
        return { deps: [from], outs: [to] };
    },
    async run(context) {
        const { from, to } = settingsOf(context);
        const key = (0,store_reference.storeKeyOf)(from, context.store.url);
        const target = (0,external_node_path_.join)(context.cwd, to);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const temporary = `${target}.kiln-tmp-${process.pid}`;
        try {
            await (0,external_node_stream_promises_.pipeline)(await context.store.get(key), (0,external_node_fs_.createWriteStream)(temporary), {
                signal: context.signal,
            });
            await (0,promises_.rename)(temporary, target);
        }
        finally {
            await (0,promises_.rm)(temporary, { force: true });
        }
        context.logger.info(`fetched ${from} to ${to}`);
    },
};

// EXTERNAL MODULE: ./.build/runtime/pipeline/lookup-builtin-stage.js
var lookup_builtin_stage = __webpack_require__(3765);
;// CONCATENATED MODULE: ./.build/runtime/pipeline/builtin-stages.js




/**
 * The built-in stages, by the name after `kiln/` (`uses: kiln/fetch`). Areas add theirs here,
 * one line each.
 */
const builtinStages = {
    fetch: fetchStage,
    train: trainStage,
    evaluate: evaluateStage,
};
/** The built-in stage named by `uses: kiln/<name>`; an unknown name lists the known ones. */
function lookupBuiltinStage(uses, position, stages = builtinStages) {
    return (0,lookup_builtin_stage/* lookupBuiltinStage */.u)(uses, position, stages);
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
