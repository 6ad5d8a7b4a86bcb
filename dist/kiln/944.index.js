export const id = 944;
export const ids = [944];
export const modules = {

/***/ 9944:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   driftTable: () => (/* binding */ driftTable),
/* harmony export */   registerDriftCommand: () => (/* binding */ registerDriftCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _data_read_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4721);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8094);
/* harmony import */ var _monitor_compare_datasets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7017);
/* harmony import */ var _monitor_drift_report_json_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6265);
/* harmony import */ var _monitor_drift_tests_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1720);
/* harmony import */ var _monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3491);
/* harmony import */ var _monitor_render_drift_html_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2114);
/* harmony import */ var _monitor_render_drift_markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8976);
/**
 * `kiln drift <reference-file> <current-file>`: compares two CSV / JSON Lines / Parquet files with
 * Evidently's default tests (or a forced --method), prints a table (or --json), and can write the
 * HTML and markdown reports. Exit code 0 when the dataset did not drift, 1 when it did (like
 * `diff`; --exit-zero to always return 0), 2 for a usage or data error.
 */









function positiveNumber(flag, text) {
    if (text === undefined)
        return undefined;
    const value = Number(text);
    if (!(Number.isFinite(value) && value > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--${flag}: expected a positive number, got '${text}'.`);
    }
    return value;
}
function list(text) {
    if (text === undefined)
        return undefined;
    const items = text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`expected a comma-separated list of column names, got '${text}'.`);
    return items;
}
function scoreText(c) {
    if (c.status !== "tested")
        return c.status === "empty_current" ? "no current values" : "no reference values";
    return c.testKind === "p_value" ? `p=${(0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPValue */ .td)(c.score)}` : (0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatScore */ .y)(c.score);
}
/** The human-readable table printed by default. */
function driftTable(report) {
    const header = ["column", "type", "test", "score", "threshold", "verdict", "effect size", "n ref/cur"];
    const rows = report.columns.map((c) => [
        c.role === "output" ? `${c.column} (output)` : c.column,
        c.type,
        c.test,
        scoreText(c),
        c.testKind === "p_value" ? `${c.test === "ks" ? "p<=" : "p<"}${c.threshold}` : `>=${c.threshold}`,
        c.status !== "tested" ? "not tested" : c.drift ? "DRIFT" : "ok",
        c.status === "tested" ? `${(0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatScore */ .y)(c.effectSize)} (${c.effectSizeName})` : "-",
        `${c.nReference}/${c.nCurrent}`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd();
    const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
    out.push(`${report.datasetDrift ? "Dataset drift detected" : "No dataset drift"}: ${report.share.drifted} of ${report.share.tested} columns drifted (${(0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPercent */ .l9)(report.share.driftShare)}; threshold ${(0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPercent */ .l9)(report.driftShareThreshold)}), decided by ${report.decidedBy === "share" ? "the drifted share (Evidently's rule)" : `Benjamini-Hochberg at FDR ${report.fdr.level}`}.`);
    out.push(`Benjamini-Hochberg (FDR ${report.fdr.level}): ${report.fdr.drifted} of ${report.fdr.tested} columns (${(0,_monitor_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPercent */ .l9)(report.fdr.driftShare)}) -> ${report.fdr.datasetDrift ? "drift" : "no drift"}.`);
    if (report.predictionDrift.columns.length > 0) {
        out.push(`Prediction drift (${report.predictionDrift.columns.join(", ")}): ${report.predictionDrift.drift ? "detected" : "not detected"}.`);
    }
    if (report.quality.failures.length > 0) {
        out.push("", "Data quality:");
        for (const f of report.quality.failures)
            out.push(`  - ${f}`);
    }
    return `${out.join("\n")}\n`;
}
async function drift(referenceFile, currentFile, flags) {
    if (flags.decideBy !== "share" && flags.decideBy !== "fdr") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--decide-by: expected 'share' or 'fdr', got '${flags.decideBy}'.`);
    }
    const options = { decideBy: flags.decideBy };
    const columns = list(flags.columns);
    if (columns !== undefined)
        options.columns = columns;
    const outputs = list(flags.outputs);
    if (outputs !== undefined)
        options.outputs = outputs;
    if (flags.method !== undefined)
        options.method = flags.method;
    const threshold = positiveNumber("threshold", flags.threshold);
    if (threshold !== undefined)
        options.threshold = threshold;
    const fdr = positiveNumber("fdr", flags.fdr);
    if (fdr !== undefined)
        options.fdrLevel = fdr;
    const driftShare = positiveNumber("drift-share", flags.driftShare);
    if (driftShare !== undefined)
        options.driftShare = driftShare;
    const [reference, current] = await Promise.all([(0,_data_read_table_js__WEBPACK_IMPORTED_MODULE_1__/* .readTable */ .x)(referenceFile), (0,_data_read_table_js__WEBPACK_IMPORTED_MODULE_1__/* .readTable */ .x)(currentFile)]);
    const report = (0,_monitor_compare_datasets_js__WEBPACK_IMPORTED_MODULE_3__/* .compareDatasets */ .Bo)(reference, current, options);
    if (flags.html !== undefined) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(flags.html, (0,_monitor_render_drift_html_js__WEBPACK_IMPORTED_MODULE_6__/* .renderDriftHtml */ .r)(report));
        process.stderr.write(`wrote ${flags.html}\n`);
    }
    if (flags.markdown !== undefined) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(flags.markdown, (0,_monitor_render_drift_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .renderDriftMarkdown */ .b)(report));
        process.stderr.write(`wrote ${flags.markdown}\n`);
    }
    process.stdout.write(flags.json ? `${JSON.stringify((0,_monitor_drift_report_json_js__WEBPACK_IMPORTED_MODULE_8__/* .driftReportJson */ .O)(report), null, 2)}\n` : driftTable(report));
    process.exitCode = report.datasetDrift && !flags.exitZero ? _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .yU.failure : _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .yU.ok;
}
function registerDriftCommand(program) {
    program
        .command("drift")
        .description("Compare two datasets (CSV, JSON Lines or Parquet) column by column for drift, with Evidently's default tests.\n" +
        "Exit code: 0 no dataset drift, 1 dataset drift, 2 bad arguments or data.")
        .argument("<reference-file>", "the reference data, e.g. the training set")
        .argument("<current-file>", "the data to check, e.g. recent inputs")
        .option("--columns <a,b,...>", "compare only these columns (default: every column both files have)")
        .option("--method <test>", `force one test for every column it applies to: ${Object.keys(_monitor_drift_tests_js__WEBPACK_IMPORTED_MODULE_4__/* .driftTests */ .T1).sort().join(", ")}`)
        .option("--threshold <x>", "threshold for the tests (p-value for ks/chisquare/z, distance for the others)")
        .option("--json", "print the result as JSON")
        .option("--html <file>", "write a self-contained HTML report")
        .option("--markdown <file>", "write the markdown summary")
        .option("--outputs <a,b,...>", "columns that are model outputs (prediction drift)")
        .option("--decide-by <rule>", "dataset drift by 'share' (Evidently's rule) or 'fdr' (Benjamini-Hochberg)", "share")
        .option("--fdr <q>", "false discovery rate for the Benjamini-Hochberg decision", "0.05")
        .option("--drift-share <x>", "dataset drift when at least this share of columns drifts", "0.5")
        .option("--exit-zero", "exit 0 even when the dataset drifted")
        .action(drift);
}


/***/ }),

/***/ 7017:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bo: () => (/* binding */ compareDatasets)
});

// UNUSED EXPORTS: DEFAULT_DRIFT_SHARE, DEFAULT_FDR_LEVEL, ROW_COUNT_TOLERANCE

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/monitor/benjamini-hochberg.js
/**
 * Benjamini–Hochberg step-up adjustment: q_(i) = min_{j >= i} (m / j) · p_(j), capped at 1 (the
 * "adjusted p-values" of R's p.adjust(method = "BH")). Rejecting every hypothesis with q <= α keeps
 * the expected share of false discoveries among the rejections at most α (independent or
 * positively dependent tests). NaN p-values are left out of m and stay NaN.
 */
function benjaminiHochberg(pValues) {
    const indexed = pValues
        .map((p, i) => ({ p, i }))
        .filter((e) => !Number.isNaN(e.p))
        .sort((a, b) => a.p - b.p);
    const m = indexed.length;
    const adjusted = pValues.map(() => Number.NaN);
    let running = 1;
    for (let rank = m; rank >= 1; rank--) {
        const entry = indexed[rank - 1];
        running = Math.min(running, (entry.p * m) / rank);
        adjusted[entry.i] = Math.min(1, running);
    }
    return adjusted;
}

// EXTERNAL MODULE: ./.build/runtime/monitor/histogram-bins.js
var histogram_bins = __webpack_require__(1257);
;// CONCATENATED MODULE: ./.build/runtime/monitor/column-distribution.js
/**
 * Reference and current distributions of one column, for the report's charts: a histogram over the
 * pooled range (Sturges' bin count, at most 40 bins) for numerical columns, the 20 most frequent
 * categories (the rest summed as "(other)") for categorical ones. Shares of the non-missing values.
 */

