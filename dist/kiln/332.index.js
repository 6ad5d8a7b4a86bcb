export const id = 332;
export const ids = [332];
export const modules = {

/***/ 7362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Milliseconds of a kiln.yaml duration: a number of seconds, or a string like `500ms`, `90s`,
 * `30m`, `2h`. The schema has already checked the shape.
 */
function parseDuration(value) {
    if (typeof value === "number")
        return value * 1000;
    const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value);
    if (!match)
        throw new RangeError(`not a duration: ${value}`);
    return Number(match[1]) * unitMs[match[2]];
}
/** A short human form of milliseconds: `850ms`, `12.3s`, `4m05s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes}m${String(seconds).padStart(2, "0")}s`;
}


/***/ }),

/***/ 3332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeResult: () => (/* binding */ describeResult),
/* harmony export */   plainReporter: () => (/* binding */ plainReporter),
/* harmony export */   summarize: () => (/* binding */ summarize)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7362);
/* harmony import */ var _stage_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7062);


/** One line per event, with a UTC time, for logs and pipes; stage output prefixed `[stage]`. */
function plainReporter(write, clock = () => new Date()) {
    const time = () => clock().toISOString().slice(11, 19);
    return {
        begin(stages) {
            write(`${time()} ${stages.length} stage${stages.length === 1 ? "" : "s"} to consider\n`);
        },
        stageStarted(stage, attempt, reasons) {
            const why = reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
            write(`${time()} ${stage}: running${attempt > 1 ? `, attempt ${attempt}` : ""}${why}\n`);
        },
        output(stage, line) {
            write(`[${stage}] ${line}\n`);
        },
        stageRetrying(stage, attempt, delayMs, why) {
            write(`${time()} ${stage}: ${why}; retrying in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(delayMs)} (attempt ${attempt})\n`);
        },
        stageFinished(result, detail) {
            write(`${time()} ${describeResult(result)}${detail ? ` ${detail}` : ""}\n`);
        },
        end(results) {
            write(`${time()} ${summarize(results)}\n`);
        },
    };
}
/** `train: ran in 1.2s` / `train: failed (command exited with code 1)` */
function describeResult(result) {
    const took = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(result.durationMs);
    switch (result.status) {
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.ran:
            return `${result.name}: ran in ${took}${result.attempts > 1 ? ` (${result.attempts} attempts)` : ""}`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.upToDate:
            return `${result.name}: up to date`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.restored:
            return `${result.name}: restored from the run cache in ${took}`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRun:
            return `${result.name}: would run (${result.reasons.join("; ")})`;
        case _stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRestore:
            return `${result.name}: would be restored from the run cache (${result.reasons.join("; ")})`;
        default:
            return `${result.name}: ${result.status} (${result.reasons.join("; ")})`;
    }
}
/** `3 ran, 2 cached, 1 failed, 1 skipped` */
function summarize(results) {
    const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
    const parts = [
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.ran), "ran"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.upToDate), "up to date"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.restored), "restored"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRun), "would run"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.wouldRestore), "would be restored"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.failed), "failed"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.skipped), "skipped"],
        [count(_stage_result_js__WEBPACK_IMPORTED_MODULE_1__/* .StageStatus */ .T.cancelled), "cancelled"],
    ];
    const text = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    return text.length > 0 ? text.join(", ") : "nothing to do";
}


/***/ }),

/***/ 7062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ StageStatus),
/* harmony export */   i: () => (/* binding */ isCacheHit)
/* harmony export */ });
/** What happened to a stage in one `kiln run`. */
const StageStatus = {
    /** The command ran and succeeded. */
    ran: "ran",
    /** Key and outs matched kiln.lock; nothing to do. */
    upToDate: "up-to-date",
    /** Outs were restored from the store's run cache without running. */
    restored: "restored",
    failed: "failed",
    /** Not run because a stage it depends on failed. */
    skipped: "skipped",
    /** Stopped by --fail-fast or an interrupt. */
    cancelled: "cancelled",
    /** --dry: would run. */
    wouldRun: "would-run",
    /** --dry: would be restored from the run cache. */
    wouldRestore: "would-restore",
};
/** A cache hit: the stage's work was already done, here or on another machine. */
function isCacheHit(status) {
    return status === StageStatus.upToDate || status === StageStatus.restored;
}


/***/ })

};
