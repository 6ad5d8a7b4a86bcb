export const id = 157;
export const ids = [157];
export const modules = {

/***/ 5157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerDoctorCommand: () => (/* binding */ registerDoctorCommand)
});

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: ./.build/runtime/store/open-store.js + 2 modules
var open_store = __webpack_require__(7943);
;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/format-doctor-report.js
const marks = { pass: "✓", fail: "✗", skip: "–" };
/** The report as the terminal shows it: one line per check, a hint under each failure, a verdict. */
function formatDoctorReport(report) {
    const lines = [];
    for (const check of report.checks) {
        lines.push(`${marks[check.status]} ${check.name}: ${check.summary}`);
        if (check.status === "fail" && check.hint)
            lines.push(`    hint: ${check.hint}`);
    }
    const failed = report.checks.filter((check) => check.status === "fail").length;
    lines.push(report.ok ? "All required checks passed." : `${failed} check${failed === 1 ? "" : "s"} failed.`);
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/check-github-credentials.js

const defaultApiUrl = "https://api.github.com";
function describeFailure(status, body) {
    const message = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
        ? body.message
        : "";
    return `HTTP ${status}${message ? ` (${message})` : ""}`;
}
/**
 * GitHub credentials work, when there are any: with GITHUB_TOKEN or GH_TOKEN set, ask
 * `GET /repos/{GITHUB_REPOSITORY}` (and report the token's permissions on it) or, without a
 * repository, `GET /user` (and report the classic scopes from `x-oauth-scopes`). Without a token the
 * check is skipped, not failed. GITHUB_API_URL points at GitHub Enterprise or a local stand-in.
 */
async function checkGitHubCredentials(env, fetchFn) {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token) {
        return {
            name: "github",
            status: "skip",
            summary: "skipped: neither GITHUB_TOKEN nor GH_TOKEN is set",
            hint: "Set GITHUB_TOKEN to check GitHub access (needed for releases, promotions and drift issues).",
        };
    }
    const tokenVariable = env.GITHUB_TOKEN ? "GITHUB_TOKEN" : "GH_TOKEN";
    const apiUrl = (env.GITHUB_API_URL || defaultApiUrl).replace(/\/+$/, "");
    const repository = env.GITHUB_REPOSITORY;
    const path = repository ? `/repos/${repository}` : "/user";
    const endpoint = `${apiUrl}${path}`;
    let response;
    try {
        response = await fetchFn(endpoint, {
            headers: {
                authorization: `Bearer ${token}`,
                accept: "application/vnd.github+json",
                "x-github-api-version": "2022-11-28",
                "user-agent": "kiln-doctor",
            },
        });
    }
    catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        return {
            name: "github",
            status: "fail",
            summary: `cannot reach ${endpoint}: ${(0,errors/* errorMessage */.gJ)(error)}${cause}`,
            hint: "Check GITHUB_API_URL and the network (GitHub Enterprise uses https://HOST/api/v3).",
            details: { endpoint },
        };
    }
    const body = await response.json().catch(() => undefined);
    const scopesHeader = response.headers.get("x-oauth-scopes");
    const scopes = scopesHeader === null
        ? undefined
        : scopesHeader
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
    if (!response.ok) {
        const hint = response.status === 401
            ? `GitHub rejected ${tokenVariable}; create a new token or fix the variable.`
            : response.status === 404 && repository
                ? `Repository ${repository} does not exist or ${tokenVariable} cannot see it; check GITHUB_REPOSITORY and the token's repository access.`
                : response.status === 403
                    ? `${tokenVariable} may not read ${path}; give it access to the repository (contents: read at least).`
                    : "Check GITHUB_API_URL and the token.";
        return {
            name: "github",
            status: "fail",
            summary: `GET ${path} with ${tokenVariable} failed: ${describeFailure(response.status, body)}`,
            hint,
            details: { endpoint, status: response.status },
        };
    }
    if (repository) {
        const permissions = typeof body === "object" &&
            body !== null &&
            "permissions" in body &&
            typeof body.permissions === "object"
            ? body.permissions
            : {};
        const granted = Object.entries(permissions)
            .filter(([, allowed]) => allowed === true)
            .map(([name]) => name);
        return {
            name: "github",
            status: "pass",
            summary: `${tokenVariable} can read ${repository}; permissions: ${granted.length > 0 ? granted.join(", ") : "none reported"}${scopes ? `; scopes: ${scopes.join(", ") || "none"}` : ""}`,
            details: { endpoint, repository, permissions, ...(scopes === undefined ? {} : { scopes }) },
        };
    }
    const login = typeof body === "object" && body !== null && "login" in body ? String(body.login) : "unknown";
    return {
        name: "github",
        status: "pass",
        summary: `${tokenVariable} authenticates as ${login}${scopes ? `; scopes: ${scopes.join(", ") || "none"}` : "; fine-grained token (no classic scopes)"}`,
        details: { endpoint, login, ...(scopes === undefined ? {} : { scopes }) },
    };
}

