import { randomUUID } from "node:crypto";
import { PreconditionFailedError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import {
  catchUp,
  type LoadedIndex,
  lastSeq,
  loadModelIndex,
  type ModelIndex,
  refreshStoredIndex,
} from "./model-index.js";
import { encodeJson } from "./model-record.js";
import type { RegistryEvent, RegistryEventDraft } from "./registry-event.js";
import { registryKeys } from "./registry-keys.js";

/**
 * Append one event to a model's log. The sequence number is allocated by a create-only write of
 * `events/<seq>.json`; losing the race means another writer took that number, so its event is read
 * and `draft` is asked again with the log that now includes it (a stage move recomputes its `from`
 * and what it archives). `draft` may throw to refuse (e.g. the version is already in that stage).
 * The index is brought up to date afterwards, best-effort.
 */
export async function appendRegistryEvent(
  store: ObjectStore,
  name: string,
  draft: (current: ModelIndex) => RegistryEventDraft,
  options: { loaded?: LoadedIndex } = {},
): Promise<RegistryEvent> {
  const { index } = options.loaded ?? (await loadModelIndex(store, name));
  for (;;) {
    const seq = lastSeq(index) + 1;
    const event = { ...draft(index), id: randomUUID(), seq } as RegistryEvent;
    try {
      await store.put(registryKeys.event(name, seq), encodeJson(event), {
        ifNoneMatch: "*",
        contentType: "application/json",
      });
    } catch (error: unknown) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await catchUp(store, index);
      // A retried request whose first attempt landed: the event at `seq` is our own.
      const mine = index.events.find((e) => e.id === event.id);
      if (mine === undefined) continue;
      await refreshStoredIndex(store, name).catch(() => undefined);
      return mine;
    }
    await refreshStoredIndex(store, name).catch(() => undefined);
    return event;
  }
}