const MAX_BINS = 40;
const MAX_CATEGORIES = 20;
const OTHER_CATEGORIES = "(other)";
function columnDistribution(reference, current) {
    if (reference.type === "numerical" && current.type === "numerical") {
        const ref = reference.sample.values;
        const cur = current.sample.values;
        if (ref.length + cur.length === 0)
            return { kind: "histogram", edges: [], reference: [], current: [] };
        const min = Math.min(ref[0] ?? Number.POSITIVE_INFINITY, cur[0] ?? Number.POSITIVE_INFINITY);
        const max = Math.max(ref[ref.length - 1] ?? Number.NEGATIVE_INFINITY, cur[cur.length - 1] ?? Number.NEGATIVE_INFINITY);
        let edges = (0,histogram_bins/* sturgesEdges */.EX)(min, max, ref.length + cur.length);
        if (edges.length - 1 > MAX_BINS)
            edges = (0,histogram_bins/* linspace */.mT)(edges[0], edges[edges.length - 1], MAX_BINS + 1);
        const share = (values) => {
            const counts = (0,histogram_bins/* histogramCounts */.bB)(values, edges);
            return Array.from(counts, (c) => (values.length > 0 ? c / values.length : 0));
        };
        return { kind: "histogram", edges: Array.from(edges), reference: share(ref), current: share(cur) };
    }
    const refCounts = reference.type === "categorical" ? reference.counts : new Map();
    const curCounts = current.type === "categorical" ? current.counts : new Map();
    const refSize = reference.type === "categorical" ? reference.size : 0;
    const curSize = current.type === "categorical" ? current.size : 0;
    const keys = [...new Set([...refCounts.keys(), ...curCounts.keys()])];
    const weight = (k) => (refSize > 0 ? (refCounts.get(k) ?? 0) / refSize : 0) +
        (curSize > 0 ? (curCounts.get(k) ?? 0) / curSize : 0);
    keys.sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
    const shown = keys.slice(0, MAX_CATEGORIES);
    const rest = keys.slice(MAX_CATEGORIES);
    const shareOf = (counts, size, k) => size > 0 ? (counts.get(k) ?? 0) / size : 0;
    const reference_ = shown.map((k) => shareOf(refCounts, refSize, k));
    const current_ = shown.map((k) => shareOf(curCounts, curSize, k));
    const labels = [...shown];
    if (rest.length > 0) {
        labels.push(OTHER_CATEGORIES);
        reference_.push(rest.reduce((s, k) => s + shareOf(refCounts, refSize, k), 0));
        current_.push(rest.reduce((s, k) => s + shareOf(curCounts, curSize, k), 0));
    }
    return { kind: "categories", labels, reference: reference_, current: current_ };
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/column-quality.js
/** Evidently: the missing share may rise by at most 10% of the reference share. */
const MISSING_SHARE_TOLERANCE = 0.1;
const LISTED_UNSEEN = 10;
function missingOf(column) {
    return column.type === "numerical" ? column.sample.missing + column.sample.infinite : column.missing;
}
function lowerBound(values, x) {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
function upperBound(values, x) {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
function distinctOf(column) {
    return column.type === "numerical" ? column.sample.distinct : column.counts.size;
}
function columnQuality(reference, current) {
    const referenceMissingShare = reference.rowCount > 0 ? missingOf(reference) / reference.rowCount : 0;
    const currentMissingShare = current.rowCount > 0 ? missingOf(current) / current.rowCount : 0;
    const missingShareRose = currentMissingShare > referenceMissingShare * (1 + MISSING_SHARE_TOLERANCE);
    const quality = {
        referenceMissingShare,
        currentMissingShare,
        missingShareRose,
        unseenCategories: [],
        unseenCategoryCount: 0,
        unseenShare: 0,
        outOfRangeCount: 0,
        outOfRangeShare: 0,
        constantInReference: distinctOf(reference) <= 1,
        constantInCurrent: distinctOf(current) <= 1,
    };
    if (reference.type === "categorical" && current.type === "categorical") {
        let unseenValues = 0;
        for (const [value, count] of current.counts) {
            if (reference.counts.has(value))
                continue;
            quality.unseenCategoryCount++;
            unseenValues += count;
            if (quality.unseenCategories.length < LISTED_UNSEEN)
                quality.unseenCategories.push(value);
        }
        quality.unseenShare = current.size > 0 ? unseenValues / current.size : 0;
    }
    if (reference.type === "numerical" && current.type === "numerical" && reference.sample.values.length > 0) {
        const { min, max } = reference.sample;
        const cur = current.sample.values;
        quality.referenceRange = [min, max];
        quality.outOfRangeCount = lowerBound(cur, min) + (cur.length - upperBound(cur, max));
        quality.outOfRangeShare = cur.length > 0 ? quality.outOfRangeCount / cur.length : 0;
    }
    return quality;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/default-drift-test.js
/** Evidently's boundary between "small" and "large" references. */
const SMALL_REFERENCE_MAX_ROWS = 1000;
function defaultDriftTest(type, referenceRows, distinctValues) {
    const size = referenceRows <= SMALL_REFERENCE_MAX_ROWS
        ? `reference has ${referenceRows} <= ${SMALL_REFERENCE_MAX_ROWS} values`
        : `reference has ${referenceRows} > ${SMALL_REFERENCE_MAX_ROWS} values`;
    const unique = `${distinctValues} distinct values`;
    let test;
    if (referenceRows <= SMALL_REFERENCE_MAX_ROWS) {
        if (type === "numerical" && distinctValues > 5)
            test = "ks";
        else
            test = distinctValues > 2 ? "chisquare" : "z";
    }
    else {
        test = type === "numerical" && distinctValues > 5 ? "wasserstein" : "jensenshannon";
    }
    return { test, reason: `${type}, ${unique}, ${size}` };
}

// EXTERNAL MODULE: ./.build/runtime/monitor/drift-tests.js + 16 modules
var drift_tests = __webpack_require__(1720);
;// CONCATENATED MODULE: ./.build/runtime/monitor/sorted-sample.js
/**
 * A numeric sample ready for the order-based statistics (Kolmogorov–Smirnov, Wasserstein, binned
 * shares): finite values only, ascending. Missing (NaN) and infinite values are counted and left
 * out, as Evidently drops them before testing. A reference sample is sorted once, when it is
 * registered, and reused for every window compared against it.
 */
/** Copies the finite values of `values` and sorts them numerically. */
function sortSample(values) {
    const kept = new Float64Array(values.length);
    let count = 0;
    let missing = 0;
    let infinite = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (Number.isFinite(v))
            kept[count++] = v;
        else if (Number.isNaN(v))
            missing++;
        else
            infinite++;
    }
    const sorted = count === kept.length ? kept : kept.slice(0, count);
    sorted.sort();
    return { values: sorted, missing, infinite };
}
/** Summarises an already sorted sample (one pass). */
function describeSorted(sample) {
    const v = sample.values;
    const n = v.length;
    let sum = 0;
    let distinct = 0;
    let allIntegers = true;
    for (let i = 0; i < n; i++) {
        const x = v[i];
        sum += x;
        if (i === 0 || x !== v[i - 1])
            distinct++;
        if (allIntegers && !Number.isInteger(x))
            allIntegers = false;
    }
    const mean = n > 0 ? sum / n : Number.NaN;
    let squares = 0;
    for (let i = 0; i < n; i++) {
        const d = v[i] - mean;
        squares += d * d;
    }
    return {
        ...sample,
        min: n > 0 ? v[0] : Number.NaN,
        max: n > 0 ? v[n - 1] : Number.NaN,
        mean,
        std: n > 0 ? Math.sqrt(squares / n) : Number.NaN,
        distinct,
        allIntegers,
    };
}
/** Sorts and summarises a reference column; do this once at registration. */
function sortedReference(values) {
    return describeSorted(sortSample(values));
}
/** Number of distinct values over two sorted arrays together (a merge, no allocation). */
function countDistinctUnion(a, b) {
    let i = 0;
    let j = 0;
    let count = 0;
    while (i < a.length || j < b.length) {
        const x = i < a.length ? a[i] : Number.POSITIVE_INFINITY;
        const y = j < b.length ? b[j] : Number.POSITIVE_INFINITY;
        const v = Math.min(x, y);
        count++;
        while (i < a.length && a[i] === v)
            i++;
        while (j < b.length && b[j] === v)
            j++;
    }
    return count;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/prepared-table.js

function categoryCountsOf(column) {
    const counts = new Map();
    let missing = 0;
    if (column.kind === "categorical") {
        const perCode = new Float64Array(column.categories.length);
        for (const code of column.codes) {
            if (code < 0)
                missing++;
            else
                perCode[code] = perCode[code] + 1;
        }
        column.categories.forEach((category, code) => {
            const c = perCode[code];
            if (c > 0)
                counts.set(category, (counts.get(category) ?? 0) + c);
        });
        return { counts, missing };
    }
    for (const v of column.values) {
        if (Number.isNaN(v)) {
            missing++;
            continue;
        }
        if (!Number.isFinite(v)) {
            missing++;
            continue;
        }
        const key = column.kind === "boolean" ? (v === 1 ? "true" : "false") : String(v);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { counts, missing };
}
/** Prepares one column as the given drift type (numerical needs a numeric column). */
function prepareColumn(column, type, rowCount) {
    if (type === "numerical" && column.kind === "numeric") {
        return { name: column.name, type, sample: sortedReference(column.values), rowCount };
    }
    const { counts, missing } = categoryCountsOf(column);
    let size = 0;
    for (const c of counts.values())
        size += c;
    return { name: column.name, type: "categorical", counts, size, missing, rowCount };
}
/** The drift type a table column has by default: numeric → numerical, others → categorical. */
function defaultColumnType(column) {
    return column.kind === "numeric" ? "numerical" : "categorical";
}
/**
 * Prepares every column (or the listed ones) of a table. `types` overrides the default drift type
 * of a column (e.g. a numeric code column to be compared as categories).
 */
function prepareTable(table, options = {}) {
    const wanted = options.columns === undefined ? undefined : new Set(options.columns);
    const columns = new Map();
    for (const column of table.columns) {
        if (wanted !== undefined && !wanted.has(column.name))
            continue;
        const type = options.types?.[column.name] ?? defaultColumnType(column);
        columns.set(column.name, prepareColumn(column, type, table.rowCount));
    }
    return { kind: "prepared", source: table.source, rowCount: table.rowCount, columns };
}
function isPreparedTable(value) {
    return value.kind === "prepared";
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/compare-datasets.js
/**
 * Compares a current dataset with a reference, column by column, with Evidently's automatic test
 * choice and thresholds unless overridden, and decides dataset drift by Evidently's share rule
 * (drifted share >= 0.5) or by Benjamini–Hochberg false-discovery control. Pure: tables in, report
 * out. Pass a PreparedTable (prepareTable) as the reference to reuse its sorted columns.
 */








/** Evidently's default share of drifted columns for dataset drift. */
const DEFAULT_DRIFT_SHARE = 0.5;
const DEFAULT_FDR_LEVEL = 0.05;
/** Evidently's row-count rule: differ by more than 10% of the reference. */
const ROW_COUNT_TOLERANCE = 0.1;
function checkThreshold(value, what) {
    if (value === undefined)
        return;
    if (!(Number.isFinite(value) && value > 0)) {
        throw new errors/* UsageError */.eb(`${what} must be a positive number; got ${String(value)}.`);
    }
}
function columnNames(table) {
    return isPreparedTable(table) ? [...table.columns.keys()] : table.columns.map((c) => c.name);
}
function prepared(table, name, type) {
    if (isPreparedTable(table)) {
        const column = table.columns.get(name);
        if (column === undefined)
            return undefined;
        if (column.type === type)
            return column;
        if (column.type === "numerical")
            return numericalAsCategories(column);
        throw new errors/* UsageError */.eb(`column '${name}' of the prepared reference ${table.source} holds categories and cannot be compared as numbers; prepare the reference with the column as numerical.`);
    }
    const column = table.columns.find((c) => c.name === name);
    return column === undefined ? undefined : prepareColumn(column, type, table.rowCount);
}
/** A prepared numerical column as value counts (the values as text), for a categorical comparison. */
function numericalAsCategories(column) {
    const counts = new Map();
    const values = column.sample.values;
    let i = 0;
    while (i < values.length) {
        let j = i;
        while (j < values.length && values[j] === values[i])
            j++;
        counts.set(String(values[i]), j - i);
        i = j;
    }
    return {
        name: column.name,
        type: "categorical",
        counts,
        size: values.length,
        missing: column.sample.missing + column.sample.infinite,
        rowCount: column.rowCount,
    };
}
function pairOf(reference, current) {
    if (reference.type === "numerical" && current.type === "numerical") {
        return { type: "numerical", reference: reference.sample, current: current.sample };
    }
    if (reference.type === "categorical" && current.type === "categorical") {
        return {
            type: "categorical",
            reference: reference.counts,
            current: current.counts,
            referenceSize: reference.size,
            currentSize: current.size,
        };
    }
    throw new Error("pairOf: column types differ");
}
function sizesOf(column) {
    return column.type === "numerical" ? column.sample.values.length : column.size;
}
function distinctUnion(pair) {
    if (pair.type === "numerical")
        return countDistinctUnion(pair.reference.values, pair.current.values);
    let n = pair.reference.size;
    for (const key of pair.current.keys())
        if (!pair.reference.has(key))
            n++;
    return n;
}
function compareDatasets(reference, current, options = {}) {
    checkThreshold(options.threshold, "the threshold");
    checkThreshold(options.driftShare, "the drift share");
    checkThreshold(options.fdrLevel, "the FDR level");
    if (options.driftShare !== undefined && options.driftShare > 1) {
        throw new errors/* UsageError */.eb(`the drift share is a share of columns, at most 1; got ${options.driftShare}.`);
    }
    if (options.fdrLevel !== undefined && options.fdrLevel >= 1) {
        throw new errors/* UsageError */.eb(`the FDR level must be below 1; got ${options.fdrLevel}.`);
    }
    const forced = options.method === undefined ? undefined : (0,drift_tests/* getDriftTest */.ij)(options.method);
    for (const [column, override] of Object.entries(options.perColumn ?? {})) {
        if (override.method !== undefined)
            (0,drift_tests/* getDriftTest */.ij)(override.method);
        checkThreshold(override.threshold, `the threshold of column '${column}'`);
    }
    const referenceNames = columnNames(reference);
    const currentNames = columnNames(current);
    const currentSet = new Set(currentNames);
    const referenceSet = new Set(referenceNames);
    const missingColumns = referenceNames.filter((n) => !currentSet.has(n));
    const newColumns = currentNames.filter((n) => !referenceSet.has(n));
    let names;
    if (options.columns !== undefined) {
        for (const name of options.columns) {
            const absentFrom = [
                referenceSet.has(name) ? undefined : `reference ${reference.source}`,
                currentSet.has(name) ? undefined : `current ${current.source}`,
            ].filter((x) => x !== undefined);
            if (absentFrom.length > 0) {
                throw new errors/* UsageError */.eb(`column '${name}' is not in the ${absentFrom.join(" nor the ")}; columns in both: ${referenceNames.filter((n) => currentSet.has(n)).join(", ") || "(none)"}.`);
            }
        }
        names = [...options.columns];
    }
    else {
        names = referenceNames.filter((n) => currentSet.has(n));
    }
    if (names.length === 0) {
        throw new errors/* UsageError */.eb(`the reference ${reference.source} and the current ${current.source} have no column in common to compare.`);
    }
    const outputs = new Set(options.outputs ?? []);
    for (const name of outputs) {
        if (!names.includes(name))
            throw new errors/* UsageError */.eb(`output column '${name}' is not among the compared columns.`);
    }
    const typeChanges = [];
    const columns = [];
    for (const name of names) {
        const override = options.perColumn?.[name] ?? {};
        const curColumn = current.columns.find((c) => c.name === name);
        let type;
        if (isPreparedTable(reference)) {
            const refColumn = reference.columns.get(name);
            type = override.type ?? refColumn.type;
            if (refColumn.type === "numerical" && curColumn.kind !== "numeric") {
                typeChanges.push({ column: name, reference: "numeric", current: curColumn.kind });
            }
        }
        else {
            const refColumn = reference.columns.find((c) => c.name === name);
            type = override.type ?? defaultColumnType(refColumn);
            if (refColumn.kind !== curColumn.kind) {
                typeChanges.push({ column: name, reference: refColumn.kind, current: curColumn.kind });
            }
        }
        // A numerical comparison needs numbers on both sides; otherwise the values are compared as categories.
        if (type === "numerical" && curColumn.kind !== "numeric")
            type = "categorical";
        let refPrepared = prepared(reference, name, type);
        let curPrepared = prepareColumn(curColumn, type, current.rowCount);
        if (refPrepared.type !== curPrepared.type) {
            type = "categorical";
            refPrepared = prepared(reference, name, type);
            curPrepared = prepareColumn(curColumn, type, current.rowCount);
        }
        columns.push(testColumn(name, type, refPrepared, curPrepared, {
            forced,
            override,
            globalThreshold: options.threshold,
            role: outputs.has(name) ? "output" : "feature",
        }));
    }
    // Dataset decisions.
    const tested = columns.filter((c) => c.status === "tested");
    const driftShareThreshold = options.driftShare ?? DEFAULT_DRIFT_SHARE;
    const fdrLevel = options.fdrLevel ?? DEFAULT_FDR_LEVEL;
    const pValueColumns = tested.filter((c) => c.pValue !== undefined);
    const adjusted = benjaminiHochberg(pValueColumns.map((c) => c.pValue));
    pValueColumns.forEach((c, i) => {
        const q = adjusted[i];
        c.adjustedPValue = q;
        c.driftAfterFdr = q <= fdrLevel;
    });
    for (const c of tested)
        if (c.pValue === undefined)
            c.driftAfterFdr = c.drift;
    const drifted = tested.filter((c) => c.drift).length;
    const driftedFdr = tested.filter((c) => c.driftAfterFdr).length;
    const share = tested.length > 0 ? drifted / tested.length : 0;
    const shareFdr = tested.length > 0 ? driftedFdr / tested.length : 0;
    const decideBy = options.decideBy ?? "share";
    const shareDecision = tested.length > 0 && share >= driftShareThreshold;
    const fdrDecision = tested.length > 0 && shareFdr >= driftShareThreshold;
    const rowDelta = Math.abs(current.rowCount - reference.rowCount);
    const rowCountChanged = rowDelta > ROW_COUNT_TOLERANCE * reference.rowCount;
    const failures = [];
    if (rowCountChanged) {
        failures.push(`row count changed from ${reference.rowCount} to ${current.rowCount} (more than ${ROW_COUNT_TOLERANCE * 100}%)`);
    }
    if (missingColumns.length > 0)
        failures.push(`columns missing from the current data: ${missingColumns.join(", ")}`);
    if (newColumns.length > 0)
        failures.push(`columns new in the current data: ${newColumns.join(", ")}`);
    for (const t of typeChanges)
        failures.push(`column '${t.column}' was ${t.reference} and is now ${t.current}`);
    for (const c of columns) {
        const q = c.quality;
        if (q.missingShareRose) {
            failures.push(`column '${c.column}': missing share rose from ${percent(q.referenceMissingShare)} to ${percent(q.currentMissingShare)}`);
        }
        if (q.unseenCategoryCount > 0) {
            failures.push(`column '${c.column}': ${q.unseenCategoryCount} categor${q.unseenCategoryCount === 1 ? "y" : "ies"} never seen in the reference (${q.unseenCategories.join(", ")})`);
        }
        if (q.outOfRangeCount > 0) {
            failures.push(`column '${c.column}': ${q.outOfRangeCount} value${q.outOfRangeCount === 1 ? "" : "s"} (${percent(q.outOfRangeShare)}) outside the reference range`);
        }
        if (q.constantInCurrent && !q.constantInReference)
            failures.push(`column '${c.column}' became constant`);
        if (c.status === "empty_current")
            failures.push(`column '${c.column}' has no values in the current data`);
        if (c.status === "empty_reference")
            failures.push(`column '${c.column}' has no values in the reference`);
    }
    const outputColumns = columns.filter((c) => c.role === "output");
    return {
        reference: { source: reference.source, rows: reference.rowCount },
        current: { source: current.source, rows: current.rowCount },
        datasetDrift: decideBy === "fdr" ? fdrDecision : shareDecision,
        driftShare: decideBy === "fdr" ? shareFdr : share,
        decidedBy: decideBy,
        driftShareThreshold,
        share: { drifted, tested: tested.length, driftShare: share, datasetDrift: shareDecision },
        fdr: {
            level: fdrLevel,
            drifted: driftedFdr,
            tested: tested.length,
            driftShare: shareFdr,
            datasetDrift: fdrDecision,
        },
        predictionDrift: {
            columns: outputColumns.map((c) => c.column),
            drift: outputColumns.some((c) => (decideBy === "fdr" ? c.driftAfterFdr : c.drift)),
        },
        columns,
        quality: {
            referenceRows: reference.rowCount,
            currentRows: current.rowCount,
            rowCountChanged,
            missingColumns,
            newColumns,
            typeChanges,
            failures,
        },
    };
}
function percent(x) {
    return `${(x * 100).toFixed(1)}%`;
}
function testColumn(name, type, reference, current, choice) {
    const nReference = sizesOf(reference);
    const nCurrent = sizesOf(current);
    const pair = pairOf(reference, current);
    const distinctValues = distinctUnion(pair);
    const automatic = defaultDriftTest(type, nReference, distinctValues);
    let test;
    let selection;
    let threshold;
    const perColumn = choice.override.method === undefined ? undefined : (0,drift_tests/* getDriftTest */.ij)(choice.override.method);
    if (perColumn !== undefined) {
        if (!perColumn.types.includes(type)) {
            throw new errors/* UsageError */.eb(`column '${name}' is ${type}; the ${perColumn.name} test applies to ${perColumn.types.join(" and ")} columns only.`);
        }
        test = perColumn;
        selection = `set for this column`;
    }
    else if (choice.forced?.types.includes(type)) {
        test = choice.forced;
        selection = `forced by --method ${choice.forced.name}`;
        threshold = choice.globalThreshold;
    }
    else {
        test = (0,drift_tests/* getDriftTest */.ij)(automatic.test);
        selection =
            choice.forced === undefined
                ? `default: ${automatic.reason}`
                : `default (${choice.forced.name} does not apply to ${type} columns): ${automatic.reason}`;
        if (choice.forced === undefined)
            threshold = choice.globalThreshold;
    }
    threshold = choice.override.threshold ?? threshold ?? test.defaultThreshold;
    const quality = columnQuality(reference, current);
    const distribution = columnDistribution(reference, current);
    const base = {
        column: name,
        type,
        role: choice.role,
        test: test.name,
        testLabel: test.label,
        testKind: test.kind,
        selection,
        threshold,
        nReference,
        nCurrent,
        distinctValues,
        distribution,
        quality,
    };
    if (nReference === 0 || nCurrent === 0) {
        return {
            ...base,
            status: nReference === 0 ? "empty_reference" : "empty_current",
            score: Number.NaN,
            statistic: Number.NaN,
            drift: false,
            driftAfterFdr: false,
            effectSize: Number.NaN,
            effectSizeName: "",
            minDetectableShift: { value: Number.NaN, measure: "" },
        };
    }
    const outcome = test.run(pair, threshold);
    const drift = test.isDrift(outcome.score, threshold);
    const column = {
        ...base,
        status: "tested",
        score: outcome.score,
        statistic: outcome.statistic,
        drift,
        driftAfterFdr: drift,
        effectSize: outcome.effectSize,
        effectSizeName: outcome.effectSizeName,
        minDetectableShift: outcome.minDetectableShift,
    };
    if (outcome.pValue !== undefined)
        column.pValue = outcome.pValue;
    return column;
}


/***/ }),

/***/ 6265:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ driftReportJson)
/* harmony export */ });
function num(x) {
    return Number.isFinite(x) ? x : null;
}
function columnJson(c) {
    const out = {
        column: c.column,
        type: c.type,
        test: c.test,
        score: num(c.score),
    };
    if (c.pValue !== undefined)
        out.p_value = num(c.pValue);
    Object.assign(out, {
        threshold: c.threshold,
        drift: c.drift,
        effect_size: num(c.effectSize),
        n_reference: c.nReference,
        n_current: c.nCurrent,
        role: c.role,
        status: c.status,
        statistic: num(c.statistic),
        effect_size_name: c.effectSizeName,
        selection: c.selection,
        distinct_values: c.distinctValues,
        min_detectable_shift: { value: num(c.minDetectableShift.value), measure: c.minDetectableShift.measure },
        quality: {
            reference_missing_share: num(c.quality.referenceMissingShare),
            current_missing_share: num(c.quality.currentMissingShare),
            missing_share_rose: c.quality.missingShareRose,
            unseen_categories: c.quality.unseenCategories,
            unseen_category_count: c.quality.unseenCategoryCount,
            out_of_range_count: c.quality.outOfRangeCount,
            out_of_range_share: num(c.quality.outOfRangeShare),
            constant_in_reference: c.quality.constantInReference,
            constant_in_current: c.quality.constantInCurrent,
        },
    });
    if (c.adjustedPValue !== undefined) {
        out.fdr = { adjusted_p_value: num(c.adjustedPValue), drift: c.driftAfterFdr };
    }
    return out;
}
function driftReportJson(report) {
    return {
        dataset_drift: report.datasetDrift,
        drift_share: report.driftShare,
        columns: report.columns.map(columnJson),
        decided_by: report.decidedBy,
        drift_share_threshold: report.driftShareThreshold,
        share: {
            drifted: report.share.drifted,
            tested: report.share.tested,
            drift_share: report.share.driftShare,
            dataset_drift: report.share.datasetDrift,
        },
        fdr: {
            level: report.fdr.level,
            drifted: report.fdr.drifted,
            tested: report.fdr.tested,
            drift_share: report.fdr.driftShare,
            dataset_drift: report.fdr.datasetDrift,
        },
        prediction_drift: { columns: report.predictionDrift.columns, drift: report.predictionDrift.drift },
        reference: { source: report.reference.source, rows: report.reference.rows },
        current: { source: report.current.source, rows: report.current.rows },
        quality: {
            reference_rows: report.quality.referenceRows,
            current_rows: report.quality.currentRows,
            row_count_changed: report.quality.rowCountChanged,
            missing_columns: report.quality.missingColumns,
            new_columns: report.quality.newColumns,
            type_changes: report.quality.typeChanges.map((t) => ({
                column: t.column,
                reference: t.reference,
                current: t.current,
            })),
            failures: report.quality.failures,
        },
    };
}


/***/ }),

