/**
 * Where the registry keeps things in the object store (DESIGN.md "The store"):
 *
 * - `models/<name>/versions/<version>.json`   immutable version record, create-only; its existence
 *                                             is what makes a version visible
 * - `models/<name>/reservations/<version>.json` create-only claim of a version number (store-only
 *                                             allocation; also taken in GitHub mode)
 * - `models/<name>/digests/<sha256>.json`     which version holds an artifact digest (dedup)
 * - `models/<name>/events/<seq>.json`         append-only registry events, seq zero-padded
 * - `models/<name>/index.json`                materialized fold of the events (compare-and-swap)
 * - `cache/sha256/<digest>`                   the artifact bytes, content addressed
 */
const seqWidth = 10;

export const registryKeys = {
  modelsPrefix: "models/",
  modelPrefix: (name: string) => `models/${name}/`,
  record: (name: string, version: string) => `models/${name}/versions/${version}.json`,
  versionsPrefix: (name: string) => `models/${name}/versions/`,
  reservation: (name: string, version: string) => `models/${name}/reservations/${version}.json`,
  digest: (name: string, sha256: string) => `models/${name}/digests/${sha256}.json`,
  event: (name: string, seq: number) => `models/${name}/events/${String(seq).padStart(seqWidth, "0")}.json`,
  eventsPrefix: (name: string) => `models/${name}/events/`,
  index: (name: string) => `models/${name}/index.json`,
} as const;

/** The sequence number in an event key, or undefined when the key is not an event key. */
export function eventSeqOfKey(key: string): number | undefined {
  const match = /\/events\/(\d+)\.json$/.exec(key);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The version in a record key, or undefined when the key is not a record key. */
export function versionOfRecordKey(key: string): string | undefined {
  const match = /\/versions\/([^/]+)\.json$/.exec(key);
  return match?.[1];
}
