import { join } from "node:path";
import { NotFoundError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { RegisterModelRequest } from "../registry/register-model.js";
import type { ObjectStore } from "../store/object-store.js";
import { groupedReporter } from "./grouped-reporter.js";
import { loadPipeline } from "./load-pipeline.js";
import type { ModelSpec } from "./pipeline.js";
import { buildDag } from "./pipeline-dag.js";
import { type MetricsByFile, renderRunSummary } from "./render-run-summary.js";
import { runPipeline } from "./run-pipeline.js";
import { isCacheHit, type StageResult, StageStatus } from "./stage-result.js";

export interface PipelineJobOptions {
  /** The folder holding kiln.yaml. */
  root: string;
  /** Stages to run (with what they need); empty for all. */
  targets: readonly string[];
  jobs?: number | undefined;
  failFast: boolean;
  store: ObjectStore;
  logger: Logger;
  /** The branch this run is on, and the repository's default branch (metrics are compared with it). */
  branch: string | undefined;
  defaultBranch: string;
  /**
   * Register the models kiln.yaml declares (`models:`) once every stage succeeded; in GitHub mode
   * when `release` is given (tag, release and assets at the commit). Undefined registers nothing.
   */
  register?: {
    env: Readonly<Record<string, string | undefined>>;
    createdBy: string;
    release?: RegisterModelRequest["release"];
  };
}

/** A model the job registered (or found already registered with the same artifact). */
export interface RegisteredModel {
  name: string;
  version: string;
  created: boolean;
  releaseUrl: string | undefined;
}

export interface PipelineJobResult {
  exitCode: number;
  results: StageResult[];
  ran: string[];
  cached: string[];
  failed: string[];
  metrics: MetricsByFile;
  /** The declared models registered after a successful run. */
  registered: RegisteredModel[];
  /** Markdown for the job summary. */
  summary: string;
}

/** Where the default branch's latest metrics are kept, for comparisons on later runs. */
export const latestMetricsKey = (branch: string) => `metrics/${branch}/latest.json`;

/**
 * One CI job of the pipeline (what the pipeline Action does): run the stages with output in log
 * groups, collect metrics, compare them with the default branch's latest, and on the default
 * branch record them as the new latest.
 */
export async function runPipelineJob(options: PipelineJobOptions): Promise<PipelineJobResult> {
  const pipeline = await loadPipeline(join(options.root, "kiln.yaml"));
  const dag = buildDag(pipeline);
  const summary = await runPipeline({
    pipeline,
    dag,
    store: options.store,
    reporter: groupedReporter(options.logger),
    targets: options.targets,
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    failFast: options.failFast,
  });
  const metrics: MetricsByFile = {};
  for (const result of summary.results) Object.assign(metrics, result.metrics);
  const previous = await readLatestMetrics(options.store, options.defaultBranch);
  if (options.branch === options.defaultBranch && summary.exitCode === 0 && Object.keys(metrics).length > 0) {
    const merged = { ...previous, ...metrics };
    await options.store.put(latestMetricsKey(options.defaultBranch), `${JSON.stringify(merged, null, 2)}\n`, {
      contentType: "application/json",
    });
  }
  const registered =
    options.register !== undefined && summary.exitCode === 0 && Object.keys(pipeline.models).length > 0
      ? await registerPipelineModels(
          pipeline.root,
          pipeline.models,
          options.store,
          options.logger,
          options.register,
        )
      : [];
  const names = (test: (r: StageResult) => boolean) => summary.results.filter(test).map((r) => r.name);
  return {
    exitCode: summary.exitCode,
    results: summary.results,
    ran: names((r) => r.status === StageStatus.ran),
    cached: names((r) => isCacheHit(r.status)),
    failed: names((r) => r.status === StageStatus.failed),
    metrics,
    registered,
    summary:
      renderRunSummary({
        results: summary.results,
        metrics,
        previous,
        baseBranch: options.defaultBranch,
      }) + renderRegistered(registered),
  };
}

async function readLatestMetrics(store: ObjectStore, branch: string): Promise<MetricsByFile | undefined> {
  try {
    return JSON.parse(
      Buffer.from(await store.getBytes(latestMetricsKey(branch))).toString("utf8"),
    ) as MetricsByFile;
  } catch (error: unknown) {
    if (error instanceof NotFoundError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Register the declared models whose artifacts the run produced (`kiln run --register`, the Action). */
export async function registerPipelineModels(
  root: string,
  models: Record<string, ModelSpec>,
  store: ObjectStore,
  logger: Logger,
  register: NonNullable<PipelineJobOptions["register"]>,
): Promise<RegisteredModel[]> {
  // Loaded only when registering, so plain pipeline runs do not import the registry.
  const [{ registerDeclaredModels }, { readLineage }] = await Promise.all([
    import("../registry/register-declared-models.js"),
    import("../registry/model-lineage.js"),
  ]);
  const lineage = await readLineage({ cwd: root, env: register.env });
  const results = await registerDeclaredModels(
    { store, logger },
    {
      root,
      models,
      lineage,
      createdBy: register.createdBy,
      source: {
        kind: "action",
        detail: "kiln pipeline",
        ...(lineage.workflowRunUrl === undefined ? {} : { url: lineage.workflowRunUrl }),
      },
      ...(register.release === undefined ? {} : { release: register.release }),
    },
  );
  const registered: RegisteredModel[] = [];
  for (const { name, result } of results) {
    if (result === undefined) continue;
    const { record } = result;
    logger.info(
      result.created
        ? `registered ${name}@${record.version}${record.release ? ` (${record.release.url})` : ""}`
        : `${name}@${record.version} already holds this artifact; nothing registered`,
    );
    registered.push({
      name,
      version: record.version,
      created: result.created,
      releaseUrl: record.release?.url,
    });
  }
  return registered;
}

function renderRegistered(registered: readonly RegisteredModel[]): string {
  if (registered.length === 0) return "";
  const rows = registered.map(
    (m) =>
      `| ${m.name} | ${m.version} | ${m.created ? "registered" : "already registered"} | ${m.releaseUrl ? `[release](${m.releaseUrl})` : ""} |`,
  );
  return ["", "", "### Models", "", "| model | version | | release |", "|---|---|---|---|", ...rows, ""].join(
    "\n",
  );
}