/***/ 1720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T1: () => (/* binding */ driftTests),
  ij: () => (/* binding */ getDriftTest)
});

// UNUSED EXPORTS: isDriftTestName

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/monitor/histogram-bins.js
var histogram_bins = __webpack_require__(1257);
;// CONCATENATED MODULE: ./.build/runtime/monitor/binned-shares.js
/**
 * The shares PSI, KL and Jensen–Shannon compare, binned as Evidently's `get_binned_data` bins them:
 * a numerical column with more than 20 distinct reference values is cut into Sturges bins over the
 * pooled data; anything else is compared by category (each distinct value of either sample). Each
 * share is count / sample size. With `fillZeros` (PSI, KL; not Jensen–Shannon) a zero share becomes
 * 0.0001, or min(non-zero share)/10^6 when the smallest non-zero share is itself <= 0.0001.
 */

/** Evidently's rule: bins for numerical columns with more than this many distinct reference values. */
const BINNING_MIN_DISTINCT = 20;
function fillZeroShares(shares) {
    let minNonZero = Number.POSITIVE_INFINITY;
    for (const s of shares)
        if (s !== 0 && s < minNonZero)
            minNonZero = s;
    if (minNonZero === Number.POSITIVE_INFINITY)
        return shares;
    const fill = minNonZero <= 0.0001 ? minNonZero / 10 ** 6 : 0.0001;
    return shares.map((s) => (s === 0 ? fill : s));
}
function formatEdge(x) {
    return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}
