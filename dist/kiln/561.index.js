export const id = 561;
export const ids = [561];
export const modules = {

/***/ 234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ findColumn)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/** The column named `name`, or a DataError listing the columns the table has. */
function findColumn(table, name, role = "column") {
    const column = table.columns.find((c) => c.name === name);
    if (column === undefined) {
        const names = table.columns.map((c) => `'${c.name}'`).join(", ");
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL({ file: table.source, column: name }, `no such ${role}; the data has ${names || "no columns"}.`);
    }
    return column;
}


/***/ }),

/***/ 778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ categoryText),
/* harmony export */   q8: () => (/* binding */ encodeFeaturesFloat64)
/* harmony export */ });
/* unused harmony export encodeFeatures */
/* harmony import */ var _data_find_column_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(234);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _feature_preprocessing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7765);
/**
 * The TypeScript side of the preprocessing: turns a Table's raw feature columns into the feature
 * matrix, exactly as the ONNX graph from feature-graph.ts does (inputs rounded to float32 as the
 * served model receives them, the same float32 constants).
 */



/** The feature matrix as float32 (what the ONNX model computes with), row-major by default. */
function encodeFeatures(table, preprocessing, options = {}) {
    const cols = featureMatrixWidth(preprocessing);
    const matrix = new Float32Array(table.rowCount * cols);
    const layout = options.layout ?? "row-major";
    encodeInto(matrix, table, preprocessing, layout);
    return { matrix, rows: table.rowCount, cols, layout };
}
/** The feature matrix as float64 (for solvers that need float64 accumulation), row-major by default. */
function encodeFeaturesFloat64(table, preprocessing, options = {}) {
    const cols = (0,_feature_preprocessing_js__WEBPACK_IMPORTED_MODULE_2__/* .featureMatrixWidth */ .Wy)(preprocessing);
    const matrix = new Float64Array(table.rowCount * cols);
    const layout = options.layout ?? "row-major";
    encodeInto(matrix, table, preprocessing, layout);
    return { matrix, rows: table.rowCount, cols, layout };
}
/** Rows encoded per block: a block of the matrix stays in cache while every feature writes into it. */
const blockRows = 2048;
function encodeInto(target, table, preprocessing, layout) {
    const rows = table.rowCount;
    const cols = (0,_feature_preprocessing_js__WEBPACK_IMPORTED_MODULE_2__/* .featureMatrixWidth */ .Wy)(preprocessing);
    const rowStride = layout === "row-major" ? cols : 1;
    const colStride = layout === "row-major" ? 1 : rows;
    const writers = [];
    let offset = 0;
    for (const feature of preprocessing.features) {
        const column = (0,_data_find_column_js__WEBPACK_IMPORTED_MODULE_0__/* .findColumn */ .k)(table, feature.name, "feature column");
        const base = offset * colStride;
        if (feature.kind === "categorical") {
            const index = categoryIndex(column, feature);
            if (feature.encoding === "one-hot") {
                writers.push((start, end) => {
                    for (let r = start; r < end; r++) {
                        const k = index(r);
                        if (k >= 0)
                            target[r * rowStride + base + k * colStride] = 1;
                    }
                });
                offset += feature.categories.length;
            }
            else {
                writers.push((start, end) => {
                    for (let r = start; r < end; r++) {
                        const k = index(r);
                        target[r * rowStride + base] = k >= 0 ? k : Number.NaN;
                    }
                });
                offset += 1;
            }
            continue;
        }
        if (column.kind === "categorical") {
            const example = column.categories[0] ?? "";
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source, column: feature.name }, `expected numbers for the ${feature.kind} feature but the column holds text such as '${example}'.`);
        }
        const values = column.values;
        const impute = feature.impute === null ? Number.NaN : feature.impute;
        const { center, scale } = feature;
        const identity = center === 0 && scale === 1;
        writers.push((start, end) => {
            for (let r = start; r < end; r++) {
                let x = Math.fround(values[r]);
                if (Number.isNaN(x))
                    x = impute;
                target[r * rowStride + base] = identity ? x : (x - center) / scale;
            }
        });
        offset += 1;
    }
    const step = layout === "row-major" ? blockRows : rows;
    for (let start = 0; start < rows; start += step) {
        const end = Math.min(rows, start + step);
        for (const write of writers)
            write(start, end);
    }
}
/** Maps a row to the feature's category index, -1 for a missing or unseen category. */
function categoryIndex(column, feature) {
    const known = new Map(feature.categories.map((c, i) => [c, i]));
    if (column.kind === "categorical") {
        const lookup = Int32Array.from(column.categories, (c) => known.get(c) ?? -1);
        const codes = column.codes;
        return (row) => {
            const code = codes[row];
            return code < 0 ? -1 : lookup[code];
        };
    }
    const values = column.values;
    return (row) => {
        const v = values[row];
        return Number.isNaN(v) ? -1 : (known.get(categoryText(column, v)) ?? -1);
    };
}
/** The text a number or boolean cell has when fed to a categorical (string) model input. */
function categoryText(column, value) {
    if (column.kind === "boolean")
        return value === 1 ? "true" : "false";
    return String(value);
}


/***/ }),

/***/ 5461:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ evaluateModel)
/* harmony export */ });
/* harmony import */ var _data_find_column_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(234);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _encode_features_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(778);
/* harmony import */ var _metrics_classification_metrics_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6004);
/* harmony import */ var _metrics_regression_metrics_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3569);
/* harmony import */ var _model_predictions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7118);
/**
 * Evaluates an exported model — the artifact itself, run in onnxruntime-node — on labelled rows
 * (the held-out split): classification or regression metrics, ready to write as metrics.json.
 */






async function evaluateModel(model, table, options) {
    const column = (0,_data_find_column_js__WEBPACK_IMPORTED_MODULE_0__/* .findColumn */ .k)(table, options.target, "target column");
    if (table.rowCount === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source }, "there are no rows to evaluate on.", {
            hint: "Use a validation fraction above 0 or evaluate on a data file with rows.",
        });
    }
    const predictions = await (0,_model_predictions_js__WEBPACK_IMPORTED_MODULE_3__/* .modelPredictions */ .sR)(model, table, {
        ...(options.task === undefined ? {} : { task: options.task }),
        ...(options.classes === undefined ? {} : { classes: options.classes }),
    });
    const missing = (row) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source, row: row + 1, column: options.target }, "the target value is missing; evaluation needs every row labelled.");
    if (predictions.task === "regression") {
        if (column.kind === "categorical") {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source, column: options.target }, "a regression model needs a numeric target.");
        }
        column.values.forEach((v, i) => {
            if (Number.isNaN(v))
                throw missing(i);
        });
        return { task: "regression", ...(0,_metrics_regression_metrics_js__WEBPACK_IMPORTED_MODULE_4__/* .regressionMetrics */ .N)(column.values, predictions.values) };
    }
    const { classes, labels, probabilities } = predictions;
    const index = new Map(classes.map((c, i) => [c, i]));
    const actual = new Int32Array(table.rowCount);
    const predicted = new Int32Array(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) {
        let text;
        if (column.kind === "categorical") {
            const code = column.codes[r];
            text = code < 0 ? undefined : column.categories[code];
        }
        else {
            const v = column.values[r];
            text = Number.isNaN(v) ? undefined : (0,_encode_features_js__WEBPACK_IMPORTED_MODULE_2__/* .categoryText */ .O1)(column, v);
        }
        if (text === undefined)
            throw missing(r);
        const a = index.get(text);
        if (a === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source, row: r + 1, column: options.target }, `the label '${text}' is not one of the model's classes (${classes.join(", ")}).`);
        }
        actual[r] = a;
        predicted[r] = index.get(labels[r]) ?? -1;
        if (predicted[r] < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ row: r + 1 }, `the model predicted '${labels[r]}', which is not among its classes.`);
    }
    return { task: "classification", ...(0,_metrics_classification_metrics_js__WEBPACK_IMPORTED_MODULE_5__/* .classificationMetrics */ .qb)(classes, actual, predicted, probabilities) };
}


/***/ }),

/***/ 7765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ featureSpecs),
/* harmony export */   Wy: () => (/* binding */ featureMatrixWidth),
/* harmony export */   gc: () => (/* binding */ fitPreprocessing)
/* harmony export */ });
/* unused harmony export featureMatrixNames */
/* harmony import */ var _data_find_column_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(234);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/**
 * The preprocessing every built-in trainer puts in front of its model, fitted on the training rows:
 * imputation of missing numbers, optional standard scaling, and categorical encoding (one-hot, with
 * unseen and missing categories mapped to all zeros, or ordinal codes with missing/unseen as NaN for
 * trees). The same preprocessing runs in TypeScript (encode-features.ts) and in the exported ONNX
 * graph (feature-graph.ts), so a trainer's in-process predictions and the served model agree.
 *
 * The feature matrix has one column per numeric, boolean or ordinal feature and one per category
 * for one-hot features, in the order of `features`.
 */


/** Fits the preprocessing of `features` on the rows of `table` (the training split). */
function fitPreprocessing(table, features, options = {}) {
    const impute = options.impute ?? true;
    const scale = options.scale ?? false;
    const encoding = options.categorical ?? "one-hot";
    return {
        features: features.map((name) => {
            const column = (0,_data_find_column_js__WEBPACK_IMPORTED_MODULE_0__/* .findColumn */ .k)(table, name, "feature column");
            if (column.kind === "categorical") {
                const seen = new Uint8Array(column.categories.length);
                const codes = column.codes;
                for (let i = 0; i < codes.length; i++)
                    if (codes[i] >= 0)
                        seen[codes[i]] = 1;
                const categories = column.categories.filter((_, i) => seen[i] === 1);
                return { name, kind: "categorical", encoding, categories };
            }
            const values = column.values;
            let sum = 0;
            let count = 0;
            for (let i = 0; i < values.length; i++) {
                const v = values[i];
                if (!Number.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            if (count === 0 && impute) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL({ file: table.source, column: name }, "the feature has no values in the training rows; there is nothing to learn from it.", { hint: "Drop it from the features." });
            }
            const mean = count === 0 ? 0 : sum / count;
            let squares = 0;
            for (let i = 0; i < values.length; i++) {
                const d = values[i] - mean;
                if (!Number.isNaN(d))
                    squares += d * d;
            }
            const std = count === 0 ? 0 : Math.sqrt(squares / count);
            return {
                name,
                kind: column.kind,
                impute: impute ? Math.fround(mean) : null,
                center: scale ? Math.fround(mean) : 0,
                scale: scale && std > 1e-12 ? Math.fround(std) : 1,
            };
        }),
    };
}
/** The number of columns of the feature matrix. */
function featureMatrixWidth(preprocessing) {
    let width = 0;
    for (const f of preprocessing.features) {
        width += f.kind === "categorical" && f.encoding === "one-hot" ? f.categories.length : 1;
    }
    return width;
}
/** Names of the feature matrix columns: the feature, or `feature=category` for one-hot columns. */
function featureMatrixNames(preprocessing) {
    return preprocessing.features.flatMap((f) => f.kind === "categorical" && f.encoding === "one-hot"
        ? f.categories.map((c) => `${f.name}=${c}`)
        : [f.name]);
}
/** The raw feature columns of the model, in input order. */
function featureSpecs(preprocessing) {
    return preprocessing.features.map((f) => ({ name: f.name, kind: f.kind }));
}


/***/ }),

/***/ 4272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ KilnOutput),
/* harmony export */   NL: () => (/* binding */ writeKilnMetadata),
/* harmony export */   v$: () => (/* binding */ KilnMetadataKey)
/* harmony export */ });
const KilnMetadataKey = {
    task: "kiln.task",
    classes: "kiln.classes",
    features: "kiln.features",
    algorithm: "kiln.algorithm",
    target: "kiln.target",
};
const KilnOutput = {
    prediction: "prediction",
    label: "label",
    probabilities: "probabilities",
};
function writeKilnMetadata(builder, metadata) {
    builder.setMetadata(KilnMetadataKey.task, metadata.task);
    builder.setMetadata(KilnMetadataKey.algorithm, metadata.algorithm);
    builder.setMetadata(KilnMetadataKey.features, JSON.stringify(metadata.features));
    builder.setMetadata(KilnMetadataKey.target, metadata.target);
    if (metadata.classes)
        builder.setMetadata(KilnMetadataKey.classes, JSON.stringify(metadata.classes));
}


/***/ }),

/***/ 6004:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qb: () => (/* binding */ classificationMetrics)
});

// UNUSED EXPORTS: confusionMatrix, logLoss

;// CONCATENATED MODULE: ./.build/runtime/train/metrics/roc-auc.js
/**
 * Area under the ROC curve from scores, by the rank (Mann–Whitney U) formula with tied scores given
 * their average rank — the same value as scikit-learn's roc_auc_score.
 */
/** AUC of `scores` for telling `positive` rows (1) from the others (0); undefined if either group is empty. */
function rocAuc(scores, positive) {
    const n = scores.length;
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
    let positives = 0;
    let rankSum = 0;
    let i = 0;
    while (i < n) {
        let j = i;
        while (j + 1 < n && scores[order[j + 1]] === scores[order[i]])
            j++;
        const averageRank = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++) {
            if (positive[order[k]] === 1) {
                positives++;
                rankSum += averageRank;
            }
        }
        i = j + 1;
    }
    const negatives = n - positives;
    if (positives === 0 || negatives === 0)
        return undefined;
    return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
/**
 * One-vs-rest macro AUC for k classes: the mean over classes of the AUC of that class's probability
 * column (rows × k, row-major) for telling its rows from the rest. Classes absent from `actual`
 * (or present in every row) are left out; undefined if none remain.
 */
function rocAucOneVsRest(probabilities, actual, k) {
    const rows = actual.length;
    const scores = new Float64Array(rows);
    const positive = new Uint8Array(rows);
    let sum = 0;
    let count = 0;
    for (let c = 0; c < k; c++) {
        for (let r = 0; r < rows; r++) {
            scores[r] = probabilities[r * k + c];
            positive[r] = actual[r] === c ? 1 : 0;
        }
        const auc = rocAuc(scores, positive);
        if (auc !== undefined) {
            sum += auc;
            count++;
        }
    }
    return count === 0 ? undefined : sum / count;
}

;// CONCATENATED MODULE: ./.build/runtime/train/metrics/classification-metrics.js
/**
 * Classification metrics from actual classes, predicted classes and (optionally) class
 * probabilities: accuracy, precision/recall/F1 per class and macro-averaged, ROC AUC (binary: the
 * second class is positive; multiclass: one-vs-rest macro), log loss and the confusion matrix. A
 * class never predicted has precision 0 (as scikit-learn's zero_division default).
 */

/** matrix[actual][predicted] counts. */
function confusionMatrix(actual, predicted, k) {
    const matrix = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < actual.length; i++)
        matrix[actual[i]][predicted[i]]++;
    return matrix;
}
/** Mean negative log-likelihood of the actual class, probabilities clipped to [1e-15, 1 − 1e-15]. */
function logLoss(probabilities, actual, k) {
    let sum = 0;
    for (let r = 0; r < actual.length; r++) {
        const p = Math.min(Math.max(probabilities[r * k + actual[r]], 1e-15), 1 - 1e-15);
        sum -= Math.log(p);
    }
    return sum / actual.length;
}
function classificationMetrics(classes, actual, predicted, probabilities) {
    const k = classes.length;
    const rows = actual.length;
    const matrix = confusionMatrix(actual, predicted, k);
    let correct = 0;
    for (let c = 0; c < k; c++)
        correct += matrix[c][c];
    const perClass = {};
    let precisionSum = 0;
    let recallSum = 0;
    let f1Sum = 0;
    for (let c = 0; c < k; c++) {
        const truePositives = matrix[c][c];
        let predictedCount = 0;
        for (let a = 0; a < k; a++)
            predictedCount += matrix[a][c];
        const support = matrix[c].reduce((s, v) => s + v, 0);
        const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
        const recall = support === 0 ? 0 : truePositives / support;
        const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
        perClass[classes[c]] = { precision, recall, f1, support };
        precisionSum += precision;
        recallSum += recall;
        f1Sum += f1;
    }
    const result = {
        rows,
        accuracy: rows === 0 ? 0 : correct / rows,
        precision_macro: precisionSum / k,
        recall_macro: recallSum / k,
        f1_macro: f1Sum / k,
        per_class: perClass,
        confusion_matrix: { labels: [...classes], matrix },
    };
    if (probabilities !== undefined && rows > 0) {
        let auc;
        if (k === 2) {
            const scores = new Float64Array(rows);
            const positive = new Uint8Array(rows);
            for (let r = 0; r < rows; r++) {
                scores[r] = probabilities[r * 2 + 1];
                positive[r] = actual[r] === 1 ? 1 : 0;
            }
            auc = rocAuc(scores, positive);
        }
        else {
            auc = rocAucOneVsRest(probabilities, actual, k);
        }
        if (auc !== undefined)
            result.roc_auc = auc;
        result.log_loss = logLoss(probabilities, actual, k);
    }
    return result;
}


/***/ }),

/***/ 3569:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ regressionMetrics)
/* harmony export */ });
function regressionMetrics(actual, predicted) {
    const n = actual.length;
    let mean = 0;
    for (let i = 0; i < n; i++)
        mean += actual[i];
    mean /= n;
    let error = 0;
    let absolute = 0;
    let squared = 0;
    let total = 0;
    let percentage = 0;
    for (let i = 0; i < n; i++) {
        const y = actual[i];
        const residual = predicted[i] - y;
        error += residual;
        absolute += Math.abs(residual);
        squared += residual * residual;
        total += (y - mean) * (y - mean);
        percentage += Math.abs(residual) / Math.max(Math.abs(y), Number.EPSILON);
    }
    const result = {
        rows: n,
        mean_error: error / n,
        mae: absolute / n,
        rmse: Math.sqrt(squared / n),
        mape: percentage / n,
    };
    if (total > 0)
        result.r2 = 1 - squared / total;
    return result;
}


/***/ }),

/***/ 6726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ modelInputSchema)
/* harmony export */ });
/* harmony import */ var _kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4272);

function modelInputSchema(signature) {
    const schema = {};
    const declared = signature.metadata[_kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_0__/* .KilnMetadataKey */ .v$.features];
    if (declared !== undefined) {
        try {
            const features = JSON.parse(declared);
            for (const f of features)
                schema[f.name] = f.kind;
            return schema;
        }
        catch {
            // fall back to the datatypes
        }
    }
    for (const input of signature.inputs) {
        schema[input.name] =
            input.datatype === "BYTES" ? "categorical" : input.datatype === "BOOL" ? "boolean" : "numeric";
    }
    return schema;
}


/***/ }),

