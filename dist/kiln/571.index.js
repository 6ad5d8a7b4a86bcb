export const id = 571;
export const ids = [571];
export const modules = {

/***/ 571:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   silentReporter: () => (/* binding */ silentReporter)
/* harmony export */ });
const silentReporter = {
    begin() { },
    stageStarted() { },
    output() { },
    stageRetrying() { },
    stageFinished() { },
    end() { },
};


/***/ })

};