/** Shares of two numeric samples: Sturges bins when the reference has > 20 distinct values. */
function numericBinnedShares(reference, current, fillZeros) {
    const ref = reference.values;
    const cur = current.values;
    let result;
    if (reference.distinct > BINNING_MIN_DISTINCT) {
        const min = Math.min(ref[0], cur.length > 0 ? cur[0] : Number.POSITIVE_INFINITY);
        const max = Math.max(ref[ref.length - 1], cur.length > 0 ? cur[cur.length - 1] : Number.NEGATIVE_INFINITY);
        const allIntegers = reference.allIntegers && cur.every(Number.isInteger);
        const edges = (0,histogram_bins/* sturgesEdges */.EX)(min, max, ref.length + cur.length, allIntegers);
        const refCounts = (0,histogram_bins/* histogramCounts */.bB)(ref, edges);
        const curCounts = (0,histogram_bins/* histogramCounts */.bB)(cur, edges);
        const labels = [];
        for (let i = 0; i + 1 < edges.length; i++) {
            const closing = i + 2 === edges.length ? "]" : ")";
            labels.push(`[${formatEdge(edges[i])}, ${formatEdge(edges[i + 1])}${closing}`);
        }
        result = {
            labels,
            reference: refCounts.map((c) => c / ref.length),
            current: curCounts.map((c) => c / cur.length),
            edges,
        };
    }
    else {
        const counts = new Map();
        for (const v of ref) {
            const entry = counts.get(v);
            if (entry)
                entry[0]++;
            else
                counts.set(v, [1, 0]);
        }
        for (const v of cur) {
            const entry = counts.get(v);
            if (entry)
                entry[1]++;
            else
                counts.set(v, [0, 1]);
        }
        const keys = [...counts.keys()].sort((a, b) => a - b);
        result = {
            labels: keys.map(String),
            reference: Float64Array.from(keys, (k) => counts.get(k)[0] / ref.length),
            current: Float64Array.from(keys, (k) => counts.get(k)[1] / cur.length),
        };
    }
    if (fillZeros) {
        result.reference = fillZeroShares(result.reference);
        result.current = fillZeroShares(result.current);
    }
    return result;
}
/** Shares of two categorical samples given as value → count maps (missing values excluded). */
function categoricalShares(reference, current, fillZeros) {
    const keys = [...new Set([...reference.keys(), ...current.keys()])].sort();
    let refTotal = 0;
    let curTotal = 0;
    for (const c of reference.values())
        refTotal += c;
    for (const c of current.values())
        curTotal += c;
    let ref = Float64Array.from(keys, (k) => (reference.get(k) ?? 0) / refTotal);
    let cur = Float64Array.from(keys, (k) => (current.get(k) ?? 0) / curTotal);
    if (fillZeros) {
        ref = fillZeroShares(ref);
        cur = fillZeroShares(cur);
    }
    return { labels: keys, reference: ref, current: cur };
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/log-gamma.js
/**
 * ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 9 coefficients; Godfrey's set), with the
 * reflection formula below 0.5. Relative error about 1e-15 over the range used by the tests here.
 */
const LANCZOS_G = 7;
const LANCZOS = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728;
function logGamma(x) {
    if (Number.isNaN(x))
        return Number.NaN;
    if (x < 0.5) {
        // Γ(x)Γ(1−x) = π / sin(πx)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    const z = x - 1;
    let sum = LANCZOS[0];
    for (let i = 1; i < LANCZOS.length; i++)
        sum += LANCZOS[i] / (z + i);
    const t = z + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/regularized-gamma.js
/**
 * The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x).
 * Series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes §6.2), each
 * computed directly so that the small one of P and Q keeps its relative precision in the tails.
 * The chi-square survival function is Q(k/2, x/2); erfc(x) = Q(1/2, x²) for x >= 0.
 */

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;
function lowerSeries(a, x) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPSILON)
            break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}
function upperContinuedFraction(a, x) {
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITERATIONS; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = b + an / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < EPSILON)
            break;
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
/** P(a, x), the regularized lower incomplete gamma function. */
function regularizedGammaP(a, x) {
    if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0)
        return Number.NaN;
    if (x === 0)
        return 0;
    if (x === Number.POSITIVE_INFINITY)
        return 1;
    return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}
/** Q(a, x), the regularized upper incomplete gamma function. */
function regularizedGammaQ(a, x) {
    if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0)
        return Number.NaN;
    if (x === 0)
        return 1;
    if (x === Number.POSITIVE_INFINITY)
        return 0;
    return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/chi-square-distribution.js
/**
 * The chi-square distribution with k degrees of freedom: survival function Q(k/2, x/2) and its
 * inverse (the critical value for a significance level), by bisection on the survival function.
 */

/** P(X > x) for X ~ χ²(k). */
function chiSquareSurvival(x, degreesOfFreedom) {
    if (Number.isNaN(x))
        return Number.NaN;
    if (x <= 0)
        return 1;
    return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}