/***/ 7118:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sR: () => (/* binding */ modelPredictions)
/* harmony export */ });
/* unused harmony exports modelTask, modelClasses */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4272);
/* harmony import */ var _run_onnx_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4953);
/**
 * Runs a model on a Table and reads its answers the Kiln way: regression values from `prediction`,
 * or class labels from `label` and class probabilities from `probabilities` (columns in the order of
 * `kiln.classes`). Models brought from elsewhere work when their outputs follow the same shapes:
 * the first float output is taken for values or probabilities, the first string or integer output
 * for labels; `task` and `classes` can be given when the model's metadata lacks them.
 */



function modelTask(model, requested) {
    const declared = model.signature.metadata[_kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnMetadataKey */ .v$.task];
    if (requested !== undefined)
        return requested;
    if (declared === "regression" || declared === "classification")
        return declared;
    return labelOutput(model.signature.outputs) !== undefined ? "classification" : "regression";
}
function modelClasses(model, given) {
    if (given !== undefined)
        return given;
    const declared = model.signature.metadata[_kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnMetadataKey */ .v$.classes];
    if (declared === undefined)
        return undefined;
    try {
        const classes = JSON.parse(declared);
        if (Array.isArray(classes))
            return classes.map(String);
    }
    catch {
        // reported below as missing classes
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source}: metadata '${_kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnMetadataKey */ .v$.classes}' is not a JSON array of labels.`);
}
async function modelPredictions(model, table, options = {}) {
    const task = modelTask(model, options.task);
    const outputs = model.signature.outputs;
    const batch = options.batchSize === undefined ? {} : { batchSize: options.batchSize };
    if (task === "regression") {
        const spec = outputs.find((o) => o.name === _kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnOutput */ .AW.prediction) ?? outputs.find(isFloat);
        if (spec === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source} has no float output to read predictions from.`);
        const { outputs: data } = await (0,_run_onnx_model_js__WEBPACK_IMPORTED_MODULE_2__/* .runOnnxModel */ .Q)(model, table, { ...batch, outputs: [spec.name] });
        const values = Float64Array.from(data[spec.name].data);
        if (values.length !== table.rowCount) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source}: output '${spec.name}' gave ${values.length} values for ${table.rowCount} rows; expected one per row.`);
        }
        return { task, values };
    }
    const labelSpec = labelOutput(outputs);
    const probabilitySpec = outputs.find((o) => o.name === _kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnOutput */ .AW.probabilities) ??
        outputs.find((o) => isFloat(o) && o.shape.length === 2);
    const names = [labelSpec?.name, probabilitySpec?.name].filter((n) => n !== undefined);
    if (names.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source} has no label or probability output to classify with.`);
    const { outputs: data } = await (0,_run_onnx_model_js__WEBPACK_IMPORTED_MODULE_2__/* .runOnnxModel */ .Q)(model, table, { ...batch, outputs: names });
    let classes = modelClasses(model, options.classes);
    const probabilities = probabilitySpec === undefined
        ? undefined
        : Float64Array.from(data[probabilitySpec.name].data);
    let labels;
    if (labelSpec !== undefined) {
        const raw = data[labelSpec.name].data;
        labels = new Array(raw.length);
        for (let i = 0; i < raw.length; i++)
            labels[i] = String(raw[i]);
    }
    if (classes === undefined) {
        if (labels === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source} gives probabilities but does not say which class each column is.`, {}, {
                hint: `Add metadata '${_kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnMetadataKey */ .v$.classes}' (a JSON array) to the model.`,
            });
        }
        classes = [...new Set(labels)].sort();
    }
    const k = classes.length;
    if (probabilities !== undefined && probabilities.length !== table.rowCount * k) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .me(`${model.source}: output '${probabilitySpec.name}' has ${probabilities.length / Math.max(table.rowCount, 1)} columns but the model has ${k} classes.`);
    }
    if (labels === undefined) {
        labels = new Array(table.rowCount);
        for (let r = 0; r < table.rowCount; r++) {
            let best = 0;
            for (let c = 1; c < k; c++)
                if (probabilities[r * k + c] > probabilities[r * k + best])
                    best = c;
            labels[r] = classes[best];
        }
    }
    return probabilities === undefined ? { task, classes, labels } : { task, classes, labels, probabilities };
}
function isFloat(spec) {
    return spec.datatype === "FP32" || spec.datatype === "FP64";
}
function labelOutput(outputs) {
    return (outputs.find((o) => o.name === _kiln_model_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnOutput */ .AW.label) ??
        outputs.find((o) => o.datatype === "BYTES" || o.datatype === "INT64" || o.datatype === "INT32"));
}


/***/ }),

/***/ 5712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ predictFile),
  G: () => (/* binding */ readModelFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/runtime/data/read-table.js + 4 modules
var read_table = __webpack_require__(4721);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/train/model-input-schema.js
var model_input_schema = __webpack_require__(6726);
// EXTERNAL MODULE: ./.build/runtime/train/model-predictions.js
var model_predictions = __webpack_require__(7118);
;// CONCATENATED MODULE: ./.build/runtime/train/predictions-csv.js
/** The CSV lines (header first), each ending in a newline. */
function* predictionCsvLines(predictions) {
    if (predictions.task === "regression") {
        yield "prediction\n";
        for (const v of predictions.values)
            yield `${formatFloat32(v)}\n`;
        return;
    }
    const { classes, labels, probabilities } = predictions;
    const k = classes.length;
    const header = ["prediction", ...(probabilities ? classes.map((c) => `probability_${c}`) : [])];
    yield `${header.map(csvField).join(",")}\n`;
    for (let r = 0; r < labels.length; r++) {
        let line = csvField(labels[r]);
        if (probabilities)
            for (let c = 0; c < k; c++)
                line += `,${formatFloat32(probabilities[r * k + c])}`;
        yield `${line}\n`;
    }
}
/** The shortest decimal that reads back as the same float32 (models compute in float32). */
function formatFloat32(value) {
    if (Number.isNaN(value))
        return "";
    return String(Number(value.toPrecision(9)));
}
function csvField(text) {
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// EXTERNAL MODULE: ./.build/runtime/train/run-onnx-model.js
var run_onnx_model = __webpack_require__(4953);
;// CONCATENATED MODULE: ./.build/runtime/train/predict-file.js
/**
 * `kiln predict`: run a model file on a data file through onnxruntime-node and write the
 * predictions as CSV (one line per input row) to a file or a stream.
 */










async function readModelFile(path) {
    try {
        return new Uint8Array(await (0,promises_.readFile)(path));
    }
    catch (error) {
        throw new errors/* ModelError */.me(`cannot read model file '${path}': it does not exist or is not readable.`, {}, { cause: error });
    }
}
async function predictFile(options) {
    const model = await (0,run_onnx_model/* loadOnnxModel */.$)(await readModelFile(options.model), options.model);
    const schema = (0,model_input_schema/* modelInputSchema */.z)(model.signature);
    const table = await (0,read_table/* readTable */.x)(options.data, { schema, columns: model.signature.inputs.map((i) => i.name) });
    const predictions = await (0,model_predictions/* modelPredictions */.sR)(model, table, options.batchSize === undefined ? {} : { batchSize: options.batchSize });
    let out = options.stdout;
    if (options.output !== undefined) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(options.output), { recursive: true });
        out = (0,external_node_fs_.createWriteStream)(options.output);
    }
    let chunk = "";
    for (const line of predictionCsvLines(predictions)) {
        chunk += line;
        if (chunk.length > 1 << 16) {
            if (!out.write(chunk))
                await new Promise((resolve) => out.once("drain", resolve));
            chunk = "";
        }
    }
    if (options.output !== undefined) {
        out.end(chunk);
        await (0,external_node_stream_promises_.finished)(out);
    }
    else if (chunk.length > 0) {
        out.write(chunk);
    }
    return predictions;
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


/***/ }),

/***/ 4953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ loadOnnxModel),
/* harmony export */   Q: () => (/* binding */ runOnnxModel)
/* harmony export */ });
/* harmony import */ var onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3958);
/* harmony import */ var _data_find_column_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(234);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8094);
/* harmony import */ var _encode_features_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(778);
/* harmony import */ var _read_onnx_signature_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2035);
/**
 * Runs an ONNX model in onnxruntime-node on the rows of a Table: each model input is fed from the
 * column of the same name ([-1, 1] or [-1] tensors; numbers as FP32/FP64/INT64, categories as
 * strings, a missing number as NaN and a missing category as the empty string), in batches.
 * onnxruntime errors are turned into ModelError here.
 */





async function loadOnnxModel(bytes, source) {
    const signature = (0,_read_onnx_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .readOnnxSignature */ .m)(bytes, source);
    try {
        const session = await onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.InferenceSession.create(bytes);
        return { session, signature, source };
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`onnxruntime cannot load ${source}: ${firstLine(error)}.`, {}, { cause: error });
    }
}
async function runOnnxModel(model, table, options = {}) {
    const batchSize = options.batchSize ?? 50_000;
    const wanted = options.outputs ?? model.signature.outputs.map((o) => o.name);
    const columns = model.signature.inputs.map((spec) => ({ spec, column: inputColumn(table, spec) }));
    const parts = new Map();
    for (let start = 0; start < table.rowCount || (start === 0 && table.rowCount === 0); start += batchSize) {
        const end = Math.min(table.rowCount, start + batchSize);
        const feeds = {};
        for (const { spec, column } of columns)
            feeds[spec.name] = tensorFor(spec, column, start, end);
        let results;
        try {
            results = await model.session.run(feeds, wanted);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`${model.source} failed on rows ${start + 1}–${end}: ${firstLine(error)}.`, {}, { cause: error });
        }
        for (const name of wanted) {
            const tensor = results[name];
            const list = parts.get(name) ?? [];
            list.push({ data: tensor.data, dims: [...tensor.dims].map(Number) });
            parts.set(name, list);
        }
        if (table.rowCount === 0)
            break;
    }
    const outputs = {};
    for (const [name, list] of parts)
        outputs[name] = concatenate(list);
    return { signature: model.signature, outputs };
}
function inputColumn(table, spec) {
    const column = table.columns.find((c) => c.name === spec.name);
    if (column === undefined) {
        (0,_data_find_column_js__WEBPACK_IMPORTED_MODULE_1__/* .findColumn */ .k)(table, spec.name, `column for model input (${spec.datatype})`);
    }
    return column;
}
function tensorFor(spec, column, start, end) {
    const n = end - start;
    const dims = spec.shape.length <= 1 ? [n] : [n, ...spec.shape.slice(1).map((d) => (d < 0 ? 1 : d))];
    if (dims.slice(1).some((d) => d !== 1)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`model input '${spec.name}' has shape [${spec.shape.join(", ")}]; only one value per row ([-1] or [-1, 1]) can be fed from a column.`);
    }
    if (spec.datatype === "BYTES") {
        const data = new Array(n);
        if (column.kind === "categorical") {
            for (let i = 0; i < n; i++) {
                const code = column.codes[start + i];
                data[i] = code < 0 ? "" : column.categories[code];
            }
        }
        else {
            for (let i = 0; i < n; i++) {
                const v = column.values[start + i];
                data[i] = Number.isNaN(v) ? "" : (0,_encode_features_js__WEBPACK_IMPORTED_MODULE_3__/* .categoryText */ .O1)(column, v);
            }
        }
        return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("string", data, dims);
    }
    if (column.kind === "categorical") {
        const row = column.codes.findIndex((c) => c >= 0);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .fL({ row: row + 1, column: column.name }, `model input '${spec.name}' takes numbers (${spec.datatype}) but the column holds '${column.categories[column.codes[row]] ?? ""}'.`);
    }
    const values = column.values.subarray(start, end);
    switch (spec.datatype) {
        case "FP32":
            return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("float32", Float32Array.from(values), dims);
        case "FP64":
            return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("float64", Float64Array.from(values), dims);
        case "INT64":
            return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("int64", BigInt64Array.from(integers(values, column.name, start), BigInt), dims);
        case "INT32":
            return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("int32", Int32Array.from(integers(values, column.name, start)), dims);
        case "BOOL":
            return new onnxruntime_node__WEBPACK_IMPORTED_MODULE_0__.Tensor("bool", Uint8Array.from(values, (v) => (v ? 1 : 0)), dims);
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`model input '${spec.name}' has datatype ${spec.datatype}, which Kiln cannot feed from a column.`);
    }
}
function integers(values, column, start) {
    return Array.from(values, (v, i) => {
        if (!Number.isInteger(v)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .fL({ row: start + i + 1, column }, `the model takes whole numbers here but found ${v}.`);
        }
        return v;
    });
}
function concatenate(list) {
    if (list.length === 1)
        return list[0];
    const first = list[0];
    const rows = list.reduce((sum, p) => sum + (p.dims[0] ?? 0), 0);
    const dims = [rows, ...first.dims.slice(1)];
    if (Array.isArray(first.data))
        return { data: list.flatMap((p) => p.data), dims };
    const total = list.reduce((sum, p) => sum + p.data.length, 0);
    const Constructor = first.data.constructor;
    const data = new Constructor(total);
    let offset = 0;
    for (const p of list) {
        data.set(p.data, offset);
        offset += p.data.length;
    }
    return { data, dims };
}
function firstLine(error) {
    const message = error instanceof Error ? error.message : String(error);
    return (message.split("\n")[0] ?? message).replace(/\.$/, "");
}


/***/ }),

/***/ 3556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ summarizeMetrics),
  $: () => (/* binding */ trainToFiles)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/data/read-table.js + 4 modules
var read_table = __webpack_require__(4721);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/train/evaluate-model.js
var evaluate_model = __webpack_require__(5461);
// EXTERNAL MODULE: ./.build/runtime/train/run-onnx-model.js
var run_onnx_model = __webpack_require__(4953);
// EXTERNAL MODULE: ./.build/runtime/data/find-column.js
var find_column = __webpack_require__(234);
;// CONCATENATED MODULE: ./.build/runtime/data/select-rows.js
/** A new Table holding the given rows (by 0-based index, in that order). Categories are kept as they are. */
function selectRows(table, rows) {
    return {
        source: table.source,
        rowCount: rows.length,
        columns: table.columns.map((column) => {
            if (column.kind === "categorical") {
                const codes = new Int32Array(rows.length);
                for (let i = 0; i < rows.length; i++)
                    codes[i] = column.codes[rows[i]];
                return { ...column, codes };
            }
            const values = new Float64Array(rows.length);
            for (let i = 0; i < rows.length; i++)
                values[i] = column.values[rows[i]];
            return { ...column, values };
        }),
    };
}

// EXTERNAL MODULE: ./.build/runtime/train/kiln-model-metadata.js
var kiln_model_metadata = __webpack_require__(4272);
// EXTERNAL MODULE: ./.build/runtime/train/trainer-params.js
var trainer_params = __webpack_require__(1616);
// EXTERNAL MODULE: ./.build/runtime/train/trainers.js + 20 modules
var trainers = __webpack_require__(9146);
;// CONCATENATED MODULE: ./.build/runtime/train/training-target.js
/**
 * The target column, checked and encoded for a task: numbers for regression, class indices into a
 * sorted list of class labels for classification. Every row must have a target value.
 */


/** More distinct values than this in a classification target is almost surely a regression target. */
const maxClasses = 100;
/** The task a target column suggests when the trainer can do both: text and booleans → classification. */
function suggestedTask(table, target) {
    const column = (0,find_column/* findColumn */.k)(table, target, "target column");
    return column.kind === "numeric" ? "regression" : "classification";
}
function encodeTarget(table, target, task) {
    const column = (0,find_column/* findColumn */.k)(table, target, "target column");
    const file = table.source;
    const missingAt = (row) => new errors/* DataError */.fL({ file, row: row + 1, column: target }, "the target value is missing; every training row needs one.", {
        hint: "Fill it in or drop the row.",
    });
    if (task === "regression") {
        if (column.kind === "categorical") {
            const row = column.codes.findIndex((c) => c >= 0);
            throw new errors/* DataError */.fL({ file, row: row + 1, column: target }, `regression needs a numeric target but found '${column.categories[column.codes[row]] ?? ""}'.`, { hint: "Use a classification algorithm (logistic, gbdt) or fix the column." });
        }
        const values = column.values;
        for (let i = 0; i < values.length; i++)
            if (Number.isNaN(values[i]))
                throw missingAt(i);
        return { task, name: target, values };
    }
    const rows = table.rowCount;
    let labels;
    let rowLabel; // index into labels, -1 missing
    if (column.kind === "categorical") {
        labels = column.categories;
        rowLabel = (row) => column.codes[row];
    }
    else {
        const distinct = new Map();
        labels = [];
        const values = column.values;
        for (let i = 0; i < rows; i++) {
            const v = values[i];
            if (Number.isNaN(v) || distinct.has(v))
                continue;
            distinct.set(v, labels.length);
            labels.push(column.kind === "boolean" ? (v === 1 ? "true" : "false") : String(v));
            if (labels.length > maxClasses)
                break;
        }
        rowLabel = (row) => {
            const v = values[row];
            return Number.isNaN(v) ? -1 : distinct.get(v);
        };
    }
    const used = new Uint8Array(labels.length);
    for (let i = 0; i < rows; i++) {
        const label = rowLabel(i);
        if (label < 0)
            throw missingAt(i);
        used[label] = 1;
    }
    const present = labels.filter((_, i) => used[i] === 1);
    if (present.length > maxClasses) {
        throw new errors/* DataError */.fL({ file, column: target }, `the target has more than ${maxClasses} distinct values; that looks like a regression target, not classes.`, { hint: "Use algorithm linear or gbdt with task=regression." });
    }
    if (present.length < 2) {
        throw new errors/* DataError */.fL({ file, column: target }, `the target has only one class ('${present[0] ?? ""}'); classification needs at least two.`);
    }
    const classes = sortLabels(present);
    const position = new Map(classes.map((c, i) => [c, i]));
    const remap = Int32Array.from(labels, (l) => position.get(l) ?? -1);
    const classIndex = new Int32Array(rows);
    for (let i = 0; i < rows; i++)
        classIndex[i] = remap[rowLabel(i)];
    return { task, name: target, classes, classIndex };
}
/** Sorts class labels numerically when all are numbers, as text otherwise. */
function sortLabels(labels) {
    const numeric = labels.every((l) => l.trim() !== "" && !Number.isNaN(Number(l)));
    return [...labels].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** The target of the given rows (by 0-based index). */
function selectTargetRows(target, rows) {
    if (target.task === "regression") {
        const values = new Float64Array(rows.length);
        for (let i = 0; i < rows.length; i++)
            values[i] = target.values[rows[i]];
        return { ...target, values };
    }
    const classIndex = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++)
        classIndex[i] = target.classIndex[rows[i]];
    return { ...target, classIndex };
}

;// CONCATENATED MODULE: ./.build/runtime/train/seeded-random.js
/** A small deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/validation-split.js
/**
 * The training/validation split: a seeded shuffle of the row indices, so the same data and seed
 * always hold out the same rows.
 */


/** Fewest training rows a fit accepts. */
const minTrainingRows = 2;
function splitRows(rowCount, fraction, seed, source) {
    if (!(fraction >= 0 && fraction < 1)) {
        throw new errors/* DataError */.fL({ file: source }, `the validation fraction is ${fraction}; expected a number from 0 up to (not including) 1.`);
    }
    const held = Math.round(rowCount * fraction);
    if ((fraction > 0 && held < 1) || rowCount - held < minTrainingRows) {
        let needed = minTrainingRows;
        while (needed < 1e9 &&
            ((fraction > 0 && Math.round(needed * fraction) < 1) ||
                needed - Math.round(needed * fraction) < minTrainingRows)) {
            needed++;
        }
        throw new errors/* DataError */.fL({ file: source }, `has ${rowCount} row${rowCount === 1 ? "" : "s"}, too few for a validation fraction of ${fraction}: it needs at least ${needed} rows (at least 1 held out and ${minTrainingRows} to train on).`, { hint: "Add rows or lower --validation (0 trains on every row and skips evaluation)." });
    }
    if (held === 0) {
        const all = new Uint32Array(rowCount);
        for (let i = 0; i < rowCount; i++)
            all[i] = i;
        return { train: all, validation: new Uint32Array(0) };
    }
    const order = new Uint32Array(rowCount);
    for (let i = 0; i < rowCount; i++)
        order[i] = i;
    const random = seededRandom(seed);
    for (let i = rowCount - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    const validation = order.slice(0, held).sort();
    const train = order.slice(held).sort();
    return { train, validation };
}

;// CONCATENATED MODULE: ./.build/runtime/train/train-model.js
/**
 * Training from a Table: pick the trainer, check the features and the target, split off the
 * validation rows (seeded), check the parameters, and fit. Shared by `kiln train` and the
 * `kiln/train` stage.
 */








const reservedNames = Object.values(kiln_model_metadata/* KilnOutput */.AW);
async function trainModel(options) {
    const { table, target: targetName, logger } = options;
    const trainer = (0,trainers/* findTrainer */.B)(options.algorithm);
    const seed = options.seed ?? 0;
    const fraction = options.validation ?? 0.2;
    (0,find_column/* findColumn */.k)(table, targetName, "target column");
    const features = options.features ?? table.columns.map((c) => c.name).filter((n) => n !== targetName);
    if (features.length === 0) {
        throw new errors/* UsageError */.eb(`no feature columns: '${table.source}' has only the target '${targetName}'.`);
    }
    for (const name of features) {
        (0,find_column/* findColumn */.k)(table, name, "feature column");
        if (name === targetName)
            throw new errors/* UsageError */.eb(`'${name}' is the target; it cannot also be a feature.`);
        if (reservedNames.includes(name)) {
            throw new errors/* DataError */.fL({ file: table.source, column: name }, `a feature may not be named '${name}', which is one of the model's output names (${reservedNames.join(", ")}).`, { hint: "Rename the column." });
        }
    }
    if (new Set(features).size !== features.length)
        throw new errors/* UsageError */.eb("a feature is listed twice in --features.");
    const { task: requestedTask, ...given } = options.params ?? {};
    let task;
    if (requestedTask === undefined) {
        const suggested = suggestedTask(table, targetName);
        task = trainer.tasks.includes(suggested) ? suggested : trainer.tasks[0];
    }
    else if (trainer.tasks.includes(String(requestedTask))) {
        task = String(requestedTask);
    }
    else {
        throw new errors/* UsageError */.eb(`algorithm '${trainer.name}' does ${trainer.tasks.join(" and ")}, not task '${String(requestedTask)}'.`);
    }
    const params = (0,trainer_params/* resolveParams */.x)(trainer.name, trainer.params, given);
    const target = encodeTarget(table, targetName, task);
    const split = splitRows(table.rowCount, fraction, seed, table.source);
    // With nothing held out the training rows are the table itself (no copy of a large dataset).
    const holdOut = split.validation.length > 0;
    const train = holdOut ? selectRows(table, split.train) : table;
    const trainTarget = holdOut ? selectTargetRows(target, split.train) : target;
    if (trainTarget.task === "classification") {
        const seen = new Set(trainTarget.classIndex);
        if (seen.size < 2) {
            throw new errors/* DataError */.fL({ file: table.source, column: targetName }, `after holding out ${split.validation.length} validation rows the training rows have only one class.`, { hint: "Add rows of every class or lower --validation." });
        }
    }
    const validationTable = selectRows(table, split.validation);
    logger.info(`training ${trainer.name} (${task}) on ${split.train.length} rows × ${features.length} features` +
        (split.validation.length > 0 ? `, ${split.validation.length} rows held out` : ""));
    const model = await trainer.train({
        train,
        target: trainTarget,
        ...(split.validation.length > 0
            ? { validation: { table: validationTable, target: selectTargetRows(target, split.validation) } }
            : {}),
        features,
        params,
        seed,
        logger,
    });
    return {
        model,
        algorithm: trainer.name,
        task,
        features,
        target,
        params,
        seed,
        trainRows: split.train.length,
        validation: validationTable,
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/train-to-files.js
/**
 * The whole `kiln train` job on files: read the data, train, write model.onnx, evaluate the written
 * model on the held-out rows in onnxruntime-node and write metrics.json. Shared by the CLI and the
 * `kiln/train` built-in stage.
 */









async function trainToFiles(options) {
    const { logger } = options;
    if (options.metrics !== undefined && options.validation === 0) {
        throw new errors/* UsageError */.eb("metrics need held-out rows, but the validation fraction is 0. Set it above 0 (e.g. 0.2).");
    }
    // Fail on a wrong algorithm or parameter before reading a possibly large file.
    const { task: _task, ...given } = options.params ?? {};
    const trainer = (0,trainers/* findTrainer */.B)(options.algorithm);
    (0,trainer_params/* resolveParams */.x)(trainer.name, trainer.params, given);
    const schema = {};
    for (const name of options.numeric ?? [])
        schema[name] = "numeric";
    for (const name of options.categorical ?? []) {
        if (schema[name] !== undefined)
            throw new errors/* UsageError */.eb(`column '${name}' is declared both numeric and categorical.`);
        schema[name] = "categorical";
    }
    const columns = options.features === undefined ? undefined : [...new Set([...options.features, options.target])];
    const table = await (0,read_table/* readTable */.x)(options.data, { schema, ...(columns === undefined ? {} : { columns }) });
    logger.info(`read ${table.rowCount} rows × ${table.columns.length} columns from ${options.data}`);
    const result = await trainModel({
        algorithm: options.algorithm,
        table,
        target: options.target,
        ...(options.features === undefined ? {} : { features: options.features }),
        ...(options.params === undefined ? {} : { params: options.params }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.validation === undefined ? {} : { validation: options.validation }),
        logger,
    });
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(options.output), { recursive: true });
    await (0,promises_.writeFile)(options.output, result.model.onnx);
    logger.info(`wrote ${options.output} (${result.model.onnx.byteLength} bytes)`);
    let metrics;
    if (result.validation.rowCount > 0) {
        const model = await (0,run_onnx_model/* loadOnnxModel */.$)(result.model.onnx, options.output);
        metrics = await (0,evaluate_model/* evaluateModel */.H)(model, result.validation, { target: options.target });
        logger.info(`held-out metrics (${result.validation.rowCount} rows): ${summarizeMetrics(metrics)}`);
        if (options.metrics !== undefined) {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(options.metrics), { recursive: true });
            await (0,promises_.writeFile)(options.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
            logger.info(`wrote ${options.metrics}`);
        }
    }
    return { result, metrics, modelBytes: result.model.onnx.byteLength };
}
/** A one-line summary of the headline metrics. */
function summarizeMetrics(metrics) {
    const pick = metrics.task === "regression"
        ? { rmse: metrics.rmse, mae: metrics.mae, r2: metrics.r2 }
        : {
            accuracy: metrics.accuracy,
            f1_macro: metrics.f1_macro,
            roc_auc: metrics.roc_auc,
            log_loss: metrics.log_loss,
        };
    return Object.entries(pick)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${Number(v).toPrecision(4)}`)
        .join(" ");
}


/***/ }),

/***/ 1616:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseParamPairs),
/* harmony export */   x: () => (/* binding */ resolveParams)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/**
 * Trainer parameters: each trainer declares what it accepts, with defaults and bounds; values given
 * on the command line (`--param key=value`, as text) or in kiln.yaml (`params:`) are checked here.
 */

/** Fills defaults and checks every given value; unknown keys fail with the sorted known ones. */
function resolveParams(algorithm, specs, given) {
    const known = Object.keys(specs).sort();
    const values = {};
    for (const [key, spec] of Object.entries(specs))
        values[key] = spec.default;
    for (const [key, raw] of Object.entries(given)) {
        const spec = specs[key];
        if (spec === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`algorithm '${algorithm}' has no parameter '${key}'; its parameters are ${known.join(", ") || "(none)"}.`);
        }
        values[key] = checkValue(algorithm, key, spec, raw);
    }
    return values;
}
function checkValue(algorithm, key, spec, raw) {
    const where = `parameter '${key}' of algorithm '${algorithm}'`;
    if (spec.kind === "choice") {
        const text = String(raw);
        if (!spec.choices.includes(text)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where} is '${text}'; expected one of ${spec.choices.join(", ")}.`);
        }
        return text;
    }
    const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where} is '${String(raw)}'; expected a number.`);
    if (spec.integer && !Number.isInteger(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where} is ${value}; expected a whole number.`);
    }
    if (spec.min !== undefined && (value < spec.min || (spec.exclusiveMin && value === spec.min))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where} is ${value}; expected a number ${spec.exclusiveMin ? ">" : ">="} ${spec.min}.`);
    }
    if (spec.max !== undefined && value > spec.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where} is ${value}; expected a number <= ${spec.max}.`);
    }
    return value;
}
/** Parses `key=value` pairs from the command line. */
function parseParamPairs(pairs) {
    const result = {};
    for (const pair of pairs) {
        const at = pair.indexOf("=");
        if (at <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--param '${pair}' is not key=value (e.g. --param alpha=0.5).`);
        result[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
    return result;
}


/***/ }),

/***/ 9146:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ findTrainer),
  D: () => (/* binding */ trainers)
});

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/train/encode-features.js
var encode_features = __webpack_require__(778);
// EXTERNAL MODULE: ./node_modules/onnx-proto/dist/onnx.js
var onnx = __webpack_require__(9070);
;// CONCATENATED MODULE: ./.build/runtime/train/onnx-writer.js
/**
 * A small builder for ONNX models over the ONNX protobuf schema (onnx-proto): graph inputs and
 * outputs with shapes, initializers, nodes with attributes, opset imports and metadata_props.
 * Every trainer writes its model through it. The defaults (ir_version 8, ai.onnx 15, ai.onnx.ml 3)
 * are what onnxruntime-node 1.30 loads.
 */

const { onnx: proto } = onnx;
/** ONNX tensor element types (TensorProto.DataType). */
const OnnxElementType = {
    float: 1,
    uint8: 2,
    int8: 3,
    uint16: 4,
    int16: 5,
    int32: 6,
    int64: 7,
    string: 8,
    bool: 9,
    float16: 10,
    double: 11,
    uint32: 12,
    uint64: 13,
};
/** The ONNX operator set domains. */
const OnnxDomain = { onnx: "", ml: "ai.onnx.ml" };
const defaultOpsets = { "": 15, "ai.onnx.ml": 3 };
const defaultIrVersion = 8;
const encoder = new TextEncoder();
class OnnxModelBuilder {
    nodes = [];
    inputs = [];
    outputs = [];
    initializers = [];
    metadata = new Map();
    names = new Set();
    counter = 0;
    graphName;
    producerVersion;
    opsets;
    constructor(options = {}) {
        this.graphName = options.graphName ?? "kiln";
        this.producerVersion = options.producerVersion ?? "";
        this.opsets = { ...defaultOpsets, ...options.opsets };
    }
    /** A name not used yet in the graph, starting with `prefix`. */
    uniqueName(prefix) {
        let name = prefix;
        while (this.names.has(name))
            name = `${prefix}_${++this.counter}`;
        this.names.add(name);
        return name;
    }
    addInput(name, type, shape) {
        this.claim(name);
        this.inputs.push(valueInfo(name, type, shape));
        return name;
    }
    addOutput(name, type, shape) {
        this.outputs.push(valueInfo(name, type, shape));
        return name;
    }
    /** Adds a constant tensor under a fresh name derived from `prefix` and returns the name. */
    addInitializer(prefix, tensor) {
        const name = this.uniqueName(prefix);
        this.initializers.push(tensorProto(name, tensor));
        return name;
    }
    /**
     * Adds a node. `outputs` are names or, when a number, how many fresh output names to make (from
     * the op type). Returns the output names.
     */
    addNode(opType, inputs, outputs, attributes = {}, options = {}) {
        const outputNames = typeof outputs === "number"
            ? Array.from({ length: outputs }, () => this.uniqueName(opType.toLowerCase()))
            : outputs.map((o) => {
                this.names.add(o);
                return o;
            });
        this.nodes.push({
            opType,
            domain: options.domain ?? "",
            name: this.uniqueName(options.name ?? `${opType}_node`),
            input: [...inputs],
            output: outputNames,
            attribute: Object.entries(attributes).map(([name, value]) => attributeProto(name, value)),
        });
        return outputNames;
    }
    /** Adds a node with one fresh output and returns its name. */
    op(opType, inputs, attributes = {}, options = {}) {
        return this.addNode(opType, inputs, 1, attributes, options)[0];
    }
    setMetadata(key, value) {
        this.metadata.set(key, value);
    }
    serialize() {
        const model = {
            irVersion: defaultIrVersion,
            producerName: "kiln",
            producerVersion: this.producerVersion,
            opsetImport: Object.entries(this.opsets).map(([domain, version]) => ({ domain, version })),
            metadataProps: [...this.metadata].map(([key, value]) => ({ key, value })),
            graph: {
                name: this.graphName,
                node: this.nodes,
                input: this.inputs,
                output: this.outputs,
                initializer: this.initializers,
            },
        };
        return proto.ModelProto.encode(model).finish();
    }
    claim(name) {
        if (this.names.has(name))
            throw new Error(`ONNX graph name '${name}' is used twice.`);
        this.names.add(name);
    }
}
function valueInfo(name, type, shape) {
    return {
        name,
        type: {
            tensorType: {
                elemType: OnnxElementType[type],
                shape: {
                    dim: shape.map((d) => typeof d === "string" ? { dimParam: d } : d < 0 ? { dimParam: "N" } : { dimValue: d }),
                },
            },
        },
    };
}
function tensorProto(name, tensor) {
    const base = { name, dims: [...tensor.dims], dataType: OnnxElementType[tensor.type] };
    switch (tensor.type) {
        case "float":
            return { ...base, rawData: bytesOf(Float32Array.from(tensor.values)) };
        case "double":
            return { ...base, rawData: bytesOf(Float64Array.from(tensor.values)) };
        case "int32":
            return { ...base, rawData: bytesOf(Int32Array.from(tensor.values)) };
        case "int64": {
            const values = tensor.values instanceof BigInt64Array
                ? tensor.values
                : BigInt64Array.from(Array.from(tensor.values, (v) => BigInt(Math.trunc(v))));
            return { ...base, rawData: bytesOf(values) };
        }
        case "bool":
            return { ...base, rawData: Uint8Array.from(Array.from(tensor.values, (v) => (v ? 1 : 0))) };
        case "string":
            return { ...base, stringData: tensor.values.map((s) => encoder.encode(s)) };
    }
}
/** Little-endian bytes of a typed array (ONNX raw_data is little-endian, as is every host Node runs on here). */
function bytesOf(array) {
    return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
function attributeProto(name, value) {
    const types = proto.AttributeProto.AttributeType;
    if ("int" in value)
        return { name, type: types.INT, i: value.int };
    if ("float" in value)
        return { name, type: types.FLOAT, f: value.float };
    if ("string" in value)
        return { name, type: types.STRING, s: encoder.encode(value.string) };
    if ("ints" in value)
        return { name, type: types.INTS, ints: [...value.ints] };
    if ("floats" in value)
        return { name, type: types.FLOATS, floats: Array.from(value.floats) };
    if ("strings" in value)
        return { name, type: types.STRINGS, strings: value.strings.map((s) => encoder.encode(s)) };
    return { name, type: types.TENSOR, t: tensorProto(name, value.tensor) };
}

;// CONCATENATED MODULE: ./.build/runtime/train/feature-graph.js

/** Adds the feature inputs and preprocessing nodes; returns the name of the [-1, F] float matrix. */
function buildFeatureGraph(builder, preprocessing) {
    const blocks = [];
    for (const feature of preprocessing.features) {
        if (feature.kind === "categorical") {
            const input = builder.addInput(feature.name, "string", [-1, 1]);
            const k = feature.categories.length;
            if (k === 0)
                continue;
            const keys = { strings: feature.categories };
            if (feature.encoding === "ordinal") {
                blocks.push(builder.op("LabelEncoder", [input], {
                    keys_strings: keys,
                    values_floats: { floats: feature.categories.map((_, i) => i) },
                    default_float: { float: Number.NaN },
                }, { domain: OnnxDomain.ml }));
                continue;
            }
            const codes = builder.op("LabelEncoder", [input], {
                keys_strings: keys,
                values_int64s: { ints: feature.categories.map((_, i) => i) },
                default_int64: { int: -1 },
            }, { domain: OnnxDomain.ml });
            const range = builder.addInitializer(`${feature.name}_categories`, {
                type: "int64",
                dims: [1, k],
                values: feature.categories.map((_, i) => i),
            });
            const matches = builder.op("Equal", [codes, range]);
            blocks.push(builder.op("Cast", [matches], { to: { int: 1 } }));
            continue;
        }
        let x = builder.addInput(feature.name, "float", [-1, 1]);
        if (feature.impute !== null) {
            const missing = builder.op("IsNaN", [x]);
            const fill = builder.addInitializer(`${feature.name}_impute`, {
                type: "float",
                dims: [1],
                values: [feature.impute],
            });
            x = builder.op("Where", [missing, fill, x]);
        }
        if (feature.center !== 0) {
            const center = builder.addInitializer(`${feature.name}_center`, {
                type: "float",
                dims: [1],
                values: [feature.center],
            });
            x = builder.op("Sub", [x, center]);
        }
        if (feature.scale !== 1) {
            const scale = builder.addInitializer(`${feature.name}_scale`, {
                type: "float",
                dims: [1],
                values: [feature.scale],
            });
            x = builder.op("Div", [x, scale]);
        }
        blocks.push(x);
    }
    return builder.op("Concat", blocks, { axis: { int: 1 } }, { name: "features" });
}

// EXTERNAL MODULE: ./.build/runtime/train/feature-preprocessing.js
var feature_preprocessing = __webpack_require__(7765);
// EXTERNAL MODULE: ./.build/runtime/train/kiln-model-metadata.js
var kiln_model_metadata = __webpack_require__(4272);
;// CONCATENATED MODULE: ./.build/runtime/train/model-outputs.js
/**
 * The outputs every Kiln model ends with (model-signature.ts): `prediction` [-1, 1] for regression;
 * `probabilities` [-1, C] and `label` [-1] (the class label as text) for classification.
 */

/** Declares `prediction` from a [-1, 1] float tensor. */
function addRegressionOutput(builder, values) {
    builder.addNode("Identity", [values], [kiln_model_metadata/* KilnOutput */.AW.prediction]);
    builder.addOutput(kiln_model_metadata/* KilnOutput */.AW.prediction, "float", [-1, 1]);
}
/** Declares `probabilities` from a [-1, C] float tensor and `label` as the class with the highest one. */
function addClassifierOutputs(builder, probabilities, classes) {
    builder.addNode("Identity", [probabilities], [kiln_model_metadata/* KilnOutput */.AW.probabilities]);
    const best = builder.op("ArgMax", [probabilities], { axis: { int: 1 }, keepdims: { int: 0 } });
    const labels = builder.addInitializer("class_labels", {
        type: "string",
        dims: [classes.length],
        values: classes,
    });
    builder.addNode("Gather", [labels, best], [kiln_model_metadata/* KilnOutput */.AW.label], { axis: { int: 0 } });
    builder.addOutput(kiln_model_metadata/* KilnOutput */.AW.probabilities, "float", [-1, classes.length]);
    builder.addOutput(kiln_model_metadata/* KilnOutput */.AW.label, "string", [-1]);
}
/** Index of the largest value in each row of a rows × k row-major matrix (first one on ties, as ArgMax). */
function argMaxRows(matrix, rows, k) {
    const result = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
        let best = 0;
        let bestValue = matrix[r * k];
        for (let c = 1; c < k; c++) {
            const v = matrix[r * k + c];
            if (v > bestValue) {
                best = c;
                bestValue = v;
            }
        }
        result[r] = best;
    }
    return result;
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/feature-bins.js
/**
 * Quantile binning of feature columns for histogram-based tree growing.
 *
 * Each feature's non-missing values are cut into at most `maxBins` bins by float32 thresholds:
 * bin b holds the values x with thresholds[b-1] < fround(x) <= thresholds[b]. Missing values (NaN)
 * go to the separate bin MISSING_BIN. A split "bin <= t" is therefore exactly the feature-space test
 * `fround(x) <= thresholds[t]` that the exported ONNX model (BRANCH_LEQ, float32) performs.
 */
/** The bin of missing values, in every feature. Non-missing bins are 0 .. maxBins-1 (<= 254). */
const MISSING_BIN = 255;
/** Upper bound of `maxBins`: bins 0..254 for values, 255 for missing. */
const MAX_BINS_LIMIT = 255;
/** Rows sampled to find the quantiles of a feature (like scikit-learn's HistGradientBoosting). */
const QUANTILE_SAMPLE_SIZE = 200_000;
/** A small, fast, seedable generator (mulberry32) so that binning is deterministic for a seed. */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Sorted float32 copies of the non-missing values of a column (a seeded sample when large). */
function sortedSample(column, sampleRows) {
    const source = sampleRows ?? undefined;
    const count = source ? source.length : column.length;
    const out = new Float32Array(count);
    let kept = 0;
    for (let i = 0; i < count; i++) {
        const v = column[source ? source[i] : i];
        if (!Number.isNaN(v))
            out[kept++] = v;
    }
    return out.subarray(0, kept).sort();
}
/** Float32 thresholds that separate the sorted values into at most maxBins bins. */
function quantileThresholds(sorted, maxBins) {
    const m = sorted.length;
    if (m === 0)
        return new Float32Array(0);
    // Distinct values.
    const distinct = [];
    for (let i = 0; i < m; i++) {
        const v = sorted[i];
        if (distinct.length === 0 || v !== distinct[distinct.length - 1])
            distinct.push(v);
        if (distinct.length > maxBins)
            break;
    }
    const cuts = [];
    const cutBetween = (lo, hi) => {
        // A float32 t with lo <= t < hi, as near the middle as float32 allows.
        let t = Math.fround(lo + (hi - lo) / 2);
        if (!(t < hi) || !(t >= lo))
            t = lo;
        if (cuts.length === 0 || t > cuts[cuts.length - 1])
            cuts.push(t);
    };
    if (distinct.length <= maxBins) {
        for (let i = 1; i < distinct.length; i++)
            cutBetween(distinct[i - 1], distinct[i]);
    }
    else {
        for (let k = 1; k < maxBins; k++) {
            const pos = Math.floor((k * m) / maxBins);
            if (pos <= 0 || pos >= m)
                continue;
            const hi = sorted[pos];
            // The largest value below `hi`, so that equal values never straddle a cut.
            let j = pos - 1;
            while (j >= 0 && sorted[j] === hi)
                j--;
            if (j < 0)
                continue;
            cutBetween(sorted[j], hi);
        }
    }
    return Float32Array.from(cuts);
}
/** Find each feature's bin thresholds from the training columns. */
function fitFeatureBins(columns, maxBins, seed) {
    const rowCount = columns[0]?.length ?? 0;
    let sampleRows;
    if (rowCount > QUANTILE_SAMPLE_SIZE) {
        // Floyd-free simple approach: a seeded partial Fisher-Yates over the row indices.
        const random = mulberry32(seed);
        const all = new Uint32Array(rowCount);
        for (let i = 0; i < rowCount; i++)
            all[i] = i;
        for (let i = 0; i < QUANTILE_SAMPLE_SIZE; i++) {
            const j = i + Math.floor(random() * (rowCount - i));
            const t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        sampleRows = all.slice(0, QUANTILE_SAMPLE_SIZE).sort();
    }
    const thresholds = columns.map((column) => quantileThresholds(sortedSample(column, sampleRows), maxBins));
    return { thresholds, binCounts: Uint16Array.from(thresholds, (t) => t.length + 1) };
}
/** The bin of one feature value: the number of thresholds below fround(x), or MISSING_BIN. */
function binOf(thresholds, x) {
    if (Number.isNaN(x))
        return MISSING_BIN;
    const v = Math.fround(x);
    let lo = 0;
    let hi = thresholds.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (thresholds[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Cells of the lookup that gives binning a near-exact first guess before a short scan. */
const GUESS_CELLS = 4096;
/**
 * Bin one column into `out`: bin = the number of thresholds below fround(x), MISSING_BIN for NaN.
 * A uniform grid over the threshold range gives a first guess that a short scan corrects, which
 * is several times faster than a binary search per value and gives the same answer.
 */
function binColumn(column, thresholds, out, offset, stride) {
    const size = thresholds.length;
    if (size === 0) {
        for (let i = 0; i < column.length; i++)
            out[offset + i * stride] = Number.isNaN(column[i]) ? MISSING_BIN : 0;
        return;
    }
    const t = Float64Array.from(thresholds);
    const min = t[0];
    const max = t[size - 1];
    if (!(Number.isFinite(min) && Number.isFinite(max) && max - min < Number.MAX_VALUE)) {
        // An infinite threshold (from infinite values in the data): no grid, a search per value.
        for (let i = 0; i < column.length; i++)
            out[offset + i * stride] = binOf(thresholds, column[i]);
        return;
    }
    const scale = max > min ? GUESS_CELLS / (max - min) : 0;
    const guess = new Uint8Array(GUESS_CELLS + 1);
    for (let c = 0, k = 0; c <= GUESS_CELLS; c++) {
        const edge = min + c / scale;
        while (k < size && t[k] < edge)
            k++;
        guess[c] = k;
    }
    for (let i = 0; i < column.length; i++) {
        const x = column[i];
        const o = offset + i * stride;
        if (Number.isNaN(x)) {
            out[o] = MISSING_BIN;
            continue;
        }
        const v = Math.fround(x);
        if (v <= min) {
            out[o] = 0;
            continue;
        }
        if (v > max) {
            out[o] = size;
            continue;
        }
        let b = guess[Math.min(GUESS_CELLS, Math.floor((v - min) * scale))];
        while (b > 0 && t[b - 1] >= v)
            b--;
        while (b < size && t[b] < v)
            b++;
        out[o] = b;
    }
}
/** Bin feature columns (training, validation or any rows) with fitted thresholds. */
function applyFeatureBins(columns, featureBins) {
    const rowCount = columns[0]?.length ?? 0;
    const featureCount = columns.length;
    const bins = new Uint8Array(rowCount * featureCount);
    for (let f = 0; f < featureCount; f++) {
        binColumn(columns[f], featureBins.thresholds[f], bins, f, featureCount);
    }
    return { rowCount, featureCount, bins };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/wasm-kernels.js
/**
 * The two hot loops of tree growing — accumulating a node's histogram and partitioning a node's
 * rows (with their bins and gradients, so that every node's data is contiguous) — as a small
 * hand-assembled WebAssembly module, which runs them 3–4 times faster than the
 * same loops in JavaScript (no bounds checks, plain loads and stores).
 *
 * The module imports one linear memory; every array the kernels touch lives in it, addressed by
 * byte offsets (see GbdtWorkspace). The bytes are assembled here at load time from the
 * instruction lists below, so there is no build step and no binary blob in the repository.
 */
const I32 = 0x7f;
const F64 = 0x7c;
function uleb(value) {
    const out = [];
    let n = value >>> 0;
    do {
        let byte = n & 0x7f;
        n >>>= 7;
        if (n !== 0)
            byte |= 0x80;
        out.push(byte);
    } while (n !== 0);
    return out;
}
function sleb(value) {
    const out = [];
    let n = value | 0;
    for (;;) {
        const byte = n & 0x7f;
        n >>= 7;
        if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}
const vector = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const wasm_kernels_name = (text) => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
// Instructions.
const get = (i) => [0x20, ...uleb(i)];
const set = (i) => [0x21, ...uleb(i)];
const tee = (i) => [0x22, ...uleb(i)];
const i32 = (v) => [0x41, ...sleb(v)];
const f64 = (v) => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const end = [0x0b];
const brIf = (depth) => [0x0d, depth];
const wasm_kernels_select = [0x1b];
const add = [0x6a];
const mul = [0x6c];
const shl = [0x74];
const xor = [0x73];
const eq = [0x46];
const ltU = [0x49];
const leU = [0x4d];
const geU = [0x4f];
const fadd = [0xa0];
const load32 = [0x28, 2, 0];
const store32 = [0x36, 2, 0];
const load8 = [0x2d, 0, 0];
const loadF64 = (offset) => [0x2b, 3, ...uleb(offset)];
const storeF64 = (offset) => [0x39, 3, ...uleb(offset)];
const I64 = 0x7e;
const loadI64 = (offset) => [0x29, 0, ...uleb(offset)];
const storeI64 = (offset) => [0x37, 0, ...uleb(offset)];
const loadI32 = (offset) => [0x28, 0, ...uleb(offset)];
const storeI32 = (offset) => [0x36, 0, ...uleb(offset)];
const loadU16 = (offset) => [0x2f, 0, ...uleb(offset)];
const storeI16 = (offset) => [0x3b, 0, ...uleb(offset)];
const loadU8 = (offset) => [0x2d, 0, ...uleb(offset)];
const storeI8 = (offset) => [0x3a, 0, ...uleb(offset)];
const memoryCopy = [0xfc, 0x0a, 0x00, 0x00];
/**
 * histogram(bins, start, end, featureCount, grad, hess, hist): for each position i in
 * [start, end) and each feature f, the bin b = bins[i * featureCount + f] gets
 * hist[f][b] += (grad[i], hess[i], 1). The bins, gradients and hessians are kept in node order
 * (partition moves each row's data with it), so every read is sequential. With `unitHessian` the
 * cells are (grad, count) and `hess` is ignored; without `counts` the count is left as it is.
 * Cells are float64; a feature has 256 bins.
 */
function histogramBody(unitHessian, counts) {
    const [bins, start, stop, featureCount, grad, hess, hist] = [0, 1, 2, 3, 4, 5, 6];
    const [i, base, f, cell, g, h] = [7, 8, 9, 10, 11, 12];
    const cellBytes = unitHessian ? 16 : 24;
    return [
        ...vector([
            [4, I32],
            [2, F64],
        ]),
        ...get(start),
        ...set(i),
        ...block,
        ...get(i),
        ...get(stop),
        ...geU,
        ...brIf(0),
        ...loop,
        // base = bins + i * featureCount; g = grad[i]; h = hess[i]; f = 0
        ...get(bins),
        ...get(i),
        ...get(featureCount),
        ...mul,
        ...add,
        ...set(base),
        ...get(grad),
        ...get(i),
        ...i32(3),
        ...shl,
        ...add,
        ...loadF64(0),
        ...set(g),
        ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
        ...i32(0),
        ...set(f),
        ...loop,
        // cell = hist + ((f << 8) + bins[base + f]) * cellBytes
        ...get(hist),
        ...get(f),
        ...i32(8),
        ...shl,
        ...get(base),
        ...get(f),
        ...add,
        ...load8,
        ...add,
        ...i32(cellBytes),
        ...mul,
        ...add,
        ...set(cell),
        ...get(cell),
        ...get(cell),
        ...loadF64(0),
        ...get(g),
        ...fadd,
        ...storeF64(0),
        ...(unitHessian ? [] : [...get(cell), ...get(cell), ...loadF64(8), ...get(h), ...fadd, ...storeF64(8)]),
        ...(counts
            ? [
                ...get(cell),
                ...get(cell),
                ...loadF64(cellBytes - 8),
                ...f64(1),
                ...fadd,
                ...storeF64(cellBytes - 8),
            ]
            : []),
        // while (++f < featureCount)
        ...get(f),
        ...i32(1),
        ...add,
        ...tee(f),
        ...get(featureCount),
        ...ltU,
        ...brIf(0),
        ...end,
        // while (++i < end)
        ...get(i),
        ...i32(1),
        ...add,
        ...tee(i),
        ...get(stop),
        ...ltU,
        ...brIf(0),
        ...end,
        ...end,
        ...end,
    ];
}
/** Features up to which the kernels are generated for the exact feature count, loops unrolled. */
const UNROLL_FEATURES_UP_TO = 256;
/**
 * The histogram kernel for exactly `featureCount` features, its feature loop unrolled: each
 * feature's bin byte and histogram cells are reached through constant offsets.
 */
function unrolledHistogramBody(unitHessian, counts, featureCount) {
    const [bins, start, stop, count, grad, hess, hist] = [0, 1, 2, 3, 4, 5, 6];
    const [i, base, cell, g, h] = [7, 8, 9, 10, 11];
    const cellBytes = unitHessian ? 16 : 24;
    const featureBytes = 256 * cellBytes;
    const perFeature = [];
    for (let f = 0; f < featureCount; f++) {
        const at = f * featureBytes;
        perFeature.push(
        // cell = hist + bins[base + f] * cellBytes
        ...get(base), ...loadU8(f), ...i32(cellBytes), ...mul, ...get(hist), ...add, ...set(cell), ...get(cell), ...get(cell), ...loadF64(at), ...get(g), ...fadd, ...storeF64(at), ...(unitHessian
            ? []
            : [...get(cell), ...get(cell), ...loadF64(at + 8), ...get(h), ...fadd, ...storeF64(at + 8)]), ...(counts
            ? [
                ...get(cell),
                ...get(cell),
                ...loadF64(at + cellBytes - 8),
                ...f64(1),
                ...fadd,
                ...storeF64(at + cellBytes - 8),
            ]
            : []));
    }
    return [
        ...vector([
            [3, I32],
            [2, F64],
        ]),
        ...get(start),
        ...set(i),
        ...block,
        ...get(i),
        ...get(stop),
        ...geU,
        ...brIf(0),
        ...loop,
        ...get(bins),
        ...get(i),
        ...get(count),
        ...mul,
        ...add,
        ...set(base),
        ...get(grad),
        ...get(i),
        ...i32(3),
        ...shl,
        ...add,
        ...loadF64(0),
        ...set(g),
        ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
        ...perFeature,
        ...get(i),
        ...i32(1),
        ...add,
        ...tee(i),
        ...get(stop),
        ...ltU,
        ...brIf(0),
        ...end,
        ...end,
        ...end,
    ];
}
/** How a row's `featureCount` bin bytes are copied: exact 8/4/2/1-byte pieces, no over-copy. */
function rowPieces(featureCount) {
    const pieces = [];
    let offset = 0;
    for (const bytes of [8, 4, 2, 1]) {
        while (featureCount - offset >= bytes) {
            pieces.push({ offset, bytes });
            offset += bytes;
        }
    }
    return pieces;
}
/**
 * partition(bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess, start, end,
 * featureCount, feature, threshold, missingLeft) → mid: stable, branch-free split of the node
 * at positions [start, end) by `bins[i * featureCount + feature] <= threshold` (the missing bin
 * 255 goes left when missingLeft is 1). Each row moves with its data — row index, gradient,
 * hessian and its featureCount bin bytes — so the node's data stays contiguous. Left rows are
 * compacted from `start` and the returned index is where they end; right rows go to the scratch
 * arrays from 0, for the caller to copy back. With `unitHessian` there are no hessians to move.
 * With `featureCount` given, the bin bytes are copied in fixed pieces; otherwise by memory.copy.
 */
function partitionBody(unitHessian, featureCount) {
    const [bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess] = [0, 1, 2, 3, 4, 5, 6, 7];
    const [start, stop, count, feature, threshold, missingLeft] = [8, 9, 10, 11, 12, 13];
    const [i, left, right, row, bin, goLeft, src, leftAt, rightAt] = [14, 15, 16, 17, 18, 19, 20, 21, 22];
    const [g, h] = [23, 24];
    const pieces = featureCount === undefined ? [] : rowPieces(featureCount);
    const firstPiece = 25;
    const pieceType = (bytes) => (bytes === 8 ? I64 : I32);
    const load = (bytes, offset) => bytes === 8
        ? loadI64(offset)
        : bytes === 4
            ? loadI32(offset)
            : bytes === 2
                ? loadU16(offset)
                : loadU8(offset);
    const store = (bytes, offset) => bytes === 8
        ? storeI64(offset)
        : bytes === 4
            ? storeI32(offset)
            : bytes === 2
                ? storeI16(offset)
                : storeI8(offset);
    /** target[slot] = local, for elements of 2^shift bytes. */
    const storeAt = (target, slot, shift, local, op) => [
        ...get(target),
        ...get(slot),
        ...i32(shift),
        ...shl,
        ...add,
        ...get(local),
        ...op,
    ];
    const copyBins = featureCount === undefined
        ? [
            // memory.copy(rightAt, src, count), then (overlap-safe) memory.copy(leftAt, src, count)
            ...get(rightAt),
            ...get(src),
            ...get(count),
            ...memoryCopy,
            ...get(leftAt),
            ...get(src),
            ...get(count),
            ...memoryCopy,
        ]
        : [
            // Load every piece before storing any: the left target may overlap the source row.
            ...pieces.flatMap((piece, k) => [
                ...get(src),
                ...load(piece.bytes, piece.offset),
                ...set(firstPiece + k),
            ]),
            ...pieces.flatMap((piece, k) => [
                ...get(leftAt),
                ...get(firstPiece + k),
                ...store(piece.bytes, piece.offset),
                ...get(rightAt),
                ...get(firstPiece + k),
                ...store(piece.bytes, piece.offset),
            ]),
        ];
    return [
        ...vector([[9, I32], [2, F64], ...pieces.map((piece) => [1, pieceType(piece.bytes)])]),
        ...get(start),
        ...tee(i),
        ...set(left),
        ...block,
        ...get(i),
        ...get(stop),
        ...geU,
        ...brIf(0),
        ...loop,
        // src = bins + i * count; row = rows[i]; g = grad[i]; h = hess[i]
        ...get(bins),
        ...get(i),
        ...get(count),
        ...mul,
        ...add,
        ...set(src),
        ...get(rows),
        ...get(i),
        ...i32(2),
        ...shl,
        ...add,
        ...load32,
        ...set(row),
        ...get(grad),
        ...get(i),
        ...i32(3),
        ...shl,
        ...add,
        ...loadF64(0),
        ...set(g),
        ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
        // bin = bins[src + feature]; goLeft = bin == 255 ? missingLeft : bin <= threshold
        ...get(src),
        ...get(feature),
        ...add,
        ...load8,
        ...set(bin),
        ...get(missingLeft),
        ...get(bin),
        ...get(threshold),
        ...leU,
        ...get(bin),
        ...i32(255),
        ...eq,
        ...wasm_kernels_select,
        ...set(goLeft),
        // Write the row to both sides; only the side it belongs to advances.
        ...get(bins),
        ...get(left),
        ...get(count),
        ...mul,
        ...add,
        ...set(leftAt),
        ...get(scratchBins),
        ...get(right),
        ...get(count),
        ...mul,
        ...add,
        ...set(rightAt),
        ...copyBins,
        ...storeAt(rows, left, 2, row, store32),
        ...storeAt(scratch, right, 2, row, store32),
        ...storeAt(grad, left, 3, g, storeF64(0)),
        ...storeAt(scratchGrad, right, 3, g, storeF64(0)),
        ...(unitHessian
            ? []
            : [...storeAt(hess, left, 3, h, storeF64(0)), ...storeAt(scratchHess, right, 3, h, storeF64(0))]),
        // left += goLeft; right += goLeft ^ 1
        ...get(left),
        ...get(goLeft),
        ...add,
        ...set(left),
        ...get(right),
        ...get(goLeft),
        ...i32(1),
        ...xor,
        ...add,
        ...set(right),
        ...get(i),
        ...i32(1),
        ...add,
        ...tee(i),
        ...get(stop),
        ...ltU,
        ...brIf(0),
        ...end,
        ...end,
        ...get(left),
        ...end,
    ];
}
function moduleBytes(featureCount) {
    const histogramType = [0x60, ...vector(new Array(7).fill([I32])), ...vector([])];
    const partitionType = [0x60, ...vector(new Array(14).fill([I32])), ...vector([[I32]])];
    const unrolled = featureCount <= UNROLL_FEATURES_UP_TO;
    const histogram = (unitHessian, counts) => unrolled ? unrolledHistogramBody(unitHessian, counts, featureCount) : histogramBody(unitHessian, counts);
    // In the order of HISTOGRAM_KERNELS, then the two partitions.
    const bodies = [
        histogram(false, true),
        histogram(true, true),
        histogram(false, false),
        histogram(true, false),
        partitionBody(false, unrolled ? featureCount : undefined),
        partitionBody(true, unrolled ? featureCount : undefined),
    ];
    return Uint8Array.from([
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        ...section(1, vector([histogramType, partitionType])),
        // A shared memory (limits flag 3: shared, with a maximum), so a worker thread can use it too.
        ...section(2, vector([[...wasm_kernels_name("env"), ...wasm_kernels_name("memory"), 0x02, 0x03, ...uleb(1), ...uleb(WASM_MAX_PAGES)]])),
        ...section(3, vector([[0], [0], [0], [0], [1], [1]])),
        ...section(7, vector([
            ...HISTOGRAM_KERNELS.map((kernel, index) => [...wasm_kernels_name(kernel), 0x00, index]),
            [...wasm_kernels_name("partition"), 0x00, HISTOGRAM_KERNELS.length],
            [...wasm_kernels_name("partitionUnitHessian"), 0x00, HISTOGRAM_KERNELS.length + 1],
        ])),
        ...section(10, vector(bodies.map((body) => [...uleb(body.length), ...body]))),
    ]);
}
/**
 * The histogram kernels by index: with hessians or unit hessians (cells of gradient, hessian,
 * count or of gradient, count), and with or without counting rows (the root's counts are the same
 * in every tree, so after the first tree they are copied in rather than counted again).
 */
const HISTOGRAM_KERNELS = [
    "histogram",
    "histogramUnitHessian",
    "histogramNoCount",
    "histogramUnitHessianNoCount",
];
/** The index into HISTOGRAM_KERNELS of the kernel for these cells. */
function histogramKernelIndex(unitHessian, counts) {
    return (unitHessian ? 1 : 0) + (counts ? 0 : 2);
}
const wasm = globalThis.WebAssembly;
/** Bytes in a WebAssembly memory page. */
const WASM_PAGE_BYTES = 65_536;
/** The most pages a 32-bit WebAssembly memory can have (4 GiB). */
const WASM_MAX_PAGES = 65_536;
/** A shared memory of `pages` pages (shared so that worker threads can run kernels over it). */
function createWasmMemory(pages) {
    return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}
const compiled = new Map();
/**
 * The compiled kernel module for `featureCount` features (compiled once per process and feature
 * count); worker threads instantiate it over the same memory.
 */
function gbdtKernelModule(featureCount) {
    const key = featureCount <= UNROLL_FEATURES_UP_TO ? featureCount : 0;
    let module = compiled.get(key);
    if (module === undefined) {
        module = new wasm.Module(moduleBytes(featureCount));
        compiled.set(key, module);
    }
    return module;
}
/** The kernels over `memory`, for `featureCount` features. */
function gbdtKernels(memory, featureCount) {
    const instance = new wasm.Instance(gbdtKernelModule(featureCount), { env: { memory } });
    return instance.exports;
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/histogram-worker.js
/**
 * A helper thread that builds half of a large node's histogram while the main thread builds the
 * other half, over the same shared WebAssembly memory. The main thread stays synchronous: it hands
 * the helper its half through a small control block in the shared memory and waits for it with
 * Atomics, so training needs no async plumbing.
 *
 * Splitting a node into halves is decided by the node's size alone, never by whether a helper
 * thread exists, so a model is the same bit for bit with or without one.
 */



/** Control block states. */
const IDLE = 0;
const TASK = 1;
const DONE = 2;
const QUIT = 3;
const FAILED = 4;
/** Int32 cells of the control block: state, 7 task arguments, spare, kernel. */
const CONTROL_INTS = 16;
/** Runs inside the worker (plain JavaScript, CommonJS, since it is evaluated from a string). */
const workerSource = `
const { workerData } = require("node:worker_threads");
const { memory, module, control } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const histograms = ${JSON.stringify(HISTOGRAM_KERNELS)}.map((name) => kernels[name]);
const c = new Int32Array(memory.buffer, control, ${CONTROL_INTS});
for (;;) {
  let state = Atomics.load(c, 0);
  while (state !== ${TASK} && state !== ${QUIT}) {
    Atomics.wait(c, 0, state);
    state = Atomics.load(c, 0);
  }
  if (state === ${QUIT}) break;
  try {
    const build = histograms[c[9]];
    build(c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    Atomics.store(c, 0, ${DONE});
  } catch (error) {
    Atomics.store(c, 0, ${FAILED});
  }
  Atomics.notify(c, 0);
}
`;
class HistogramWorker {
    worker;
    control;
    constructor(worker, memory, controlOffset) {
        this.worker = worker;
        this.control = new Int32Array(memory.buffer, controlOffset, CONTROL_INTS);
    }
    /** A helper thread, or undefined when the machine has a single core. */
    static start(memory, module, controlOffset) {
        if ((0,external_node_os_.availableParallelism)() < 2)
            return undefined;
        const worker = new external_node_worker_threads_.Worker(workerSource, {
            eval: true,
            workerData: { memory, module, control: controlOffset },
        });
        worker.unref();
        return new HistogramWorker(worker, memory, controlOffset);
    }
    /** Starts histogram kernel `kernel` (an index into HISTOGRAM_KERNELS) on the helper thread. */
    begin(kernel, args) {
        const c = this.control;
        for (let i = 0; i < 7; i++)
            c[1 + i] = args[i];
        c[9] = kernel;
        Atomics.store(c, 0, TASK);
        Atomics.notify(c, 0);
    }
    /** Waits for the task started by `begin`. */
    finish() {
        const c = this.control;
        for (;;) {
            const state = Atomics.load(c, 0);
            if (state === DONE)
                break;
            if (state === FAILED)
                throw new Error("gbdt: the histogram helper thread failed (a bug in Kiln).");
            Atomics.wait(c, 0, state, 1000);
        }
        Atomics.store(c, 0, IDLE);
    }
    close() {
        Atomics.store(this.control, 0, QUIT);
        Atomics.notify(this.control, 0);
        void this.worker.terminate();
    }
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/tree-grower.js
/**
 * Grows one regression tree on gradients and hessians over a binned matrix, leaf-wise (best gain
 * first) within `maxLeaves` and `maxDepth`.
 *
 * - Histograms of (gradient, hessian, count) per feature and bin; a node's histogram is built from
 *   its rows only for the smaller child of a split, the larger child's is the parent's minus it.
 * - Rows are kept ordered by node: each split partitions the node's segment in place, stably, and
 *   moves every row's bins, gradient and hessian with it, so a node's data is contiguous and its
 *   histogram reads memory sequentially (a node holding scattered rows of a large table would
 *   cost a cache miss per row instead).
 * - Missing values have their own bin; each split learns whether missing goes left or right.
 *
 * The bins, row indices, gradients and histograms live in one WebAssembly memory, allocated once
 * per grower and reused for every tree; the hot loops run as WebAssembly (wasm-kernels.ts).
 */




/** Bins per feature in a histogram: 255 value bins + the missing bin. */
const BINS = 256;
const MIN_GAIN = 1e-12;
/**
 * Nodes with at least this many rows have their histogram built in two halves (in parallel when a
 * helper thread is available), summed afterwards.
 */
const HALVES_FROM_ROWS = 16_384;
/** Histogram builds done without the helper thread once it was found late too often. */
const HELPER_PAUSE_BUILDS = 64;
/** Memory for kept histograms; beyond it a leaf's histogram is dropped and rebuilt if needed. */
const DEFAULT_HISTOGRAM_BUDGET_BYTES = 256 * 1024 * 1024;
class TreeGrower {
    featureBins;
    options;
    n;
    featureCount;
    stride;
    kernels;
    /** The training rows' bins, row-major, in row order (each tree starts from them). */
    sourceBins;
    /** Per position (node order): row index, its bins (row-major), gradient and hessian. */
    rows;
    bins;
    grad;
    hess;
    /** Where partition puts a node's right rows before they are copied back after the left ones. */
    scratch;
    scratchBins;
    scratchGrad;
    scratchHess;
    /** Byte offsets of the arrays in the WebAssembly memory. */
    at;
    slotBytes;
    hists;
    freeSlots;
    /** The slot the second half of a large node's histogram goes to. */
    halfSlot;
    worker;
    /** Moving share of recent builds where the helper finished later than this thread's own half. */
    helperLateness = 0;
    /** Builds left to do without the helper after it was found late too often. */
    helperPause = 0;
    leaves = [];
    /** The root's histogram with only the counts (gradient and hessian cells zero), after tree one. */
    rootCounts;
    constructor(matrix, featureBins, options) {
        this.featureBins = featureBins;
        this.options = options;
        const n = matrix.rowCount;
        const F = matrix.featureCount;
        this.n = n;
        this.featureCount = F;
        this.stride = options.constantHessian ? 2 : 3;
        const slotLength = F * BINS * this.stride;
        this.slotBytes = slotLength * 8;
        const slots = Math.max(3, Math.min(options.maxLeaves + 1, Math.floor((options.histogramBudgetBytes ?? DEFAULT_HISTOGRAM_BUDGET_BYTES) / this.slotBytes)));
        const align = (bytes) => Math.ceil(bytes / 8) * 8;
        // Layout: histogram slots (the pool, then the half slot), control block, arrays.
        const control = (slots + 1) * this.slotBytes;
        const hessBytes = options.constantHessian ? 0 : align(n * 8);
        const grad = control + CONTROL_INTS * 4;
        const hess = grad + align(n * 8);
        const scratchGrad = hess + hessBytes;
        const scratchHess = scratchGrad + align(n * 8);
        const rows = scratchHess + hessBytes;
        const scratch = rows + align(n * 4);
        const bins = scratch + align(n * 4);
        const scratchBins = bins + align(n * F);
        const total = scratchBins + align(n * F);
        const pages = Math.ceil(total / WASM_PAGE_BYTES);
        if (pages > WASM_MAX_PAGES) {
            throw new errors/* DataError */.fL({}, `gbdt needs ${(total / 2 ** 30).toFixed(1)} GiB of working memory for ${n} rows × ${F} features; its limit is 4 GiB.`, { hint: "Train on fewer rows (a sample) or fewer features." });
        }
        const memory = createWasmMemory(pages);
        this.kernels = gbdtKernels(memory, F);
        const buffer = memory.buffer;
        this.at = { bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess };
        this.hists = Array.from({ length: slots + 1 }, (_, i) => new Float64Array(buffer, i * this.slotBytes, slotLength));
        this.freeSlots = Array.from({ length: slots }, (_, i) => slots - 1 - i);
        this.halfSlot = slots;
        this.sourceBins = matrix.bins;
        this.rows = new Uint32Array(buffer, rows, n);
        this.bins = new Uint8Array(buffer, bins, n * F);
        this.grad = new Float64Array(buffer, grad, n);
        this.hess = options.constantHessian ? this.grad : new Float64Array(buffer, hess, n);
        this.scratch = new Uint32Array(buffer, scratch, n);
        this.scratchBins = new Uint8Array(buffer, scratchBins, n * F);
        this.scratchGrad = new Float64Array(buffer, scratchGrad, n);
        this.scratchHess = options.constantHessian ? this.scratchGrad : new Float64Array(buffer, scratchHess, n);
        this.worker =
            options.helperThread && n >= 2 * HALVES_FROM_ROWS
                ? HistogramWorker.start(memory, gbdtKernelModule(F), control)
                : undefined;
    }
    /** Stops the helper thread, if any. */
    close() {
        this.worker?.close();
    }
    /** A zeroed histogram slot, taken from a leaf that keeps one (not `keep`) when none is free. */
    acquireSlot(keep) {
        let slot = this.freeSlots.pop();
        if (slot === undefined) {
            const victim = this.leaves.find((leaf) => leaf.slot >= 0 && !keep.includes(leaf));
            slot = victim.slot;
            victim.slot = -1;
        }
        this.hists[slot].fill(0);
        return slot;
    }
    releaseSlot(leaf) {
        if (leaf.slot >= 0)
            this.freeSlots.push(leaf.slot);
        leaf.slot = -1;
    }
    /** Fills the leaf's slot; with `counts` false the slot already holds the right counts. */
    buildHistogram(leaf, counts = true) {
        const { at, kernels, worker, featureCount: F } = this;
        const kernel = histogramKernelIndex(this.stride === 2, counts);
        const build = kernels[HISTOGRAM_KERNELS[kernel]];
        const target = leaf.slot * this.slotBytes;
        if (leaf.end - leaf.start < HALVES_FROM_ROWS) {
            build(at.bins, leaf.start, leaf.end, F, at.grad, at.hess, target);
            return;
        }
        const mid = leaf.start + ((leaf.end - leaf.start) >>> 1);
        const half = this.hists[this.halfSlot];
        half.fill(0);
        const halfAt = this.halfSlot * this.slotBytes;
        if (worker && this.helperPause === 0) {
            const start = performance.now();
            worker.begin(kernel, [at.bins, mid, leaf.end, F, at.grad, at.hess, halfAt]);
            build(at.bins, leaf.start, mid, F, at.grad, at.hess, target);
            const own = performance.now();
            worker.finish();
            // On a busy machine the helper may get no core: when it keeps finishing later than this
            // thread could have done its half itself, do both halves here for a while.
            const late = performance.now() - own > own - start ? 1 : 0;
            this.helperLateness = 0.9 * this.helperLateness + 0.1 * late;
            if (this.helperLateness > 0.5) {
                this.helperPause = HELPER_PAUSE_BUILDS;
                this.helperLateness = 0.4;
            }
        }
        else {
            if (this.helperPause > 0)
                this.helperPause--;
            build(at.bins, leaf.start, mid, F, at.grad, at.hess, target);
            build(at.bins, mid, leaf.end, F, at.grad, at.hess, halfAt);
        }
        const hist = this.hists[leaf.slot];
        for (let i = 0; i < hist.length; i++)
            hist[i] += half[i];
    }
    /** Grow a tree for output `output` from gradients and hessians of the training rows. */
    grow(grad, hess, output) {
        const { n, rows, options } = this;
        for (let i = 0; i < n; i++)
            rows[i] = i;
        this.bins.set(this.sourceBins);
        this.grad.set(grad);
        if (this.stride === 3)
            this.hess.set(hess);
        const feature = [-1];
        const thresholdBin = [0];
        const missingLeft = [0];
        const left = [-1];
        const right = [-1];
        const value = [0];
        const root = {
            node: 0,
            start: 0,
            end: n,
            depth: 0,
            sumGrad: 0,
            sumHess: 0,
            slot: -1,
            split: undefined,
        };
        const leaves = [root];
        this.leaves = leaves;
        root.slot = this.acquireSlot([]);
        if (this.rootCounts) {
            // Every tree's root holds all rows: its counts are known, only gradients need adding.
            this.hists[root.slot].set(this.rootCounts);
            this.buildHistogram(root, false);
        }
        else {
            this.buildHistogram(root);
            const counts = this.hists[root.slot].slice();
            for (let i = 0; i < counts.length; i += this.stride)
                counts.fill(0, i, i + this.stride - 1);
            this.rootCounts = counts;
        }
        this.sumsFromHistogram(root);
        root.split = this.canSplit(root) ? this.bestSplit(root) : undefined;
        while (leaves.length < options.maxLeaves) {
            let best = -1;
            let bestGain = MIN_GAIN;
            for (let j = 0; j < leaves.length; j++) {
                const split = leaves[j].split;
                if (split && split.gain > bestGain) {
                    bestGain = split.gain;
                    best = j;
                }
            }
            if (best < 0)
                break;
            const parent = leaves[best];
            const split = parent.split;
            const mid = this.partition(parent, split);
            const leftNode = feature.length;
            const rightNode = leftNode + 1;
            feature[parent.node] = split.feature;
            thresholdBin[parent.node] = split.bin;
            missingLeft[parent.node] = split.missingLeft ? 1 : 0;
            left[parent.node] = leftNode;
            right[parent.node] = rightNode;
            for (let c = 0; c < 2; c++) {
                feature.push(-1);
                thresholdBin.push(0);
                missingLeft.push(0);
                left.push(-1);
                right.push(-1);
                value.push(0);
            }
            const l = {
                node: leftNode,
                start: parent.start,
                end: mid,
                depth: parent.depth + 1,
                sumGrad: split.leftGrad,
                sumHess: split.leftHess,
                slot: -1,
                split: undefined,
            };
            const r = {
                node: rightNode,
                start: mid,
                end: parent.end,
                depth: parent.depth + 1,
                sumGrad: parent.sumGrad - split.leftGrad,
                sumHess: parent.sumHess - split.leftHess,
                slot: -1,
                split: undefined,
            };
            // After the split that makes the last allowed leaf, no child is split: skip their histograms.
            const more = leaves.length + 1 < options.maxLeaves;
            const splitLeft = more && this.canSplit(l);
            const splitRight = more && this.canSplit(r);
            if (splitLeft || splitRight) {
                const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
                const largeSplits = small === l ? splitRight : splitLeft;
                small.slot = this.acquireSlot([parent, small, large]);
                this.buildHistogram(small);
                if (largeSplits) {
                    if (parent.slot >= 0) {
                        // The larger child's histogram is the parent's minus the smaller's, computed in place.
                        const ph = this.hists[parent.slot];
                        const sh = this.hists[small.slot];
                        for (let i = 0; i < ph.length; i++)
                            ph[i] -= sh[i];
                        large.slot = parent.slot;
                        parent.slot = -1;
                    }
                    else {
                        // The parent's histogram was dropped for memory: build the larger child's too.
                        large.slot = this.acquireSlot([parent, small, large]);
                        this.buildHistogram(large);
                    }
                }
                if (splitLeft)
                    l.split = this.bestSplit(l);
                if (splitRight)
                    r.split = this.bestSplit(r);
            }
            this.releaseSlot(parent);
            leaves.splice(best, 1, l, r);
            for (const leaf of [l, r])
                if (!leaf.split)
                    this.releaseSlot(leaf);
        }
        const leafNode = [];
        const leafStart = [];
        const leafEnd = [];
        for (const leaf of leaves) {
            this.releaseSlot(leaf);
            value[leaf.node] = (-options.learningRate * leaf.sumGrad) / (leaf.sumHess + options.l2);
            leafNode.push(leaf.node);
            leafStart.push(leaf.start);
            leafEnd.push(leaf.end);
        }
        const tree = {
            output,
            feature: Int32Array.from(feature),
            threshold: Float32Array.from(feature, (f, node) => {
                if (f < 0)
                    return 0;
                const edges = this.featureBins.thresholds[f];
                const bin = thresholdBin[node];
                return bin < edges.length ? edges[bin] : Number.POSITIVE_INFINITY;
            }),
            thresholdBin: Uint8Array.from(thresholdBin),
            missingLeft: Uint8Array.from(missingLeft),
            left: Int32Array.from(left),
            right: Int32Array.from(right),
            value: Float64Array.from(value),
        };
        this.leaves = [];
        return { tree, rows, leafNode, leafStart, leafEnd };
    }
    canSplit(leaf) {
        const o = this.options;
        return (leaf.depth < o.maxDepth &&
            leaf.end - leaf.start >= 2 * o.minSamplesLeaf &&
            leaf.sumHess >= 2 * o.minChildWeight);
    }
    sumsFromHistogram(leaf) {
        // Every row falls in exactly one bin of feature 0.
        const hist = this.hists[leaf.slot];
        const s = this.stride;
        let g = 0;
        let h = 0;
        for (let b = 0; b < BINS; b++) {
            g += hist[b * s];
            h += hist[b * s + 1];
        }
        leaf.sumGrad = g;
        leaf.sumHess = h;
    }
    bestSplit(leaf) {
        const { featureCount, stride: s } = this;
        const { minSamplesLeaf, minChildWeight, l2 } = this.options;
        const hist = this.hists[leaf.slot];
        const count = leaf.end - leaf.start;
        const G = leaf.sumGrad;
        const H = leaf.sumHess;
        const parentScore = (G * G) / (H + l2);
        const binCounts = this.featureBins.binCounts;
        let best;
        let bestGain = MIN_GAIN;
        for (let f = 0; f < featureCount; f++) {
            const off = f * BINS * s;
            const mo = off + MISSING_BIN * s;
            const mg = hist[mo];
            const mh = hist[mo + 1];
            const mc = hist[mo + s - 1];
            const nb = binCounts[f];
            const lastBin = mc > 0 ? nb - 1 : nb - 2;
            let gl = 0;
            let hl = 0;
            let cl = 0;
            for (let b = 0; b <= lastBin; b++) {
                const o = off + b * s;
                gl += hist[o];
                hl += hist[o + 1];
                cl += hist[o + s - 1];
                // Missing values to the right (or, with none in this node, to the larger side later).
                let lc = cl;
                let rc = count - cl;
                if (lc >= minSamplesLeaf && rc >= minSamplesLeaf) {
                    const gr = G - gl;
                    const hr = H - hl;
                    if (hl >= minChildWeight && hr >= minChildWeight) {
                        const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore;
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = {
                                gain,
                                feature: f,
                                bin: b,
                                missingLeft: mc > 0 ? false : cl >= count - cl,
                                leftGrad: gl,
                                leftHess: hl,
                                leftCount: cl,
                            };
                        }
                    }
                }
                if (mc > 0) {
                    // Missing values to the left.
                    lc = cl + mc;
                    rc = count - lc;
                    if (lc >= minSamplesLeaf && rc >= minSamplesLeaf) {
                        const glm = gl + mg;
                        const hlm = hl + mh;
                        const gr = G - glm;
                        const hr = H - hlm;
                        if (hlm >= minChildWeight && hr >= minChildWeight) {
                            const gain = (glm * glm) / (hlm + l2) + (gr * gr) / (hr + l2) - parentScore;
                            if (gain > bestGain) {
                                bestGain = gain;
                                best = {
                                    gain,
                                    feature: f,
                                    bin: b,
                                    missingLeft: true,
                                    leftGrad: glm,
                                    leftHess: hlm,
                                    leftCount: lc,
                                };
                            }
                        }
                    }
                }
            }
        }
        return best;
    }
    /** Stable in-place partition of the leaf's rows; returns the index where the right child starts. */
    partition(leaf, split) {
        const { at } = this;
        const unitHessian = this.stride === 2;
        const partition = unitHessian ? this.kernels.partitionUnitHessian : this.kernels.partition;
        const F = this.featureCount;
        const mid = partition(at.bins, at.rows, at.grad, at.hess, at.scratchBins, at.scratch, at.scratchGrad, at.scratchHess, leaf.start, leaf.end, F, split.feature, split.bin, split.missingLeft ? 1 : 0);
        const right = leaf.end - mid;
        this.rows.set(this.scratch.subarray(0, right), mid);
        this.bins.set(this.scratchBins.subarray(0, right * F), mid * F);
        this.grad.set(this.scratchGrad.subarray(0, right), mid);
        if (!unitHessian)
            this.hess.set(this.scratchHess.subarray(0, right), mid);
        return mid;
    }
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/fit-gbdt.js
/**
 * The boosting loop: bin the features, then per round compute gradients, grow one tree per output
 * (one per class for softmax), update the scores, and stop early when the validation loss has not
 * improved for `earlyStoppingRounds` rounds (keeping the trees of the best round).
 */


function subtractTreeScores(tree, bins, rowCount, raw, k) {
    addTreeScores(tree, bins, rowCount, raw, k, -1);
}
/** Score one tree on binned rows (bins are consistent with the float32 feature-space thresholds). */
function addTreeScores(tree, bins, rowCount, raw, k, sign = 1) {
    const { feature, thresholdBin, missingLeft, left, right, value } = tree;
    const featureCount = bins.length / Math.max(rowCount, 1);
    for (let i = 0; i < rowCount; i++) {
        let node = 0;
        const base = i * featureCount;
        while (feature[node] >= 0) {
            const b = bins[base + feature[node]];
            const goLeft = b === MISSING_BIN ? missingLeft[node] === 1 : b <= thresholdBin[node];
            node = goLeft ? left[node] : right[node];
        }
        raw[i * k + tree.output] += sign * value[node];
    }
}
function fitGbdt(data, loss, settings, seed, options = {}) {
    const { onRound } = options;
    const n = data.target.length;
    const k = loss.scoresPerRow;
    const featureBins = fitFeatureBins(data.columns, settings.maxBins, seed);
    const matrix = applyFeatureBins(data.columns, featureBins);
    const validation = data.validation;
    const validationMatrix = validation ? applyFeatureBins(validation.columns, featureBins) : undefined;
    const baseScores = loss.initialScores(data.target);
    const raw = new Float64Array(n * k);
    for (let i = 0; i < n; i++)
        raw.set(baseScores, i * k);
    const validationRows = validation ? validation.target.length : 0;
    const validationRaw = new Float64Array(validationRows * k);
    for (let i = 0; i < validationRows; i++)
        validationRaw.set(baseScores, i * k);
    const grower = new TreeGrower(matrix, featureBins, {
        maxLeaves: settings.maxLeaves,
        maxDepth: settings.maxDepth,
        minSamplesLeaf: settings.minSamplesLeaf,
        minChildWeight: settings.minChildWeight,
        l2: settings.l2,
        learningRate: settings.learningRate,
        constantHessian: loss.constantHessian,
        helperThread: options.helperThread ?? true,
        ...(options.histogramBudgetBytes === undefined
            ? {}
            : { histogramBudgetBytes: options.histogramBudgetBytes }),
    });
    const grad = new Float64Array(n * k);
    const hess = new Float64Array(n * k).fill(1);
    const trees = [];
    const validationLoss = [];
    let bestRound = 0;
    let bestLoss = Number.POSITIVE_INFINITY;
    let stoppedEarly = false;
    try {
        for (let round = 0; round < settings.nEstimators; round++) {
            loss.gradients(raw, data.target, grad, hess);
            for (let c = 0; c < k; c++) {
                const grown = grower.grow(grad.subarray(c * n, (c + 1) * n), hess.subarray(c * n, (c + 1) * n), c);
                trees.push(grown.tree);
                const { rows, leafNode, leafStart, leafEnd } = grown;
                for (let j = 0; j < leafNode.length; j++) {
                    const v = grown.tree.value[leafNode[j]];
                    for (let i = leafStart[j]; i < leafEnd[j]; i++)
                        raw[rows[i] * k + c] += v;
                }
                if (validationMatrix)
                    addTreeScores(grown.tree, validationMatrix.bins, validationRows, validationRaw, k);
            }
            let valid;
            if (validation) {
                valid = loss.meanLoss(validationRaw, validation.target);
                validationLoss.push(valid);
            }
            onRound?.({ round: round + 1, validationLoss: valid });
            if (valid !== undefined && settings.earlyStoppingRounds > 0) {
                if (valid < bestLoss) {
                    bestLoss = valid;
                    bestRound = round + 1;
                }
                else if (round + 1 - bestRound >= settings.earlyStoppingRounds) {
                    stoppedEarly = true;
                    break;
                }
            }
        }
    }
    finally {
        grower.close();
    }
    const rounds = stoppedEarly ? bestRound : trees.length / k;
    if (stoppedEarly) {
        // Take the trees after the best round back out of the training scores.
        for (const tree of trees.slice(rounds * k))
            subtractTreeScores(tree, matrix.bins, n, raw, k);
    }
    return {
        ensemble: {
            featureCount: data.columns.length,
            scoresPerRow: k,
            baseScores,
            trees: trees.slice(0, rounds * k),
        },
        rounds,
        stoppedEarly,
        trainLoss: loss.meanLoss(raw, data.target),
        validationLoss,
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/gbdt-loss.js
/**
 * The losses GBDT boosts on: gradients and hessians of the loss with respect to the raw score,
 * the constant initial score, and the loss value used for early stopping.
 *
 * Raw scores are row-major n × k (k = 1 for regression and binary, the class count for
 * multiclass). Targets are the value (regression) or the class index (classification).
 */
const GbdtLossName = {
    squaredError: "squared_error",
    binaryLogistic: "binary_logistic",
    softmax: "softmax",
};
const EPS = 1e-15;
function sigmoid(z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
const squaredErrorLoss = {
    name: GbdtLossName.squaredError,
    scoresPerRow: 1,
    constantHessian: true,
    initialScores(target) {
        let sum = 0;
        for (let i = 0; i < target.length; i++)
            sum += target[i];
        return Float64Array.of(target.length > 0 ? sum / target.length : 0);
    },
    gradients(raw, target, grad) {
        for (let i = 0; i < target.length; i++)
            grad[i] = raw[i] - target[i];
    },
    meanLoss(raw, target) {
        let sum = 0;
        for (let i = 0; i < target.length; i++) {
            const d = raw[i] - target[i];
            sum += d * d;
        }
        return sum / target.length;
    },
};
const binaryLogisticLoss = {
    name: GbdtLossName.binaryLogistic,
    scoresPerRow: 1,
    constantHessian: false,
    initialScores(target) {
        let positives = 0;
        for (let i = 0; i < target.length; i++)
            positives += target[i];
        const p = Math.min(Math.max(positives / target.length, EPS), 1 - EPS);
        return Float64Array.of(Math.log(p / (1 - p)));
    },
    gradients(raw, target, grad, hess) {
        for (let i = 0; i < target.length; i++) {
            const p = sigmoid(raw[i]);
            grad[i] = p - target[i];
            hess[i] = Math.max(p * (1 - p), EPS);
        }
    },
    meanLoss(raw, target) {
        let sum = 0;
        for (let i = 0; i < target.length; i++) {
            const z = raw[i];
            // log(1 + e^z) - y z, computed without overflow.
            const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += softplus - target[i] * z;
        }
        return sum / target.length;
    },
};
function softmaxLoss(classCount) {
    const k = classCount;
    return {
        name: GbdtLossName.softmax,
        scoresPerRow: k,
        constantHessian: false,
        initialScores(target) {
            const counts = new Float64Array(k);
            for (let i = 0; i < target.length; i++)
                counts[target[i]]++;
            const scores = new Float64Array(k);
            for (let c = 0; c < k; c++)
                scores[c] = Math.log(Math.max(counts[c] / target.length, EPS));
            return scores;
        },
        gradients(raw, target, grad, hess) {
            const n = target.length;
            const exps = new Float64Array(k);
            for (let i = 0; i < n; i++) {
                const base = i * k;
                let max = Number.NEGATIVE_INFINITY;
                for (let c = 0; c < k; c++)
                    max = Math.max(max, raw[base + c]);
                let sum = 0;
                for (let c = 0; c < k; c++) {
                    const e = Math.exp(raw[base + c] - max);
                    exps[c] = e;
                    sum += e;
                }
                const y = target[i];
                for (let c = 0; c < k; c++) {
                    const p = exps[c] / sum;
                    grad[c * n + i] = p - (y === c ? 1 : 0);
                    hess[c * n + i] = Math.max(p * (1 - p), EPS);
                }
            }
        },
        meanLoss(raw, target) {
            let total = 0;
            for (let i = 0; i < target.length; i++) {
                const base = i * k;
                let max = Number.NEGATIVE_INFINITY;
                for (let c = 0; c < k; c++)
                    max = Math.max(max, raw[base + c]);
                let sum = 0;
                for (let c = 0; c < k; c++)
                    sum += Math.exp(raw[base + c] - max);
                total += Math.log(sum) + max - raw[base + target[i]];
            }
            return total / target.length;
        },
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/gbdt-params.js
/**
 * The parameters of the `gbdt` trainer (`--param key=value`, `with: { params }`), checked by
 * resolveParams (trainer-params.ts), and their translation into fit settings. Defaults follow
 * scikit-learn's HistGradientBoosting: leaf-wise growth, 31 leaves, 20 rows per leaf, 255 bins.
 */

const gbdtParams = {
    n_estimators: {
        kind: "number",
        default: 100,
        min: 1,
        max: 100_000,
        integer: true,
        description: "boosting rounds (one tree per round, or one per class and round for several classes)",
    },
    learning_rate: {
        kind: "number",
        default: 0.1,
        min: 0,
        exclusiveMin: true,
        max: 1,
        description: "shrinkage applied to every leaf value",
    },
    max_depth: {
        kind: "number",
        default: 0,
        min: 0,
        max: 64,
        integer: true,
        description: "deepest level a tree may reach (0 = no limit; max_leaves still applies)",
    },
    max_leaves: {
        kind: "number",
        default: 31,
        min: 2,
        max: 65_536,
        integer: true,
        description: "leaves per tree",
    },
    min_samples_leaf: {
        kind: "number",
        default: 20,
        min: 1,
        integer: true,
        description: "fewest training rows in a leaf",
    },
    min_child_weight: {
        kind: "number",
        default: 1e-3,
        min: 0,
        description: "smallest sum of hessians in a leaf",
    },
    l2: { kind: "number", default: 0, min: 0, description: "L2 regularisation of the leaf values" },
    max_bins: {
        kind: "number",
        default: MAX_BINS_LIMIT,
        min: 2,
        max: MAX_BINS_LIMIT,
        integer: true,
        description: "histogram bins per feature (missing values have their own bin besides)",
    },
    early_stopping_rounds: {
        kind: "number",
        default: 0,
        min: 0,
        integer: true,
        description: "stop when the validation loss has not improved for this many rounds (0 = off)",
    },
};
/** Fit settings from checked parameter values. */
function gbdtFitSettings(values) {
    const number = (key) => Number(values[key] ?? gbdtParams[key].default);
    const maxDepth = number("max_depth");
    return {
        nEstimators: number("n_estimators"),
        learningRate: number("learning_rate"),
        maxDepth: maxDepth === 0 ? Number.POSITIVE_INFINITY : maxDepth,
        maxLeaves: number("max_leaves"),
        minSamplesLeaf: number("min_samples_leaf"),
        minChildWeight: number("min_child_weight"),
        l2: number("l2"),
        maxBins: number("max_bins"),
        earlyStoppingRounds: number("early_stopping_rounds"),
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/gbdt-tree.js
/**
 * A trained tree and a trained ensemble, in feature space, and their in-process prediction.
 *
 * Nodes are numbered 0..n-1 in creation order (the root is 0), which is also the node id used in
 * the exported ONNX TreeEnsemble. An internal node sends a row left when
 * `Math.fround(x) <= threshold` (threshold is a float32 value), exactly as ONNX's BRANCH_LEQ does
 * on float32 inputs; a missing value (NaN) goes left when `missingLeft` is 1.
 */
/** The leaf a row of feature values lands in. `row(f)` returns feature f of the row (NaN = missing). */
function leafOf(tree, columns, row) {
    let node = 0;
    const feature = tree.feature;
    while (feature[node] >= 0) {
        const x = columns[feature[node]][row];
        const goLeft = Number.isNaN(x) ? tree.missingLeft[node] === 1 : Math.fround(x) <= tree.threshold[node];
        node = goLeft ? tree.left[node] : tree.right[node];
    }
    return node;
}
/**
 * Raw scores (before sigmoid/softmax) for rows given as feature columns (NaN = missing), row-major
 * n × scoresPerRow. This is the prediction the exported ONNX model reproduces.
 */
function predictRawScores(ensemble, columns) {
    const rowCount = columns[0]?.length ?? 0;
    const k = ensemble.scoresPerRow;
    const raw = new Float64Array(rowCount * k);
    for (let i = 0; i < rowCount; i++)
        raw.set(ensemble.baseScores, i * k);
    for (const tree of ensemble.trees) {
        for (let i = 0; i < rowCount; i++)
            raw[i * k + tree.output] += tree.value[leafOf(tree, columns, i)];
    }
    return raw;
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/tree-ensemble-onnx.js
/**
 * Adds a trained GBDT ensemble to an ONNX graph as one `ai.onnx.ml` TreeEnsembleRegressor (opset 3)
 * that outputs the raw scores [-1, scoresPerRow].
 *
 * The float feature matrix is cast to double first, and thresholds, leaf weights and base scores
 * are given as double tensors (`*_as_tensor`): onnxruntime then sums the trees in double, like the
 * in-process prediction, instead of in float32. The comparisons are unchanged by the cast, since a
 * float32 input compared with a float32 threshold held in a double gives the same answer as the
 * float32 comparison (BRANCH_LEQ). A missing value follows `nodes_missing_value_tracks_true`.
 */

/** Returns the name of the float [-1, scoresPerRow] raw-score tensor. */
function addTreeEnsembleRawScores(builder, features, ensemble) {
    const nodesTreeIds = [];
    const nodesNodeIds = [];
    const nodesFeatureIds = [];
    const nodesModes = [];
    const nodesValues = [];
    const nodesTrue = [];
    const nodesFalse = [];
    const nodesMissingTrue = [];
    const targetTreeIds = [];
    const targetNodeIds = [];
    const targetIds = [];
    const targetWeights = [];
    ensemble.trees.forEach((tree, t) => {
        for (let node = 0; node < tree.feature.length; node++) {
            const leaf = tree.feature[node] < 0;
            nodesTreeIds.push(t);
            nodesNodeIds.push(node);
            nodesFeatureIds.push(leaf ? 0 : tree.feature[node]);
            nodesModes.push(leaf ? "LEAF" : "BRANCH_LEQ");
            nodesValues.push(leaf ? 0 : tree.threshold[node]);
            nodesTrue.push(leaf ? 0 : tree.left[node]);
            nodesFalse.push(leaf ? 0 : tree.right[node]);
            nodesMissingTrue.push(leaf ? 0 : tree.missingLeft[node]);
            if (leaf) {
                targetTreeIds.push(t);
                targetNodeIds.push(node);
                targetIds.push(tree.output);
                targetWeights.push(tree.value[node]);
            }
        }
    });
    const asDouble = builder.op("Cast", [features], { to: { int: 11 } }, { name: "features_as_double" });
    return builder.op("TreeEnsembleRegressor", [asDouble], {
        n_targets: { int: ensemble.scoresPerRow },
        aggregate_function: { string: "SUM" },
        post_transform: { string: "NONE" },
        nodes_treeids: { ints: nodesTreeIds },
        nodes_nodeids: { ints: nodesNodeIds },
        nodes_featureids: { ints: nodesFeatureIds },
        nodes_modes: { strings: nodesModes },
        nodes_values_as_tensor: { tensor: { type: "double", dims: [nodesValues.length], values: nodesValues } },
        nodes_truenodeids: { ints: nodesTrue },
        nodes_falsenodeids: { ints: nodesFalse },
        nodes_missing_value_tracks_true: { ints: nodesMissingTrue },
        target_treeids: { ints: targetTreeIds },
        target_nodeids: { ints: targetNodeIds },
        target_ids: { ints: targetIds },
        target_weights_as_tensor: {
            tensor: { type: "double", dims: [targetWeights.length], values: targetWeights },
        },
        base_values_as_tensor: {
            tensor: { type: "double", dims: [ensemble.baseScores.length], values: ensemble.baseScores },
        },
    }, { domain: OnnxDomain.ml, name: "gbdt_trees" });
}

;// CONCATENATED MODULE: ./.build/runtime/train/gbdt/gbdt-trainer.js
/**
 * `gbdt`: histogram-based gradient-boosted trees for regression (squared error), binary
 * classification (logistic) and multiclass classification (softmax, one tree per class and round),
 * exported as an ONNX TreeEnsembleRegressor behind the shared feature graph.
 *
 * Trees need no imputation or scaling: numeric features go in as they are (missing stays NaN and
 * each split routes it), categorical ones as ordinal codes (missing or unseen → NaN).
 */











/** The feature columns the trees split on (float32-rounded as the ONNX model receives them). */
function gbdtFeatureColumns(table, preprocessing) {
    const m = (0,encode_features/* encodeFeaturesFloat64 */.q8)(table, preprocessing, { layout: "column-major" });
    return Array.from({ length: m.cols }, (_, c) => m.matrix.subarray(c * m.rows, (c + 1) * m.rows));
}
function targetValues(target) {
    return target.task === "regression" ? target.values : Float64Array.from(target.classIndex);
}
function lossFor(target) {
    if (target.task === "regression")
        return squaredErrorLoss;
    return target.classes.length === 2 ? binaryLogisticLoss : softmaxLoss(target.classes.length);
}
/** Probabilities (rows × classes) from raw scores: sigmoid for two classes, softmax for more. */
function gbdtProbabilities(raw, rows, classCount) {
    const probabilities = new Float64Array(rows * classCount);
    if (classCount === 2) {
        for (let r = 0; r < rows; r++) {
            const p = 1 / (1 + Math.exp(-raw[r]));
            probabilities[r * 2] = 1 - p;
            probabilities[r * 2 + 1] = p;
        }
        return probabilities;
    }
    for (let r = 0; r < rows; r++) {
        const base = r * classCount;
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < classCount; c++)
            max = Math.max(max, raw[base + c]);
        let sum = 0;
        for (let c = 0; c < classCount; c++) {
            const e = Math.exp(raw[base + c] - max);
            probabilities[base + c] = e;
            sum += e;
        }
        for (let c = 0; c < classCount; c++)
            probabilities[base + c] /= sum;
    }
    return probabilities;
}
/** The ONNX model: raw feature inputs → ordinal/NaN feature matrix → trees → the Kiln outputs. */
function exportGbdtOnnx(ensemble, preprocessing, target) {
    const builder = new OnnxModelBuilder({ graphName: "kiln_gbdt" });
    const raw = addTreeEnsembleRawScores(builder, buildFeatureGraph(builder, preprocessing), ensemble);
    if (target.task === "regression") {
        addRegressionOutput(builder, raw);
    }
    else {
        let probabilities;
        if (target.classes.length === 2) {
            const positive = builder.op("Sigmoid", [raw]);
            const one = builder.addInitializer("one", { type: "float", dims: [1], values: [1] });
            const negative = builder.op("Sub", [one, positive]);
            probabilities = builder.op("Concat", [negative, positive], { axis: { int: 1 } });
        }
        else {
            probabilities = builder.op("Softmax", [raw], { axis: { int: 1 } });
        }
        addClassifierOutputs(builder, probabilities, target.classes);
    }
    (0,kiln_model_metadata/* writeKilnMetadata */.NL)(builder, {
        task: target.task,
        algorithm: "gbdt",
        features: (0,feature_preprocessing/* featureSpecs */.Hk)(preprocessing),
        target: target.name,
        ...(target.task === "classification" ? { classes: target.classes } : {}),
    });
    return builder.serialize();
}
/** How often a long fit reports its progress. */
const PROGRESS_EVERY_MS = 5000;
const gbdtTrainer = {
    name: "gbdt",
    description: "histogram-based gradient-boosted trees (regression, binary and multiclass), missing values routed by each split",
    tasks: ["regression", "classification"],
    params: gbdtParams,
    train(input) {
        const { train, target, validation, features, params, seed, logger } = input;
        const settings = gbdtFitSettings(params);
        const preprocessing = (0,feature_preprocessing/* fitPreprocessing */.gc)(train, features, {
            impute: false,
            scale: false,
            categorical: "ordinal",
        });
        if (settings.earlyStoppingRounds > 0 && !validation) {
            logger.warn("gbdt: early_stopping_rounds is set but no rows are held out for validation, so every round is grown. Hold rows out (--validation above 0) to stop early.");
        }
        const loss = lossFor(target);
        let lastProgress = performance.now();
        const fit = fitGbdt({
            columns: gbdtFeatureColumns(train, preprocessing),
            target: targetValues(target),
            ...(validation
                ? {
                    validation: {
                        columns: gbdtFeatureColumns(validation.table, preprocessing),
                        target: targetValues(validation.target),
                    },
                }
                : {}),
        }, loss, settings, seed, {
            onRound: ({ round, validationLoss }) => {
                // Progress as info on long fits (at most every few seconds), as debug otherwise.
                const now = performance.now();
                const due = now - lastProgress >= PROGRESS_EVERY_MS;
                if (due || round % 10 === 0 || round === settings.nEstimators) {
                    const message = `gbdt: round ${round}/${settings.nEstimators}` +
                        (validationLoss === undefined ? "" : `, validation loss ${validationLoss.toPrecision(6)}`);
                    if (due) {
                        logger.info(message);
                        lastProgress = now;
                    }
                    else
                        logger.debug(message);
                }
            },
        });
        if (fit.stoppedEarly) {
            logger.info(`gbdt: early stopping after ${fit.validationLoss.length} rounds; kept the best ${fit.rounds} (validation loss ${fit.validationLoss[fit.rounds - 1]?.toPrecision(6)}).`);
        }
        const ensemble = fit.ensemble;
        const classes = target.task === "classification" ? target.classes : undefined;
        const predict = (table) => {
            const columns = gbdtFeatureColumns(table, preprocessing);
            const raw = predictRawScores(ensemble, columns);
            if (classes === undefined)
                return { task: "regression", values: raw };
            return {
                task: "classification",
                classes,
                probabilities: gbdtProbabilities(raw, table.rowCount, classes.length),
            };
        };
        const bestValidation = fit.validationLoss[fit.rounds - 1];
        return {
            onnx: exportGbdtOnnx(ensemble, preprocessing, target),
            task: target.task,
            ...(classes ? { classes } : {}),
            predict,
            training: {
                loss: loss.name,
                rounds: fit.rounds,
                roundsGrown: Math.max(fit.validationLoss.length, fit.rounds),
                trees: ensemble.trees.length,
                leaves: ensemble.trees.reduce((sum, t) => sum + (t.feature.length + 1) / 2, 0),
                stoppedEarly: fit.stoppedEarly,
                trainLoss: fit.trainLoss,
                ...(bestValidation === undefined ? {} : { validationLoss: bestValidation }),
            },
        };
    },
};

;// CONCATENATED MODULE: ./.build/runtime/train/cholesky.js
/**
 * Solves A x = b for a symmetric positive definite A (n × n, row-major; only the lower triangle is
 * read) by Cholesky factorization. Returns undefined when A is not positive definite.
 */
function choleskySolve(a, b, n) {
    const l = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
            let sum = a[i * n + j];
            for (let k = 0; k < j; k++)
                sum -= l[i * n + k] * l[j * n + k];
            if (i === j) {
                if (!(sum > 0))
                    return undefined;
                l[i * n + i] = Math.sqrt(sum);
            }
            else {
                l[i * n + j] = sum / l[j * n + j];
            }
        }
    }
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        let sum = b[i];
        for (let k = 0; k < i; k++)
            sum -= l[i * n + k] * y[k];
        y[i] = sum / l[i * n + i];
    }
    const x = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
        let sum = y[i];
        for (let k = i + 1; k < n; k++)
            sum -= l[k * n + i] * x[k];
        x[i] = sum / l[i * n + i];
    }
    return x;
}

;// CONCATENATED MODULE: ./.build/runtime/train/fit-ridge.js
/**
 * Ridge regression in closed form: minimizes ||y - X w - b||² + alpha ||w||² (the intercept b is not
 * penalized) by solving the centered normal equations (Xcᵀ Xc + alpha I) w = Xcᵀ yc with Cholesky.
 */

/** @param x rows × cols, row-major. */
function fitRidge(x, rows, cols, y, alpha) {
    const means = new Float64Array(cols);
    let yMean = 0;
    for (let r = 0; r < rows; r++) {
        const base = r * cols;
        for (let j = 0; j < cols; j++)
            means[j] += x[base + j];
        yMean += y[r];
    }
    for (let j = 0; j < cols; j++)
        means[j] /= rows;
    yMean /= rows;
    // Lower triangle of Xcᵀ Xc and Xcᵀ yc, accumulated row by row on centered values.
    const gram = new Float64Array(cols * cols);
    const xty = new Float64Array(cols);
    const centered = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
        const base = r * cols;
        const yc = y[r] - yMean;
        for (let j = 0; j < cols; j++)
            centered[j] = x[base + j] - means[j];
        for (let j = 0; j < cols; j++) {
            const cj = centered[j];
            if (cj === 0)
                continue;
            xty[j] += cj * yc;
            const row = j * cols;
            for (let k = 0; k <= j; k++)
                gram[row + k] += cj * centered[k];
        }
    }
    for (let j = 0; j < cols; j++)
        gram[j * cols + j] += alpha;
    let weights = choleskySolve(gram, xty, cols);
    let regularized = false;
    if (weights === undefined) {
        let trace = 0;
        for (let j = 0; j < cols; j++)
            trace += gram[j * cols + j];
        const jitter = Math.max(1e-10 * (trace / Math.max(cols, 1)), 1e-12);
        for (let j = 0; j < cols; j++)
            gram[j * cols + j] += jitter;
        weights = choleskySolve(gram, xty, cols) ?? new Float64Array(cols);
        regularized = true;
    }
    let intercept = yMean;
    for (let j = 0; j < cols; j++)
        intercept -= means[j] * weights[j];
    return { weights, intercept, regularized };
}

;// CONCATENATED MODULE: ./.build/runtime/train/linear-scores.js
/** Adds MatMul + Add on the [-1, F] feature matrix; returns the [-1, K] scores. */
function addLinearScores(builder, features, c) {
    const w = builder.addInitializer("weights", {
        type: "float",
        dims: [c.features, c.outputs],
        values: c.weights,
    });
    const b = builder.addInitializer("intercepts", { type: "float", dims: [c.outputs], values: c.intercepts });
    return builder.op("Add", [builder.op("MatMul", [features, w]), b]);
}
/** rows × K scores from a rows × F row-major feature matrix, with weights rounded to float32 as exported. */
function linearScores(matrix, rows, c) {
    const { features, outputs } = c;
    const w = Float64Array.from(c.weights, Math.fround);
    const b = Float64Array.from(c.intercepts, Math.fround);
    const scores = new Float64Array(rows * outputs);
    for (let r = 0; r < rows; r++) {
        const xBase = r * features;
        const sBase = r * outputs;
        for (let k = 0; k < outputs; k++)
            scores[sBase + k] = b[k];
        for (let j = 0; j < features; j++) {
            const xj = matrix[xBase + j];
            if (xj === 0)
                continue;
            const wBase = j * outputs;
            for (let k = 0; k < outputs; k++)
                scores[sBase + k] += xj * w[wBase + k];
        }
    }
    return scores;
}

;// CONCATENATED MODULE: ./.build/runtime/train/linear-trainer.js
/**
 * `linear`: ridge regression. Features are imputed (training mean), standardized and one-hot
 * encoded in the exported graph; alpha penalizes the coefficients of the standardized features
 * (the intercept is not penalized), as scikit-learn's Ridge does on standardized data.
 */








const linearTrainer = {
    name: "linear",
    description: "linear regression with an L2 penalty (ridge), solved in closed form",
    tasks: ["regression"],
    params: {
        alpha: {
            kind: "number",
            default: 1,
            min: 0,
            description: "L2 penalty on the standardized coefficients (0 = ordinary least squares)",
        },
    },
    train(input) {
        const { train, target, features, params, logger } = input;
        if (target.task !== "regression")
            throw new Error("linear regression needs a regression target");
        const preprocessing = (0,feature_preprocessing/* fitPreprocessing */.gc)(train, features, {
            scale: true,
            impute: true,
            categorical: "one-hot",
        });
        const x = (0,encode_features/* encodeFeaturesFloat64 */.q8)(train, preprocessing);
        const fit = fitRidge(x.matrix, x.rows, x.cols, target.values, Number(params.alpha));
        if (fit.regularized) {
            logger.warn("the features are collinear (a constant, duplicated or fully one-hot column); a tiny ridge was added. Set --param alpha above 0 to choose it yourself.");
        }
        const coefficients = {
            weights: fit.weights,
            intercepts: Float64Array.of(fit.intercept),
            features: x.cols,
            outputs: 1,
        };
        const builder = new OnnxModelBuilder({ graphName: "kiln_linear" });
        const matrix = buildFeatureGraph(builder, preprocessing);
        addRegressionOutput(builder, addLinearScores(builder, matrix, coefficients));
        (0,kiln_model_metadata/* writeKilnMetadata */.NL)(builder, {
            task: "regression",
            algorithm: "linear",
            features: (0,feature_preprocessing/* featureSpecs */.Hk)(preprocessing),
            target: target.name,
        });
        return {
            onnx: builder.serialize(),
            task: "regression",
            predict(table) {
                const m = (0,encode_features/* encodeFeaturesFloat64 */.q8)(table, preprocessing);
                return { task: "regression", values: linearScores(m.matrix, m.rows, coefficients) };
            },
            training: { features: x.cols, rows: x.rows },
        };
    },
};

;// CONCATENATED MODULE: ./.build/runtime/train/lbfgs.js
function minimizeLbfgs(evaluate, start, options) {
    const n = start.length;
    const m = options.memory ?? 10;
    let x = Float64Array.from(start);
    let g = new Float64Array(n);
    let f = evaluate(x, g);
    const s = [];
    const y = [];
    const rho = [];
    const alpha = new Float64Array(m);
    const direction = new Float64Array(n);
    const xNext = new Float64Array(n);
    let gNext = new Float64Array(n);
    let iterations = 0;
    let gNorm = norm(g);
    while (gNorm >= options.tolerance && iterations < options.maxIterations) {
        // Two-loop recursion: direction = -H g.
        direction.set(g);
        for (let i = s.length - 1; i >= 0; i--) {
            alpha[i] = rho[i] * dot(s[i], direction);
            axpy(-alpha[i], y[i], direction);
        }
        if (s.length > 0) {
            const last = s.length - 1;
            scale(direction, dot(s[last], y[last]) / dot(y[last], y[last]));
        }
        else {
            scale(direction, 1 / Math.max(gNorm, 1));
        }
        for (let i = 0; i < s.length; i++) {
            const beta = rho[i] * dot(y[i], direction);
            axpy(alpha[i] - beta, s[i], direction);
        }
        scale(direction, -1);
        let slope = dot(g, direction);
        if (!(slope < 0)) {
            // Not a descent direction (numerical trouble): restart from steepest descent.
            s.length = 0;
            y.length = 0;
            rho.length = 0;
            direction.set(g);
            scale(direction, -1 / Math.max(gNorm, 1));
            slope = dot(g, direction);
        }
        // Backtracking line search. Near the optimum the objective stops changing in float64 (its
        // decrease is below rounding) while the gradient can still shrink: a step that keeps the value
        // within rounding and lowers the gradient norm is accepted too.
        let step = 1;
        let fNext = Number.POSITIVE_INFINITY;
        let accepted = false;
        for (let tries = 0; tries < 60; tries++) {
            for (let i = 0; i < n; i++)
                xNext[i] = x[i] + step * direction[i];
            fNext = evaluate(xNext, gNext);
            if (fNext <= f + 1e-4 * step * slope || (fNext <= f + 1e-14 * Math.abs(f) && norm(gNext) < gNorm)) {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        if (!accepted)
            break; // no progress possible at float64 precision
        const sNew = new Float64Array(n);
        const yNew = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            sNew[i] = xNext[i] - x[i];
            yNew[i] = gNext[i] - g[i];
        }
        const sy = dot(sNew, yNew);
        if (sy > 1e-12 * dot(yNew, yNew)) {
            if (s.length === m) {
                s.shift();
                y.shift();
                rho.shift();
            }
            s.push(sNew);
            y.push(yNew);
            rho.push(1 / sy);
        }
        x = Float64Array.from(xNext);
        const swap = g;
        g = gNext;
        gNext = swap;
        f = fNext;
        gNorm = norm(g);
        iterations++;
    }
    return { x, value: f, gradientNorm: gNorm, iterations, converged: gNorm < options.tolerance };
}
function dot(a, b) {
    let sum = 0;
    for (let i = 0; i < a.length; i++)
        sum += a[i] * b[i];
    return sum;
}
function axpy(a, x, y) {
    for (let i = 0; i < y.length; i++)
        y[i] += a * x[i];
}
function scale(x, a) {
    for (let i = 0; i < x.length; i++)
        x[i] *= a;
}
function norm(x) {
    return Math.sqrt(dot(x, x));
}

;// CONCATENATED MODULE: ./.build/runtime/train/fit-logistic-regression.js
/**
 * L2-regularized logistic regression on a float64 feature matrix, binary or multinomial. The
 * objective is the mean log loss plus (lambda / 2) ||W||² with lambda = 1 / (C n), which has the
 * same minimizer as scikit-learn's C Σ loss + ½ ||W||²; intercepts are not penalized.
 *
 * Solvers: L-BFGS (any number of classes), or Newton's method for two classes (IRLS: exact
 * Hessian, Cholesky, backtracking line search). Both run until the gradient norm is below
 * `tolerance`. Newton needs few iterations but each one builds the (p+1)² Hessian over every row;
 * on standardized features L-BFGS reaches the same tolerance in fewer passes over the data.
 */


/**
 * @param x rows × cols, row-major.
 * @param classIndex class per row, 0..classes-1.
 */
function fitLogisticRegression(x, rows, cols, classIndex, classes, options) {
    const lambda = 1 / (options.c * rows);
    if (classes === 2) {
        const y = new Float64Array(rows);
        for (let r = 0; r < rows; r++)
            y[r] = classIndex[r] === 1 ? 1 : 0;
        return options.solver === "newton"
            ? binaryNewton(x, rows, cols, y, lambda, options)
            : binaryLbfgs(x, rows, cols, y, lambda, options);
    }
    return multinomialLbfgs(x, rows, cols, classIndex, classes, lambda, options);
}
function priorLogit(y) {
    let positives = 0;
    for (let i = 0; i < y.length; i++)
        positives += y[i];
    const p = Math.min(Math.max(positives / y.length, 1e-12), 1 - 1e-12);
    return Math.log(p / (1 - p));
}
/**
 * Objective, gradient and (optionally) the Hessian's lower triangle at theta = [w, b] for the binary
 * problem, in one pass over the rows.
 */
function binaryPass(x, rows, cols, y, lambda, theta, gradient, hessian) {
    const size = cols + 1;
    gradient.fill(0);
    hessian?.fill(0);
    const b = theta[cols];
    let loss = 0;
    for (let r = 0; r < rows; r++) {
        const base = r * cols;
        let z = b;
        for (let j = 0; j < cols; j++)
            z += theta[j] * x[base + j];
        const yr = y[r];
        // One exp for both the loss (softplus) and the probability (sigmoid), stable for any z.
        const e = Math.exp(-Math.abs(z));
        loss += Math.max(z, 0) + Math.log1p(e) - yr * z;
        const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        const residual = p - yr;
        for (let j = 0; j < cols; j++)
            gradient[j] += residual * x[base + j];
        gradient[cols] += residual;
        if (hessian !== undefined) {
            const d = p * (1 - p);
            for (let j = 0; j < cols; j++) {
                const dj = d * x[base + j];
                if (dj === 0)
                    continue;
                const row = j * size;
                for (let k = 0; k <= j; k++)
                    hessian[row + k] += dj * x[base + k];
            }
            const last = cols * size;
            for (let k = 0; k < cols; k++)
                hessian[last + k] += d * x[base + k];
            hessian[last + cols] += d;
        }
    }
    const inv = 1 / rows;
    let penalty = 0;
    for (let j = 0; j < cols; j++) {
        gradient[j] = gradient[j] * inv + lambda * theta[j];
        penalty += theta[j] * theta[j];
    }
    gradient[cols] *= inv;
    if (hessian !== undefined) {
        for (let i = 0; i < size * size; i++)
            hessian[i] *= inv;
        for (let j = 0; j < cols; j++)
            hessian[j * size + j] += lambda;
    }
    return loss * inv + 0.5 * lambda * penalty;
}
function fit_logistic_regression_norm(v) {
    let s = 0;
    for (let i = 0; i < v.length; i++)
        s += v[i] * v[i];
    return Math.sqrt(s);
}
function binaryNewton(x, rows, cols, y, lambda, options) {
    const size = cols + 1;
    let theta = new Float64Array(size);
    theta[cols] = priorLogit(y);
    let gradient = new Float64Array(size);
    let hessian = new Float64Array(size * size);
    let f = binaryPass(x, rows, cols, y, lambda, theta, gradient, hessian);
    let gNorm = fit_logistic_regression_norm(gradient);
    let iterations = 0;
    const candidate = new Float64Array(size);
    let gNext = new Float64Array(size);
    let hNext = new Float64Array(size * size);
    while (gNorm >= options.tolerance && iterations < options.maxIterations) {
        const minusG = gradient.map((g) => -g);
        let step = solveDamped(hessian, minusG, size);
        let slope = 0;
        for (let i = 0; i < size; i++)
            slope += gradient[i] * step[i];
        if (!(slope < 0)) {
            step = minusG;
            slope = -gNorm * gNorm;
        }
        let t = 1;
        let fNext = Number.POSITIVE_INFINITY;
        let accepted = false;
        // The full step is tried with the Hessian computed in the same pass (it is almost always
        // accepted); shorter steps are tried on value and gradient only, then the Hessian is computed.
        for (let tries = 0; tries < 50; tries++) {
            for (let i = 0; i < size; i++)
                candidate[i] = theta[i] + t * step[i];
            fNext = binaryPass(x, rows, cols, y, lambda, candidate, gNext, tries === 0 ? hNext : undefined);
            if (fNext <= f + 1e-4 * t * slope || (fNext <= f + 1e-14 * Math.abs(f) && fit_logistic_regression_norm(gNext) < gNorm)) {
                accepted = true;
                if (tries > 0)
                    binaryPass(x, rows, cols, y, lambda, candidate, gNext, hNext);
                break;
            }
            t *= 0.5;
        }
        if (!accepted)
            break;
        theta = Float64Array.from(candidate);
        [gradient, gNext] = [gNext, gradient];
        [hessian, hNext] = [hNext, hessian];
        f = fNext;
        gNorm = fit_logistic_regression_norm(gradient);
        iterations++;
    }
    return {
        weights: theta.slice(0, cols),
        intercepts: Float64Array.of(theta[cols]),
        outputs: 1,
        iterations,
        gradientNorm: gNorm,
        converged: gNorm < options.tolerance,
        loss: f,
    };
}
/** Cholesky solve, adding a growing ridge to the diagonal if the Hessian is numerically singular. */
function solveDamped(hessian, rhs, size) {
    let solution = choleskySolve(hessian, rhs, size);
    let damping = 1e-10;
    while (solution === undefined && damping < 1e6) {
        const damped = Float64Array.from(hessian);
        for (let i = 0; i < size; i++)
            damped[i * size + i] += damping;
        solution = choleskySolve(damped, rhs, size);
        damping *= 100;
    }
    return solution ?? rhs;
}
function binaryLbfgs(x, rows, cols, y, lambda, options) {
    const start = new Float64Array(cols + 1);
    start[cols] = priorLogit(y);
    const result = minimizeLbfgs((theta, g) => binaryPass(x, rows, cols, y, lambda, theta, g, undefined), start, {
        tolerance: options.tolerance,
        maxIterations: options.maxIterations,
    });
    return {
        weights: result.x.slice(0, cols),
        intercepts: Float64Array.of(result.x[cols]),
        outputs: 1,
        iterations: result.iterations,
        gradientNorm: result.gradientNorm,
        converged: result.converged,
        loss: result.value,
    };
}
function multinomialLbfgs(x, rows, cols, classIndex, classes, lambda, options) {
    const size = cols + 1;
    const counts = new Float64Array(classes);
    for (let r = 0; r < rows; r++)
        counts[classIndex[r]]++;
    const start = new Float64Array(classes * size);
    for (let c = 0; c < classes; c++)
        start[c * size + cols] = Math.log(Math.max(counts[c] / rows, 1e-12));
    const scores = new Float64Array(classes);
    const evaluate = (theta, gradient) => {
        gradient.fill(0);
        let loss = 0;
        for (let r = 0; r < rows; r++) {
            const base = r * cols;
            let max = Number.NEGATIVE_INFINITY;
            for (let c = 0; c < classes; c++) {
                const t = c * size;
                let z = theta[t + cols];
                for (let j = 0; j < cols; j++)
                    z += theta[t + j] * x[base + j];
                scores[c] = z;
                if (z > max)
                    max = z;
            }
            let sum = 0;
            for (let c = 0; c < classes; c++) {
                const e = Math.exp(scores[c] - max);
                scores[c] = e;
                sum += e;
            }
            const yr = classIndex[r];
            loss += Math.log(sum) - Math.log(scores[yr]);
            const inv = 1 / sum;
            for (let c = 0; c < classes; c++) {
                const residual = scores[c] * inv - (c === yr ? 1 : 0);
                const t = c * size;
                for (let j = 0; j < cols; j++)
                    gradient[t + j] += residual * x[base + j];
                gradient[t + cols] += residual;
            }
        }
        const inv = 1 / rows;
        let penalty = 0;
        for (let c = 0; c < classes; c++) {
            const t = c * size;
            for (let j = 0; j < cols; j++) {
                gradient[t + j] = gradient[t + j] * inv + lambda * theta[t + j];
                penalty += theta[t + j] * theta[t + j];
            }
            gradient[t + cols] *= inv;
        }
        return loss * inv + 0.5 * lambda * penalty;
    };
    const result = minimizeLbfgs(evaluate, start, {
        tolerance: options.tolerance,
        maxIterations: options.maxIterations,
    });
    const weights = new Float64Array(cols * classes);
    const intercepts = new Float64Array(classes);
    for (let c = 0; c < classes; c++) {
        for (let j = 0; j < cols; j++)
            weights[j * classes + c] = result.x[c * size + j];
        intercepts[c] = result.x[c * size + cols];
    }
    return {
        weights,
        intercepts,
        outputs: classes,
        iterations: result.iterations,
        gradientNorm: result.gradientNorm,
        converged: result.converged,
        loss: result.value,
    };
}

;// CONCATENATED MODULE: ./.build/runtime/train/logistic-trainer.js
/**
 * `logistic`: logistic regression with an L2 penalty, binary or multinomial (softmax). Features are
 * imputed, standardized and one-hot encoded in the exported graph. The solver runs to convergence
 * (gradient norm below `tol`), not for a fixed number of steps.
 */









const logisticTrainer = {
    name: "logistic",
    description: "logistic regression (binary or multinomial) with an L2 penalty, L-BFGS or Newton to convergence",
    tasks: ["classification"],
    params: {
        C: {
            kind: "number",
            default: 1,
            min: 0,
            exclusiveMin: true,
            description: "inverse L2 strength, as scikit-learn's C (larger = weaker penalty)",
        },
        tol: {
            kind: "number",
            default: 1e-8,
            min: 0,
            exclusiveMin: true,
            description: "stop when the gradient norm of the mean loss falls below this",
        },
        max_iter: { kind: "number", default: 500, min: 1, integer: true, description: "iteration limit" },
        solver: {
            kind: "choice",
            default: "auto",
            choices: ["auto", "newton", "lbfgs"],
            description: "auto = L-BFGS; newton = Newton's method (IRLS), two classes only",
        },
    },
    train(input) {
        const { train, target, features, params, logger } = input;
        if (target.task !== "classification")
            throw new Error("logistic regression needs a classification target");
        const classes = target.classes;
        const solver = String(params.solver);
        if (solver === "newton" && classes.length > 2) {
            throw new errors/* UsageError */.eb(`solver 'newton' handles two classes; the target '${target.name}' has ${classes.length}. Use solver=lbfgs or auto.`);
        }
        const preprocessing = (0,feature_preprocessing/* fitPreprocessing */.gc)(train, features, {
            scale: true,
            impute: true,
            categorical: "one-hot",
        });
        const x = (0,encode_features/* encodeFeaturesFloat64 */.q8)(train, preprocessing);
        const fit = fitLogisticRegression(x.matrix, x.rows, x.cols, target.classIndex, classes.length, {
            c: Number(params.C),
            tolerance: Number(params.tol),
            maxIterations: Number(params.max_iter),
            solver: solver === "newton" ? "newton" : "lbfgs",
        });
        if (!fit.converged) {
            logger.warn(`logistic regression stopped after ${fit.iterations} iterations with gradient norm ${fit.gradientNorm.toExponential(2)} (tol ${params.tol}); raise max_iter or lower C.`);
        }
        const coefficients = {
            weights: fit.weights,
            intercepts: fit.intercepts,
            features: x.cols,
            outputs: fit.outputs,
        };
        const binary = classes.length === 2;
        const builder = new OnnxModelBuilder({ graphName: "kiln_logistic" });
        const scores = addLinearScores(builder, buildFeatureGraph(builder, preprocessing), coefficients);
        let probabilities;
        if (binary) {
            const positive = builder.op("Sigmoid", [scores]);
            const one = builder.addInitializer("one", { type: "float", dims: [1], values: [1] });
            const negative = builder.op("Sub", [one, positive]);
            probabilities = builder.op("Concat", [negative, positive], { axis: { int: 1 } });
        }
        else {
            probabilities = builder.op("Softmax", [scores], { axis: { int: 1 } });
        }
        addClassifierOutputs(builder, probabilities, classes);
        (0,kiln_model_metadata/* writeKilnMetadata */.NL)(builder, {
            task: "classification",
            algorithm: "logistic",
            features: (0,feature_preprocessing/* featureSpecs */.Hk)(preprocessing),
            target: target.name,
            classes,
        });
        return {
            onnx: builder.serialize(),
            task: "classification",
            classes,
            predict(table) {
                const m = (0,encode_features/* encodeFeaturesFloat64 */.q8)(table, preprocessing);
                const s = linearScores(m.matrix, m.rows, coefficients);
                return {
                    task: "classification",
                    classes,
                    probabilities: scoresToProbabilities(s, m.rows, classes.length),
                };
            },
            training: {
                iterations: fit.iterations,
                gradientNorm: fit.gradientNorm,
                converged: fit.converged,
                loss: fit.loss,
                solver: solver === "newton" ? "newton" : "lbfgs",
            },
        };
    },
};
/** Sigmoid (one score per row) or softmax (one per class) into rows × classes probabilities. */
function scoresToProbabilities(scores, rows, classes) {
    const probabilities = new Float64Array(rows * classes);
    if (classes === 2) {
        for (let r = 0; r < rows; r++) {
            const p = 1 / (1 + Math.exp(-scores[r]));
            probabilities[r * 2] = 1 - p;
            probabilities[r * 2 + 1] = p;
        }
        return probabilities;
    }
    for (let r = 0; r < rows; r++) {
        const base = r * classes;
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < classes; c++)
            max = Math.max(max, scores[base + c]);
        let sum = 0;
        for (let c = 0; c < classes; c++) {
            const e = Math.exp(scores[base + c] - max);
            probabilities[base + c] = e;
            sum += e;
        }
        for (let c = 0; c < classes; c++)
            probabilities[base + c] /= sum;
    }
    return probabilities;
}

;// CONCATENATED MODULE: ./.build/runtime/train/trainers.js
/**
 * The built-in trainers, by algorithm id (`kiln train --algorithm <id>`, `with: { algorithm: <id> }`).
 * Add a trainer with one line here.
 */




const trainers = {
    linear: linearTrainer,
    logistic: logisticTrainer,
    gbdt: gbdtTrainer,
};
/** The trainer for `algorithm`, or a UsageError listing the known ones. */
function findTrainer(algorithm) {
    const trainer = Object.hasOwn(trainers, algorithm) ? trainers[algorithm] : undefined;
    if (trainer === undefined) {
        throw new errors/* UsageError */.eb(`unknown algorithm '${algorithm}'; known algorithms are ${Object.keys(trainers).sort().join(", ")}.`);
    }
    return trainer;
}


/***/ })

};
