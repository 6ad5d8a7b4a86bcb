export const id = 102;
export const ids = [102];
export const modules = {

/***/ 670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ ColumnBuilder)
});

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/data/growable-array.js
/**
 * Typed arrays that grow as rows stream in (doubling), so readers never hold arrays of row objects.
 */
class GrowableFloat64Array {
    buffer;
    length = 0;
    constructor(initialCapacity = 1024) {
        this.buffer = new Float64Array(Math.max(16, initialCapacity));
    }
    push(value) {
        if (this.length === this.buffer.length)
            this.grow();
        this.buffer[this.length++] = value;
    }
    get(index) {
        return this.buffer[index];
    }
    /** An exact-length copy of the values pushed so far. */
    toArray() {
        return this.buffer.slice(0, this.length);
    }
    grow() {
        const next = new Float64Array(this.buffer.length * 2);
        next.set(this.buffer);
        this.buffer = next;
    }
}
class GrowableInt32Array {
    buffer;
    length = 0;
    constructor(initialCapacity = 1024) {
        this.buffer = new Int32Array(Math.max(16, initialCapacity));
    }
    push(value) {
        if (this.length === this.buffer.length)
            this.grow();
        this.buffer[this.length++] = value;
    }
    get(index) {
        return this.buffer[index];
    }
    toArray() {
        return this.buffer.slice(0, this.length);
    }
    grow() {
        const next = new Int32Array(this.buffer.length * 2);
        next.set(this.buffer);
        this.buffer = next;
    }
}

;// CONCATENATED MODULE: ./.build/runtime/data/missing-value.js
/**
 * The spellings that mean "no value" in a text cell (CSV, or strings in JSON Lines and Parquet).
 * They are kept as missing in every column kind: NaN for numbers and booleans, code -1 for
 * categories.
 */
const missingValueTokens = new Set([
    "",
    "NA",
    "N/A",
    "na",
    "null",
    "NULL",
    "Null",
    "NaN",
    "nan",
]);
function isMissingText(text) {
    return missingValueTokens.has(text) || (text.length > 0 && text.trim() === "");
}

;// CONCATENATED MODULE: ./.build/runtime/data/column-builder.js



/** Beyond this many distinct values an inferred numeric column stops keeping a category dictionary. */
const maxInferenceCategories = 4096;
/**
 * Collects one column's values as rows stream in, into growable typed arrays, and turns them into a
 * typed Column at the end. With a declared kind every value must fit it (DataError naming the row and
 * column otherwise); without one the kind is inferred: boolean if every value is true/false, numeric
 * if every value is a number, categorical otherwise. Missing values stay missing.
 */