/** The x with P(X > x) = alpha for X ~ χ²(k); 3.841458820694124 for k = 1, alpha = 0.05. */
function chiSquareCritical(alpha, degreesOfFreedom) {
    let lo = 0;
    let hi = Math.max(1, degreesOfFreedom);
    while (chiSquareSurvival(hi, degreesOfFreedom) > alpha)
        hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (chiSquareSurvival(mid, degreesOfFreedom) > alpha)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/chi-square-test.js
/**
 * Pearson's chi-square goodness-of-fit test of the current counts against the reference shares, as
 * Evidently calls scipy.stats.chisquare(f_obs, f_exp): expected_i = reference_count_i × n_cur / n_ref,
 * statistic Σ (o − e)²/e, k − 1 degrees of freedom (k = categories seen in either sample), p-value
 * from the chi-square survival function. A category absent from the reference has e = 0: the
 * statistic is +∞ and p = 0 (scipy does the same, with a warning).
 *
 * Effect size: Cramér's V of the 2 × k table (sample × category), sqrt(χ²_table / N) with
 * N = n_ref + n_cur — bounded by [0, 1] and finite even when the current data has a category the
 * reference lacks (where the goodness-of-fit statistic itself is +∞).
 * Smallest detectable shift: Cohen's w = sqrt(χ²_crit(k−1, α) / n_cur) — the distance between share
 * vectors, sqrt(Σ (c_i − r_i)²/r_i), that reaches significance with this many current rows.
 */

function chiSquareTest(referenceCounts, currentCounts) {
    let nRef = 0;
    let nCur = 0;
    for (const c of referenceCounts)
        nRef += c;
    for (const c of currentCounts)
        nCur += c;
    const k = referenceCounts.length;
    const scale = nCur / nRef;
    let statistic = 0;
    for (let i = 0; i < k; i++) {
        const expected = referenceCounts[i] * scale;
        const observed = currentCounts[i];
        const d = observed - expected;
        statistic += expected === 0 ? (d === 0 ? Number.NaN : Number.POSITIVE_INFINITY) : (d * d) / expected;
    }
    const degreesOfFreedom = k - 1;
    const pValue = degreesOfFreedom <= 0 || Number.isNaN(statistic)
        ? Number.NaN
        : chiSquareSurvival(statistic, degreesOfFreedom);
    return {
        statistic,
        pValue,
        degreesOfFreedom,
        cramersV: cramersVTwoSamples(referenceCounts, currentCounts),
    };
}
/** Cramér's V of the 2 × k contingency table of two count vectors (0 = same shares, 1 = disjoint). */
function cramersVTwoSamples(referenceCounts, currentCounts) {
    let nRef = 0;
    let nCur = 0;
    for (const c of referenceCounts)
        nRef += c;
    for (const c of currentCounts)
        nCur += c;
    const total = nRef + nCur;
    let chi2 = 0;
    let categories = 0;
    for (let i = 0; i < referenceCounts.length; i++) {
        const r = referenceCounts[i];
        const c = currentCounts[i];
        const column = r + c;
        if (column === 0)
            continue;
        categories++;
        const er = (nRef * column) / total;
        const ec = (nCur * column) / total;
        chi2 += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
    }
    if (categories < 2 || nRef === 0 || nCur === 0)
        return 0;
    return Math.sqrt(chi2 / total);
}
/** Cohen's w the test can detect at level alpha with n current rows and k categories. */
function chiSquareDetectableW(n, categories, alpha) {
    if (categories < 2 || n <= 0)
        return Number.NaN;
    return Math.sqrt(chiSquareCritical(alpha, categories - 1) / n);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/column-pair.js
const DriftColumnType = { numerical: "numerical", categorical: "categorical" };
function runLengths(values, into, slot) {
    let i = 0;
    while (i < values.length) {
        const v = values[i];
        let j = i;
        while (j < values.length && values[j] === v)
            j++;
        const entry = into.get(v) ?? [0, 0];
        entry[slot] += j - i;
        into.set(v, entry);
        i = j;
    }
}
function categoryCounts(pair) {
    if (pair.type === "numerical") {
        const counts = new Map();
        runLengths(pair.reference.values, counts, 0);
        runLengths(pair.current.values, counts, 1);
        const keys = [...counts.keys()].sort((a, b) => a - b);
        return {
            keys: keys.map(String),
            reference: Float64Array.from(keys, (k) => counts.get(k)[0]),
            current: Float64Array.from(keys, (k) => counts.get(k)[1]),
        };
    }
    const keys = [...new Set([...pair.reference.keys(), ...pair.current.keys()])].sort();
    return {
        keys,
        reference: Float64Array.from(keys, (k) => pair.reference.get(k) ?? 0),
        current: Float64Array.from(keys, (k) => pair.current.get(k) ?? 0),
    };
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/jensen-shannon-distance.js
/**
 * Jensen–Shannon distance with natural logarithms, as scipy.spatial.distance.jensenshannon(p, q)
 * computes it: p and q normalised to sum to 1, m = (p + q)/2,
 * JS = sqrt((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2), rel_entr(x, y) = x ln(x/y), 0 when x = 0.
 * Bounded by sqrt(ln 2) ≈ 0.8326 for disjoint supports.
 */
function jensenShannonDistance(reference, current) {
    let sp = 0;
    let sq = 0;
    for (const p of reference)
        sp += p;
    for (const q of current)
        sq += q;
    let left = 0;
    let right = 0;
    for (let i = 0; i < reference.length; i++) {
        const p = reference[i] / sp;
        const q = current[i] / sq;
        const m = (p + q) / 2;
        if (p > 0)
            left += p * Math.log(p / m);
        if (q > 0)
            right += q * Math.log(q / m);
    }
    return Math.sqrt(Math.max(0, (left + right) / 2));
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/smirnov-distribution.js
/**
 * The one-sided one-sample Kolmogorov–Smirnov (Smirnov) distribution: smirnov(n, x) = P(D_n^+ >= x),
 * after scipy.special.smirnov (xsf/cephes kolmogorov.h, van Mulbregt's implementation), by the
 * Birnbaum–Tingey sum
 *   P(D_n^+ >= x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}
 * with the same special cases and early termination. Terms are evaluated in log space in double
 * precision (scipy uses double-double), which agrees with scipy to about 1e-10 relative.
 */
const MINLOG = -708.3964185322641;
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
/** P(D_n^+ >= x), the survival function of the one-sided statistic. */
function smirnov(n, x) {
    if (!(n > 0 && x >= 0 && x <= 1))
        return Number.NaN;
    if (n === 1)
        return 1 - x;
    if (x === 0)
        return 1;
    if (x === 1)
        return 0;
    const nx = n * x;
    let nxfl = Math.floor(nx);
    let alpha = nx - nxfl;
    if (alpha === 1) {
        nxfl += 1;
        alpha = 0;
    }
    let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
    let n1mxceil = n - nxfl;
    if (alpha === 0) {
        n1mxfl -= 1;
        n1mxceil += 1;
    }
    if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
        const t = (1 + x) ** (n - 1);
        return clip(1 - x * t);
    }
    if (-2 * n * x * x < MINLOG)
        return 0;
    if (nxfl >= n - 1)
        return clip((1 - x) ** n);
    if (n > SMIRNOV_MAX_COMPUTE_N) {
        const logp = -((6 * n * x + 1) ** 2) / 18 / n;
        return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
    }
    const nUpperTerms = n - n1mxceil + 1;
    const useUpperSum = (nUpperTerms <= 1 && x < 0.5) ||
        (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));
    let start = 0;
    let step = 1;
    let nTerms = n1mxfl + 1;
    if (useUpperSum) {
        start = n;
        step = -1;
        nTerms = n - n1mxceil + 1;
    }
    let sum = 0;
    let logBinomial = 0; // log C(n, j), j counted from the start of the sum (C(n, j) = C(n, n − j))
    const vmid = Math.floor(n / 2);
    for (let j = 0; j < nTerms; j++) {
        const v = start + j * step;
        // log|A_v| with A_v = C(n,v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}, and its sign
        const base2 = (n - v) / n - x;
        const base1 = v / n + x;
        const e2 = n - v;
        const e1 = v - 1;
        let sign = 1;
        if (base2 < 0 && e2 % 2 === 1)
            sign = -sign;
        if (base1 < 0 && Math.abs(e1) % 2 === 1)
            sign = -sign;
        const logTerm = logBinomial +
            (e1 === 0 ? 0 : e1 * Math.log(Math.abs(base1))) +
            (e2 === 0 ? 0 : e2 * Math.log(Math.abs(base2)));
        const a = logTerm < -745.2 ? 0 : sign * Math.exp(logTerm);
        sum += a;
        if (a !== 0) {
            if (4 * (nTerms - j) * Math.abs(a) < Number.EPSILON * sum && j !== nTerms - 1)
                break;
        }
        else if (j > vmid) {
            break;
        }
        logBinomial += Math.log((n - j) / (j + 1));
    }
    const prob = x * sum;
    return clip(step < 0 ? 1 - prob : prob);
}
function clip(p) {
    return p < 0 ? 0 : Math.min(p, 1);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/kolmogorov-distribution.js
/**
 * The survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n,
 * P(D_n >= x) — scipy.stats.kstwo.sf, which ks_2samp's asymptotic method evaluates at
 * n = round(m·n/(m+n)). A port of scipy.stats._ksstats.kolmogn (Simard & L'Ecuyer 2011): the
 * Ruben–Gambino closed forms at the ends, Durbin's matrix (Marsaglia–Tsang–Wang), Pomeranz's
 * recursion, 2·smirnov for large x, and the Pelz–Good expansion, chosen by the same cut-offs.
 */

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const STIRLING = [
    -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
    -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];
function kolmogorov_distribution_clip(p) {
    return p < 0 ? 0 : Math.min(p, 1);
}
/** x · 2^e without intermediate overflow or underflow. */
function ldexp(x, e) {
    while (e > 1000) {
        x *= 2 ** 1000;
        e -= 1000;
    }
    while (e < -1000) {
        x *= 2 ** -1000;
        e += 1000;
    }
    return x * 2 ** e;
}
/** log(n! / n^n) by Stirling's series, with n·log(n) removed up front. */
function logNFactorialOverNPowerN(n) {
    const rn = 1 / n;
    let poly = 0;
    for (const c of STIRLING)
        poly = poly * (rn / n) + c;
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function matmul(a, b, m) {
    const out = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let k = 0; k < m; k++) {
            const aik = a[i * m + k];
            if (aik === 0)
                continue;
            for (let j = 0; j < m; j++)
                out[i * m + j] = out[i * m + j] + aik * b[k * m + j];
        }
    }
    return out;
}
/** P(D_n <= d) by the Durbin matrix algorithm as Marsaglia, Tsang and Wang compute it. */
function durbinMatrixCdf(n, d) {
    if (d >= 1)
        return 1;
    const nd = n * d;
    if (nd <= 0.5)
        return 0;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    let H = new Float64Array(m * m);
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let fac = 1;
    for (let j = 1; j <= m; j++) {
        v[j - 1] = 1 - h ** j;
        w[j - 1] = fac;
        fac /= j;
        v[j - 1] = v[j - 1] * fac;
    }
    const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
    v[m - 1] = (1 + tt) * fac;
    for (let i = 1; i < m; i++) {
        for (let r = i - 1; r < m; r++)
            H[r * m + i] = w[r - (i - 1)];
    }
    for (let r = 0; r < m; r++)
        H[r * m] = v[r];
    for (let c = 0; c < m; c++)
        H[(m - 1) * m + c] = v[m - 1 - c];
    let power = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        power[i * m + i] = 1;
    let nn = n;
    let exponent = 0;
    let hExponent = 0;
    while (nn > 0) {
        if (nn % 2) {
            power = matmul(power, H, m);
            exponent += hExponent;
        }
        H = matmul(H, H, m);
        hExponent *= 2;
        if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
            for (let i = 0; i < H.length; i++)
                H[i] = H[i] / EP128;
            hExponent += E128;
        }
        nn = Math.floor(nn / 2);
    }
    let p = power[(k - 1) * m + (k - 1)];
    for (let i = 1; i <= n; i++) {
        p = (i * p) / n;
        if (Math.abs(p) < EM128) {
            p *= EP128;
            exponent -= E128;
        }
    }
    if (exponent !== 0)
        p = ldexp(p, exponent);
    return kolmogorov_distribution_clip(p);
}
function pomeranzJ1J2(i, n, ll, ceilf, roundf) {
    let j1;
    let j2;
    if (i === 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    }
    else {
        const ip1div2 = Math.floor((i + 1) / 2);
        const ip1mod2 = (i + 1) % 2;
        if (ip1mod2 === 0) {
            if (ip1div2 === n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            }
            else {
                j1 = ip1div2 - 1 - ll - roundf - 1;
                j2 = ip1div2 + ll - 1 + ceilf - 1;
            }
        }
        else {
            j1 = ip1div2 - 1 - ll - 1;
            j2 = ip1div2 + ll + roundf - 1;
        }
    }
    return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
/** P(D_n <= x) by Pomeranz's recursion (1974). */
function pomeranzCdf(n, x) {
    const t = n * x;
    const ll = Math.floor(t);
    const f = t - ll;
    const g = Math.min(f, 1 - f);
    const ceilf = f > 0 ? 1 : 0;
    const roundf = f > 0.5 ? 1 : 0;
    const npwrs = 2 * (ll + 1);
    const gpower = new Float64Array(npwrs);
    const twogpower = new Float64Array(npwrs);
    const onem2gpower = new Float64Array(npwrs);
    gpower[0] = 1;
    twogpower[0] = 1;
    onem2gpower[0] = 1;
    let expnt = 0;
    const gOverN = g / n;
    const twoGOverN = (2 * g) / n;
    const oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (let m = 1; m < npwrs; m++) {
        gpower[m] = (gpower[m - 1] * gOverN) / m;
        twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
        onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
    }
    let V0 = new Float64Array(npwrs);
    let V1 = new Float64Array(npwrs);
    V1[0] = 1;
    let V0s = 0;
    let V1s = 0;
    let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    for (let i = 1; i < 2 * n + 2; i++) {
        const k1 = j1;
        [V0, V1] = [V1, V0];
        [V0s, V1s] = [V1s, V0s];
        V1.fill(0);
        [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
        const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
        const ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            const aStart = k1 - V0s;
            const aLen = Math.max(0, Math.min(ln2, npwrs - aStart));
            const bLen = Math.min(ln2, npwrs);
            const convStart = j1 - k1;
            const convLen = j2 - j1 + 1;
            // full convolution of V0[aStart : aStart+aLen] with pwrs[0 : bLen], entries convStart.. only
            let max = 0;
            for (let r = 0; r < convLen; r++) {
                const idx = convStart + r;
                let s = 0;
                const lo = Math.max(0, idx - (bLen - 1));
                const hi = Math.min(aLen - 1, idx);
                for (let q = lo; q <= hi; q++)
                    s += V0[aStart + q] * pwrs[idx - q];
                V1[r] = s;
                if (s > max)
                    max = s;
            }
            if (max > 0 && max < EM128) {
                for (let r = 0; r < npwrs; r++)
                    V1[r] = V1[r] * EP128;
                expnt -= E128;
            }
            V1s = V0s + j1 - k1;
        }
    }
    let ans = V1[n - V1s];
    for (let m = 1; m <= n; m++) {
        if (Math.abs(ans) > EP128) {
            ans *= EM128;
            expnt += E128;
        }
        ans *= m;
    }
    if (expnt !== 0)
        ans = ldexp(ans, expnt);
    return kolmogorov_distribution_clip(ans);
}
/** P(D_n <= x) by the Pelz–Good asymptotic expansion (1976). */
function pelzGoodCdf(n, x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const z = Math.sqrt(n) * x;
    const z2 = z * z;
    const z3 = z2 * z;
    const z4 = z2 * z2;
    const z6 = z4 * z2;
    const qlog = -PI2 / 8 / z2;
    if (qlog < MIN_LOG)
        return 0;
    let q = Math.exp(qlog);
    const k1a = -z2;
    const k1b = PI2 / 4;
    const k2a = 6 * z6 + 2 * z4;
    const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
    const k2c = (PI4 * (1 - 2 * z2)) / 16;
    const k3d = (PI6 * (5 - 30 * z2)) / 64;
    const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
    const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
    const k3a = -30 * z6 - 90 * z ** 8;
    const K = [0, 0, 0, 0];
    const maxk = Math.ceil((16 * z) / Math.PI);
    for (let k = maxk; k > 0; k--) {
        const m = 2 * k - 1;
        const m2 = m * m;
        const m4 = m2 * m2;
        const m6 = m4 * m2;
        const qpower = q ** (8 * k);
        const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
        for (let i = 0; i < 4; i++)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const denominators = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = (K[i] * q * SQRT2PI) / denominators[i];
    q = Math.exp(-PI2 / 2 / z2);
    let k2extra = 0;
    let k3extra = 0;
    const sqrt3z = Math.sqrt(3) * z;
    for (let k = maxk; k > 0; k--) {
        const k2 = k * k;
        const qp = q ** k2;
        k2extra += k2 * qp;
        const kpi = Math.PI * k;
        k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qp;
    }
    K[2] = K[2] + (k2extra * PI2 * SQRT2PI) / (-36 * z3);
    K[3] = K[3] + (k3extra * PI2 * SQRT2PI) / (216 * z6);
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / n ** (i / 2);
    return sum;
}
/** P(D_n >= x) for the two-sided one-sample statistic (scipy.stats.kstwo.sf(x, n)). */
function kolmogorovSurvival(n, x) {
    if (Number.isNaN(n) || Number.isNaN(x))
        return Number.NaN;
    if (!Number.isInteger(n) || n <= 0)
        return Number.NaN;
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const t = n * x;
    if (t <= 1) {
        if (t <= 0.5)
            return 1;
        let prob;
        if (n <= 140) {
            prob = 1;
            for (let i = 1; i <= n; i++)
                prob *= i * (1 / n) * (2 * t - 1);
        }
        else {
            prob = Math.exp(logNFactorialOverNPowerN(n) + n * Math.log(2 * t - 1));
        }
        return kolmogorov_distribution_clip(1 - prob);
    }
    if (t >= n - 1)
        return kolmogorov_distribution_clip(2 * (1 - x) ** n);
    if (x >= 0.5)
        return kolmogorov_distribution_clip(2 * smirnov(n, x));
    const nxSquared = t * x;
    if (n <= 140) {
        if (nxSquared <= 0.754693)
            return kolmogorov_distribution_clip(1 - durbinMatrixCdf(n, x));
        if (nxSquared <= 4)
            return kolmogorov_distribution_clip(1 - pomeranzCdf(n, x));
        return kolmogorov_distribution_clip(2 * smirnov(n, x));
    }
    if (nxSquared >= 370)
        return 0;
    if (nxSquared >= 2.2)
        return kolmogorov_distribution_clip(2 * smirnov(n, x));
    let cdf;
    if (nxSquared >= 18)
        cdf = 1;
    else if (n <= 100_000 && n * x ** 1.5 <= 1.4)
        cdf = durbinMatrixCdf(n, x);
    else
        cdf = pelzGoodCdf(n, x);
    return kolmogorov_distribution_clip(1 - cdf);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/kolmogorov-smirnov-exact.js
/**
 * The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, ported from
 * scipy.stats (`_compute_prob_outside_square` in _stats_py.py for equal sizes and
 * `_compute_outer_prob_inside_method` in _stats_pythran.py for unequal ones), following Hodges
 * (1958), "The Significance Probability of the Smirnov Two-Sample Test", and Viehmann (2021),
 * arXiv:2102.08037, for the numerically stable recursion of 1 − p.
 */
/** P(D_{n,n} >= h/n): the proportion of lattice paths that leave the band |x − y| < h. */
function probOutsideSquare(n, h) {
    // P = 2 * A0 * (1 - A1*(1 - A2*(1 - ...))), each A_k a ratio of binomials with h terms.
    let p = 0;
    let k = Math.floor(n / h);
    while (k >= 0) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
        k--;
    }
    return 2 * p;
}
/**
 * The proportion of lattice paths from (0,0) to (m,n) that do not stay strictly inside
 * |x/m − y/n| < h/lcm(m,n); g = gcd(m, n). This is P(D >= h/lcm) for unequal sizes.
 */
function outerProbInsideMethod(m, n, g, h) {
    if (m < n)
        [m, n] = [n, m];
    const mg = Math.floor(m / g);
    const ng = Math.floor(n / g);
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const a = new Float64Array(lenA).fill(1);
    a.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
        minj = Math.min(minj, n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
            a[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
    }
    return a[maxj - minj - 1];
}
function greatestCommonDivisor(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/**
 * scipy's `_attempt_exact_2kssamp` for the two-sided alternative: rounds d to the lattice
 * (h = round(d·lcm)), returns the exact p-value, or undefined when the computation left [0, 1]
 * (scipy then falls back to the asymptotic distribution).
 */
function exactTwoSampleKsPValue(n1, n2, d) {
    const g = greatestCommonDivisor(n1, n2);
    const lcm = Math.floor(n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const dLattice = h / lcm;
    if (h === 0)
        return { d: dLattice, pValue: 1 };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
    if (!(p >= 0 && p <= 1))
        return undefined;
    return { d: dLattice, pValue: p };
}
/** numpy's np.round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/kolmogorov-smirnov-test.js
/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, as scipy.stats.ks_2samp(reference, current)
 * computes it with method='auto':
 * - D = max over all observed values v of |F_ref(v) − F_cur(v)|, each ECDF counting values <= v
 *   (searchsorted side='right'), so tied values move both ECDFs together;
 * - exact p-value when both samples have at most 10,000 values (Hodges' lattice path counting;
 *   D first rounded to the lattice h/lcm(n1, n2)), asymptotic otherwise: kstwo.sf(D, round(en)) with
 *   en = n1·n2/(n1+n2), also the fallback if the exact computation fails.
 * Works on sorted samples, so a reference sorted once is reused without re-sorting.
 */


/** scipy's MAX_AUTO_N: 'auto' is exact when both sizes are at most this. */
const KS_EXACT_MAX_N = 10_000;
/** max and min of F_a − F_b over the pooled values of two ascending arrays, as scipy computes them. */
function ksStatistic(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    let i = 0;
    let j = 0;
    let maxS = Number.NEGATIVE_INFINITY;
    let minS = Number.POSITIVE_INFINITY;
    let maxAt = Number.NaN;
    let minAt = Number.NaN;
    while (i < n1 || j < n2) {
        const x = i < n1 ? a[i] : Number.POSITIVE_INFINITY;
        const y = j < n2 ? b[j] : Number.POSITIVE_INFINITY;
        const v = Math.min(x, y);
        while (i < n1 && a[i] <= v)
            i++;
        while (j < n2 && b[j] <= v)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxS) {
            maxS = diff;
            maxAt = v;
        }
        if (diff < minS) {
            minS = diff;
            minAt = v;
        }
    }
    const minMagnitude = Math.min(Math.max(-minS, 0), 1);
    if (minMagnitude > maxS)
        return { statistic: minMagnitude, location: minAt, sign: -1 };
    return { statistic: maxS, location: maxAt, sign: 1 };
}
/** P-value of D for sizes n1, n2 by scipy's 'auto' rule (exported for tests against scipy's table). */
function ksTwoSamplePValue(n1, n2, d, method = "auto") {
    const wantExact = method === "exact" || (method === "auto" && Math.max(n1, n2) <= KS_EXACT_MAX_N);
    if (wantExact) {
        const exact = exactTwoSampleKsPValue(n1, n2, d);
        if (exact !== undefined)
            return { statistic: exact.d, pValue: exact.pValue, method: "exact" };
    }
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    const p = kolmogorovSurvival(roundHalfEven(en), d);
    return { statistic: d, pValue: Math.min(Math.max(p, 0), 1), method: "asymptotic" };
}
/** ks_2samp(reference, current) on two sorted samples of finite values; both must be non-empty. */
function ksTwoSample(reference, current) {
    if (reference.length === 0 || current.length === 0) {
        throw new RangeError("ksTwoSample needs two non-empty samples");
    }
    const s = ksStatistic(reference, current);
    const p = ksTwoSamplePValue(reference.length, current.length, s.statistic);
    return { statistic: p.statistic, pValue: p.pValue, method: p.method, location: s.location, sign: s.sign };
}
/**
 * The smallest D the test rejects at level alpha for large samples:
 * D_crit = c(α)·sqrt((n+m)/(n·m)), c(α) = sqrt(−ln(α/2)/2) (1.358 at α = 0.05).
 */
function ksCriticalDistance(n, m, alpha) {
    return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m));
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/kullback-leibler-divergence.js
/**
 * Kullback–Leibler divergence D(reference ‖ current) in nats, as scipy.stats.entropy(pk, qk)
 * computes it: both vectors are first normalised to sum to 1, then Σ p_i ln(p_i / q_i), a term with
 * p_i = 0 counting 0 and one with q_i = 0 < p_i making the result +∞.
 */
function kullbackLeiblerDivergence(reference, current) {
    let sp = 0;
    let sq = 0;
    for (const p of reference)
        sp += p;
    for (const q of current)
        sq += q;
    let kl = 0;
    for (let i = 0; i < reference.length; i++) {
        const p = reference[i] / sp;
        const q = current[i] / sq;
        if (p === 0)
            continue;
        if (q === 0)
            return Number.POSITIVE_INFINITY;
        kl += p * Math.log(p / q);
    }
    return kl;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/population-stability-index.js
/**
 * Population stability index of two share vectors (zeros already replaced by Evidently's epsilon):
 * PSI = Σ (r_i − c_i) · ln(r_i / c_i). Not normalised, exactly as Evidently sums it.
 */
function populationStabilityIndex(reference, current) {
    let psi = 0;
    for (let i = 0; i < reference.length; i++) {
        const r = reference[i];
        const c = current[i];
        psi += (r - c) * Math.log(r / c);
    }
    return psi;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/normal-distribution.js
/**
 * The standard normal distribution, accurate in the tails: erfc(x) = Q(1/2, x²) for x >= 0 (the
 * regularized upper incomplete gamma function), so survival probabilities keep their relative
 * precision down to about 1e-300 instead of bottoming out at 1e-16 as 1 − Φ(z) does.
 */

/** The complementary error function. */
function erfc(x) {
    if (Number.isNaN(x))
        return Number.NaN;
    if (x === 0)
        return 1;
    const q = regularizedGammaQ(0.5, x * x);
    return x > 0 ? q : 2 - q;
}
/** Φ(z) = P(Z <= z). */
function normalCdf(z) {
    return 0.5 * erfc(-z / Math.SQRT2);
}
/** 1 − Φ(z) = P(Z > z), computed without cancellation. */
function normalSurvival(z) {
    return 0.5 * erfc(z / Math.SQRT2);
}
/**
 * The z with P(Z > z) = p, for 0 < p < 1 (e.g. 1.959963984540054 for p = 0.025), by bisection
 * on the survival function followed by Newton steps; accurate to a few ulps.
 */
function normalSurvivalInverse(p) {
    if (!(p > 0 && p < 1))
        return p === 0 ? Number.POSITIVE_INFINITY : p === 1 ? Number.NEGATIVE_INFINITY : Number.NaN;
    let lo = -40;
    let hi = 40;
    for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
        const mid = (lo + hi) / 2;
        if (normalSurvival(mid) > p)
            lo = mid;
        else
            hi = mid;
    }
    let z = (lo + hi) / 2;
    for (let i = 0; i < 3; i++) {
        const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        if (density === 0)
            break;
        z += (normalSurvival(z) - p) / density;
    }
    return z;
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/two-proportion-z-test.js
/**
 * Two-proportion Z-test with a pooled variance, as Evidently's `z` test computes it:
 * p1 = x1/n1 (reference), p2 = x2/n2 (current), P = (x1 + x2)/(n1 + n2),
 * z = (p1 − p2) / sqrt(P(1 − P)(1/n1 + 1/n2)), two-sided p = 2·(1 − Φ(|z|)) — computed here as
 * 2·Q(|z|) from an accurate erfc, so tiny p-values keep their digits instead of rounding to 0.
 * When both samples hold the same single value the p-value is 1 (Evidently's special case).
 *
 * Effect size: Cohen's h = |2·asin(sqrt p1) − 2·asin(sqrt p2)|.
 * Smallest detectable difference at level alpha: z_{1−α/2}·sqrt(P(1 − P)(1/n1 + 1/n2)) with P the
 * reference share (the difference in proportions that would just reach significance).
 */

function twoProportionZTest(referenceSuccesses, referenceSize, currentSuccesses, currentSize) {
    const p1 = referenceSuccesses / referenceSize;
    const p2 = currentSuccesses / currentSize;
    const pooled = (referenceSuccesses + currentSuccesses) / (referenceSize + currentSize);
    const cohensH = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / referenceSize + 1 / currentSize));
    if (se === 0) {
        // one value in both samples
        return { z: 0, pValue: 1, referenceShare: p1, currentShare: p2, cohensH };
    }
    const z = (p1 - p2) / se;
    return {
        z,
        pValue: Math.min(1, 2 * normalSurvival(Math.abs(z))),
        referenceShare: p1,
        currentShare: p2,
        cohensH,
    };
}
/** The smallest |p1 − p2| significant at level alpha, with P the reference share. */
function zTestDetectableDifference(referenceShare, referenceSize, currentSize, alpha) {
    const p = Math.min(Math.max(referenceShare, 0), 1);
    return normalSurvivalInverse(alpha / 2) * Math.sqrt(p * (1 - p) * (1 / referenceSize + 1 / currentSize));
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/wasserstein-distance.js
/**
 * The 1-D first Wasserstein (earth mover's) distance between two samples, as
 * scipy.stats.wasserstein_distance computes it: the integral of |F_u − F_v| over the pooled sorted
 * values, both ECDFs counting values <= x. Exact, by one merge of the two sorted arrays.
 * Evidently's drift score divides it by max(population std of the reference, 0.001).
 */
/** W1 between two ascending arrays of finite values (both non-empty). */
function wassersteinDistance(u, v) {
    const n = u.length;
    const m = v.length;
    if (n === 0 || m === 0)
        throw new RangeError("wassersteinDistance needs two non-empty samples");
    let i = 0;
    let j = 0;
    let total = 0;
    let previous = Math.min(u[0], v[0]);
    // ECDF values just after `previous`
    while (i < n && u[i] === previous)
        i++;
    while (j < m && v[j] === previous)
        j++;
    while (i < n || j < m) {
        const x = i < n ? u[i] : Number.POSITIVE_INFINITY;
        const y = j < m ? v[j] : Number.POSITIVE_INFINITY;
        const next = Math.min(x, y);
        total += Math.abs(i / n - j / m) * (next - previous);
        while (i < n && u[i] === next)
            i++;
        while (j < m && v[j] === next)
            j++;
        previous = next;
    }
    return total;
}
/** Evidently's normalisation floor for the reference standard deviation. */
const WASSERSTEIN_MIN_NORM = 0.001;
/** W1 divided by max(referenceStd, 0.001), Evidently's `wasserstein` drift score. */
function normedWassersteinDistance(reference, current, referenceStd) {
    return wassersteinDistance(reference, current) / Math.max(referenceStd, WASSERSTEIN_MIN_NORM);
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/drift-tests.js
/**
 * The drift tests, keyed by the names Evidently and `kiln drift --method` use. Each adapter turns a
 * cleaned column pair into a score, a verdict direction, an effect size and the smallest shift it
 * could detect. An unknown name fails with the sorted list of known names.
 */










function shares(pair, fillZeros) {
    if (pair.type === "numerical")
        return numericBinnedShares(pair.reference, pair.current, fillZeros);
    return categoricalShares(pair.reference, pair.current, fillZeros);
}
function distanceOutcome(score, name, threshold) {
    return {
        score,
        statistic: score,
        effectSize: score,
        effectSizeName: name,
        // A distance test flags any shift whose distance reaches the threshold, whatever the sample size.
        minDetectableShift: { value: threshold, measure: name },
    };
}
function numerical(pair, test) {
    if (pair.type !== "numerical")
        throw new errors/* UsageError */.eb(`the ${test} test applies to numerical columns only.`);
    return pair;
}
const ks = {
    name: "ks",
    label: "K-S p_value",
    kind: "p_value",
    defaultThreshold: 0.05,
    types: ["numerical"],
    isDrift: (p, t) => p <= t,
    run(pair, threshold) {
        const { reference, current } = numerical(pair, "ks");
        const r = ksTwoSample(reference.values, current.values);
        return {
            score: r.pValue,
            pValue: r.pValue,
            statistic: r.statistic,
            effectSize: r.statistic,
            effectSizeName: "KS D",
            minDetectableShift: {
                value: ksCriticalDistance(reference.values.length, current.values.length, threshold),
                measure: "KS distance D",
            },
        };
    },
};
const wasserstein = {
    name: "wasserstein",
    label: "Wasserstein distance (normed)",
    kind: "distance",
    defaultThreshold: 0.1,
    types: ["numerical"],
    isDrift: (d, t) => d >= t,
    run(pair, threshold) {
        const { reference, current } = numerical(pair, "wasserstein");
        const score = normedWassersteinDistance(reference.values, current.values, reference.std);
        return distanceOutcome(score, "Wasserstein / reference std", threshold);
    },
};
const psi = {
    name: "psi",
    label: "PSI",
    kind: "distance",
    defaultThreshold: 0.1,
    types: ["numerical", "categorical"],
    isDrift: (d, t) => d >= t,
    run(pair, threshold) {
        const s = shares(pair, true);
        return distanceOutcome(populationStabilityIndex(s.reference, s.current), "PSI", threshold);
    },
};
const kl = {
    name: "kl",
    label: "Kullback-Leibler divergence",
    kind: "distance",
    defaultThreshold: 0.1,
    types: ["numerical", "categorical"],
    isDrift: (d, t) => d >= t,
    run(pair, threshold) {
        const s = shares(pair, true);
        return distanceOutcome(kullbackLeiblerDivergence(s.reference, s.current), "KL divergence (nats)", threshold);
    },
};
const jensenshannon = {
    name: "jensenshannon",
    label: "Jensen-Shannon distance",
    kind: "distance",
    defaultThreshold: 0.1,
    types: ["numerical", "categorical"],
    isDrift: (d, t) => d >= t,
    run(pair, threshold) {
        const s = shares(pair, false);
        return distanceOutcome(jensenShannonDistance(s.reference, s.current), "Jensen-Shannon distance", threshold);
    },
};
const chisquare = {
    name: "chisquare",
    label: "chi-square p_value",
    kind: "p_value",
    defaultThreshold: 0.05,
    types: ["numerical", "categorical"],
    isDrift: (p, t) => p < t,
    run(pair, threshold) {
        const counts = categoryCounts(pair);
        const r = chiSquareTest(counts.reference, counts.current);
        let nCur = 0;
        for (const c of counts.current)
            nCur += c;
        return {
            score: r.pValue,
            pValue: r.pValue,
            statistic: r.statistic,
            effectSize: r.cramersV,
            effectSizeName: "Cramér's V",
            minDetectableShift: {
                value: chiSquareDetectableW(nCur, counts.keys.length, threshold),
                measure: "Cohen's w",
            },
        };
    },
};
const z = {
    name: "z",
    label: "Z-test p_value",
    kind: "p_value",
    defaultThreshold: 0.05,
    types: ["numerical", "categorical"],
    isDrift: (p, t) => p < t,
    run(pair, threshold) {
        // Evidently: the first value in sorted order is 0, every other value 1.
        const counts = categoryCounts(pair);
        let nRef = 0;
        let nCur = 0;
        for (const c of counts.reference)
            nRef += c;
        for (const c of counts.current)
            nCur += c;
        const refOthers = nRef - (counts.reference[0] ?? 0);
        const curOthers = nCur - (counts.current[0] ?? 0);
        const r = twoProportionZTest(refOthers, nRef, curOthers, nCur);
        return {
            score: r.pValue,
            pValue: r.pValue,
            statistic: r.z,
            effectSize: r.cohensH,
            effectSizeName: "Cohen's h",
            minDetectableShift: {
                value: zTestDetectableDifference(r.referenceShare, nRef, nCur, threshold),
                measure: "difference in proportions",
            },
        };
    },
};
/** Every drift test by name. */
const driftTests = {
    chisquare,
    jensenshannon,
    kl,
    ks,
    psi,
    wasserstein,
    z,
};
function isDriftTestName(name) {
    return Object.hasOwn(driftTests, name);
}
/** The test called `name`; a UsageError listing the known names (sorted) otherwise. */
function getDriftTest(name) {
    if (!isDriftTestName(name)) {
        throw new errors/* UsageError */.eb(`unknown drift test '${name}'; known tests: ${Object.keys(driftTests).sort().join(", ")}.`);
    }
    return driftTests[name];
}


/***/ }),

/***/ 3491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   td: () => (/* binding */ formatPValue),
/* harmony export */   y: () => (/* binding */ formatScore)
/* harmony export */ });
/**
 * Numbers as the reports print them: p-values with three significant digits (scientific below
 * 0.001), other scores with up to four significant digits, shares as percentages; NaN as "–".
 */
function formatScore(x) {
    if (Number.isNaN(x))
        return "–";
    if (!Number.isFinite(x))
        return x > 0 ? "∞" : "−∞";
    if (x === 0)
        return "0";
    const a = Math.abs(x);
    if (a < 0.001 || a >= 1e6)
        return x.toExponential(2);
    return String(Number(x.toPrecision(4)));
}
function formatPValue(p) {
    if (Number.isNaN(p))
        return "–";
    if (p === 0)
        return "0";
    if (p < 0.001)
        return p.toExponential(2);
    return String(Number(p.toPrecision(3)));
}
function formatPercent(share) {
    if (Number.isNaN(share))
        return "–";
    return `${Number((share * 100).toFixed(1))}%`;
}


/***/ }),

