/**
 * `kiln run`, `kiln status`, `kiln dag`, `kiln compile`: the pipeline in kiln.yaml.
 * The engine is imported when a command runs, so `kiln --help` and other areas' commands stay fast.
 */
import { type Command, Option } from "commander";
import { UsageError } from "../../errors.js";

interface ProjectFlags {
  dir: string;
  file: string;
}
interface RunFlags extends ProjectFlags {
  jobs?: string;
  force?: boolean;
  dry?: boolean;
  failFast?: boolean;
  store?: string;
  json?: boolean;
  register?: boolean;
  progress: "auto" | "live" | "plain";
}

function projectOptions(command: Command): Command {
  return command
    .option("-C, --dir <folder>", "the folder holding kiln.yaml", ".")
    .option("--file <name>", "the pipeline file inside that folder", "kiln.yaml");
}

async function loadProject(flags: ProjectFlags) {
  const [{ resolve }, { loadPipeline }, { buildDag }] = await Promise.all([
    import("node:path"),
    import("../../pipeline/load-pipeline.js"),
    import("../../pipeline/pipeline-dag.js"),
  ]);
  const pipeline = await loadPipeline(resolve(flags.dir, flags.file), {
    cacheFile: resolve(flags.dir, ".kiln", "pipeline-cache.json"),
  });
  return { pipeline, dag: buildDag(pipeline) };
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs must be a whole number of at least 1, not '${value}'.`);
  return jobs;
}

async function runOrStatus(stages: string[], flags: RunFlags, mode: "run" | "status"): Promise<void> {
  const { pipeline, dag } = await loadProject(flags);
  const [
    { openStore },
    { runPipeline },
    { plainReporter, describeResult },
    { ttyReporter },
    { silentReporter },
    { storeKeyOf },
  ] = await Promise.all([
    import("../../store/open-store.js"),
    import("../../pipeline/run-pipeline.js"),
    import("../../pipeline/plain-reporter.js"),
    import("../../pipeline/tty-reporter.js"),
    import("../../pipeline/run-reporter.js"),
    import("../../pipeline/store-reference.js"),
  ]);
  const context = { env: process.env, cwd: pipeline.root };
  const store = await openStore(flags.store, context);
  const others = new Map<string, Promise<Awaited<ReturnType<typeof openStore>>>>();
  const resolveRemote = async (reference: string) => {
    const inside =
      reference.startsWith("store://") || reference.startsWith(`${store.url.replace(/\/+$/, "")}/`);
    if (inside) return { store, key: storeKeyOf(reference, store.url) };
    const bucket = /^s3:\/\/([^/]+)\/(.+)$/.exec(reference);
    if (!bucket?.[1] || !bucket[2]) return { store, key: storeKeyOf(reference, store.url) };
    const url = `s3://${bucket[1]}`;
    if (!others.has(url)) others.set(url, openStore(url, context));
    return { store: await (others.get(url) as ReturnType<typeof openStore>), key: bucket[2] };
  };
  const dry = mode === "status" || flags.dry === true;
  const live = flags.progress === "live" || (flags.progress === "auto" && process.stdout.isTTY === true);
  const reporter =
    flags.json || mode === "status"
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
      process.stdout.write(
        `${JSON.stringify({ exitCode: summary.exitCode, stages: summary.results }, null, 2)}\n`,
      );
    } else if (mode === "status") {
      const stale = summary.results.filter((r) => r.status !== "up-to-date");
      if (stale.length === 0) process.stdout.write("Everything is up to date.\n");
      for (const result of stale) process.stdout.write(`${describeResult(result)}\n`);
    }
    if (mode === "run" && flags.register === true && !dry && summary.exitCode === 0) {
      const [{ registerPipelineModels }, { createConsoleLogger }, { userInfo }] = await Promise.all([
        import("../../pipeline/run-pipeline-job.js"),
        import("../console-logger.js"),
        import("node:os"),
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
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export function registerPipelineCommands(program: Command): void {
  projectOptions(
    program
      .command("run")
      .description("Run the pipeline in kiln.yaml (the named stages and what they need, or all).")
      .argument("[stages...]", "stages to run, with everything upstream of them"),
  )
    .option("-j, --jobs <n>", "stages to run at once (default: the number of cores)")
    .option("-f, --force", "run even stages that are up to date, without restoring from the run cache")
    .option("--dry", "say what would run and why, and run nothing")
    .option("--fail-fast", "stop everything after the first failure")
    .option("--store <url>", "store holding the shared run cache (default: KILN_STORE or .kiln/store)")
    .option("--json", "print the results as JSON instead of progress")
    .option(
      "--register",
      "after a successful run, register the models kiln.yaml declares (models:) in the store",
    )
    .addOption(
      new Option("--progress <style>", "progress display").choices(["auto", "live", "plain"]).default("auto"),
    )
    .action((stages: string[], flags: RunFlags) => runOrStatus(stages, flags, "run"));

  projectOptions(
    program
      .command("status")
      .description("List stale stages and why they would run (a changed dep, param, command or missing out).")
      .argument("[stages...]", "stages to check (default: all)"),
  )
    .option("--store <url>", "store holding the shared run cache (default: KILN_STORE or .kiln/store)")
    .option("--json", "print the results as JSON")
    .action((stages: string[], flags: RunFlags) =>
      runOrStatus(stages, { ...flags, progress: "plain" }, "status"),
    );

  projectOptions(
    program.command("dag").description("Show the pipeline's stages and how they depend on each other."),
  )
    .option("--mermaid", "print a Mermaid flowchart")
    .action(async (flags: ProjectFlags & { mermaid?: boolean }) => {
      const { pipeline, dag } = await loadProject(flags);
      const { renderDagMermaid, renderDagText } = await import("../../pipeline/render-dag.js");
      process.stdout.write(flags.mermaid ? renderDagMermaid(dag) : renderDagText(pipeline, dag));
    });

  projectOptions(
    program
      .command("compile")
      .description(
        "Write the GitHub Actions workflow that runs each stage as a job (.github/workflows/kiln-pipeline.yml).",
      ),
  )
    .option(
      "-o, --output <file>",
      "workflow file (default: <repository root>/.github/workflows/kiln-pipeline.yml)",
    )
    .option("--action <ref>", "the pipeline Action each job uses", "./actions/pipeline")
    .option("--branch <name...>", "branches whose pushes run the pipeline", ["main"])
    .option("--check", "write nothing; fail when the workflow file is missing or stale")
    .action(
      async (
        flags: ProjectFlags & { output?: string; action: string; branch: string[]; check?: boolean },
      ) => {
        const { pipeline, dag } = await loadProject(flags);
        const [{ existsSync }, { mkdir, readFile, writeFile }, path, { compileWorkflow }] = await Promise.all(
          [
            import("node:fs"),
            import("node:fs/promises"),
            import("node:path"),
            import("../../pipeline/compile-workflow.js"),
          ],
        );
        let repoRoot = pipeline.root;
        while (!existsSync(path.join(repoRoot, ".git")) && path.dirname(repoRoot) !== repoRoot)
          repoRoot = path.dirname(repoRoot);
        if (!existsSync(path.join(repoRoot, ".git"))) repoRoot = pipeline.root;
        const output = path.resolve(
          flags.output ?? path.join(repoRoot, ".github", "workflows", "kiln-pipeline.yml"),
        );
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
          process.stderr.write(
            `kiln: ${shown} is ${current === undefined ? "missing" : "stale"}; run \`kiln compile\` and commit the result.\n`,
          );
          process.exitCode = 1;
          return;
        }
        await mkdir(path.dirname(output), { recursive: true });
        await writeFile(output, text);
        process.stdout.write(`wrote ${shown} (${dag.order.length} stages)\n`);
      },
    );
}
