export const id = 948;
export const ids = [948,498,260];
export const modules = {

/***/ 9597:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerModelCommands: () => (/* binding */ registerModelCommands)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/github/repository.js

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
/**
 * Parse `owner/repo`. `source` names where the text came from (an input, an env variable) so the
 * error says what to fix.
 */
function parseRepository(text, source = "repository") {
    const trimmed = text.trim();
    const parts = trimmed.split("/");
    const [owner, repo] = parts;
    if (parts.length !== 2 ||
        owner === undefined ||
        repo === undefined ||
        !OWNER.test(owner) ||
        !NAME.test(repo) ||
        repo === "." ||
        repo === "..") {
        throw new errors/* UsageError */.eb(`${source} '${text}' is not of the form owner/repo.`, {
            hint: "Expected something like 'octo-org/models'.",
        });
    }
    return { owner, repo };
}
/** The repository the workflow runs in, from `GITHUB_REPOSITORY`. */
function repositoryFromEnv(env) {
    const value = env.GITHUB_REPOSITORY;
    if (value === undefined || value.trim() === "") {
        throw new errors/* UsageError */.eb("GITHUB_REPOSITORY is not set, so the repository is unknown.", {
            hint: "Set GITHUB_REPOSITORY=owner/repo, or pass the repository explicitly.",
        });
    }
    return parseRepository(value, "GITHUB_REPOSITORY");
}
function formatRepository(repository) {
    return `${repository.owner}/${repository.repo}`;
}

// EXTERNAL MODULE: ./.build/runtime/registry/append-stage-event.js
var append_stage_event = __webpack_require__(2163);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/runtime/store/content-address.js
var content_address = __webpack_require__(8427);
// EXTERNAL MODULE: ./.build/runtime/registry/model-record.js
var model_record = __webpack_require__(128);
;// CONCATENATED MODULE: ./.build/runtime/registry/download-artifact.js








/**
 * The artifact of a version, streamed from the store and verified against the record: the stream
 * ends with an IntegrityError naming the recorded and the actual digest when the bytes differ.
 * Consume it with `pipeline` and trust the bytes only once it ended without error.
 */
async function downloadArtifact(store, record) {
    return (0,content_address/* getVerified */.pJ)(store, record.artifact.storeKey, record.artifact.sha256);
}
/**
 * Download a version's artifact into `path`. The bytes go to a temporary file beside it, renamed
 * into place only when their digest matches the record; on a mismatch nothing is left behind.
 */
async function pullArtifact(store, record, path) {
    const partial = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.kiln-pull-${(0,external_node_crypto_.randomUUID)()}`);
    try {
        await (0,external_node_stream_promises_.pipeline)(await downloadArtifact(store, record), (0,external_node_fs_.createWriteStream)(partial, { flags: "wx" }));
        await (0,promises_.rename)(partial, path);
    }
    catch (error) {
        if (error instanceof errors/* IntegrityError */.cs)
            throw new errors/* IntegrityError */.cs(`${(0,model_record/* modelVersionLabel */.ML)(record)} artifact '${record.artifact.storeKey}' in ${store.url}`, error.expected, error.actual);
        if (error instanceof Error && "code" in error && typeof error.code === "string")
            throw new errors/* UsageError */.eb(`could not write '${path}': ${error.message}.`, { cause: error });
        throw error;
    }
    finally {
        await (0,promises_.rm)(partial, { force: true });
    }
}

// EXTERNAL MODULE: ./.build/runtime/registry/model-index.js + 1 modules
var model_index = __webpack_require__(3346);
// EXTERNAL MODULE: ./.build/runtime/registry/model-stage.js
var model_stage = __webpack_require__(2927);
// EXTERNAL MODULE: ./.build/runtime/registry/stages-at.js
var stages_at = __webpack_require__(9398);
;// CONCATENATED MODULE: ./.build/runtime/registry/list-versions.js



/** Every version of a model, oldest first, with its stage now. Reads the index (plus newer events). */
async function listVersions(store, name) {
    const { index } = await (0,model_index/* loadModelIndex */.cU)(store, name);
    const stages = (0,stages_at/* stagesAt */.n)(index.events);
    return index.versions.map((v) => ({ ...v, stage: stages.versions.get(v.version) ?? model_stage/* ModelStage */.Og.None }));
}
/** Which version holds each stage now, or at `at`. */
async function currentStages(store, name, at) {
    const { index } = await loadModelIndex(store, name);
    return stagesAt(index.events, at);
}
/**
 * The names of the models in the store. One short listing per model: after finding a model's first
 * key, the listing restarts after all of its keys (`models/<name>0` sorts right after
 * `models/<name>/...`), so a model with 10,000 versions costs no more than one with one.
 */
async function listModelNames(store) {
    const names = [];
    let after;
    for (;;) {
        let next;
        for await (const info of store.list("models/", {
            pageSize: 1,
            ...(after === undefined ? {} : { startAfter: after }),
        })) {
            next = info.key;
            break;
        }
        const name = next?.slice("models/".length).split("/")[0];
        if (name === undefined || name === "")
            break;
        names.push(name);
        after = `models/${name}0`;
    }
    return names.sort();
}

// EXTERNAL MODULE: ./.build/runtime/registry/render-model-card.js
var render_model_card = __webpack_require__(3760);
// EXTERNAL MODULE: ./.build/runtime/registry/signature-changes.js
var signature_changes = __webpack_require__(1575);
;// CONCATENATED MODULE: ./.build/runtime/registry/model-diff.js


/** What differs between two versions: metrics (all), params, signature and lineage (changed only). */
function diffModels(a, b) {
    const metricNames = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])];
    const metrics = metricNames.map((name) => ({
        name,
        ...(a.metrics[name] === undefined ? {} : { from: a.metrics[name] }),
        ...(b.metrics[name] === undefined ? {} : { to: b.metrics[name] }),
    }));
    const changed = (left, right) => [...new Set([...left.keys(), ...right.keys()])]
        .filter((k) => left.get(k) !== right.get(k))
        .map((k) => ({ k, from: left.get(k), to: right.get(k) }));
    const params = changed(new Map((0,render_model_card/* flatten */.Bq)(a.params)), new Map((0,render_model_card/* flatten */.Bq)(b.params))).map(({ k, from, to }) => ({
        name: k,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
    }));
    const lineageEntries = (r) => new Map([
        ...["repository", "commit", "branch", "workflowRunUrl", "parentVersion"]
            .filter((f) => r.lineage[f] !== undefined)
            .map((f) => [f, String(r.lineage[f])]),
        ...Object.entries(r.lineage.stageKeys).map(([s, k]) => [`stage ${s}`, k]),
        ...Object.entries(r.lineage.datasetDigests).map(([p, d]) => [`dataset ${p}`, d]),
        ["artifact sha256", r.artifact.sha256],
    ]);
    const lineage = changed(lineageEntries(a), lineageEntries(b)).map(({ k, from, to }) => ({
        field: k,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
    }));
    return {
        from: `${a.name}@${a.version}`,
        to: `${b.name}@${b.version}`,
        metrics,
        params,
        signature: (0,signature_changes/* signatureChanges */.A)(a.signature, b.signature),
        lineage,
    };
}
/** The diff as markdown (like `dvc metrics diff --md`), for terminals, PR comments and summaries. */
function renderModelDiff(diff) {
    const lines = [`## ${diff.from} → ${diff.to}`, "", "### Metrics", ""];
    const show = (v) => (v === undefined ? "—" : (0,render_model_card/* formatNumber */.ZV)(v));
    if (diff.metrics.length === 0)
        lines.push("_Neither version has metrics._");
    else {
        lines.push(`| metric | ${diff.from} | ${diff.to} | change |`, "|---|---:|---:|---:|");
        for (const m of diff.metrics) {
            const change = m.from !== undefined && m.to !== undefined
                ? (0,render_model_card/* formatChange */.eD)(m.to, m.from)
                : m.to === undefined
                    ? "removed"
                    : "new";
            lines.push(`| ${m.name} | ${show(m.from)} | ${show(m.to)} | ${change} |`);
        }
    }
    lines.push("", "### Params", "");
    if (diff.params.length === 0)
        lines.push("_No parameter changed._");
    else {
        lines.push(`| param | ${diff.from} | ${diff.to} |`, "|---|---|---|");
        for (const p of diff.params)
            lines.push(`| ${p.name} | ${p.from ?? "—"} | ${p.to ?? "—"} |`);
    }
    lines.push("", "### Signature", "");
    const { incompatible, compatible } = diff.signature;
    if (incompatible.length === 0 && compatible.length === 0)
        lines.push("_Unchanged._");
    for (const change of incompatible)
        lines.push(`- **incompatible:** ${change}`);
    for (const change of compatible)
        lines.push(`- compatible: ${change}`);
    lines.push("", "### Lineage", "");
    if (diff.lineage.length === 0)
        lines.push("_Unchanged._");
    else {
        lines.push(`| | ${diff.from} | ${diff.to} |`, "|---|---|---|");
        for (const l of diff.lineage)
            lines.push(`| ${l.field} | ${l.from ?? "—"} | ${l.to ?? "—"} |`);
    }
    lines.push("");
    return lines.join("\n");
}

// EXTERNAL MODULE: ./.build/runtime/registry/model-lineage.js
var model_lineage = __webpack_require__(9260);
// EXTERNAL MODULE: ./.build/runtime/registry/model-name.js
var model_name = __webpack_require__(9150);
// EXTERNAL MODULE: ./.build/runtime/registry/register-model.js + 3 modules
var register_model = __webpack_require__(4293);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./.build/runtime/registry/read-model-record.js
var read_model_record = __webpack_require__(8027);
// EXTERNAL MODULE: ./.build/runtime/registry/registry-keys.js
var registry_keys = __webpack_require__(7479);
;// CONCATENATED MODULE: ./.build/runtime/registry/reindex-model.js





/**
 * Rebuild a model's index from its event log and its version records, and store it (replacing
 * whatever index was there). Records without a register event — left by a registration that died
 * after writing its record — are listed from their records.
 */
async function reindexModel(store, name) {
    for (;;) {
        const index = (0,model_index/* emptyIndex */.gW)(name);
        await (0,model_index/* catchUp */.xA)(store, index);
        const seen = new Set(index.versions.map((v) => v.version));
        const recordsWithoutEvent = [];
        for await (const info of store.list(registry_keys/* registryKeys */.qb.versionsPrefix(name))) {
            const version = (0,registry_keys/* versionOfRecordKey */.ws)(info.key);
            if (version === undefined || seen.has(version))
                continue;
            const record = await (0,read_model_record/* findModelRecord */.k)(store, name, version);
            if (record === undefined)
                continue;
            recordsWithoutEvent.push(version);
            index.versions.push({
                version,
                sha256: record.artifact.sha256,
                size: record.artifact.size,
                bump: record.bump.kind,
                metrics: record.metrics,
                createdAt: record.createdAt,
            });
        }
        index.versions.sort((a, b) => (0,semver.compare)(a.version, b.version));
        const current = await store.head(registry_keys/* registryKeys */.qb.index(name));
        try {
            await (0,model_index/* writeIndex */._M)(store, index, current?.etag);
            return { index, recordsWithoutEvent };
        }
        catch (error) {
            if (!(error instanceof errors/* PreconditionFailedError */.k9))
                throw error;
        }
    }
}

// EXTERNAL MODULE: ./.build/runtime/registry/resolve-model.js
var resolve_model = __webpack_require__(7653);
// EXTERNAL MODULE: ./.build/runtime/registry/version-bump.js
var version_bump = __webpack_require__(7562);
// EXTERNAL MODULE: ./.build/runtime/store/open-store.js + 2 modules
var open_store = __webpack_require__(7943);
// EXTERNAL MODULE: ./.build/runtime/cli/console-logger.js
var console_logger = __webpack_require__(9498);
;// CONCATENATED MODULE: ./.build/runtime/cli/commands/model-commands.js
/**
 * `kiln model …`: the model registry — register, stage, list, show, history, diff, pull, reindex.
 * Every command takes `--store <url>` (default KILN_STORE, then .kiln/store) and `--json`.
 */



















const context = () => ({ env: process.env, cwd: process.cwd() });
const model_commands_open = (flags) => (0,open_store.openStore)(flags.store, context());
const loggerFor = (flags) => (0,console_logger.createConsoleLogger)({ quiet: Boolean(flags.json || flags.quiet) });
const print = (text) => {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
};
const printJson = (value) => print(JSON.stringify(value, null, 2));
function actor() {
    const fromEnv = process.env.GITHUB_ACTOR;
    if (fromEnv)
        return fromEnv;
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        return "unknown";
    }
}
function parseTime(text) {
    if (text === undefined)
        return undefined;
    const ms = Date.parse(text);
    if (Number.isNaN(ms))
        throw new errors/* UsageError */.eb(`--at '${text}' is not a date and time; expected ISO 8601, e.g. 2026-03-01T00:00Z.`);
    return new Date(ms);
}
function parseDatasets(values) {
    const digests = {};
    for (const value of values) {
        const match = /^(.+)=(?:sha256:)?([0-9a-f]{64})$/.exec(value);
        if (match?.[1] === undefined || match[2] === undefined)
            throw new errors/* UsageError */.eb(`--dataset '${value}': expected <path>=<sha256 hex>.`);
        digests[match[1]] = match[2];
    }
    return digests;
}
const storeOption = () => new esm/* Option */.c$("--store <url>", "store URL (s3://bucket/prefix or a folder); default KILN_STORE, then .kiln/store");
const jsonOption = () => new esm/* Option */.c$("--json", "print machine-readable JSON");
async function register(name, flags) {
    (0,model_name/* assertModelName */.f)(name);
    const logger = loggerFor(flags);
    const { env, cwd } = context();
    const store = await model_commands_open(flags);
    const lineage = await (0,model_lineage.readLineage)({
        env,
        cwd,
        ...(flags.commit === undefined ? {} : { commit: flags.commit }),
        datasetDigests: parseDatasets(flags.dataset),
    });
    let release;
    if (flags.release) {
        const repository = flags.repository === undefined
            ? repositoryFromEnv(env)
            : parseRepository(flags.repository, "--repository");
        const commit = flags.commit ?? env.GITHUB_SHA;
        if (!commit)
            throw new errors/* UsageError */.eb("--release needs the commit to tag: pass --commit <sha> or set GITHUB_SHA.");
        // Loaded only in GitHub mode, so store-only commands do not pay for importing Octokit.
        const [{ createOctokit }, { createOctokitReleasePort }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(349), __webpack_require__.e(31)]).then(__webpack_require__.bind(__webpack_require__, 5031)),
            __webpack_require__.e(/* import() */ 909).then(__webpack_require__.bind(__webpack_require__, 9909)),
        ]);
        const octokit = createOctokit({ env, logger });
        release = {
            port: createOctokitReleasePort(octokit, repository, { logger }),
            commit,
            ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
        };
        lineage.repository ??= `${repository.owner}/${repository.repo}`;
    }
    const result = await (0,register_model/* registerModel */.$)({ store, logger }, {
        name,
        artifactPath: flags.artifact,
        ...(flags.metrics === undefined ? {} : { metricsPath: flags.metrics }),
        ...(flags.params === undefined ? {} : { paramsPath: flags.params }),
        ...(flags.bump === undefined ? {} : { bump: flags.bump }),
        lineage,
        createdBy: actor(),
        source: { kind: "command", detail: "kiln model register" },
        ...(release === undefined ? {} : { release }),
    });
    const { record } = result;
    if (flags.json) {
        printJson({
            name: record.name,
            version: record.version,
            created: result.created,
            sha256: record.artifact.sha256,
            size: record.artifact.size,
            storeKey: record.artifact.storeKey,
            bump: record.bump,
            releaseUrl: record.release?.url ?? null,
        });
        return;
    }
    print(result.created
        ? `registered ${record.name}@${record.version} (${record.bump.kind}: ${record.bump.reason})`
        : `${record.name}@${record.version} already holds this artifact (sha256:${record.artifact.sha256}); nothing registered`);
    if (record.release)
        print(`release: ${record.release.url}`);
}
async function stage(name, version, stageText, flags) {
    (0,model_name/* assertModelName */.f)(name);
    const to = (0,model_stage/* parseModelStage */.Dz)(stageText);
    if (to === undefined)
        throw new errors/* UsageError */.eb(`unknown stage '${stageText}'; known stages: ${model_stage/* knownStageNames */.ON.join(", ")}.`);
    const store = await model_commands_open(flags);
    const event = await (0,append_stage_event/* appendStageEvent */.d)(store, {
        name,
        version: version.replace(/^v/, ""),
        to,
        by: flags.by ?? actor(),
        source: { kind: "command", detail: "kiln model stage" },
        reason: flags.reason,
    });
    if (flags.json)
        return printJson(event);
    const archived = event.archived.map((a) => `; ${name}@${a.version} archived (was ${a.from})`).join("");
    print(`${name}@${event.version}: ${event.from} → ${event.to}${archived}`);
}
async function list(name, flags) {
    const store = await model_commands_open(flags);
    if (name === undefined) {
        const names = await listModelNames(store);
        if (flags.json)
            return printJson(names);
        print(names.length === 0 ? `no models in ${store.url}` : names.join("\n"));
        return;
    }
    (0,model_name/* assertModelName */.f)(name);
    const versions = await listVersions(store, name);
    if (flags.json)
        return printJson(versions);
    if (versions.length === 0)
        return print(`model '${name}' has no versions in ${store.url}`);
    const rows = versions.map((v) => [v.version, v.stage, v.createdAt, v.sha256.slice(0, 12), String(v.size)]);
    print(table(["version", "stage", "created", "sha256", "bytes"], rows));
}
async function show(ref, flags) {
    const store = await model_commands_open(flags);
    const at = parseTime(flags.at);
    const { record, stage } = await (0,resolve_model/* resolveModel */.A)(store, ref, at === undefined ? {} : { at });
    if (flags.json)
        return printJson({ ...record, stage });
    const lines = [
        `${record.name}@${record.version}  (${stage}${at === undefined ? "" : ` at ${at.toISOString()}`})`,
        `created   ${record.createdAt} by ${record.createdBy}`,
        `artifact  sha256:${record.artifact.sha256} (${record.artifact.size} bytes) ${record.artifact.storeKey}`,
        `bump      ${record.bump.kind}: ${record.bump.reason}`,
    ];
    if (record.release)
        lines.push(`release   ${record.release.url}`);
    for (const [metric, value] of Object.entries(record.metrics))
        lines.push(`metric    ${metric} = ${value}`);
    for (const t of record.signature.inputs)
        lines.push(`input     ${t.name} ${t.datatype}[${t.shape.join(", ")}]`);
    for (const t of record.signature.outputs)
        lines.push(`output    ${t.name} ${t.datatype}[${t.shape.join(", ")}]`);
    if (record.lineage.commit)
        lines.push(`commit    ${record.lineage.commit}`);
    if (record.lineage.parentVersion)
        lines.push(`parent    ${record.lineage.parentVersion}`);
    print(lines.join("\n"));
}
async function model_commands_history(name, flags) {
    (0,model_name/* assertModelName */.f)(name);
    const store = await model_commands_open(flags);
    const { index } = await (0,model_index/* loadModelIndex */.cU)(store, name);
    if (flags.json)
        return printJson(index.events.map(({ id: _id, ...event }) => event));
    if (index.events.length === 0)
        return print(`model '${name}' has no history in ${store.url}`);
    const rows = index.events.map((e) => {
        const source = e.source.pullRequest === undefined ? (e.source.detail ?? e.source.kind) : `PR #${e.source.pullRequest}`;
        if (e.kind === "register")
            return [String(e.seq), e.at, e.version, "registered", e.by, source, ""];
        const archived = e.archived.map((a) => ` (archived ${a.version})`).join("");
        return [String(e.seq), e.at, e.version, `${e.from} → ${e.to}${archived}`, e.by, source, e.reason];
    });
    print(table(["#", "at", "version", "change", "by", "source", "reason"], rows));
    const now = (0,stages_at/* stagesAt */.n)(index.events);
    print(`\nnow: Production ${now.production ?? "—"}, Staging ${now.staging ?? "—"}`);
}
async function diff(a, b, flags) {
    const store = await model_commands_open(flags);
    const left = await (0,resolve_model/* resolveModel */.A)(store, a);
    const right = await (0,resolve_model/* resolveModel */.A)(store, b.startsWith("@") ? `${left.record.name}${b}` : b);
    const result = diffModels(left.record, right.record);
    if (flags.json)
        return printJson(result);
    print(renderModelDiff(result));
}
async function pull(ref, flags) {
    const store = await model_commands_open(flags);
    const at = parseTime(flags.at);
    const { record } = await (0,resolve_model/* resolveModel */.A)(store, ref, at === undefined ? {} : { at });
    await pullArtifact(store, record, flags.output);
    if (flags.json)
        return printJson({
            name: record.name,
            version: record.version,
            sha256: record.artifact.sha256,
            path: flags.output,
        });
    print(`wrote ${record.name}@${record.version} to ${flags.output} (sha256:${record.artifact.sha256} verified)`);
}
async function reindex(name, flags) {
    (0,model_name/* assertModelName */.f)(name);
    const store = await model_commands_open(flags);
    const result = await reindexModel(store, name);
    const summary = {
        name,
        versions: result.index.versions.length,
        events: result.index.events.length,
        recordsWithoutEvent: result.recordsWithoutEvent,
    };
    if (flags.json)
        return printJson(summary);
    print(`rebuilt the index of '${name}': ${summary.versions} versions, ${summary.events} events`);
    if (summary.recordsWithoutEvent.length > 0)
        print(`versions with a record but no register event: ${summary.recordsWithoutEvent.join(", ")}`);
}
function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd();
    return [line(header), ...rows.map(line)].join("\n");
}
function registerModelCommands(program) {
    const model = program.command("model").description("the model registry: versions, stages, artifacts");
    model
        .command("register <name>")
        .description("register an ONNX model as the next version (minor by default, major on an incompatible signature)")
        .requiredOption("--artifact <file>", "the ONNX model file")
        .option("--metrics <file>", "metrics (JSON or YAML, numbers)")
        .option("--params <file>", "params (JSON or YAML)")
        .addOption(new esm/* Option */.c$("--bump <kind>", "version bump when the signature is compatible").choices(Object.values(version_bump/* RequestedBump */.hf)))
        .option("--dataset <path=sha256>", "a dataset digest for the lineage (repeatable)", (v, all) => [...all, v], [])
        .option("--commit <sha>", "the commit the model was trained at (default GITHUB_SHA)")
        .option("--release", "GitHub mode: tag <name>@v<version> and publish a release with the model (needs GITHUB_TOKEN)")
        .option("--repository <owner/repo>", "the repository for --release (default GITHUB_REPOSITORY)")
        .addOption(storeOption())
        .addOption(jsonOption())
        .option("-q, --quiet", "no progress output")
        .action(register);
    model
        .command("stage <name> <version> <stage>")
        .description(`move a version to a stage (${model_stage/* knownStageNames */.ON.join(", ")}); Staging and Production hold one version`)
        .requiredOption("--reason <text>", "why (kept in the stage history)")
        .option("--by <who>", "who decided (default GITHUB_ACTOR or the local user)")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(stage);
    model
        .command("list [name]")
        .description("list the models, or the versions of one model with their stages")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(list);
    model
        .command("show <ref>")
        .description("show a version: <name> (latest), <name>@<version> or <name>:<stage>")
        .option("--at <time>", "resolve a stage as it was at this time (ISO 8601)")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(show);
    model
        .command("history <name>")
        .description("the registrations and stage moves of a model, oldest first")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(model_commands_history);
    model
        .command("diff <a> <b>")
        .description("compare two versions (metrics, params, signature, lineage) as markdown; <b> may be @<version>")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(diff);
    model
        .command("pull <ref>")
        .description("download a version's artifact, verified against its recorded sha256")
        .requiredOption("-o, --output <file>", "where to write the model")
        .option("--at <time>", "resolve a stage as it was at this time (ISO 8601)")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(pull);
    model
        .command("reindex <name>")
        .description("rebuild a model's index from its records and events")
        .addOption(storeOption())
        .addOption(jsonOption())
        .action(reindex);
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


/***/ }),