;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/check-node-version.js
/** Kiln needs Node.js 20 or newer (ESM, fetch, stream helpers). */
function checkNodeVersion(version, minimumMajor = 20) {
    const major = Number.parseInt(version.replace(/^v/, "").split(".")[0] ?? "", 10);
    const details = { version, minimumMajor };
    if (Number.isFinite(major) && major >= minimumMajor) {
        return {
            name: "node",
            status: "pass",
            summary: `Node.js ${version} (>= ${minimumMajor} required)`,
            details,
        };
    }
    return {
        name: "node",
        status: "fail",
        summary: `Node.js ${version} is too old (>= ${minimumMajor} required)`,
        hint: `Install Node.js ${minimumMajor} or newer (e.g. with nvm or actions/setup-node).`,
        details,
    };
}

// EXTERNAL MODULE: ./node_modules/onnx-proto/dist/onnx.js
var onnx = __webpack_require__(9070);
;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/tiny-onnx-model.js

const { onnx: tiny_onnx_model_onnx } = onnx;
/**
 * The smallest useful ONNX model, built in memory: `sum = a + b` over float vectors of any length
 * (one Add node, opset 15, IR version 8). `kiln doctor` runs it to prove onnxruntime works here.
 */
function tinyAddModel() {
    const FLOAT = tiny_onnx_model_onnx.TensorProto.DataType.FLOAT;
    const vector = (name) => ({
        name,
        type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: "n" }] } } },
    });
    const model = tiny_onnx_model_onnx.ModelProto.fromObject({
        irVersion: 8,
        producerName: "kiln-doctor",
        opsetImport: [{ domain: "", version: 15 }],
        graph: {
            name: "add",
            node: [{ opType: "Add", input: ["a", "b"], output: ["sum"], name: "add" }],
            input: [vector("a"), vector("b")],
            output: [vector("sum")],
        },
    });
    return tiny_onnx_model_onnx.ModelProto.encode(model).finish();
}

;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/check-onnx-runtime.js


