export const id = 685;
export const ids = [685];
export const modules = {

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
