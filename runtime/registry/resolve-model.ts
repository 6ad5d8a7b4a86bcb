import { NotFoundError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { type LoadedIndex, loadModelIndex } from "./model-index.js";
import type { ModelRecord } from "./model-record.js";
import { formatModelRef, type ModelRef, parseModelRef } from "./model-ref.js";
import { ModelStage } from "./model-stage.js";
import { findModelRecord } from "./read-model-record.js";
import { stagesAt } from "./stages-at.js";

export interface ResolvedModel {
  record: ModelRecord;
  /** The version's stage at the time asked (now by default). */
  stage: ModelStage;
}

/**
 * Find the record a reference means: `name` → the highest version, `name@1.2.0` → that version,
 * `name:production` → the version in that stage (at `at`, now by default). A missing model,
 * version or stage holder is a NotFoundError saying what exists.
 */
export async function resolveModel(
  store: ObjectStore,
  ref: string | ModelRef,
  options: { at?: Date; loaded?: LoadedIndex } = {},
): Promise<ResolvedModel> {
  const parsed = typeof ref === "string" ? parseModelRef(ref) : ref;
  const { name } = parsed;
  const { index } = options.loaded ?? (await loadModelIndex(store, name));
  const stages = stagesAt(index.events, options.at);
  const stageOf = (version: string) => stages.versions.get(version) ?? ModelStage.None;

  let version: string | undefined;
  if (parsed.kind === "version") {
    version = parsed.version;
    const record = await findModelRecord(store, name, version);
    if (record === undefined) {
      const known = index.versions.map((v) => v.version);
      throw new NotFoundError(
        known.length === 0
          ? `model '${name}' has no versions in ${store.url}.`
          : `model '${name}' has no version ${version}; it has ${describeVersions(known)}.`,
      );
    }
    return { record, stage: stageOf(version) };
  }
  if (index.versions.length === 0)
    throw new NotFoundError(`model '${name}' has no versions in ${store.url}.`, {
      hint: "Register one with 'kiln model register'.",
    });
  if (parsed.kind === "latest") version = index.versions.at(-1)?.version;
  else {
    const holders = [...stages.versions].filter(([, stage]) => stage === parsed.stage).map(([v]) => v);
    version = holders.at(-1);
    if (version === undefined) {
      const when = options.at === undefined ? "" : ` at ${options.at.toISOString()}`;
      throw new NotFoundError(
        `no version of '${name}' was in ${parsed.stage}${when} (${formatModelRef(parsed)}).`,
      );
    }
  }
  if (version === undefined) throw new NotFoundError(`model '${name}' has no versions.`);
  const record = await findModelRecord(store, name, version);
  if (record === undefined)
    throw new NotFoundError(
      `${name}@${version} is in the index but its record is missing; run 'kiln model reindex ${name}'.`,
    );
  return { record, stage: stageOf(version) };
}

function describeVersions(versions: string[]): string {
  if (versions.length <= 10) return versions.join(", ");
  return `${versions.length} versions, ${versions.slice(0, 3).join(", ")} ... ${versions.slice(-3).join(", ")}`;
}