/** onnxruntime-node loads, creates a session from a model built in memory, and computes 1+10, 2+20, 3+30. */
async function checkOnnxRuntime(load) {
    const hint = "Reinstall onnxruntime-node (npm ci); its CPU binaries ship in the package for linux/macOS/windows x64 and arm64.";
    let ort;
    try {
        ort = await load();
    }
    catch (error) {
        return {
            name: "onnxruntime",
            status: "fail",
            summary: `onnxruntime-node does not load: ${(0,errors/* errorMessage */.gJ)(error)}`,
            hint,
        };
    }
    try {
        const session = await ort.InferenceSession.create(tinyAddModel());
        const a = new ort.Tensor("float32", Float32Array.from([1, 2, 3]), [3]);
        const b = new ort.Tensor("float32", Float32Array.from([10, 20, 30]), [3]);
        const result = await session.run({ a, b });
        await session.release?.();
        const sum = Array.from(result.sum?.data ?? []);
        if (sum.join(",") !== "11,22,33") {
            return {
                name: "onnxruntime",
                status: "fail",
                summary: `onnxruntime-node computed [${sum.join(", ")}] for [1, 2, 3] + [10, 20, 30]`,
                hint,
            };
        }
        const version = ort.env?.versions?.node ?? ort.env?.versions?.common;
        return {
            name: "onnxruntime",
            status: "pass",
            summary: `onnxruntime-node${version ? ` ${version}` : ""} loads and runs a model`,
            details: version === undefined ? {} : { version },
        };
    }
    catch (error) {
        return {
            name: "onnxruntime",
            status: "fail",
            summary: `onnxruntime-node cannot run a model: ${(0,errors/* errorMessage */.gJ)(error)}`,
            hint,
        };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/check-store.js


/**
 * The store is reachable and writable: open it, put a probe object, read it back, delete it, and
 * check it is gone. `storeUrl` is what the user configured (KILN_STORE or the default), for messages.
 */
async function checkStore(storeUrl, openStore) {
    const probeKey = `doctor/probe-${(0,external_node_crypto_.randomUUID)()}.txt`;
    const probe = `kiln doctor probe ${new Date().toISOString()}`;
    let store;
    try {
        store = await openStore();
        await store.put(probeKey, probe, { contentType: "text/plain" });
        const readBack = new TextDecoder().decode(await store.getBytes(probeKey));
        if (readBack !== probe) {
            return {
                name: "store",
                status: "fail",
                summary: `${store.url}: the probe object read back differs from what was written`,
                hint: "The store does not return what it stores; check the server or folder.",
                details: { url: store.url },
            };
        }
        await store.delete(probeKey);
        if ((await store.head(probeKey)) !== undefined) {
            return {
                name: "store",
                status: "fail",
                summary: `${store.url}: the probe object is still there after delete`,
                hint: "Check that the credentials may delete objects.",
                details: { url: store.url },
            };
        }
        return {
            name: "store",
            status: "pass",
            summary: `${store.url} is reachable and writable (put, get and delete of a probe object)`,
            details: { url: store.url },
        };
    }
    catch (error) {
        const hint = ((0,errors/* isKilnError */.hh)(error) ? error.hint : undefined) ??
            "Set KILN_STORE to a writable folder, file:///path or s3://bucket/prefix (with AWS credentials).";
        // Kiln's store errors already name the store; anything else gets its URL in front.
        const summary = (0,errors/* isKilnError */.hh)(error)
            ? error.hint
                ? error.message.slice(0, -error.hint.length - 1)
                : error.message
            : `${store?.url ?? storeUrl}: ${(0,errors/* errorMessage */.gJ)(error)}`;
        return {
            name: "store",
            status: "fail",
            summary,
            hint,
            details: { url: store?.url ?? storeUrl },
        };
    }
}

;// CONCATENATED MODULE: ./.build/runtime/cli/doctor/run-doctor.js




/** Run every check (independent ones at once) and gather the report; never throws for a failed check. */
async function runDoctor(deps) {
    const checks = await Promise.all([
        checkNodeVersion(deps.nodeVersion),
        checkStore(deps.storeUrl, deps.openStore),
        checkOnnxRuntime(deps.loadOnnxRuntime),
        checkGitHubCredentials(deps.env, deps.fetch),
    ]);
    return { ok: checks.every((check) => check.status !== "fail"), checks };
}

;// CONCATENATED MODULE: ./.build/runtime/cli/commands/doctor-command.js




/** `kiln doctor`: check that this machine can run Kiln (Node, store, onnxruntime, GitHub). */
function registerDoctorCommand(program) {
    program
        .command("doctor")
        .description("Check this machine: Node.js version, the store (KILN_STORE or .kiln/store) is writable, onnxruntime-node runs a model, GitHub credentials (when GITHUB_TOKEN or GH_TOKEN is set).")
        .option("--store <url>", "store to check instead of KILN_STORE (s3://bucket/prefix, file:///path or a folder)")
        .option("--json", "print the report as JSON")
        .action(async (options) => {
        const context = { env: process.env, cwd: process.cwd() };
        const report = await runDoctor({
            env: process.env,
            nodeVersion: process.versions.node,
            storeUrl: (0,open_store.resolveStoreUrl)(options.store, context),
            openStore: () => (0,open_store.openStore)(options.store, context),
            loadOnnxRuntime: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3958))),
            fetch: globalThis.fetch,
        });
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
        process.exitCode = report.ok ? errors/* ExitCode */.yU.ok : errors/* ExitCode */.yU.failure;
    });
}


/***/ })

};
