export const id = 436;
export const ids = [436];
export const modules = {

/***/ 4436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerPipelineCommands: () => (/* binding */ registerPipelineCommands)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8094);
/**
 * `kiln run`, `kiln status`, `kiln dag`, `kiln compile`: the pipeline in kiln.yaml.
 * The engine is imported when a command runs, so `kiln --help` and other areas' commands stay fast.
 */


function projectOptions(command) {
    return command
        .option("-C, --dir <folder>", "the folder holding kiln.yaml", ".")
        .option("--file <name>", "the pipeline file inside that folder", "kiln.yaml");
}
async function loadProject(flags) {
    const [{ resolve }, { loadPipeline }, { buildDag }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 19)),
        __webpack_require__.e(/* import() */ 929).then(__webpack_require__.bind(__webpack_require__, 4929)),
        Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(953)]).then(__webpack_require__.bind(__webpack_require__, 953)),
    ]);
    const pipeline = await loadPipeline(resolve(flags.dir, flags.file), {
        cacheFile: resolve(flags.dir, ".kiln", "pipeline-cache.json"),
    });
    return { pipeline, dag: buildDag(pipeline) };
}
function parseJobs(value) {
    if (value === undefined)
        return undefined;
    const jobs = Number(value);
    if (!Number.isInteger(jobs) || jobs < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--jobs must be a whole number of at least 1, not '${value}'.`);
    return jobs;
}
async function runOrStatus(stages, flags, mode) {
    const { pipeline, dag } = await loadProject(flags);
    const [{ openStore }, { runPipeline }, { plainReporter, describeResult }, { ttyReporter }, { silentReporter }, { storeKeyOf },] = await Promise.all([
        __webpack_require__.e(/* import() */ 943).then(__webpack_require__.bind(__webpack_require__, 7943)),
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(541)]).then(__webpack_require__.bind(__webpack_require__, 7541)),
        __webpack_require__.e(/* import() */ 332).then(__webpack_require__.bind(__webpack_require__, 3332)),
        __webpack_require__.e(/* import() */ 85).then(__webpack_require__.bind(__webpack_require__, 6085)),
        __webpack_require__.e(/* import() */ 571).then(__webpack_require__.bind(__webpack_require__, 571)),
        __webpack_require__.e(/* import() */ 685).then(__webpack_require__.bind(__webpack_require__, 3685)),
    ]);
    const context = { env: process.env, cwd: pipeline.root };
    const store = await openStore(flags.store, context);
    const others = new Map();
    const resolveRemote = async (reference) => {
        const inside = reference.startsWith("store://") || reference.startsWith(`${store.url.replace(/\/+$/, "")}/`);
        if (inside)
            return { store, key: storeKeyOf(reference, store.url) };
        const bucket = /^s3:\/\/([^/]+)\/(.+)$/.exec(reference);
        if (!bucket?.[1] || !bucket[2])
            return { store, key: storeKeyOf(reference, store.url) };
        const url = `s3://${bucket[1]}`;
        if (!others.has(url))
            others.set(url, openStore(url, context));
        return { store: await others.get(url), key: bucket[2] };
    };
    const dry = mode === "status" || flags.dry === true;
    const live = flags.progress === "live" || (flags.progress === "auto" && process.stdout.isTTY === true);
    const reporter = flags.json || mode === "status"
        ? silentReporter
        : live
            ? ttyReporter(process.stdout)
            : plainReporter((text) => process.stdout.write(text));
    const interrupt = new AbortController();
    const onSignal = () => interrupt.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
        const jobs = parseJobs(flags.jobs);
        const summary = await runPipeline({
            pipeline,
            dag,
            store,
            resolveRemote,
            reporter,
            targets: stages,
            ...(jobs === undefined ? {} : { jobs }),
            force: flags.force === true,
            dry,
            failFast: flags.failFast === true,
            signal: interrupt.signal,
        });
        if (flags.json) {
            process.stdout.write(`${JSON.stringify({ exitCode: summary.exitCode, stages: summary.results }, null, 2)}\n`);
        }
        else if (mode === "status") {
            const stale = summary.results.filter((r) => r.status !== "up-to-date");
            if (stale.length === 0)
                process.stdout.write("Everything is up to date.\n");
            for (const result of stale)
                process.stdout.write(`${describeResult(result)}\n`);
        }
        if (mode === "run" && flags.register === true && !dry && summary.exitCode === 0) {
            const [{ registerPipelineModels }, { createConsoleLogger }, { userInfo }] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(541), __webpack_require__.e(751)]).then(__webpack_require__.bind(__webpack_require__, 751)),
                __webpack_require__.e(/* import() */ 498).then(__webpack_require__.bind(__webpack_require__, 9498)),
                Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8161, 19)),
            ]);
            const logger = createConsoleLogger(flags.json ? { quiet: true } : {});
            const registered = await registerPipelineModels(pipeline.root, pipeline.models, store, logger, {
                env: process.env,
                createdBy: process.env.GITHUB_ACTOR ?? userInfo().username,
            });
            if (registered.length === 0)
                logger.info("No model declared in kiln.yaml was produced; nothing registered.");
        }
        process.exitCode = mode === "status" ? 0 : summary.exitCode;
    }
    finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
    }
}
function registerPipelineCommands(program) {
    projectOptions(program
        .command("run")
        .description("Run the pipeline in kiln.yaml (the named stages and what they need, or all).")
        .argument("[stages...]", "stages to run, with everything upstream of them"))
        .option("-j, --jobs <n>", "stages to run at once (default: the number of cores)")
        .option("-f, --force", "run even stages that are up to date, without restoring from the run cache")
        .option("--dry", "say what would run and why, and run nothing")
        .option("--fail-fast", "stop everything after the first failure")
        .option("--store <url>", "store holding the shared run cache (default: KILN_STORE or .kiln/store)")
        .option("--json", "print the results as JSON instead of progress")
        .option("--register", "after a successful run, register the models kiln.yaml declares (models:) in the store")
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$("--progress <style>", "progress display").choices(["auto", "live", "plain"]).default("auto"))
        .action((stages, flags) => runOrStatus(stages, flags, "run"));
    projectOptions(program
        .command("status")
        .description("List stale stages and why they would run (a changed dep, param, command or missing out).")
        .argument("[stages...]", "stages to check (default: all)"))
        .option("--store <url>", "store holding the shared run cache (default: KILN_STORE or .kiln/store)")
        .option("--json", "print the results as JSON")
        .action((stages, flags) => runOrStatus(stages, { ...flags, progress: "plain" }, "status"));
    projectOptions(program.command("dag").description("Show the pipeline's stages and how they depend on each other."))
        .option("--mermaid", "print a Mermaid flowchart")
        .action(async (flags) => {
        const { pipeline, dag } = await loadProject(flags);
        const { renderDagMermaid, renderDagText } = await __webpack_require__.e(/* import() */ 531).then(__webpack_require__.bind(__webpack_require__, 2531));
        process.stdout.write(flags.mermaid ? renderDagMermaid(dag) : renderDagText(pipeline, dag));
    });
    projectOptions(program
        .command("compile")
        .description("Write the GitHub Actions workflow that runs each stage as a job (.github/workflows/kiln-pipeline.yml)."))
        .option("-o, --output <file>", "workflow file (default: <repository root>/.github/workflows/kiln-pipeline.yml)")
        .option("--action <ref>", "the pipeline Action each job uses", "./actions/pipeline")
        .option("--branch <name...>", "branches whose pushes run the pipeline", ["main"])
        .option("--check", "write nothing; fail when the workflow file is missing or stale")
        .action(async (flags) => {
        const { pipeline, dag } = await loadProject(flags);
        const [{ existsSync }, { mkdir, readFile, writeFile }, path, { compileWorkflow }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 19)),
            Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19)),
            Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 19)),
            __webpack_require__.e(/* import() */ 911).then(__webpack_require__.bind(__webpack_require__, 9911)),
        ]);
        let repoRoot = pipeline.root;
        while (!existsSync(path.join(repoRoot, ".git")) && path.dirname(repoRoot) !== repoRoot)
            repoRoot = path.dirname(repoRoot);
        if (!existsSync(path.join(repoRoot, ".git")))
            repoRoot = pipeline.root;
        const output = path.resolve(flags.output ?? path.join(repoRoot, ".github", "workflows", "kiln-pipeline.yml"));
        const text = compileWorkflow(pipeline, dag, {
            workingDirectory: path.relative(repoRoot, pipeline.root) || ".",
            sourceFile: path.relative(repoRoot, pipeline.file),
            action: flags.action,
            branches: flags.branch,
        });
        const shown = path.relative(process.cwd(), output);
        if (flags.check) {
            const current = await readFile(output, "utf8").catch(() => undefined);
            if (current === text) {
                process.stdout.write(`${shown} is up to date.\n`);
                return;
            }
            process.stderr.write(`kiln: ${shown} is ${current === undefined ? "missing" : "stale"}; run \`kiln compile\` and commit the result.\n`);
            process.exitCode = 1;
            return;
        }
        await mkdir(path.dirname(output), { recursive: true });
        await writeFile(output, text);
        process.stdout.write(`wrote ${shown} (${dag.order.length} stages)\n`);
    });
}


/***/ })

};