/***/ 3395:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ parseYamlDocument),
/* harmony export */   hw: () => (/* binding */ pointerPath)
/* harmony export */ });
/* unused harmony export YamlDocument */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);


/**
 * A YAML (or JSON) file parsed with the position of every node, so each ConfigError about it can
 * name file:line:col. Callers read `value` (plain JavaScript) and ask where a path is, or walk
 * the nodes (`root`) when they need a scalar's exact type.
 */
class YamlDocument {
    file;
    document;
    lineCounter;
    plain;
    /** Map entries by key, built once per map so lookups stay O(1) in pipelines of 10,000 stages. */
    pairIndex = new WeakMap();
    constructor(
    /** The file name shown in positions. */
    file, document, lineCounter) {
        this.file = file;
        this.document = document;
        this.lineCounter = lineCounter;
    }
    /** The document's top node; null for an empty file. */
    get root() {
        return this.document.contents;
    }
    /** The document as plain JavaScript (maps become objects); null for an empty file. */
    get value() {
        this.plain ??= { value: this.document.toJS() ?? null };
        return this.plain.value;
    }
    /**
     * Position of the value at `path` (an array, or a JSON pointer such as `/stages/train/deps/0`).
     * A path that does not resolve falls back to its deepest existing ancestor, so a position always
     * has a line.
     */
    valuePosition(path) {
        const { node } = this.resolve(path);
        return this.at(node?.range?.[0] ?? 0);
    }
    /** Position of the key of the map entry at `path` (the value's position for list items). */
    keyPosition(path) {
        const { node, key } = this.resolve(path);
        return this.at(key?.range?.[0] ?? node?.range?.[0] ?? 0);
    }
    /** Position of a node of this document; just the file for a node without a place in it. */
    positionOf(node) {
        const offset = node?.range?.[0];
        return offset === undefined ? { file: this.file } : this.at(offset);
    }
    /** Position at a character offset of the text. */
    at(offset) {
        const { line, col } = this.lineCounter.linePos(offset);
        return { file: this.file, line, column: col };
    }
    pairsOf(map) {
        let index = this.pairIndex.get(map);
        if (!index) {
            index = new Map();
            for (const item of map.items)
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key))
                    index.set(String(item.key.value), item);
            this.pairIndex.set(map, index);
        }
        return index;
    }
    resolve(path) {
        let node = this.document.contents;
        let key;
        for (const segment of typeof path === "string" ? pointerPath(path) : path) {
            const index = typeof segment === "number" ? segment : /^[0-9]+$/.test(segment) ? Number(segment) : -1;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = this.pairsOf(node).get(String(segment));
                if (!pair)
                    break;
                key = pair.key;
                node = pair.value ?? pair.key;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && node.items[index] !== undefined) {
                key = undefined;
                node = node.items[index];
            }
            else {
                break;
            }
        }
        return { node: (node ?? undefined), key };
    }
}
/** The segments of a JSON pointer (RFC 6901): `/stages/a~1b/0` → `["stages", "a/b", 0]`. */
function pointerPath(pointer) {
    if (pointer === "")
        return [];
    return pointer
        .slice(1)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}
