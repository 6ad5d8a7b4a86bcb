export const id = 832;
export const ids = [832,498];
export const modules = {

/***/ 8832:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerTrainCommands: () => (/* binding */ registerTrainCommands)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _train_predict_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5712);
/* harmony import */ var _train_train_to_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3556);
/* harmony import */ var _train_trainer_params_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1616);
/* harmony import */ var _train_trainers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9146);
/* harmony import */ var _console_logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9498);






const list = (text) => text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
function number(flag, text, check, expected) {
    const value = Number(text);
    if (text.trim() === "" || !check(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${flag} '${text}' is not ${expected}.`);
    return value;
}
function registerTrainCommands(program) {
    const algorithms = Object.keys(_train_trainers_js__WEBPACK_IMPORTED_MODULE_4__/* .trainers */ .D).sort().join("|");
    program
        .command("train")
        .description("Train a built-in model on a data file and export it as ONNX (with held-out metrics).")
        .requiredOption("-a, --algorithm <id>", `the trainer: ${algorithms}`)
        .requiredOption("-d, --data <file>", "training data (.csv, .tsv, .jsonl, .ndjson, .parquet)")
        .requiredOption("-t, --target <column>", "the column to predict")
        .option("--features <a,b,...>", "feature columns (default: every column but the target)")
        .option("--categorical <a,b,...>", "columns to treat as categories even if they look like numbers")
        .option("--numeric <a,b,...>", "columns that must hold numbers (a text value is an error naming its row)")
        .option("-p, --param <key=value>", "a trainer parameter; repeat for more", (v, all) => [...all, v], [])
        .option("--seed <n>", "seed for the validation split and any randomness", "0")
        .option("--validation <fraction>", "fraction of rows held out for evaluation (0 = none)", "0.2")
        .requiredOption("-o, --output <file>", "where to write the ONNX model")
        .option("--metrics <file>", "where to write metrics.json (held-out rows)")
        .option("--json", "print a JSON summary instead of progress")
        .option("-q, --quiet", "print nothing but errors")
        .addHelpText("after", `\nParameters by algorithm:\n${Object.values(_train_trainers_js__WEBPACK_IMPORTED_MODULE_4__/* .trainers */ .D)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => `  ${t.name}: ${Object.entries(t.params)
        .map(([k, s]) => `${k} (default ${s.default})`)
        .join(", ")}`)
        .join("\n")}\n`)
        .action(async (flags) => {
        const logger = (0,_console_logger_js__WEBPACK_IMPORTED_MODULE_5__.createConsoleLogger)({ quiet: Boolean(flags.json || flags.quiet) });
        const seed = number("--seed", flags.seed, Number.isSafeInteger, "a whole number");
        const validation = number("--validation", flags.validation, (n) => n >= 0 && n < 1, "a fraction from 0 to below 1");
        const features = list(flags.features);
        const categorical = list(flags.categorical);
        const numeric = list(flags.numeric);
        const { result, metrics } = await (0,_train_train_to_files_js__WEBPACK_IMPORTED_MODULE_2__/* .trainToFiles */ .$)({
            algorithm: flags.algorithm,
            data: flags.data,
            target: flags.target,
            ...(features === undefined ? {} : { features }),
            ...(categorical === undefined ? {} : { categorical }),
            ...(numeric === undefined ? {} : { numeric }),
            params: (0,_train_trainer_params_js__WEBPACK_IMPORTED_MODULE_3__/* .parseParamPairs */ .M)(flags.param),
            seed,
            validation,
            output: flags.output,
            ...(flags.metrics === undefined ? {} : { metrics: flags.metrics }),
            logger,
        });
        if (flags.json) {
            const summary = {
                model: flags.output,
                algorithm: result.algorithm,
                task: result.task,
                target: flags.target,
                features: result.features,
                classes: result.model.classes,
                params: result.params,
                seed,
                train_rows: result.trainRows,
                validation_rows: result.validation.rowCount,
                training: result.model.training,
                metrics,
            };
            process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        }
    });
    program
        .command("predict")
        .description("Run an ONNX model on a data file through onnxruntime-node; write one CSV line per row.")
        .argument("<model>", "the .onnx file")
        .requiredOption("-d, --data <file>", "rows to score (.csv, .tsv, .jsonl, .ndjson, .parquet)")
        .option("-o, --output <file>", "write predictions.csv here (default: standard output)")
        .option("--batch-size <rows>", "rows per inference call", "50000")
        .action(async (model, flags) => {
        const batchSize = number("--batch-size", flags.batchSize ?? "50000", (n) => Number.isInteger(n) && n > 0, "a positive whole number");
        const predictions = await (0,_train_predict_file_js__WEBPACK_IMPORTED_MODULE_1__/* .predictFile */ .K)({
            model,
            data: flags.data,
            ...(flags.output === undefined ? {} : { output: flags.output }),
            stdout: process.stdout,
            batchSize,
        });
        if (flags.output !== undefined) {
            const rows = predictions.task === "regression" ? predictions.values.length : predictions.labels.length;
            process.stderr.write(`wrote ${rows} predictions to ${flags.output}\n`);
        }
    });
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


/***/ })

};