/***/ 1257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ sturgesEdges),
/* harmony export */   bB: () => (/* binding */ histogramCounts),
/* harmony export */   mT: () => (/* binding */ linspace)
/* harmony export */ });
/**
 * numpy's histogram for the 'sturges' bin rule, as Evidently bins numerical columns with more than
 * 20 distinct reference values (np.histogram_bin_edges(concat(ref, cur), bins="sturges")):
 * width = ptp / (log2(n) + 1) over the pooled data (at least 1 when numpy would hold the data as
 * integers), ceil(ptp / width) equal bins from min to max (np.linspace), counts by numpy's index
 * computation with its edge corrections; the last bin is closed on the right.
 */
/** Sturges edges over the pooled range [min, max] of `count` values. */
function sturgesEdges(min, max, count, integerData = false) {
    let first = min;
    let last = max;
    if (first === last) {
        first -= 0.5;
        last += 0.5;
    }
    let width = (max - min) / (Math.log2(count) + 1);
    let bins = 1;
    if (width > 0) {
        if (integerData && width < 1)
            width = 1;
        bins = Math.ceil((last - first) / width);
    }
    return linspace(first, last, bins + 1);
}
/** np.linspace(start, stop, num) with endpoint: start + i·step, the last value exactly `stop`. */
function linspace(start, stop, num) {
    const out = new Float64Array(num);
    const div = num - 1;
    const step = div > 0 ? (stop - start) / div : 0;
    for (let i = 0; i < num; i++)
        out[i] = i * step + start;
    if (num > 1)
        out[num - 1] = stop;
    return out;
}
/** Counts per bin of values inside [edges[0], edges[last]], as np.histogram does for equal bins. */
function histogramCounts(values, edges) {
    const bins = edges.length - 1;
    const counts = new Float64Array(bins);
    const first = edges[0];
    const last = edges[bins];
    const denominator = last - first;
    for (let k = 0; k < values.length; k++) {
        const x = values[k];
        if (!(x >= first && x <= last))
            continue;
        let index = Math.trunc(((x - first) / denominator) * bins);
        if (index === bins)
            index -= 1;
        if (x < edges[index])
            index -= 1;
        else if (index !== bins - 1 && x >= edges[index + 1])
            index += 1;
        counts[index] = counts[index] + 1;
    }
    return counts;
}


