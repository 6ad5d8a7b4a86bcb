export const id = 498;
export const ids = [498];
export const modules = {

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
