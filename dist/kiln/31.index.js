export const id = 31;
export const ids = [31];
export const modules = {

/***/ 5031:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_GITHUB_API_URL: () => (/* binding */ DEFAULT_GITHUB_API_URL),
/* harmony export */   KilnOctokit: () => (/* binding */ KilnOctokit),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   resolveBaseUrl: () => (/* binding */ resolveBaseUrl)
/* harmony export */ });
/* harmony import */ var _octokit_auth_app__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6479);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7432);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7097);
/**
 * The one factory for Octokit clients: `@octokit/rest` with the retry and throttling plugins,
 * pointed at `GITHUB_API_URL` when set (GitHub Enterprise Server, or the local stand-in in tests).
 * Called at the edges (CLI, actions, bot); business code receives the client.
 */






const KilnOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
const DEFAULT_GITHUB_API_URL = "https://api.github.com";
function resolveBaseUrl(options) {
    const raw = options.baseUrl ?? options.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL;
    const trimmed = raw.trim().replace(/\/+$/, "");
    try {
        const url = new URL(trimmed);
        if (url.protocol !== "http:" && url.protocol !== "https:")
            throw new Error("not http");
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`GitHub API URL '${raw}' is not an http(s) URL.`, {
            hint: "Set GITHUB_API_URL to e.g. https://api.github.com or https://ghe.example.com/api/v3.",
        });
    }
    return trimmed;
}
function createOctokit(options) {
    const baseUrl = resolveBaseUrl(options);
    const { logger } = options;
    const maxRetries = options.rateLimitRetries ?? 2;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const willRetry = retryCount < maxRetries;
        logger.warn(`GitHub ${kind} rate limit hit on ${request.method} ${request.url}; ${willRetry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})` : "giving up"}.`);
        return willRetry;
    };
    const throttle = options.throttle === false
        ? { enabled: false }
        : { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") };
    const retry = options.retry === false ? { enabled: false } : { enabled: true };
    const userAgent = `kiln/${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .kilnVersion */ .x}`;
    const log = {
        debug: (message) => logger.debug(message),
        info: (message) => logger.debug(message),
        warn: (message) => logger.warn(message),
        error: (message) => logger.error(message),
    };
    if (options.appAuth !== undefined) {
        return new KilnOctokit({
            authStrategy: _octokit_auth_app__WEBPACK_IMPORTED_MODULE_5__/* .createAppAuth */ .K,
            auth: {
                appId: options.appAuth.appId,
                privateKey: options.appAuth.privateKey,
                installationId: options.appAuth.installationId,
            },
            baseUrl,
            userAgent,
            log,
            throttle,
            retry,
        });
    }
    const token = options.token ?? options.env.GITHUB_TOKEN;
    if (token === undefined || token.trim() === "") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb("No GitHub token: pass one or set GITHUB_TOKEN.", {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown to the user
            hint: "In a workflow, add `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` or the action's token input.",
        });
    }
    return new KilnOctokit({ auth: token.trim(), baseUrl, userAgent, log, throttle, retry });
}


/***/ })

};