/***/ }),

/***/ 2114:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ renderDriftHtml)
});

// UNUSED EXPORTS: driftStrength

;// CONCATENATED MODULE: ./.build/runtime/monitor/escape-html.js
/** Escapes text for HTML element content and attribute values (& < > " '). */
function escapeHtml(text) {
    return text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
}

// EXTERNAL MODULE: ./.build/runtime/monitor/format-number.js
var format_number = __webpack_require__(3491);
;// CONCATENATED MODULE: ./.build/runtime/monitor/svg-charts.js
/**
 * Small inline SVG charts for the HTML drift report: grouped vertical bars (reference vs current
 * distributions) and horizontal bars with an optional marker line (drift strength, missing shares).
 * Pure functions returning SVG markup; every text is escaped; no scripts, no external resources.
 */

function fmt(x) {
    return Number.isFinite(x) ? String(Number(x.toFixed(2))) : "0";
}
function shortLabel(text, max = 14) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** Vertical grouped bars: one group per label, one bar per series; y from 0 to the largest value. */
function groupedBarChart(options) {
    const width = options.width ?? 640;
    const height = options.height ?? 240;
    const format = options.formatValue ?? ((v) => `${Number((v * 100).toFixed(1))}%`);
    const left = 48;
    const bottom = 56;
    const top = 24;
    const plotW = width - left - 8;
    const plotH = height - top - bottom;
    let max = 0;
    for (const s of options.series)
        for (const v of s.values)
            if (Number.isFinite(v) && v > max)
                max = v;
    if (max === 0)
        max = 1;
    const groups = Math.max(options.labels.length, 1);
    const groupW = plotW / groups;
    const barW = Math.max(1, (groupW * 0.8) / Math.max(options.series.length, 1));
    const parts = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`, `<title>${escapeHtml(options.title)}</title>`, `<line x1="${left}" y1="${top + plotH}" x2="${width - 8}" y2="${top + plotH}" class="axis"/>`, `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" class="axis"/>`, `<text x="${left - 4}" y="${top + 4}" class="tick" text-anchor="end">${escapeHtml(format(max))}</text>`, `<text x="${left - 4}" y="${top + plotH}" class="tick" text-anchor="end">${escapeHtml(format(0))}</text>`);
    const labelEvery = Math.ceil(groups / 12);
    options.labels.forEach((label, g) => {
        const x0 = left + g * groupW + groupW * 0.1;
        options.series.forEach((s, k) => {
            const v = s.values[g] ?? 0;
            const h = Number.isFinite(v) ? (v / max) * plotH : 0;
            parts.push(`<rect x="${fmt(x0 + k * barW)}" y="${fmt(top + plotH - h)}" width="${fmt(barW)}" height="${fmt(h)}" fill="${s.color}"><title>${escapeHtml(`${s.name}, ${label}: ${format(v)}`)}</title></rect>`);
        });
        if (g % labelEvery === 0) {
            const cx = left + g * groupW + groupW / 2;
            parts.push(`<text x="${fmt(cx)}" y="${top + plotH + 14}" class="tick" text-anchor="end" transform="rotate(-35 ${fmt(cx)} ${top + plotH + 14})">${escapeHtml(shortLabel(label))}</text>`);
        }
    });
    options.series.forEach((s, k) => {
        const x = left + k * 110;
        parts.push(`<rect x="${x}" y="4" width="10" height="10" fill="${s.color}"/>`, `<text x="${x + 14}" y="13" class="legend">${escapeHtml(s.name)}</text>`);
    });
    parts.push("</svg>");
    return parts.join("");
}
/** Horizontal bars from 0 to `max` (default: the largest value), with an optional vertical marker. */
function horizontalBarChart(options) {
    const width = options.width ?? 640;
    const rowH = 22;
    const left = 200;
    const right = 120;
    const top = 24;
    const height = top + options.bars.length * rowH + 12;
    const plotW = width - left - right;
    let max = options.max ?? 0;
    if (options.max === undefined)
        for (const b of options.bars)
            if (Number.isFinite(b.value) && b.value > max)
                max = b.value;
    if (options.marker && options.marker.value > max)
        max = options.marker.value;
    if (max <= 0)
        max = 1;
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
        `<title>${escapeHtml(options.title)}</title>`,
    ];
    options.bars.forEach((b, i) => {
        const y = top + i * rowH;
        const v = Number.isFinite(b.value) ? Math.min(Math.max(b.value, 0), max) : 0;
        const w = (v / max) * plotW;
        parts.push(`<text x="${left - 6}" y="${y + 14}" class="label" text-anchor="end">${escapeHtml(shortLabel(b.label, 30))}</text>`, `<rect x="${left}" y="${y + 3}" width="${fmt(w)}" height="${rowH - 8}" fill="${b.color}"><title>${escapeHtml(`${b.label}: ${b.text ?? String(b.value)}`)}</title></rect>`, `<text x="${fmt(left + w + 4)}" y="${y + 14}" class="tick">${escapeHtml(b.text ?? String(b.value))}</text>`);
    });
    if (options.marker) {
        const x = left + (options.marker.value / max) * plotW;
        parts.push(`<line x1="${fmt(x)}" y1="${top - 4}" x2="${fmt(x)}" y2="${height - 8}" class="marker"/>`, `<text x="${fmt(x)}" y="${top - 8}" class="tick" text-anchor="middle">${escapeHtml(options.marker.label)}</text>`);
    }
    parts.push("</svg>");
    return parts.join("");
}

;// CONCATENATED MODULE: ./.build/runtime/monitor/render-drift-html.js



