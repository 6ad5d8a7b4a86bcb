import { ModelStage } from "./model-stage.js";
import type { RegistryEvent } from "./registry-event.js";

/** The stages of a model's versions at one moment: a fold of its events. */
export interface StageAssignment {
  /** Stage of every version registered by then. */
  versions: Map<string, ModelStage>;
  /** The version in Staging, if any. */
  staging: string | undefined;
  /** The version in Production, if any. */
  production: string | undefined;
}

/**
 * Fold events (in sequence order) up to and including `time` (all of them when `time` is omitted)
 * into the stage of each version. Events are applied in log order; an event counts when its `at`
 * is not after `time`.
 */
export function stagesAt(events: readonly RegistryEvent[], time?: Date): StageAssignment {
  const limit = time?.getTime();
  const versions = new Map<string, ModelStage>();
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  for (const event of ordered) {
    if (limit !== undefined && Date.parse(event.at) > limit) continue;
    if (event.kind === "register") {
      if (!versions.has(event.version)) versions.set(event.version, ModelStage.None);
      continue;
    }
    for (const displaced of event.archived) versions.set(displaced.version, ModelStage.Archived);
    versions.set(event.version, event.to);
  }
  const holder = (stage: ModelStage) => {
    let found: string | undefined;
    for (const [version, current] of versions) if (current === stage) found = version;
    return found;
  };
  return { versions, staging: holder(ModelStage.Staging), production: holder(ModelStage.Production) };
}