/**
 * Parse YAML (JSON is YAML too) keeping positions. A syntax error, or a key written twice in one
 * map, is a ConfigError naming file:line:col — the one place YAML's errors become ours.
 */
function parseYamlDocument(text, file, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // yaml's own duplicate-key check is quadratic in a map's size; duplicateKeyOffset is linear.
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const parsed = new YamlDocument(file, document, lineCounter);
    const lead = options.syntaxErrorLead ?? "not valid YAML";
    const [yamlError] = document.errors;
    if (yamlError) {
        const position = parsed.at(yamlError.pos[0]);
        const firstLine = yamlError.message.split("\n")[0] ?? yamlError.message;
        const lineText = text.split("\n")[(position.line ?? 1) - 1] ?? "";
        const hint = options.syntaxErrorHint?.(lineText) ?? "";
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(position, `${lead}: ${firstLine}${hint}`, { cause: yamlError });
    }
    const duplicate = firstDuplicateKey(document);
    if (duplicate) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(parsed.at(duplicate.offset), `${lead}: Map keys must be unique; '${duplicate.name}' is given twice in the same map.`);
    }
    return parsed;
}
/** The first key written twice in one map: its name and the offset of its second occurrence. */
function firstDuplicateKey(document) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(document, {
        Map(_key, map) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map))
                return undefined;
            const seen = new Set();
            for (const pair of map.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                    continue;
                const name = String(pair.key.value);
                if (seen.has(name)) {
                    found = { name, offset: pair.key.range?.[0] ?? 0 };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                seen.add(name);
            }
            return undefined;
        },
    });
    return found;
}