class ColumnBuilder {
    name;
    declared;
    file;
    kind;
    numbers;
    codes;
    dictionary;
    categories = [];
    count = 0;
    constructor(name, declared, file) {
        this.name = name;
        this.declared = declared;
        this.file = file;
        this.kind = declared ?? "unknown";
        if (declared === "categorical") {
            this.codes = new GrowableInt32Array();
            this.dictionary = new Map();
        }
        else {
            this.numbers = new GrowableFloat64Array();
            if (declared === undefined) {
                this.codes = new GrowableInt32Array();
                this.dictionary = new Map();
            }
        }
    }
    get length() {
        return this.count;
    }
    /** Append missing values until the column has `rows` values (for keys absent from earlier rows). */
    padTo(rows) {
        while (this.count < rows)
            this.pushMissing();
    }
    push(value, position) {
        if (value === null || value === undefined)
            this.pushMissing();
        else if (this.declared === "numeric")
            this.pushNumber(this.toNumber(value, position));
        else if (this.declared === "boolean")
            this.pushNumber(this.toBoolean(value, position));
        else if (this.declared === "categorical")
            this.pushCategory(this.toText(value, position));
        else
            this.pushInferred(value, position);
    }
    finish() {
        const kind = this.kind === "unknown" ? "numeric" : this.kind;
        if (kind === "categorical") {
            return { kind, name: this.name, codes: this.codes.toArray(), categories: this.categories };
        }
        return { kind, name: this.name, values: this.numbers.toArray() };
    }
    pushMissing() {
        this.numbers?.push(Number.NaN);
        this.codes?.push(-1);
        this.count++;
    }
    pushNumber(value) {
        this.numbers.push(value);
        this.count++;
    }
    pushCategory(text) {
        this.codes.push(text === undefined ? -1 : this.codeOf(text));
        this.count++;
    }
    codeOf(text) {
        let code = this.dictionary.get(text);
        if (code === undefined) {
            code = this.categories.length;
            this.dictionary.set(text, code);
            this.categories.push(text);
        }
        return code;
    }
    pushInferred(value, position) {
        let number;
        let text;
        let seen;
        if (typeof value === "number") {
            if (Number.isNaN(value)) {
                this.pushMissing();
                return;
            }
            number = value;
            text = String(value);
            seen = "numeric";
        }
        else if (typeof value === "bigint") {
            number = Number(value);
            text = String(value);
            seen = "numeric";
        }
        else if (typeof value === "boolean") {
            number = value ? 1 : 0;
            text = String(value);
            seen = "boolean";
        }
        else if (value instanceof Date) {
            number = value.getTime();
            text = value.toISOString();
            seen = "numeric";
        }
        else if (typeof value === "string") {
            if (isMissingText(value)) {
                this.pushMissing();
                return;
            }
            text = value;
            const lower = value.toLowerCase();
            if (lower === "true" || lower === "false") {
                number = lower === "true" ? 1 : 0;
                seen = "boolean";
            }
            else {
                number = Number(value);
                seen = Number.isNaN(number) ? "categorical" : "numeric";
            }
        }
        else {
            throw this.cellError(position, `expected a single value but found ${describe(value)}`);
        }
        if (this.kind === "unknown")
            this.kind = seen;
        else if (this.kind !== seen && this.kind !== "categorical")
            this.becomeCategorical();
        if (this.kind === "categorical") {
            this.codes.push(this.codeOf(text));
            this.count++;
            return;
        }
        this.numbers.push(number);
        if (this.dictionary) {
            this.codes.push(this.codeOf(text));
            if (this.categories.length > maxInferenceCategories) {
                this.dictionary = undefined;
                this.codes = undefined;
            }
        }
        this.count++;
    }
    /** An inferred numeric or boolean column met a value of another kind: re-encode what it holds. */
    becomeCategorical() {
        const previous = this.kind;
        this.kind = "categorical";
        const numbers = this.numbers;
        this.numbers = undefined;
        if (this.dictionary && this.codes)
            return;
        this.dictionary = new Map();
        this.categories = [];
        this.codes = new GrowableInt32Array(numbers.length);
        for (let i = 0; i < numbers.length; i++) {
            const n = numbers.get(i);
            if (Number.isNaN(n))
                this.codes.push(-1);
            else
                this.codes.push(this.codeOf(previous === "boolean" ? String(n === 1) : String(n)));
        }
    }
    toNumber(value, position) {
        if (typeof value === "number")
            return value;
        if (typeof value === "bigint")
            return Number(value);
        if (typeof value === "boolean")
            return value ? 1 : 0;
        if (value instanceof Date)
            return value.getTime();
        if (typeof value === "string") {
            if (isMissingText(value))
                return Number.NaN;
            const n = Number(value);
            if (!Number.isNaN(n))
                return n;
        }
        throw this.cellError(position, `expected a number but found ${describe(value)}`, {
            hint: "Fix the value, leave the cell empty for a missing value, or declare the column categorical.",
        });
    }
    toBoolean(value, position) {
        if (typeof value === "boolean")
            return value ? 1 : 0;
        if (typeof value === "number" || typeof value === "bigint") {
            if (Number(value) === 0 || Number(value) === 1)
                return Number(value);
        }
        if (typeof value === "string") {
            if (isMissingText(value))
                return Number.NaN;
            const lower = value.trim().toLowerCase();
            if (lower === "true" || lower === "1" || lower === "yes")
                return 1;
            if (lower === "false" || lower === "0" || lower === "no")
                return 0;
        }
        throw this.cellError(position, `expected a boolean (true/false, 1/0, yes/no) but found ${describe(value)}`);
    }
    toText(value, position) {
        if (typeof value === "string")
            return isMissingText(value) ? undefined : value;
        if (typeof value === "number")
            return Number.isNaN(value) ? undefined : String(value);
        if (typeof value === "bigint" || typeof value === "boolean")
            return String(value);
        if (value instanceof Date)
            return value.toISOString();
        throw this.cellError(position, `expected a single value but found ${describe(value)}`);
    }
    cellError(position, message, options = {}) {
        const line = position.line === undefined ? "" : ` (line ${position.line})`;
        return new errors/* DataError */.fL({ file: this.file, row: position.row, column: this.name }, `${message}${line}.`, options);
    }
}
function describe(value) {
    if (typeof value === "string")
        return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
    if (Array.isArray(value))
        return "a list";
    if (typeof value === "object")
        return "an object";
    return String(value);
}


/***/ }),

/***/ 1514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ finishTable)
/* harmony export */ });
/** Pads every builder to the row count and assembles the Table in the requested column order. */
function finishTable(source, rowCount, builders, order) {
    const byName = new Map();
    for (const builder of builders instanceof Map ? builders.values() : builders)
        byName.set(builder.name, builder);
    return {
        source,
        rowCount,
        columns: order.map((name) => {
            const builder = byName.get(name);
            builder.padTo(rowCount);
            return builder.finish();
        }),
    };
}


