import { compare as compareSemver } from "semver";
import { NotFoundError, PreconditionFailedError, StoreError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import type { BumpKind } from "./model-record.js";
import {
  parseRegistryEvent,
  type RegisterEvent,
  type RegistryEvent,
  type StageEvent,
} from "./registry-event.js";
import { registryKeys } from "./registry-keys.js";

/** One version as the index lists it (from its register event). */
export interface VersionSummary {
  version: string;
  sha256: string;
  size: number;
  bump: BumpKind;
  metrics: Record<string, number>;
  createdAt: string;
}

/**
 * The materialized view of one model: every event in order and the versions they registered.
 * It is a pure fold of `models/<name>/events/`, so a stale or lost index is repaired by reading the
 * events beyond it (`loadModelIndex`) or rebuilt (`reindexModel`).
 */
export interface ModelIndex {
  formatVersion: 1;
  name: string;
  /** Every event, seq 1..n, in order. */
  events: RegistryEvent[];
  /** Registered versions in ascending semver order. */
  versions: VersionSummary[];
}

export interface LoadedIndex {
  index: ModelIndex;
  /** Etag of the stored index, undefined when none is stored. */
  etag: string | undefined;
  /** Events found beyond the stored index (0 when it was current). */
  behind: number;
}

export function emptyIndex(name: string): ModelIndex {
  return { formatVersion: 1, name, events: [], versions: [] };
}

export function lastSeq(index: ModelIndex): number {
  return index.events.at(-1)?.seq ?? 0;
}

/** Fold one event into the index (the event's seq must be the next one). */
export function applyEvent(index: ModelIndex, event: RegistryEvent): void {
  index.events.push(event);
  if (event.kind !== "register") return;
  if (index.versions.some((v) => v.version === event.version)) return;
  const summary: VersionSummary = { version: event.version, ...event.summary };
  const at = index.versions.findIndex((v) => compareSemver(v.version, event.version) > 0);
  if (at === -1) index.versions.push(summary);
  else index.versions.splice(at, 0, summary);
}

/** Read the next events after `index` until the first missing sequence number; returns how many. */
export async function catchUp(store: ObjectStore, index: ModelIndex): Promise<number> {
  let added = 0;
  for (;;) {
    const seq = lastSeq(index) + 1;
    const key = registryKeys.event(index.name, seq);
    let bytes: Uint8Array;
    try {
      bytes = await store.getBytes(key);
    } catch (error: unknown) {
      if (error instanceof NotFoundError) return added;
      throw error;
    }
    const event = parseRegistryEvent(bytes, key);
    if (event.seq !== seq)
      throw new StoreError(`registry event '${key}' says it is number ${event.seq}.`, { key });
    applyEvent(index, event);
    added += 1;
  }
}

/**
 * The model's index, current: the stored index plus any events written after it (probed by
 * sequence number, one read when the index is current). A model with no index and no events yields
 * an empty index.
 */
export async function loadModelIndex(store: ObjectStore, name: string): Promise<LoadedIndex> {
  const key = registryKeys.index(name);
  let index = emptyIndex(name);
  let etag: string | undefined;
  const info = await store.head(key);
  if (info !== undefined) {
    try {
      const bytes = await store.getBytes(key);
      index = parseIndex(bytes, key, name);
      etag = info.etag;
    } catch (error: unknown) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const behind = await catchUp(store, index);
  return { index, etag, behind };
}

function parseIndex(bytes: Uint8Array, key: string, name: string): ModelIndex {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error: unknown) {
    throw new StoreError(
      `model index '${key}' is not valid JSON; rebuild it with 'kiln model reindex ${name}'.`,
      {
        key,
      },
      { cause: error },
    );
  }
  if (
    typeof value !== "object" ||
    value === null ||
    !("events" in value) ||
    !Array.isArray(value.events) ||
    !("versions" in value) ||
    !Array.isArray(value.versions)
  ) {
    throw new StoreError(`model index '${key}' is damaged; rebuild it with 'kiln model reindex ${name}'.`, {
      key,
    });
  }
  return expandIndex(value as StoredIndex);
}

/**
 * The index as stored: events without their `id` (only needed beside the event files) and register
 * events without their summary (the same data is in `versions`), which keeps a model with 10,000
 * versions and 20,000 events to a few megabytes.
 */
type StoredEvent = Omit<RegisterEvent, "id" | "summary"> | Omit<StageEvent, "id">;
interface StoredIndex extends Omit<ModelIndex, "events"> {
  events: StoredEvent[];
}

function compactIndex(index: ModelIndex): StoredIndex {
  return {
    ...index,
    events: index.events.map((event) => {
      if (event.kind === "register") {
        const { id: _id, summary: _summary, ...rest } = event;
        return rest;
      }
      const { id: _id, ...rest } = event;
      return rest;
    }),
  };
}

function expandIndex(stored: StoredIndex): ModelIndex {
  const byVersion = new Map(stored.versions.map((v) => [v.version, v]));
  const events = stored.events.map((event): RegistryEvent => {
    if (event.kind !== "register") return { id: "", ...event };
    if ("summary" in event) return { ...(event as Omit<RegisterEvent, "id">), id: "" };
    const { version: _version, ...summary } = byVersion.get(event.version) ?? {
      version: event.version,
      sha256: "",
      size: 0,
      bump: "minor",
      metrics: {},
      createdAt: event.at,
    };
    return { id: "", ...event, summary };
  });
  return { ...stored, events };
}

/**
 * Bring the stored index up to date with the event log, by compare-and-swap. Losing the race to
 * another writer is fine (it wrote a fold of the same log): retry a few times, then leave it to the
 * next writer or reader. Returns the current index either way.
 */
export async function refreshStoredIndex(
  store: ObjectStore,
  name: string,
  options: { attempts?: number } = {},
): Promise<ModelIndex> {
  const attempts = options.attempts ?? 8;
  let loaded = await loadModelIndex(store, name);
  for (let attempt = 1; ; attempt++) {
    if (loaded.behind === 0 && loaded.etag !== undefined) return loaded.index;
    try {
      await writeIndex(store, loaded.index, loaded.etag);
      return loaded.index;
    } catch (error: unknown) {
      if (!(error instanceof PreconditionFailedError) || attempt >= attempts) {
        if (error instanceof PreconditionFailedError) return loaded.index;
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    loaded = await loadModelIndex(store, name);
  }
}

/** Write an index: create-only when there was none, otherwise only over the etag it was read with. */
export async function writeIndex(
  store: ObjectStore,
  index: ModelIndex,
  etag: string | undefined,
): Promise<void> {
  await store.put(
    registryKeys.index(index.name),
    new TextEncoder().encode(JSON.stringify(compactIndex(index))),
    {
      contentType: "application/json",
      ...(etag === undefined ? { ifNoneMatch: "*" as const } : { ifMatch: etag }),
    },
  );
}