/***/ }),

/***/ 9260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readKilnLock: () => (/* binding */ readKilnLock),
/* harmony export */   readLineage: () => (/* binding */ readLineage)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);



/**
 * Where a model came from: the GitHub context a workflow run provides, and the stage keys and
 * dataset digests of the pipeline that produced it (kiln.lock, when present, read leniently:
 * a missing or unfamiliar lock file yields no keys rather than an error).
 */
async function readLineage(inputs) {
    const { env } = inputs;
    const lock = await readKilnLock((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(inputs.cwd, "kiln.lock"));
    const lineage = {
        stageKeys: lock.stageKeys,
        datasetDigests: { ...lock.datasetDigests, ...inputs.datasetDigests },
    };
    if (env.GITHUB_REPOSITORY)
        lineage.repository = env.GITHUB_REPOSITORY;
    const commit = inputs.commit ?? env.GITHUB_SHA;
    if (commit)
        lineage.commit = commit;
    const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
    if (branch)
        lineage.branch = branch;
    if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
        const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : "";
        lineage.workflowRunUrl = `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
    }
    return lineage;
}
const hexDigest = /^(?:sha256:)?([0-9a-f]{64})$/;
/**
 * Stage keys and dataset digests from a kiln.lock (JSON, read as YAML): `stages: {<name>: {key, deps:
 * [{path, digest}]}}` as `kiln run` writes it; also a list of stages with `name`, `hash` for `key`,
 * and deps as `path: digest` maps. Deps that are code (`.py`, `.ts`, ...) or remote (`etag:`) are
 * not datasets and are left out.
 */
async function readKilnLock(path) {
    const stageKeys = {};
    const datasetDigests = {};
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8"));
    }
    catch {
        return { stageKeys, datasetDigests };
    }
    const stages = isObject(value) ? value.stages : undefined;
    const entries = Array.isArray(stages)
        ? stages.filter(isObject).map((s) => [String(s.name ?? ""), s])
        : isObject(stages)
            ? Object.entries(stages)
            : [];
    for (const [name, stage] of entries) {
        if (!name || !isObject(stage))
            continue;
        const key = firstString(stage, ["key", "stageKey", "stage_key", "hash", "cacheKey", "cache_key"]);
        if (key !== undefined)
            stageKeys[name] = key;
        for (const [depPath, digest] of depDigests(stage.deps))
            datasetDigests[depPath] = digest;
    }
    return { stageKeys, datasetDigests };
}
/** Deps that are code or models, not data: left out of the dataset digests (an evaluate stage
 * depends on the model it scores; that model is the artifact, not a dataset). */
const codeFile = /\.(?:onnx|pkl|joblib|pt|h5|py|ipynb|r|R|jl|ts|js|mjs|sh|sql|scala|java|go|rs|toml|cfg|ini|yaml|yml)$/;
function depDigests(deps) {
    const found = [];
    const add = (path, digest) => {
        if (typeof path !== "string" || typeof digest !== "string" || codeFile.test(path))
            return;
        const match = hexDigest.exec(digest);
        if (match?.[1] !== undefined)
            found.push([path, match[1]]);
    };
    if (Array.isArray(deps)) {
        for (const dep of deps)
            if (isObject(dep))
                add(dep.path, firstString(dep, ["sha256", "hash", "digest", "md5"]));
    }
    else if (isObject(deps)) {
        for (const [path, dep] of Object.entries(deps))
            add(path, isObject(dep) ? firstString(dep, ["sha256", "hash", "digest"]) : dep);
    }
    return found;
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function firstString(record, keys) {
    for (const key of keys) {
        const value = record[key];
        if (typeof value === "string" && value !== "")
            return value;
    }
    return undefined;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ formatModelRef),
/* harmony export */   q: () => (/* binding */ parseModelRef)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/* harmony import */ var _model_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9150);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);




function parseModelRef(text) {
    const at = text.indexOf("@");
    const colon = text.indexOf(":");
    if (at !== -1) {
        const name = text.slice(0, at);
        const version = text.slice(at + 1).replace(/^v/, "");
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        if ((0,semver__WEBPACK_IMPORTED_MODULE_0__.valid)(version) === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': '${version}' is not a semantic version (expected e.g. ${name}@1.2.0).`);
        return { name, kind: "version", version };
    }
    if (colon !== -1) {
        const name = text.slice(0, colon);
        const stageText = text.slice(colon + 1);
        (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(name);
        const stage = (0,_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .parseModelStage */ .Dz)(stageText);
        if (stage === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`'${text}': unknown stage '${stageText}'; known stages: ${_model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .knownStageNames */ .ON.join(", ")}.`);
        return { name, kind: "stage", stage };
    }
    (0,_model_name_js__WEBPACK_IMPORTED_MODULE_2__/* .assertModelName */ .f)(text);
    return { name: text, kind: "latest" };
}
function formatModelRef(ref) {
    if (ref.kind === "version")
        return `${ref.name}@${ref.version}`;
    if (ref.kind === "stage")
        return `${ref.name}:${ref.stage.toLowerCase()}`;
    return ref.name;
}


