import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { appendStageEvent } from "./append-stage-event.js";
import { sha256OfFile } from "./file-digest.js";
import type { ModelLineage } from "./model-record.js";
import { ModelStage, parseModelStage } from "./model-stage.js";
import { readParamsFile } from "./read-metrics-file.js";
import {
  type RegisterModelRequest,
  type RegisterModelResult,
  type RegistryDeps,
  registerModel,
} from "./register-model.js";
import type { EventSource } from "./registry-event.js";

/** A model as kiln.yaml's `models:` section declares it (paths relative to the project root). */
export interface DeclaredModel {
  artifact: string;
  metrics?: string;
  params?: string | string[];
  /** Stage to put a new version in (store-only mode; in GitHub mode promotion goes through a PR). */
  stage?: string;
  /** The training data, recorded in the lineage by digest. */
  data?: string;
}

export interface DeclaredRegistration {
  name: string;
  /** Undefined when the pipeline did not produce the artifact (nothing registered). */
  result: RegisterModelResult | undefined;
}

/**
 * `kiln run --register`: register each model kiln.yaml declares whose artifact the pipeline
 * produced. Params files are merged in order; `data` is hashed into the lineage; a new version is
 * moved to the declared stage when not registering in GitHub mode.
 */
export async function registerDeclaredModels(
  deps: RegistryDeps,
  options: {
    root: string;
    models: Record<string, DeclaredModel>;
    lineage: Omit<ModelLineage, "parentVersion">;
    createdBy: string;
    source: EventSource;
    release?: RegisterModelRequest["release"];
  },
): Promise<DeclaredRegistration[]> {
  const results: DeclaredRegistration[] = [];
  for (const [name, model] of Object.entries(options.models)) {
    const artifactPath = resolve(options.root, model.artifact);
    if (!(await exists(artifactPath))) {
      deps.logger.info(`model '${name}': ${model.artifact} was not produced; not registered.`);
      results.push({ name, result: undefined });
      continue;
    }
    const paramsFiles = model.params === undefined ? [] : [model.params].flat();
    let params: Record<string, unknown> = {};
    for (const file of paramsFiles)
      params = { ...params, ...(await readParamsFile(resolve(options.root, file))) };
    const lineage = { ...options.lineage, datasetDigests: { ...options.lineage.datasetDigests } };
    if (model.data !== undefined && (await exists(resolve(options.root, model.data))))
      lineage.datasetDigests[model.data] = (
        await sha256OfFile(resolve(options.root, model.data), "dataset")
      ).sha256;
    const result = await registerModel(deps, {
      name,
      artifactPath,
      ...(model.metrics === undefined ? {} : { metricsPath: resolve(options.root, model.metrics) }),
      params,
      lineage,
      createdBy: options.createdBy,
      source: options.source,
      ...(options.release === undefined ? {} : { release: options.release }),
    });
    const stage = model.stage === undefined ? undefined : parseModelStage(model.stage);
    if (result.created && options.release === undefined && stage !== undefined && stage !== ModelStage.None) {
      await appendStageEvent(deps.store, {
        name,
        version: result.record.version,
        to: stage,
        by: options.createdBy,
        source: options.source,
        reason: `kiln.yaml declares models.${name}.stage: ${model.stage}`,
      });
    }
    results.push({ name, result });
  }
  return results;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
