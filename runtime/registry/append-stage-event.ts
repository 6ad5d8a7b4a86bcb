import { ModelError, NotFoundError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { appendRegistryEvent } from "./append-registry-event.js";
import { loadModelIndex } from "./model-index.js";
import { exclusiveStages, ModelStage } from "./model-stage.js";
import { findModelRecord } from "./read-model-record.js";
import type { EventSource, StageEvent } from "./registry-event.js";
import { stagesAt } from "./stages-at.js";

export interface StageMove {
  name: string;
  version: string;
  to: ModelStage;
  /** Who asked (GitHub login, local user). */
  by: string;
  source: EventSource;
  reason: string;
  /** When; now by default. */
  at?: Date;
}

/**
 * Move a version to a stage by appending a stage event. Staging and Production hold one version:
 * the previous holder is archived by the same event. The `from` stage and what is archived are
 * computed from the log as it is when the event's sequence number is won, so concurrent moves
 * cannot leave two versions in Production.
 */
export async function appendStageEvent(store: ObjectStore, move: StageMove): Promise<StageEvent> {
  const { name, version, to } = move;
  const loaded = await loadModelIndex(store, name);
  if (!loaded.index.versions.some((v) => v.version === version)) {
    const record = await findModelRecord(store, name, version);
    if (record === undefined) {
      const known = loaded.index.versions.map((v) => v.version);
      throw new NotFoundError(
        known.length === 0
          ? `model '${name}' has no versions, so ${name}@${version} cannot be moved to ${to}.`
          : `${name}@${version} does not exist; '${name}' has ${known.length} version(s), the latest ${known.at(-1)}.`,
      );
    }
  }
  const at = (move.at ?? new Date()).toISOString();
  const event = await appendRegistryEvent(
    store,
    name,
    (index) => {
      const stages = stagesAt(index.events);
      const from = stages.versions.get(version) ?? ModelStage.None;
      if (from === to) throw new ModelError(`already in ${to}; nothing to do.`, { model: name, version });
      const archived = exclusiveStages.includes(to)
        ? [...stages.versions]
            .filter(([v, stage]) => stage === to && v !== version)
            .map(([v]) => ({ version: v, from: to }))
        : [];
      return {
        kind: "stage",
        version,
        from,
        to,
        at,
        by: move.by,
        source: move.source,
        reason: move.reason,
        archived,
      };
    },
    { loaded },
  );
  return event as StageEvent;
}
