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

/**
 * The names of the models in the store. One short listing per model: after finding a model's first
 * key, the listing restarts after all of its keys (`models/<name>0` sorts right after
 * `models/<name>/...`), so a model with 10,000 versions costs no more than one with one.
 */
export async function listModelNames(store: ObjectStore): Promise<string[]> {
  const names: string[] = [];
  let after: string | undefined;
  for (;;) {
    let next: string | undefined;
    for await (const info of store.list("models/", {
      pageSize: 1,
      ...(after === undefined ? {} : { startAfter: after }),
    })) {
      next = info.key;
      break;
    }
    const name = next?.slice("models/".length).split("/")[0];
    if (name === undefined || name === "") break;
    names.push(name);
    after = `models/${name}0`;
  }
  return names.sort();
}