/***/ }),

/***/ 4721:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ readTable)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/index.js + 9 modules
var lib = __webpack_require__(6070);
// EXTERNAL MODULE: ./.build/runtime/data/column-builder.js + 2 modules
var column_builder = __webpack_require__(670);
;// CONCATENATED MODULE: ./.build/runtime/data/column-plan.js


/**
 * Checks the requested columns and the schema against the columns a file has, and returns a builder
 * for each kept column keyed by its position in the file.
 */
function planColumns(file, available, options) {
    const seen = new Set();
    for (const name of available) {
        if (seen.has(name))
            throw new errors/* DataError */.fL({ file, column: name }, "the column name appears more than once.");
        seen.add(name);
    }
    const list = () => available.map((n) => `'${n}'`).join(", ");
    const order = options.columns ?? [...available];
    const builders = new Map();
    for (const name of order) {
        const index = available.indexOf(name);
        if (index < 0)
            throw new errors/* DataError */.fL({ file, column: name }, `no such column; the file has ${list()}.`);
        const declared = options.schema?.[name];
        builders.set(index, new column_builder/* ColumnBuilder */.Q(name, declared, file));
    }
    for (const name of Object.keys(options.schema ?? {})) {
        if (!seen.has(name)) {
            throw new errors/* DataError */.fL({ file, column: name }, `the schema declares this column but the file has only ${list()}.`);
        }
    }
    return { builders, order };
}

// EXTERNAL MODULE: ./.build/runtime/data/finish-table.js
var finish_table = __webpack_require__(1514);
;// CONCATENATED MODULE: ./.build/runtime/data/read-csv.js





/**
 * Streams a delimited text file with a header row into a columnar Table. Rows are parsed by
 * csv-parse one at a time and their cells go straight into typed column builders.
 */
async function readCsv(file, options = {}) {
    const parser = (0,external_node_fs_.createReadStream)(file).pipe((0,lib/* parse */.qg)({
        bom: true,
        delimiter: options.delimiter ?? ",",
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
    }));
    let builders;
    let order = [];
    let width = 0;
    let rows = 0;
    try {
        for await (const item of parser) {
            const { record, info } = item;
            if (builders === undefined) {
                const header = record.map((h) => h.trim());
                ({ builders, order } = planColumns(file, header, options));
                width = header.length;
                continue;
            }
            rows++;
            if (record.length !== width) {
                throw new errors/* DataError */.fL({ file, row: rows }, `expected ${width} fields like the header but found ${record.length} (line ${info.lines}).`);
            }
            const position = { row: rows, line: info.lines };
            for (const [index, builder] of builders)
                builder.push(record[index], position);
        }
    }
    catch (error) {
        if (error instanceof lib/* CsvError */.J$) {
            const line = error.lines;
            throw new errors/* DataError */.fL({ file }, `not valid CSV${line === undefined ? "" : ` at line ${line}`}: ${error.message}`, {
                cause: error,
            });
        }
        throw error;
    }
    if (builders === undefined)
        throw new errors/* DataError */.fL({ file }, "the file is empty; expected a header row.");
    return (0,finish_table/* finishTable */.S)(file, rows, builders, order);
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./.build/runtime/data/read-json-lines.js





/**
 * Streams a JSON Lines file (one JSON object per line) into a columnar Table. Columns are the keys
 * seen in any row, in order of first appearance; a key absent from a row is a missing value.
 */
async function readJsonLines(file, options = {}) {
    const wanted = options.columns === undefined ? undefined : new Set(options.columns);
    const builders = new Map();
    const order = [];
    const addColumn = (name, rows) => {
        const builder = new column_builder/* ColumnBuilder */.Q(name, options.schema?.[name], file);
        builder.padTo(rows);
        builders.set(name, builder);
        order.push(name);
        return builder;
    };
    let rows = 0;
    let line = 0;
    const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(file), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const text of lines) {
        line++;
        if (text.trim() === "")
            continue;
        rows++;
        let record;
        try {
            record = JSON.parse(text);
        }
        catch (error) {
            throw new errors/* DataError */.fL({ file, row: rows }, `line ${line} is not valid JSON: ${error.message}.`, {
                cause: error,
            });
        }
        if (record === null || typeof record !== "object" || Array.isArray(record)) {
            throw new errors/* DataError */.fL({ file, row: rows }, `line ${line} is not a JSON object; expected one object per line.`);
        }
        const position = { row: rows, line };
        for (const [key, value] of Object.entries(record)) {
            if (wanted !== undefined && !wanted.has(key))
                continue;
            const builder = builders.get(key) ?? addColumn(key, rows - 1);
            builder.push(value, position);
        }
        for (const builder of builders.values())
            builder.padTo(rows);
    }
    const keys = [...order];
    for (const name of [...Object.keys(options.schema ?? {}), ...(options.columns ?? [])]) {
        if (!builders.has(name)) {
            throw new errors/* DataError */.fL({ file, column: name }, `no row has this key; the keys are ${keys.map((k) => `'${k}'`).join(", ") || "(none)"}.`);
        }
    }
    return (0,finish_table/* finishTable */.S)(file, rows, builders.values(), options.columns ?? order);
}

