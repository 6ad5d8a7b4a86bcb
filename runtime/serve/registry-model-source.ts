/**
 * A model source backed by the registry in the store: `kiln serve iris:production` follows the
 * Production stage, `iris@1.2.0` pins a version, `iris` follows the latest version. Needs only the
 * store (no GitHub token): the artifact is read from its content-addressed key and checked
 * against the record's sha256 before it is loaded.
 */
import { formatModelRef, parseModelRef } from "../registry/model-ref.js";
import { resolveModel } from "../registry/resolve-model.js";
import { getVerifiedBytes } from "../store/content-address.js";
import type { ObjectStore } from "../store/object-store.js";
import type { ModelSource } from "./model-source.js";

export function registryModelSource(store: ObjectStore, reference: string): ModelSource {
  const ref = parseModelRef(reference);
  return {
    name: ref.name,
    description: `${formatModelRef(ref)} (${store.url})`,
    async currentVersion() {
      return (await resolveModel(store, ref)).record.version;
    },
    async resolve() {
      const { record } = await resolveModel(store, ref);
      const bytes = await getVerifiedBytes(store, record.artifact.storeKey, record.artifact.sha256);
      return { name: record.name, version: record.version, sha256: record.artifact.sha256, bytes };
    },
  };
}
