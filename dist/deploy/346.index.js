export const id = 346;
export const ids = [346];
export const modules = {

/***/ 2346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createS3Client: () => (/* binding */ createS3Client),
/* harmony export */   s3ClientSettingsFromEnv: () => (/* binding */ s3ClientSettingsFromEnv)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3711);

function checksumSetting(value) {
    return value?.toUpperCase() === "WHEN_REQUIRED" ? "WHEN_REQUIRED" : "WHEN_SUPPORTED";
}
/** Settings from the standard AWS environment variables (plus KILN_S3_FORCE_PATH_STYLE). */
function s3ClientSettingsFromEnv(env) {
    const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
    const attempts = Number.parseInt(env.AWS_MAX_ATTEMPTS ?? "", 10);
    const pathStyle = env.KILN_S3_FORCE_PATH_STYLE;
    return {
        region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
        endpoint,
        forcePathStyle: pathStyle === undefined || pathStyle === "" ? endpoint !== undefined : pathStyle === "true",
        maxAttempts: Number.isFinite(attempts) && attempts > 0 ? attempts : 3,
        requestChecksumCalculation: checksumSetting(env.AWS_REQUEST_CHECKSUM_CALCULATION),
        responseChecksumValidation: checksumSetting(env.AWS_RESPONSE_CHECKSUM_VALIDATION),
        credentials: env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
            ? {
                accessKeyId: env.AWS_ACCESS_KEY_ID,
                secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
            }
            : undefined,
    };
}
function createS3Client(settings, overrides = {}) {
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__.S3Client({
        region: settings.region,
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
        forcePathStyle: settings.forcePathStyle,
        maxAttempts: settings.maxAttempts,
        retryMode: "standard",
        requestChecksumCalculation: settings.requestChecksumCalculation,
        responseChecksumValidation: settings.responseChecksumValidation,
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
        ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
        ...overrides,
    });
}


/***/ })

};
