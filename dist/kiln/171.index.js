export const id = 171;
export const ids = [171,498];
export const modules = {

/***/ 171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerMonitorCommand: () => (/* binding */ registerMonitorCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/runtime/data/read-table.js + 4 modules
var read_table = __webpack_require__(4721);
// EXTERNAL MODULE: ./.build/runtime/registry/model-ref.js
var model_ref = __webpack_require__(3916);
// EXTERNAL MODULE: ./.build/runtime/registry/resolve-model.js
var resolve_model = __webpack_require__(7653);
// EXTERNAL MODULE: ./.build/runtime/monitor/compare-datasets.js + 6 modules
var compare_datasets = __webpack_require__(7017);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./.build/runtime/train/metrics/classification-metrics.js + 1 modules
var classification_metrics = __webpack_require__(6004);
// EXTERNAL MODULE: ./.build/runtime/train/metrics/regression-metrics.js
var regression_metrics = __webpack_require__(3569);
;// CONCATENATED MODULE: ./.build/runtime/monitor/performance-with-labels.js
/**
 * Performance on served traffic when labels arrive later: ground truth keyed by request id (and the
 * row within the request) joined to the window's predictions, scored with the training metrics
 * (runtime/train/metrics) and set against the metrics registered with the version.
 */






function cellText(column, row) {
    if (column.kind === "categorical") {
        const code = column.codes[row];
        return code < 0 ? undefined : column.categories[code];
    }
    const v = column.values[row];
    return Number.isNaN(v) ? undefined : v;
}
function labelsFromTable(table, labelColumns) {
    const find = (name) => table.columns.find((c) => c.name === name);
    const id = find("request_id");
    const label = labelColumns.map(find).find((c) => c !== undefined);
    if (id === undefined || label === undefined) {
        throw new errors/* DataError */.fL({ file: table.source }, `labels need a 'request_id' column and a label column (${labelColumns.map((c) => `'${c}'`).join(" or ")}); found ${table.columns.map((c) => `'${c.name}'`).join(", ")}.`);
    }
    const rowColumn = find("row");
    const byKey = new Map();
    for (let r = 0; r < table.rowCount; r++) {
        const requestId = cellText(id, r);
        const value = cellText(label, r);
        if (requestId === undefined || value === undefined)
            continue;
        const row = rowColumn === undefined ? 0 : (cellText(rowColumn, r) ?? 0);
        byKey.set(`${requestId}#${row}`, value);
    }
    return { source: table.source, byKey };
}
/**
 * Read labels from a CSV / JSON Lines / Parquet file, or — when `source` is `store:<prefix>` — from
 * every JSON Lines object (optionally .gz) under that prefix of the store. Rows carry `request_id`,
 * optionally `row` (default 0), and the label in the first of `labelColumns` present.
 */
async function readLabels(source, store, labelColumns) {
    if (!source.startsWith("store:"))
        return labelsFromTable(await (0,read_table/* readTable */.x)(source), labelColumns);
    const prefix = source.slice("store:".length);
    const byKey = new Map();
    for await (const info of store.list(prefix)) {
        if (!/\.(jsonl|ndjson)(\.gz)?$/.test(info.key))
            continue;
        const body = await store.get(info.key);
        const input = info.key.endsWith(".gz") ? body.pipe((0,external_node_zlib_.createGunzip)()) : body;
        let line = 0;
        for await (const text of (0,external_node_readline_.createInterface)({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
            line++;
            if (text.trim() === "")
                continue;
            let record;
            try {
                record = JSON.parse(text);
            }
            catch (error) {
                throw new errors/* DataError */.fL({ file: info.key, row: line }, `line ${line} is not valid JSON.`, {
                    cause: error,
                });
            }
            const key = labelColumns.find((c) => record[c] !== undefined && record[c] !== null);
            const value = key === undefined ? undefined : record[key];
            if (record.request_id === undefined || (typeof value !== "string" && typeof value !== "number")) {
                throw new errors/* DataError */.fL({ file: info.key, row: line }, `expected 'request_id' and a label (${labelColumns.join(" or ")}).`);
            }
            byKey.set(`${String(record.request_id)}#${String(record.row ?? 0)}`, value);
        }
    }
    return { source, byKey };
}
/** Registered metric that names the same quantity: `accuracy`, `test.accuracy`, `val_accuracy`. */
function registeredMetric(registered, name) {
    if (typeof registered[name] === "number")
        return { key: name, value: registered[name] };
    for (const [key, value] of Object.entries(registered)) {
        if (typeof value === "number" && (key.endsWith(`.${name}`) || key.endsWith(`_${name}`)))
            return { key, value };
    }
    return undefined;
}
function compare(metrics, registered) {
    const out = [];
    for (const [metric, current] of Object.entries(metrics)) {
        if (current === undefined || !Number.isFinite(current))
            continue;
        const comparison = { metric, current };
        const match = registeredMetric(registered, metric);
        if (match !== undefined) {
            comparison.registered = match.value;
            comparison.registeredKey = match.key;
        }
        out.push(comparison);
    }
    return out;
}
/** Join and score; undefined when no window row has a label. Pure. */
function modelPerformance(input) {
    const predicted = input.window.columns.find((c) => c.name === input.predictionColumn);
    if (predicted === undefined) {
        throw new errors/* DataError */.fL({ file: input.window.source, column: input.predictionColumn }, "the prediction log has no such output to score against the labels.");
    }
    const rows = [];
    let unlabelled = 0;
    for (let r = 0; r < input.requestKeys.length; r++) {
        if (input.labels.byKey.has(input.requestKeys[r]))
            rows.push(r);
        else
            unlabelled++;
    }
    const base = { task: input.task, labelsSource: input.labels.source, unlabelled };
    if (input.task === "regression") {
        const actual = [];
        const prediction = [];
        let unknownLabels = 0;
        for (const r of rows) {
            const y = Number(input.labels.byKey.get(input.requestKeys[r]));
            const p = cellText(predicted, r);
            if (!Number.isFinite(y) || typeof p !== "number") {
                unknownLabels++;
                continue;
            }
            actual.push(y);
            prediction.push(p);
        }
        if (actual.length === 0)
            return undefined;
        const m = (0,regression_metrics/* regressionMetrics */.N)(actual, prediction);
        return {
            ...base,
            labelled: actual.length,
            unknownLabels,
            comparisons: compare({ mean_error: m.mean_error, mae: m.mae, rmse: m.rmse, r2: m.r2, mape: m.mape }, input.registered),
        };
    }
    const classes = input.classes ?? [];
    const index = new Map(classes.map((c, i) => [c, i]));
    const probabilityColumns = (input.probabilityColumns ?? []).map((name) => input.window.columns.find((c) => c.name === name));
    const withProbabilities = probabilityColumns.length === classes.length &&
        classes.length > 0 &&
        probabilityColumns.every((c) => c !== undefined && c.kind !== "categorical");
    const actual = [];
    const predictedCodes = [];
    const probabilities = [];
    let unknownLabels = 0;
    for (const r of rows) {
        const a = index.get(String(input.labels.byKey.get(input.requestKeys[r])));
        const p = index.get(String(cellText(predicted, r)));
        if (a === undefined || p === undefined) {
            unknownLabels++;
            continue;
        }
        actual.push(a);
        predictedCodes.push(p);
        if (withProbabilities) {
            for (const c of probabilityColumns)
                probabilities.push(c.values[r]);
        }
    }
    if (actual.length === 0)
        return undefined;
    const m = (0,classification_metrics/* classificationMetrics */.qb)(classes, Int32Array.from(actual), Int32Array.from(predictedCodes), withProbabilities ? probabilities : undefined);
    return {
        ...base,
        labelled: actual.length,
        unknownLabels,
        comparisons: compare({
            accuracy: m.accuracy,
            precision_macro: m.precision_macro,
            recall_macro: m.recall_macro,
            f1_macro: m.f1_macro,
            roc_auc: m.roc_auc,
            log_loss: m.log_loss,
        }, input.registered),
    };
}

// EXTERNAL MODULE: ./.build/runtime/data/column-builder.js + 2 modules
var column_builder = __webpack_require__(670);
// EXTERNAL MODULE: ./.build/runtime/data/finish-table.js
var finish_table = __webpack_require__(1514);
;// CONCATENATED MODULE: ./.build/runtime/monitor/prediction-window.js
/**
 * Reads one window of the prediction log (`predictions/<model>/<YYYY-MM-DD>/<ts>-<random>.jsonl.gz`,
 * see serve/prediction-log.ts) into a columnar Table: the model's inputs and outputs, one row per
 * predicted row whose `ts` is in [since, until). Objects are listed by day prefix, streamed through
 * gunzip and read line by line into growable typed arrays, so memory holds the columns, never the
 * objects or row objects. An array value (e.g. class probabilities) becomes one numeric column per
 * element, `name[i]` (or `name[<class>]` when element names are given).
 */





const dayMs = 86_400_000;
/** The UTC days [since, until) touches, as YYYY-MM-DD. */
function windowDays(since, until) {
    const days = [];
    const first = Math.floor(since.getTime() / dayMs) * dayMs;
    for (let t = first; t < until.getTime(); t += dayMs)
        days.push(new Date(t).toISOString().slice(0, 10));
    return days;
}
/** The time of an object's first row, from its key `<YYYYMMDDTHHMMSSmmmZ>-<random>.jsonl.gz`. */
function objectStartTime(key) {
    const match = /\/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[^/]*$/.exec(key);
    if (match === null)
        return undefined;
    const [, y, mo, d, h, mi, s, ms] = match.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}
function builderFor(sink, name, kind, source) {
    let builder = sink.builders.get(name);
    if (builder === undefined) {
        builder = new column_builder/* ColumnBuilder */.Q(name, kind, source);
        builder.padTo(sink.rows);
        sink.builders.set(name, builder);
        sink.order.push(name);
    }
    return builder;
}
function pushValue(sink, column, name, value, source, row, outputNames) {
    if (Array.isArray(value)) {
        value.forEach((element, i) => {
            const elementName = `${name}[${column.elements?.[i] ?? i}]`;
            outputNames?.add(elementName);
            builderFor(sink, elementName, "numeric", source).push(element, { row });
        });
        return;
    }
    outputNames?.add(name);
    builderFor(sink, name, column.kind, source).push(value, { row });
}
/** A builder's DataError (which knows only the window row) re-said at the object's key and line. */
function atLine(error, key, line) {
    if (!(error instanceof errors/* DataError */.fL))
        return error;
    const prefix = [
        error.file,
        error.row === undefined ? undefined : `row ${error.row}`,
        error.column === undefined ? undefined : `column '${error.column}'`,
    ]
        .filter((p) => p !== undefined)
        .join(", ");
    const message = prefix !== "" && error.message.startsWith(`${prefix}: `)
        ? error.message.slice(prefix.length + 2)
        : error.message;
    return new errors/* DataError */.fL({ file: key, row: line, ...(error.column === undefined ? {} : { column: error.column }) }, message, {
        cause: error,
    });
}
/**
 * Read the window. A line that is not a JSON object, or a value that does not fit the declared
 * kind, is a DataError naming the object key and line.
 */
async function readPredictionWindow(store, request) {
    const since = request.since.getTime();
    const until = request.until.getTime();
    if (!(since < until)) {
        throw new errors/* DataError */.fL({}, `the window is empty: it starts at ${request.since.toISOString()} and ends at ${request.until.toISOString()}.`);
    }
    const sink = { builders: new Map(), order: [], rows: 0 };
    const outputNames = new Set();
    const requestKeys = request.keepRequestIds ? [] : undefined;
    const versions = {};
    const outputSet = new Set(request.outputs.map((o) => o.name));
    // Declared inputs and outputs get their columns up front, so an empty window still has them.
    for (const c of [...request.inputs, ...request.outputs]) {
        if (c.elements === undefined)
            builderFor(sink, c.name, c.kind, `predictions/${request.model}`);
    }
    for (const c of request.outputs)
        if (c.elements === undefined)
            outputNames.add(c.name);
    let objects = 0;
    let rowsSeen = 0;
    for (const day of windowDays(request.since, request.until)) {
        for await (const info of store.list(`predictions/${request.model}/${day}/`)) {
            const start = objectStartTime(info.key);
            if (start !== undefined && start >= until)
                continue;
            if (!info.key.endsWith(".jsonl.gz"))
                continue;
            objects++;
            const body = await store.get(info.key);
            const gunzip = (0,external_node_zlib_.createGunzip)();
            body.on("error", (error) => gunzip.destroy(error));
            const lines = (0,external_node_readline_.createInterface)({ input: body.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
            let line = 0;
            try {
                for await (const text of lines) {
                    line++;
                    if (text.trim() === "")
                        continue;
                    rowsSeen++;
                    let record;
                    try {
                        record = JSON.parse(text);
                    }
                    catch (error) {
                        throw new errors/* DataError */.fL({ file: info.key, row: line }, `line ${line} is not valid JSON.`, {
                            cause: error,
                        });
                    }
                    if (record === null || typeof record !== "object" || Array.isArray(record)) {
                        throw new errors/* DataError */.fL({ file: info.key, row: line }, `line ${line} is not a prediction row object.`);
                    }
                    const row = record;
                    const ts = typeof row.ts === "string" ? Date.parse(row.ts) : Number.NaN;
                    if (Number.isNaN(ts)) {
                        throw new errors/* DataError */.fL({ file: info.key, row: line }, `line ${line} has no valid 'ts' (expected an ISO 8601 time).`);
                    }
                    if (ts < since || ts >= until)
                        continue;
                    if (request.version !== undefined && row.version !== request.version)
                        continue;
                    const position = sink.rows + 1;
                    try {
                        for (const column of request.inputs) {
                            pushValue(sink, column, column.name, row.inputs?.[column.name], info.key, position, undefined);
                        }
                        for (const column of request.outputs) {
                            pushValue(sink, column, column.name, row.outputs?.[column.name], info.key, position, outputNames);
                        }
                    }
                    catch (error) {
                        throw atLine(error, info.key, line);
                    }
                    sink.rows++;
                    for (const builder of sink.builders.values())
                        builder.padTo(sink.rows);
                    requestKeys?.push(`${String(row.request_id)}#${String(row.row ?? 0)}`);
                    const version = typeof row.version === "string" ? row.version : "unknown";
                    versions[version] = (versions[version] ?? 0) + 1;
                }
            }
            catch (error) {
                if ((0,errors/* isKilnError */.hh)(error))
                    throw error;
                throw new errors/* StoreError */.AD(`could not read prediction log object '${info.key}': ${(0,errors/* errorMessage */.gJ)(error)}.`, {
                    key: info.key,
                });
            }
        }
    }
    const source = `predictions/${request.model} ${request.since.toISOString()}..${request.until.toISOString()}`;
    const table = (0,finish_table/* finishTable */.S)(source, sink.rows, sink.builders.values(), sink.order);
    const result = {
        table,
        outputColumns: sink.order.filter((n) => outputNames.has(n) || outputSet.has(n)),
        objects,
        rowsSeen,
        versions,
    };
    if (requestKeys !== undefined)
        result.requestKeys = requestKeys;
    return result;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/monitor-model.js
/**
 * One monitoring run of a registered model (`kiln monitor`, the monitor action): the prediction log
 * of a window against the reference — the version's training data, found in the store by the digest
 * its lineage records, or a given file — with drift on the inputs, prediction drift on the outputs,
 * data quality, and performance when labels are given. A window with fewer than `minRows` rows is
 * reported as `insufficient`, never as healthy.
 */












const MonitorStatus = {
    healthy: "healthy",
    drift: "drift",
    /** Too few rows in the window to say anything. */
    insufficient: "insufficient",
};
/** `kiln monitor`'s exit codes: 0 healthy, 1 drift, 2 usage or data error, 4 not enough data. */
const MonitorExitCode = { healthy: 0, drift: 1, usage: 2, insufficient: 4 };
/** Rows a window needs by default before it is compared. */
const DEFAULT_MIN_ROWS = 30;
function parseJson(text) {
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function kindOfDatatype(datatype) {
    if (datatype === "BYTES")
        return "categorical";
    if (datatype === "BOOL")
        return "boolean";
    return "numeric";
}
/** Inputs and outputs of the version, with their kinds (kiln.features first, else the signature). */
function modelColumns(record) {
    const metadata = record.signature.metadata ?? {};
    const features = parseJson(metadata["kiln.features"]);
    const inputs = features?.map((f) => ({ name: f.name, kind: f.kind })) ??
        record.signature.inputs.map((i) => ({ name: i.name, kind: kindOfDatatype(i.datatype) }));
    const classes = parseJson(metadata["kiln.classes"]);
    const outputs = record.signature.outputs.map((o) => {
        const scalar = o.shape.length <= 1 || (o.shape.length === 2 && o.shape[1] === 1);
        if (!scalar)
            return { name: o.name, ...(classes === undefined ? {} : { elements: classes }) };
        return { name: o.name, kind: kindOfDatatype(o.datatype) };
    });
    const task = metadata["kiln.task"];
    return {
        inputs,
        outputs,
        task: task === "classification" || task === "regression" ? task : undefined,
        classes,
        target: metadata["kiln.target"],
    };
}
/** Download `cache/sha256/<digest>` to a temporary file named with the dataset's extension. */
async function downloadDataset(store, digest, path, folder) {
    const file = (0,external_node_path_.join)(folder, `${digest}${(0,external_node_path_.extname)(path)}`);
    await (0,external_node_stream_promises_.pipeline)(await store.get(`cache/sha256/${digest}`), (0,external_node_fs_.createWriteStream)(file));
    return file;
}
/** The training data of the version: the first dataset of its lineage stored in the cache with every input. */
async function lineageReference(store, record, schema, folder, logger) {
    const datasets = Object.entries(record.lineage?.datasetDigests ?? {});
    const tried = [];
    for (const [path, digest] of datasets) {
        if ((await store.head(`cache/sha256/${digest}`)) === undefined) {
            tried.push(`${path} (not in the store)`);
            continue;
        }
        const file = await downloadDataset(store, digest, path, folder);
        try {
            const table = await (0,read_table/* readTable */.x)(file, { schema });
            table.source = `${path} (sha256 ${digest.slice(0, 12)}, training data of ${record.name}@${record.version})`;
            return table;
        }
        catch (error) {
            if (!(0,errors/* isKilnError */.hh)(error))
                throw error;
            logger.debug(`monitor: ${path} is not the reference: ${error.message}`);
            tried.push(`${path} (${error.message})`);
        }
    }
    throw new errors/* DataError */.fL({}, `${record.name}@${record.version} has no training data in the store to compare with${tried.length > 0 ? `; tried ${tried.join("; ")}` : " (its lineage records no dataset digest)"}.`, { hint: "Pass a reference file with --reference (the action's 'reference' input)." });
}
/**
 * Give the reference the model's scalar outputs: kept when the reference has them (a table of
 * past predictions), else taken from the training target (`kiln.target`) — so prediction drift is
 * measured against the distribution the model was trained to reproduce.
 */
function withOutputs(reference, outputs, target, task) {
    const names = new Set(reference.columns.map((c) => c.name));
    const compared = [];
    for (const name of outputs) {
        if (names.has(name)) {
            compared.push(name);
            continue;
        }
        const fromTarget = target !== undefined &&
            names.has(target) &&
            ((task === "classification" && name === "label") || (task === "regression" && name === "prediction"));
        if (!fromTarget)
            continue;
        const column = reference.columns.find((c) => c.name === target);
        if (column === undefined)
            continue;
        reference.columns.push({ ...column, name });
        compared.push(name);
    }
    return compared;
}
async function monitorModel(deps, request) {
    const { store, logger } = deps;
    const minRows = request.minRows ?? DEFAULT_MIN_ROWS;
    const ref = (0,model_ref/* parseModelRef */.q)(request.model);
    const { record } = await (0,resolve_model/* resolveModel */.A)(store, ref);
    const columns = modelColumns(record);
    const window = await readPredictionWindow(store, {
        model: record.name,
        since: request.since,
        until: request.until,
        inputs: columns.inputs,
        outputs: columns.outputs,
        keepRequestIds: request.labels !== undefined,
        // `name@version` means that version's traffic; a stage or the latest means all of the window's.
        ...(ref.kind === "version" ? { version: record.version } : {}),
    });
    const rows = window.table.rowCount;
    const base = {
        model: record.name,
        version: record.version,
        window: {
            since: request.since.toISOString(),
            until: request.until.toISOString(),
            rows,
            objects: window.objects,
            versions: window.versions,
        },
        minRows,
    };
    if (rows < minRows) {
        return {
            ...base,
            status: MonitorStatus.insufficient,
            reference: undefined,
            summary: rows === 0
                ? `No predictions were logged for ${record.name} in the window; nothing to compare.`
                : `Only ${rows} prediction row${rows === 1 ? "" : "s"} in the window, fewer than the ${minRows} needed; not compared.`,
        };
    }
    const schema = {};
    for (const c of columns.inputs)
        if (c.kind !== undefined)
            schema[c.name] = c.kind;
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "kiln-monitor-"));
    let reference;
    try {
        reference =
            request.reference !== undefined
                ? await (0,read_table/* readTable */.x)(request.reference, { schema })
                : await lineageReference(store, record, schema, folder, logger);
    }
    finally {
        await (0,promises_.rm)(folder, { recursive: true, force: true });
    }
    const scalarOutputs = window.outputColumns.filter((n) => !n.includes("["));
    const outputs = withOutputs(reference, scalarOutputs, columns.target, columns.task);
    const inputNames = columns.inputs.map((c) => c.name);
    const missingInputs = inputNames.filter((n) => !reference.columns.some((c) => c.name === n));
    if (missingInputs.length > 0) {
        throw new errors/* DataError */.fL({ file: reference.source }, `the reference lacks the model's input${missingInputs.length === 1 ? "" : "s"} ${missingInputs.map((n) => `'${n}'`).join(", ")}.`);
    }
    const report = (0,compare_datasets/* compareDatasets */.Bo)(reference, window.table, {
        columns: [...inputNames, ...outputs],
        outputs,
    });
    // A window's size says how busy the model was, not whether its data is sound: the row-count rule
    // (meant for comparing batches of the same kind) is left out of a window's quality findings.
    report.quality.rowCountChanged = false;
    report.quality.failures = report.quality.failures.filter((f) => !f.startsWith("row count changed"));
    let performance;
    if (request.labels !== undefined && columns.task !== undefined) {
        const labels = await readLabels(request.labels, store, [
            "label",
            ...(columns.target === undefined ? [] : [columns.target]),
            "actual",
            "y",
        ]);
        const probabilityColumns = (columns.classes ?? []).map((c) => `probabilities[${c}]`);
        performance = modelPerformance({
            task: columns.task,
            window: window.table,
            requestKeys: window.requestKeys ?? [],
            labels,
            ...(columns.classes === undefined ? {} : { classes: columns.classes }),
            predictionColumn: columns.task === "classification" ? "label" : "prediction",
            probabilityColumns,
            registered: record.metrics ?? {},
        });
    }
    const drift = report.datasetDrift || report.predictionDrift.drift;
    const summary = drift
        ? `${report.share.drifted} of ${report.share.tested} columns drifted${report.predictionDrift.drift ? ", including the predictions" : ""}.`
        : `${report.share.drifted} of ${report.share.tested} columns drifted; below the dataset drift share.`;
    const result = {
        ...base,
        status: drift ? MonitorStatus.drift : MonitorStatus.healthy,
        reference: { source: reference.source, rows: reference.rowCount },
        report,
        summary,
    };
    if (performance !== undefined)
        result.performance = performance;
    return result;
}

// EXTERNAL MODULE: ./.build/runtime/monitor/drift-report-json.js
var drift_report_json = __webpack_require__(6265);
;// CONCATENATED MODULE: ./.build/runtime/monitor/monitor-result-json.js
/**
 * The JSON form of a monitoring run (`kiln monitor --json`): status, model, window, reference, the
 * drift report as `kiln drift --json` prints it (absent for an insufficient window), performance.
 */

function monitorResultJson(result) {
    const out = {
        status: result.status,
        model: result.model,
        version: result.version,
        summary: result.summary,
        window: result.window,
        min_rows: result.minRows,
        reference: result.reference ?? null,
        dataset_drift: result.report?.datasetDrift ?? null,
        drift_share: result.report?.driftShare ?? null,
        prediction_drift: result.report?.predictionDrift.drift ?? null,
    };
    if (result.report !== undefined)
        out.report = (0,drift_report_json/* driftReportJson */.O)(result.report);
    if (result.performance !== undefined) {
        out.performance = {
            task: result.performance.task,
            labels: result.performance.labelsSource,
            labelled: result.performance.labelled,
            unlabelled: result.performance.unlabelled,
            unknown_labels: result.performance.unknownLabels,
            metrics: result.performance.comparisons.map((c) => ({
                metric: c.metric,
                current: c.current,
                registered: c.registered ?? null,
            })),
        };
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/runtime/promotion/gate-report.js
/** GitHub refuses check run summaries, texts, issue and comment bodies over this many characters. */
const githubBodyLimit = 65_535;
/** The check run `kiln/promotion`'s output: the verdict, the reasons, and the evidence. Pure. */
function renderGateReport(result, links = {}) {
    const title = result.passed
        ? "Promotion approved: every rule holds"
        : `Promotion blocked: ${result.failures.length} reason${result.failures.length === 1 ? "" : "s"}`;
    const summaryLines = result.passed
        ? ["All rules of the promotion policy hold. Merging this pull request promotes:"]
        : ["This pull request cannot be merged yet:", ""];
    if (result.passed) {
        for (const model of result.models) {
            summaryLines.push(`- **${model.request.model}** ${model.request.stage}: ${model.request.from ?? "none"} → ${model.request.to ?? "none"}`);
        }
    }
    else {
        for (const failure of result.failures)
            summaryLines.push(`- ${failure}`);
    }
    if (links.policyUrl)
        summaryLines.push("", `Policy: ${links.policyUrl}`);
    const sections = [...result.models.map(renderModel), ...result.approvals.map(renderApprovals)];
    return {
        title,
        summary: fitToLimit(summaryLines.join("\n")),
        text: fitToLimit(sections.join("\n\n")),
    };
}
function renderModel(evidence) {
    const { request, candidate, production } = evidence;
    const lines = [
        `### ${request.model}: ${request.stage} ${request.from ?? "none"} → ${request.to ?? "none"}`,
        "",
    ];
    if (!candidate)
        return [...lines, "The requested version is not in the registry."].join("\n");
    const names = [
        ...new Set([...Object.keys(candidate.metrics), ...Object.keys(production?.metrics ?? {})]),
    ].sort();
    if (names.length > 0) {
        lines.push(`| metric | ${candidate.version} | Production${production ? ` (${production.version})` : ""} | change |`);
        lines.push("|---|---:|---:|---:|");
        for (const name of names) {
            const value = candidate.metrics[name];
            const current = production?.metrics[name];
            const change = value !== undefined && current !== undefined ? signed(value - current) : "";
            lines.push(`| ${name} | ${format(value)} | ${format(current)} | ${change} |`);
        }
        lines.push("");
    }
    if (evidence.rules.length > 0) {
        lines.push("| rule | verdict | detail |", "|---|---|---|");
        for (const rule of evidence.rules)
            lines.push(`| ${rule.rule} | ${rule.passed ? "✅ holds" : "❌ fails"} | ${rule.detail} |`);
        lines.push("");
    }
    lines.push(evidence.signatureChanges.length === 0
        ? "**Signature:** unchanged from Production."
        : `**Signature changes:** ${evidence.signatureChanges.join("; ")}.`);
    const lineage = [
        candidate.commit ? `commit ${candidate.commit.slice(0, 7)}` : undefined,
        candidate.branch ? `branch ${candidate.branch}` : undefined,
        candidate.runUrl ? `[workflow run](${candidate.runUrl})` : undefined,
        candidate.releaseUrl ? `[release](${candidate.releaseUrl})` : undefined,
    ].filter(Boolean);
    if (lineage.length > 0)
        lines.push(`**Lineage:** ${lineage.join(" · ")}`);
    for (const [name, digest] of Object.entries(candidate.datasets ?? {})) {
        lines.push(`- data \`${name}\`: sha256:${digest.slice(0, 12)}`);
    }
    return lines.join("\n");
}
function renderApprovals(tally) {
    const lines = [
        `### Approvals for ${tally.stage}: ${tally.counted.length} of ${tally.required} required`,
        "",
    ];
    const rows = [
        ...tally.counted.map((a) => `| @${a.login} | ✅ counted | |`),
        ...tally.blocking.map((a) => `| @${a.login} | ⛔ blocking | ${a.reason ?? ""} |`),
        ...tally.ignored.map((a) => `| @${a.login} | ➖ ignored | ${a.reason ?? ""} |`),
    ];
    if (rows.length === 0)
        return [...lines, "No reviews yet."].join("\n");
    return [...lines, "| reviewer | verdict | reason |", "|---|---|---|", ...rows].join("\n");
}
/** Trim text to GitHub's limit, saying what was left out. */
function fitToLimit(text, limit = githubBodyLimit) {
    if (text.length <= limit)
        return text;
    const reserve = 120;
    const kept = text.slice(0, limit - reserve);
    return `${kept}\n\n… ${text.length - kept.length} characters left out to stay under GitHub's ${limit}-character limit.`;
}
function format(value) {
    return value === undefined ? "—" : String(Number(value.toPrecision(6)));
}
function signed(value) {
    const rounded = Number(value.toPrecision(4));
    return rounded > 0 ? `+${rounded}` : String(rounded);
}
/** The check run's output when the request cannot even be evaluated (an invalid file). Pure. */
function renderProblemReport(title, problems) {
    return {
        title,
        summary: fitToLimit(["This pull request cannot be merged yet:", "", ...problems.map((p) => `- ${p}`)].join("\n")),
        text: "",
    };
}
/** The check run's output on a pull request that changes no file in registry/. Pure. */
function renderNoPromotionReport() {
    return {
        title: "No promotion requested",
        summary: "This pull request changes no `registry/<model>.yaml`, so it promotes nothing and the promotion gate does not apply.",
        text: "",
    };
}

// EXTERNAL MODULE: ./.build/runtime/monitor/format-number.js
var format_number = __webpack_require__(3491);
// EXTERNAL MODULE: ./.build/runtime/monitor/render-drift-markdown.js
var render_drift_markdown = __webpack_require__(8976);
;// CONCATENATED MODULE: ./.build/runtime/monitor/monitor-summary-markdown.js
/**
 * The markdown of one monitoring run, for `kiln monitor --markdown` and the action's job summary:
 * the status in a sentence, the window, performance when labels were given, then the drift
 * report. An insufficient window says so and shows no verdict. Pure.
 */



const headline = {
    healthy: "✅ healthy",
    drift: "⚠️ drift",
    insufficient: "⏸️ not enough data",
};
function renderMonitorMarkdown(result) {
    const lines = [
        `## kiln monitor: ${(0,render_drift_markdown/* escapeMarkdownCell */.V)(result.model)}@${result.version} — ${headline[result.status]}`,
        "",
        result.summary,
        "",
        `Window ${result.window.since} → ${result.window.until}: ${result.window.rows} rows from ${result.window.objects} log object${result.window.objects === 1 ? "" : "s"} (at least ${result.minRows} needed).`,
        "",
    ];
    if (result.performance !== undefined) {
        lines.push(`### Performance on ${result.performance.labelled} labelled rows`, "", "| metric | this window | registered |", "|---|---|---|", ...result.performance.comparisons.map((c) => `| ${c.metric} | ${(0,format_number/* formatScore */.y)(c.current)} | ${c.registered === undefined ? "–" : (0,format_number/* formatScore */.y)(c.registered)} |`), "");
    }
    const head = lines.join("\n");
    const report = result.report === undefined
        ? ""
        : (0,render_drift_markdown/* renderDriftMarkdown */.b)(result.report, undefined, { maxLength: Math.max(1000, 60_000 - head.length) });
    return fitToLimit(`${head}\n${report}`);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/monitor-window.js
/**
 * The time window of a monitoring run, from `--window 24h` (the last 24 hours up to now or
 * `--until`) or `--since <time> [--until <time>]`, and the periods users type (`90m`, `24h`, `7d`,
 * `2w`) for windows and snoozes. Pure: the clock is passed in.
 */

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Milliseconds of a period like `30m`, `24h`, `7d`, `2w`; a UsageError naming `what` otherwise. */
function parsePeriod(text, what) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/i.exec(text);
    const ms = match === null
        ? Number.NaN
        : Number(match[1]) * unitMs[match[2].toLowerCase()];
    if (!(ms > 0)) {
        throw new errors/* UsageError */.eb(`${what}: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got '${text}'.`);
    }
    return ms;
}
/** A time given as ISO 8601 (`2026-11-28`, `2026-11-28T12:00Z`) or as a period ago (`7d`). */
function parseTime(text, what, now) {
    if (/^\s*\d+(?:\.\d+)?\s*[smhdw]\s*$/i.test(text))
        return new Date(now.getTime() - parsePeriod(text, what));
    const t = Date.parse(text);
    if (Number.isNaN(t)) {
        throw new errors/* UsageError */.eb(`${what}: expected an ISO 8601 time (e.g. 2026-11-28T00:00Z) or a period ago (e.g. 7d), got '${text}'.`);
    }
    return new Date(t);
}
const DEFAULT_WINDOW = "24h";
function resolveWindow(flags, now) {
    if (flags.window !== undefined && flags.since !== undefined) {
        throw new errors/* UsageError */.eb("give either --window or --since, not both.");
    }
    const until = flags.until === undefined ? now : parseTime(flags.until, "--until", now);
    const since = flags.since !== undefined
        ? parseTime(flags.since, "--since", now)
        : new Date(until.getTime() - parsePeriod(flags.window ?? DEFAULT_WINDOW, "--window"));
    if (!(since.getTime() < until.getTime())) {
        throw new errors/* UsageError */.eb(`the window is empty: it starts at ${since.toISOString()} and ends at ${until.toISOString()}; --since must be before --until.`);
    }
    return { since, until };
}

// EXTERNAL MODULE: ./.build/runtime/monitor/render-drift-html.js + 2 modules
var render_drift_html = __webpack_require__(2114);
// EXTERNAL MODULE: ./.build/runtime/store/open-store.js + 2 modules
var open_store = __webpack_require__(7943);
// EXTERNAL MODULE: ./.build/runtime/cli/console-logger.js
var console_logger = __webpack_require__(9498);
// EXTERNAL MODULE: ./.build/runtime/cli/commands/drift-command.js
var drift_command = __webpack_require__(9944);
;// CONCATENATED MODULE: ./.build/runtime/cli/commands/monitor-command.js
/**
 * `kiln monitor <model>[:<stage>|@<version>]`: the model's prediction log over a window against its
 * reference (the version's training data by digest, or --reference), with drift, prediction drift,
 * data quality and — with --labels — performance. Exit codes: 0 healthy, 1 drift, 2 usage or data
 * error, 3 store unavailable, 4 not enough data in the window (never reported as healthy).
 */










function minRowsOf(text) {
    if (text === undefined)
        return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
        throw new errors/* UsageError */.eb(`--min-rows: expected a whole number of at least 1, got '${text}'.`);
    return n;
}
async function monitor(model, flags) {
    const window = resolveWindow(flags, new Date());
    const minRows = minRowsOf(flags.minRows);
    const store = await (0,open_store.openStore)(flags.store, { env: process.env, cwd: process.cwd() });
    const request = { model, ...window };
    if (flags.reference !== undefined)
        request.reference = flags.reference;
    if (flags.labels !== undefined)
        request.labels = flags.labels;
    if (minRows !== undefined)
        request.minRows = minRows;
    const result = await monitorModel({ store, logger: (0,console_logger.createConsoleLogger)({ quiet: true }) }, request);
    if (flags.html !== undefined && result.report !== undefined) {
        await (0,promises_.writeFile)(flags.html, (0,render_drift_html/* renderDriftHtml */.r)(result.report));
        process.stderr.write(`wrote ${flags.html}\n`);
    }
    if (flags.markdown !== undefined) {
        await (0,promises_.writeFile)(flags.markdown, renderMonitorMarkdown(result));
        process.stderr.write(`wrote ${flags.markdown}\n`);
    }
    if (flags.json) {
        process.stdout.write(`${JSON.stringify(monitorResultJson(result), null, 2)}\n`);
    }
    else {
        const lines = [
            `${result.model}@${result.version}: ${result.status === "insufficient" ? "NOT ENOUGH DATA" : result.status === "drift" ? "DRIFT" : "healthy"} — ${result.summary}`,
            `window ${result.window.since} .. ${result.window.until}: ${result.window.rows} rows from ${result.window.objects} log objects`,
        ];
        if (result.reference !== undefined)
            lines.push(`reference ${result.reference.source}: ${result.reference.rows} rows`);
        process.stdout.write(`${lines.join("\n")}\n`);
        if (result.report !== undefined)
            process.stdout.write(`\n${(0,drift_command.driftTable)(result.report)}`);
        if (result.performance !== undefined) {
            process.stdout.write(`\nPerformance on ${result.performance.labelled} labelled rows:\n`);
            for (const c of result.performance.comparisons) {
                process.stdout.write(`  ${c.metric.padEnd(16)} ${c.current.toPrecision(4).padStart(10)}${c.registered === undefined ? "" : `   registered ${c.registered.toPrecision(4)}`}\n`);
            }
        }
    }
    process.exitCode = MonitorExitCode[result.status];
}
function registerMonitorCommand(program) {
    program
        .command("monitor")
        .description("Check a registered model's served traffic (the prediction log) against its training data: drift, prediction drift, data quality, and performance when labels are given.\n" +
        "Exit code: 0 healthy, 1 drift, 2 bad arguments or data, 3 store unavailable, 4 not enough data in the window.")
        .argument("<model>", "the model: name (latest version), name:production, or name@1.2.0 (only that version's traffic)")
        .option("--window <period>", "the last period up to now (or --until), e.g. 24h, 7d (default 24h)")
        .option("--since <time>", "window start: ISO 8601 time or a period ago (e.g. 7d)")
        .option("--until <time>", "window end (default now)")
        .option("--reference <file>", "compare with this CSV / JSON Lines / Parquet file instead of the training data")
        .option("--labels <source>", "ground truth by request_id (+ row): a file, or store:<prefix> of JSON Lines objects")
        .option("--min-rows <n>", "rows the window needs to be compared (default 30)")
        .option("--json", "print the result as JSON")
        .option("--html <file>", "write the self-contained HTML drift report")
        .option("--markdown <file>", "write the markdown summary")
        .option("--store <url>", "the store (default KILN_STORE, else .kiln/store)")
        .action(monitor);
}


/***/ }),

/***/ 9498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createConsoleLogger: () => (/* binding */ createConsoleLogger)
/* harmony export */ });
/** The CLI's logger: info to stdout, warnings and errors to stderr, groups as indented blocks. */
function createConsoleLogger(options = {}) {
    let indent = "";
    const where = (a) => a?.file ? `${a.file}${a.line ? `:${a.line}${a.column ? `:${a.column}` : ""}` : ""}: ` : "";
    return {
        debug(message) {
            if (options.verbose)
                process.stderr.write(`${indent}${message}\n`);
        },
        info(message) {
            if (!options.quiet)
                process.stdout.write(`${indent}${message}\n`);
        },
        warn(message, annotation) {
            process.stderr.write(`${indent}warning: ${where(annotation)}${message}\n`);
        },
        error(message, annotation) {
            process.stderr.write(`${indent}error: ${where(annotation)}${message}\n`);
        },
        async group(name, fn) {
            if (!options.quiet)
                process.stdout.write(`${indent}${name}\n`);
            const outer = indent;
            indent = `${indent}  `;
            try {
                return await fn();
            }
            finally {
                indent = outer;
            }
        },
    };
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

/***/ 3916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ formatModelRef),
/* harmony export */   q: () => (/* binding */ parseModelRef)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _model_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9150);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);




function parseModelRef(text) {
    const at = text.indexOf("@");
    const colon = text.indexOf(":");
    if (at !== -1) {
        const name = text.slice(0, at);
        const version = text.slice(at + 1).replace(/^v/, "");
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        if ((0,semver__WEBPACK_IMPORTED_MODULE_0__.valid)(version) === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': '${version}' is not a semantic version (expected e.g. ${name}@1.2.0).`);
        return { name, kind: "version", version };
    }
    if (colon !== -1) {
        const name = text.slice(0, colon);
        const stageText = text.slice(colon + 1);
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        const stage = (0,_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .parseModelStage */ .Dz)(stageText);
        if (stage === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': unknown stage '${stageText}'; known stages: ${_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .knownStageNames */ .ON.join(", ")}.`);
        return { name, kind: "stage", stage };
    }
    (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(text);
    return { name: text, kind: "latest" };
}
function formatModelRef(ref) {
    if (ref.kind === "version")
        return `${ref.name}@${ref.version}`;
    if (ref.kind === "stage")
        return `${ref.name}:${ref.stage.toLowerCase()}`;
    return ref.name;
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

/***/ 7653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ resolveModel)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _model_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3346);
/* harmony import */ var _model_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);
/* harmony import */ var _read_model_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8027);
/* harmony import */ var _stages_at_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9398);






/**
 * Find the record a reference means: `name` → the highest version, `name@1.2.0` → that version,
 * `name:production` → the version in that stage (at `at`, now by default). A missing model,
 * version or stage holder is a NotFoundError saying what exists.
 */
async function resolveModel(store, ref, options = {}) {
    const parsed = typeof ref === "string" ? (0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseModelRef */ .q)(ref) : ref;
    const { name } = parsed;
    const { index } = options.loaded ?? (await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadModelIndex */ .cU)(store, name));
    const stages = (0,_stages_at_js__WEBPACK_IMPORTED_MODULE_5__/* .stagesAt */ .n)(index.events, options.at);
    const stageOf = (version) => stages.versions.get(version) ?? _model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelStage */ .Og.None;
    let version;
    if (parsed.kind === "version") {
        version = parsed.version;
        const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
        if (record === undefined) {
            const known = index.versions.map((v) => v.version);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(known.length === 0
                ? `model '${name}' has no versions in ${store.url}.`
                : `model '${name}' has no version ${version}; it has ${describeVersions(known)}.`);
        }
        return { record, stage: stageOf(version) };
    }
    if (index.versions.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions in ${store.url}.`, {
            hint: "Register one with 'kiln model register'.",
        });
    if (parsed.kind === "latest")
        version = index.versions.at(-1)?.version;
    else {
        const holders = [...stages.versions].filter(([, stage]) => stage === parsed.stage).map(([v]) => v);
        version = holders.at(-1);
        if (version === undefined) {
            const when = options.at === undefined ? "" : ` at ${options.at.toISOString()}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`no version of '${name}' was in ${parsed.stage}${when} (${(0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .formatModelRef */ .Q)(parsed)}).`);
        }
    }
    if (version === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions.`);
    const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
    if (record === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`${name}@${version} is in the index but its record is missing; run 'kiln model reindex ${name}'.`);
    return { record, stage: stageOf(version) };
}
function describeVersions(versions) {
    if (versions.length <= 10)
        return versions.join(", ");
    return `${versions.length} versions, ${versions.slice(0, 3).join(", ")} ... ${versions.slice(-3).join(", ")}`;
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


/***/ })

};