const REFERENCE_COLOR = "#6b7a8f";
const CURRENT_COLOR = "#e07b39";
const DRIFT_COLOR = "#c0392b";
const OK_COLOR = "#2e8b57";
/** Drift strength is drawn up to this many times the threshold. */
const STRENGTH_CAP = 4;
const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:1rem;color:#fff;font-weight:600;font-size:.9rem}
.drift{background:${DRIFT_COLOR}}.ok{background:${OK_COLOR}}.muted{color:#57606a;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}tr.drifted td:first-child{border-left:4px solid ${DRIFT_COLOR}}
td.num{text-align:right;font-variant-numeric:tabular-nums}
ul.quality{margin:.25rem 0 0 1.2rem;padding:0}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
svg .axis{stroke:#57606a;stroke-width:1}svg .marker{stroke:${DRIFT_COLOR};stroke-width:1.5;stroke-dasharray:4 3}
svg text{font-family:inherit;fill:#1f2328}svg .tick{font-size:10px;fill:#57606a}svg .label{font-size:11px}svg .legend{font-size:11px}
section.column{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
@media print{section.column{break-inside:avoid}}
`;
/** Score relative to the threshold: 1 at the threshold, above 1 = drift, for both kinds of test. */
function driftStrength(c) {
    if (c.status !== "tested" || !Number.isFinite(c.score))
        return Number.NaN;
    if (c.testKind === "distance")
        return c.score / c.threshold;
    if (c.score <= 0)
        return Number.POSITIVE_INFINITY;
    return Math.log(c.score) / Math.log(c.threshold);
}
function scoreText(c) {
    if (c.status !== "tested")
        return c.status === "empty_current" ? "no current values" : "no reference values";
    return c.testKind === "p_value" ? `p = ${(0,format_number/* formatPValue */.td)(c.score)}` : (0,format_number/* formatScore */.y)(c.score);
}
function summaryRow(c) {
    const cls = c.drift ? ` class="drifted"` : "";
    const threshold = c.testKind === "p_value" ? `${c.test === "ks" ? "p ≤" : "p &lt;"} ${c.threshold}` : `≥ ${c.threshold}`;
    const adjusted = c.adjustedPValue === undefined ? "–" : (0,format_number/* formatPValue */.td)(c.adjustedPValue);
    return `<tr${cls}><td><a href="#col-${encodeURIComponent(c.column)}">${escapeHtml(c.column)}</a>${c.role === "output" ? ' <span class="muted">(output)</span>' : ""}</td><td>${c.type}</td><td>${escapeHtml(c.testLabel)}</td><td class="num">${escapeHtml(scoreText(c))}</td><td>${threshold}</td><td>${c.status !== "tested" ? "not tested" : c.drift ? "<strong>drift</strong>" : "no drift"}</td><td class="num">${escapeHtml(`${(0,format_number/* formatScore */.y)(c.effectSize)} ${c.effectSizeName}`)}</td><td class="num">${adjusted}</td><td class="num">${c.nReference} / ${c.nCurrent}</td><td class="num">${escapeHtml(`${(0,format_number/* formatScore */.y)(c.minDetectableShift.value)} ${c.minDetectableShift.measure}`)}</td></tr>`;
}
function columnSection(c) {
    const d = c.distribution;
    let chart;
    if (d.kind === "histogram") {
        const labels = d.edges.slice(0, -1).map((e) => (0,format_number/* formatScore */.y)(e));
        chart = groupedBarChart({
            title: `${c.column}: distribution, reference vs current`,
            labels,
            series: [
                { name: "reference", values: d.reference, color: REFERENCE_COLOR },
                { name: "current", values: d.current, color: CURRENT_COLOR },
            ],
        });
    }
    else {
        chart = groupedBarChart({
            title: `${c.column}: category shares, reference vs current`,
            labels: d.labels,
            series: [
                { name: "reference", values: d.reference, color: REFERENCE_COLOR },
                { name: "current", values: d.current, color: CURRENT_COLOR },
            ],
        });
    }
    const q = c.quality;
    const findings = [
        `missing: ${(0,format_number/* formatPercent */.l9)(q.referenceMissingShare)} in reference, ${(0,format_number/* formatPercent */.l9)(q.currentMissingShare)} in current${q.missingShareRose ? " — <strong>rose by more than 10%</strong>" : ""}`,
    ];
    if (q.referenceRange) {
        findings.push(`reference range ${escapeHtml((0,format_number/* formatScore */.y)(q.referenceRange[0]))} … ${escapeHtml((0,format_number/* formatScore */.y)(q.referenceRange[1]))}; ${q.outOfRangeCount} current values (${(0,format_number/* formatPercent */.l9)(q.outOfRangeShare)}) outside it`);
    }
    if (q.unseenCategoryCount > 0) {
        findings.push(`${q.unseenCategoryCount} categories never seen in the reference (${(0,format_number/* formatPercent */.l9)(q.unseenShare)} of current values): ${escapeHtml(q.unseenCategories.join(", "))}`);
    }
    if (q.constantInReference)
        findings.push("constant in the reference");
    if (q.constantInCurrent)
        findings.push("constant in the current data");
    return `<section class="column" id="col-${escapeHtml(encodeURIComponent(c.column))}"><h3>${escapeHtml(c.column)} <span class="badge ${c.drift ? "drift" : "ok"}">${c.status !== "tested" ? "not tested" : c.drift ? "drift" : "no drift"}</span></h3>
<p class="muted">${escapeHtml(c.testLabel)}: ${escapeHtml(scoreText(c))} (threshold ${c.threshold}); ${escapeHtml(c.effectSizeName)} ${escapeHtml((0,format_number/* formatScore */.y)(c.effectSize))}; ${c.distinctValues} distinct values; test chosen: ${escapeHtml(c.selection)}.</p>
${chart}
<ul class="quality">${findings.map((f) => `<li>${f}</li>`).join("")}</ul></section>`;
}
function renderDriftHtml(report) {
    const verdict = report.datasetDrift
        ? `<span class="badge drift">dataset drift detected</span>`
        : `<span class="badge ok">no dataset drift</span>`;
    const rule = report.decidedBy === "share"
        ? "the share of drifted columns (Evidently's rule)"
        : `Benjamini–Hochberg at FDR ${(0,format_number/* formatPercent */.l9)(report.fdr.level)}`;
    const strengthBars = report.columns.map((c) => {
        const s = driftStrength(c);
        return {
            label: c.column,
            value: Number.isFinite(s)
                ? Math.min(s, STRENGTH_CAP)
                : s === Number.POSITIVE_INFINITY
                    ? STRENGTH_CAP
                    : 0,
            text: scoreText(c),
            color: c.drift ? DRIFT_COLOR : OK_COLOR,
        };
    });
    const missingBars = report.columns.flatMap((c) => [
        {
            label: `${c.column} (reference)`,
            value: c.quality.referenceMissingShare,
            text: (0,format_number/* formatPercent */.l9)(c.quality.referenceMissingShare),
            color: REFERENCE_COLOR,
        },
        {
            label: `${c.column} (current)`,
            value: c.quality.currentMissingShare,
            text: (0,format_number/* formatPercent */.l9)(c.quality.currentMissingShare),
            color: CURRENT_COLOR,
        },
    ]);
    const anyMissing = report.columns.some((c) => c.quality.referenceMissingShare > 0 || c.quality.currentMissingShare > 0);
    const missingChart = anyMissing
        ? horizontalBarChart({
            title: "Missing share by column",
            bars: missingBars,
            max: Math.max(0.01, ...report.columns.flatMap((c) => [c.quality.referenceMissingShare, c.quality.currentMissingShare])),
        })
        : "<p>No missing values in any compared column, in either dataset.</p>";
    const failures = report.quality.failures.length === 0
        ? "<p>No data-quality check failed.</p>"
        : `<ul>${report.quality.failures.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>`;
    const prediction = report.predictionDrift.columns.length === 0
        ? ""
        : `<p>Prediction drift (${escapeHtml(report.predictionDrift.columns.join(", "))}): <strong>${report.predictionDrift.drift ? "detected" : "not detected"}</strong>.</p>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiln drift report: ${escapeHtml(report.current.source)} vs ${escapeHtml(report.reference.source)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Drift report</h1>
<p class="muted">Reference: ${escapeHtml(report.reference.source)} (${report.reference.rows} rows) · Current: ${escapeHtml(report.current.source)} (${report.current.rows} rows)</p>
<p>${verdict} ${report.share.drifted} of ${report.share.tested} columns drifted (${(0,format_number/* formatPercent */.l9)(report.share.driftShare)}); the dataset drifts when at least ${(0,format_number/* formatPercent */.l9)(report.driftShareThreshold)} do. Decided by ${rule}. With Benjamini–Hochberg (FDR ${(0,format_number/* formatPercent */.l9)(report.fdr.level)}): ${report.fdr.drifted} of ${report.fdr.tested} (${(0,format_number/* formatPercent */.l9)(report.fdr.driftShare)}) → ${report.fdr.datasetDrift ? "drift" : "no drift"}.</p>
${prediction}
<h2>Columns</h2>
<table><thead><tr><th>column</th><th>type</th><th>test</th><th>score</th><th>threshold</th><th>verdict</th><th>effect size</th><th>BH-adjusted p</th><th>n reference / current</th><th>smallest detectable shift</th></tr></thead>
<tbody>${report.columns.map(summaryRow).join("\n")}</tbody></table>
<h2>Drift scores</h2>
<p class="muted">Each score relative to its threshold (1 = threshold; p-values as log p / log threshold; drawn up to ${STRENGTH_CAP}×).</p>
${horizontalBarChart({ title: "Drift strength by column", bars: strengthBars, max: STRENGTH_CAP, marker: { value: 1, label: "threshold" } })}
<h2>Missing values</h2>
${missingChart}
<h2>Data quality</h2>
${failures}
<h2>Distributions</h2>
${report.columns.map(columnSection).join("\n")}
<p class="muted">Made by Kiln. Tests and thresholds follow Evidently's defaults unless overridden.</p>
</body>
</html>
`;
}


/***/ }),

/***/ 8976:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ escapeMarkdownCell),
/* harmony export */   b: () => (/* binding */ renderDriftMarkdown)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3491);

/** Escapes text for a markdown table cell (pipes, HTML, backticks, newlines). */
function escapeMarkdownCell(text) {
    return text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\|/g, "\\|")
        .replace(/`/g, "\\`")
        .replace(/[\r\n]+/g, " ");
}
function mermaidText(text) {
    return text.replace(/["\r\n]/g, "'");
}
function scoreCell(c) {
    if (c.status !== "tested")
        return c.status === "empty_current" ? "no current values" : "no reference values";
    return c.testKind === "p_value" ? `p = ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPValue */ .td)(c.score)}` : (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatScore */ .y)(c.score);
}
function thresholdCell(c) {
    if (c.testKind === "p_value")
        return `${c.test === "ks" ? "p ≤" : "p <"} ${c.threshold}`;
    return `≥ ${c.threshold}`;
}
function verdictCell(c) {
    if (c.status !== "tested")
        return "not tested";
    return c.drift ? "**drift**" : "no drift";
}
function row(c) {
    const name = `${escapeMarkdownCell(c.column)}${c.role === "output" ? " (output)" : ""}`;
    const effect = c.status === "tested" ? `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatScore */ .y)(c.effectSize)} ${escapeMarkdownCell(c.effectSizeName)}` : "–";
    const detectable = c.status === "tested"
        ? `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatScore */ .y)(c.minDetectableShift.value)} ${escapeMarkdownCell(c.minDetectableShift.measure)}`
        : "–";
    return `| ${[
        name,
        c.type,
        escapeMarkdownCell(c.testLabel),
        scoreCell(c),
        thresholdCell(c),
        verdictCell(c),
        effect,
        `${c.nReference} / ${c.nCurrent}`,
        detectable,
    ].join(" | ")} |`;
}
function trendChart(history, report) {
    const labels = history.map((h) => `"${mermaidText(h.label)}"`).join(", ");
    const lines = [
        "```mermaid",
        "xychart-beta",
        '  title "Drifted share of columns over recent windows"',
        `  x-axis [${labels}]`,
        '  y-axis "drifted share" 0 --> 1',
        `  line [${history.map((h) => Number(h.driftShare.toFixed(4))).join(", ")}]`,
        "```",
    ];
    const drifting = report.columns.filter((c) => c.drift && history.some((h) => h.scores?.[c.column] !== undefined));
    for (const c of drifting.slice(0, 5)) {
        const values = history.map((h) => h.scores?.[c.column] ?? Number.NaN);
        const finite = values.filter(Number.isFinite);
        if (finite.length === 0)
            continue;
        const max = Math.max(...finite, c.testKind === "distance" ? c.threshold : 0);
        lines.push("```mermaid", "xychart-beta", `  title "${mermaidText(c.column)}: ${mermaidText(c.testLabel)} over recent windows"`, `  x-axis [${labels}]`, `  y-axis "${c.testKind === "p_value" ? "p-value" : "score"}" 0 --> ${Number((max * 1.1 || 1).toPrecision(3))}`, `  line [${values.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : 0)).join(", ")}]`, "```");
    }
    return lines;
}
function renderDriftMarkdown(report, history, options = {}) {
    const maxLength = options.maxLength ?? 60_000;
    const head = [];
    head.push(`### Data drift: ${report.datasetDrift ? "detected" : "not detected"}`);
    head.push("");
    const rule = report.decidedBy === "share"
        ? "the share of drifted columns (Evidently's rule)"
        : `Benjamini–Hochberg at a false discovery rate of ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(report.fdr.level)}`;
    head.push(`**${report.share.drifted} of ${report.share.tested} columns drifted (${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(report.share.driftShare)})**; ` +
        `the dataset drifts when at least ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(report.driftShareThreshold)} do. Decided by ${rule}.`);
    head.push(`With Benjamini–Hochberg (FDR ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(report.fdr.level)}): ${report.fdr.drifted} of ${report.fdr.tested} columns (${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(report.fdr.driftShare)}) → ${report.fdr.datasetDrift ? "drift" : "no drift"}.`);
    if (report.predictionDrift.columns.length > 0) {
        head.push(`Prediction drift (${report.predictionDrift.columns.map(escapeMarkdownCell).join(", ")}): ${report.predictionDrift.drift ? "**detected**" : "not detected"}.`);
    }
    head.push("");
    head.push(`Reference: ${escapeMarkdownCell(report.reference.source)} (${report.reference.rows} rows) · Current: ${escapeMarkdownCell(report.current.source)} (${report.current.rows} rows)`);
    head.push("");
    const tableHead = [
        "| column | type | test | score | threshold | verdict | effect size | n reference / current | smallest detectable shift |",
        "|---|---|---|---|---|---|---|---|---|",
    ];
    const failureLines = report.quality.failures.map((f) => `- ${escapeMarkdownCell(f)}`);
    const qualityHead = ["", "#### Data quality", ""];
    const chart = history !== undefined && history.length > 0 ? ["", ...trendChart(history, report)] : [];
    const full = [
        ...head,
        ...tableHead,
        ...report.columns.map(row),
        ...(failureLines.length > 0 ? [...qualityHead, ...failureLines] : []),
        ...chart,
    ].join("\n");
    if (full.length <= maxLength)
        return `${full}\n`;
    // Too long: the table keeps drifted columns first, then as many others as fit; then as many
    // quality findings as fit; the chart only if it still fits. Each cut is said.
    const reserve = 400;
    let used = [...head, ...tableHead].join("\n").length + reserve;
    const ordered = [...report.columns].sort((a, b) => Number(b.drift) - Number(a.drift));
    const kept = [];
    for (const c of ordered) {
        const r = row(c);
        if (used + r.length + 1 > maxLength * 0.8)
            break;
        kept.push(r);
        used += r.length + 1;
    }
    const out = [...head, ...tableHead, ...kept];
    const leftColumns = report.columns.length - kept.length;
    if (leftColumns > 0) {
        out.push("", `_${leftColumns} more column${leftColumns === 1 ? "" : "s"} not shown to stay within GitHub's size limit; see the HTML or JSON report._`);
    }
    if (failureLines.length > 0) {
        out.push(...qualityHead);
        used = out.join("\n").length + reserve;
        let shown = 0;
        for (const line of failureLines) {
            if (used + line.length + 1 > maxLength)
                break;
            out.push(line);
            used += line.length + 1;
            shown++;
        }
        if (shown < failureLines.length)
            out.push(`- _${failureLines.length - shown} more findings not shown._`);
    }
    const chartText = chart.join("\n");
    if (chart.length > 0 && out.join("\n").length + chartText.length + 1 <= maxLength)
        out.push(...chart);
    return `${out.join("\n").slice(0, maxLength)}\n`;
}


/***/ })

};
