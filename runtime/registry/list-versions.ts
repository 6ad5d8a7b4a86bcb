import type { ObjectStore } from "../store/object-store.js";
import { loadModelIndex, type VersionSummary } from "./model-index.js";
import { ModelStage } from "./model-stage.js";
import { type StageAssignment, stagesAt } from "./stages-at.js";

/** Every version of a model, oldest first, with its stage now. Reads the index (plus newer events). */
export async function listVersions(
  store: ObjectStore,
  name: string,
): Promise<(VersionSummary & { stage: ModelStage })[]> {
  const { index } = await loadModelIndex(store, name);
  const stages = stagesAt(index.events);
  return index.versions.map((v) => ({ ...v, stage: stages.versions.get(v.version) ?? ModelStage.None }));
}

/** Which version holds each stage now, or at `at`. */
export async function currentStages(store: ObjectStore, name: string, at?: Date): Promise<StageAssignment> {
  const { index } = await loadModelIndex(store, name);
  return stagesAt(index.events, at);
}

/** The names of the models in the store (one listing of `models/`, delimited by the index keys). */
export async function listModelNames(store: ObjectStore): Promise<string[]> {
  const names = new Set<string>();
  for await (const info of store.list("models/")) {
    const match = /^models\/([^/]+)\/(?:index\.json|events\/0000000001\.json)$/.exec(info.key);
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}
