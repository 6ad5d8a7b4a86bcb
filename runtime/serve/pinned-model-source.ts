/**
 * A model source that only accepts one artifact digest: `kiln serve iris@1.2.0 --sha256 <hex>`, as
 * the rendered Kubernetes manifests run it, so a pod serves exactly the bytes the manifest names
 * even if the registry were rewritten.
 */
import { ModelError } from "../errors.js";
import type { ModelSource } from "./model-source.js";

export function pinnedModelSource(source: ModelSource, sha256: string): ModelSource {
  const expected = sha256.toLowerCase();
  return {
    ...source,
    currentVersion: () => source.currentVersion(),
    async resolve() {
      const resolved = await source.resolve();
      if (resolved.sha256 !== expected) {
        throw new ModelError(
          `the artifact's sha256 is ${resolved.sha256}, but this server is pinned to ${expected} (--sha256).`,
          { model: resolved.name, version: resolved.version },
          { hint: "Render the manifests again from the registry, or serve without --sha256." },
        );
      }
      return resolved;
    },
  };
}