/***/ }),

/***/ 7653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ resolveModel)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/* harmony import */ var _model_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3346);
/* harmony import */ var _model_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _model_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2927);
/* harmony import */ var _read_model_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8027);
/* harmony import */ var _stages_at_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9398);






/**
 * Find the record a reference means: `name` → the highest version, `name@1.2.0` → that version,
 * `name:production` → the version in that stage (at `at`, now by default). A missing model,
 * version or stage holder is a NotFoundError saying what exists.
 */
async function resolveModel(store, ref, options = {}) {
    const parsed = typeof ref === "string" ? (0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseModelRef */ .q)(ref) : ref;
    const { name } = parsed;
    const { index } = options.loaded ?? (await (0,_model_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadModelIndex */ .cU)(store, name));
    const stages = (0,_stages_at_js__WEBPACK_IMPORTED_MODULE_5__/* .stagesAt */ .n)(index.events, options.at);
    const stageOf = (version) => stages.versions.get(version) ?? _model_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelStage */ .Og.None;
    let version;
    if (parsed.kind === "version") {
        version = parsed.version;
        const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
        if (record === undefined) {
            const known = index.versions.map((v) => v.version);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(known.length === 0
                ? `model '${name}' has no versions in ${store.url}.`
                : `model '${name}' has no version ${version}; it has ${describeVersions(known)}.`);
        }
        return { record, stage: stageOf(version) };
    }
    if (index.versions.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions in ${store.url}.`, {
            hint: "Register one with 'kiln model register'.",
        });
    if (parsed.kind === "latest")
        version = index.versions.at(-1)?.version;
    else {
        const holders = [...stages.versions].filter(([, stage]) => stage === parsed.stage).map(([v]) => v);
        version = holders.at(-1);
        if (version === undefined) {
            const when = options.at === undefined ? "" : ` at ${options.at.toISOString()}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`no version of '${name}' was in ${parsed.stage}${when} (${(0,_model_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .formatModelRef */ .Q)(parsed)}).`);
        }
    }
    if (version === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`model '${name}' has no versions.`);
    const record = await (0,_read_model_record_js__WEBPACK_IMPORTED_MODULE_4__/* .findModelRecord */ .k)(store, name, version);
    if (record === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_(`${name}@${version} is in the index but its record is missing; run 'kiln model reindex ${name}'.`);
    return { record, stage: stageOf(version) };
}
function describeVersions(versions) {
    if (versions.length <= 10)
        return versions.join(", ");
    return `${versions.length} versions, ${versions.slice(0, 3).join(", ")} ... ${versions.slice(-3).join(", ")}`;
}


/***/ })

};