// EXTERNAL MODULE: ./node_modules/hyparquet/src/node.js
var node = __webpack_require__(1609);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/metadata.js + 1 modules
var src_metadata = __webpack_require__(6367);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/read.js + 17 modules
var read = __webpack_require__(2123);
;// CONCATENATED MODULE: ./.build/runtime/data/read-parquet.js




/**
 * Reads a Parquet file with hyparquet, column chunk by column chunk, into a columnar Table.
 * Only flat (top-level, non-nested) columns can be read.
 */
async function readParquet(file, options = {}) {
    let buffer;
    let metadata;
    try {
        buffer = await (0,node/* asyncBufferFromFile */.Rv)(file);
        metadata = await (0,src_metadata/* parquetMetadataAsync */.Ei)(buffer);
    }
    catch (error) {
        throw new errors/* DataError */.fL({ file }, `not a readable Parquet file: ${error.message}.`, {
            cause: error,
        });
    }
    const top = (0,src_metadata/* parquetSchema */.YR)(metadata).children;
    const available = top.map((child) => child.element.name);
    const { builders, order } = planColumns(file, available, options);
    for (const [index, builder] of builders) {
        if ((top[index]?.children.length ?? 0) > 0) {
            throw new errors/* DataError */.fL({ file, column: builder.name }, "nested Parquet columns are not supported; flatten it.");
        }
    }
    const chunks = new Map();
    for (const name of order)
        chunks.set(name, []);
    try {
        await (0,read/* parquetRead */.bA)({
            file: buffer,
            metadata,
            columns: order,
            onChunk: (chunk) => {
                chunks.get(chunk.columnName)?.push({ rowStart: chunk.rowStart, values: chunk.columnData });
            },
        });
    }
    catch (error) {
        throw new errors/* DataError */.fL({ file }, `could not decode the Parquet data: ${error.message}.`, {
            cause: error,
        });
    }
    const rowCount = Number(metadata.num_rows);
    for (const builder of builders.values()) {
        const parts = (chunks.get(builder.name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
        for (const part of parts) {
            const { values, rowStart } = part;
            if (rowStart !== builder.length) {
                throw new errors/* DataError */.fL({ file, column: builder.name }, `column chunks do not cover row ${builder.length + 1}.`);
            }
            for (let i = 0; i < values.length; i++)
                builder.push(values[i], { row: rowStart + i + 1 });
        }
    }
    return (0,finish_table/* finishTable */.S)(file, rowCount, builders, order);
}

;// CONCATENATED MODULE: ./.build/runtime/data/read-table.js






/** The readers by file extension. */
const readers = {
    ".csv": (file, options) => readCsv(file, options),
    ".tsv": (file, options) => readCsv(file, { ...options, delimiter: "\t" }),
    ".jsonl": readJsonLines,
    ".ndjson": readJsonLines,
    ".parquet": readParquet,
};
const columnKinds = ["boolean", "categorical", "numeric"];
/**
 * Reads a data file into a columnar Table, choosing the reader by extension (.csv, .tsv, .jsonl,
 * .ndjson, .parquet). Column kinds come from `schema` where declared and are inferred otherwise.
 * Missing values (empty cells, NA, null, NaN) are kept as missing. Throws DataError naming the file,
 * row and column for values that do not fit.
 */
async function readTable(file, options = {}) {
    const extension = (0,external_node_path_.extname)(file).toLowerCase();
    const reader = readers[extension];
    if (reader === undefined) {
        throw new errors/* DataError */.fL({ file }, `cannot read '${extension || "(no extension)"}' files; Kiln reads ${Object.keys(readers).sort().join(", ")}.`);
    }
    for (const [column, kind] of Object.entries(options.schema ?? {})) {
        if (!columnKinds.includes(kind)) {
            throw new errors/* DataError */.fL({ file, column }, `the schema gives kind '${String(kind)}'; expected one of ${columnKinds.join(", ")}.`);
        }
    }
    try {
        const info = await (0,promises_.stat)(file);
        if (!info.isFile())
            throw new errors/* DataError */.fL({ file }, "is not a file.");
    }
    catch (error) {
        if (error instanceof errors/* DataError */.fL)
            throw error;
        throw new errors/* DataError */.fL({ file }, "the data file does not exist or cannot be read.", { cause: error });
    }
    return reader(file, options);
}


/***/ })

};
