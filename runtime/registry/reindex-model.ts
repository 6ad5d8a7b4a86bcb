import { compare } from "semver";
import { PreconditionFailedError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { catchUp, emptyIndex, type ModelIndex, writeIndex } from "./model-index.js";
import { findModelRecord } from "./read-model-record.js";
import { registryKeys, versionOfRecordKey } from "./registry-keys.js";

export interface ReindexResult {
  index: ModelIndex;
  /** Versions whose record exists but whose register event is missing (a crash between the two). */
  recordsWithoutEvent: string[];
}

/**
 * Rebuild a model's index from its event log and its version records, and store it (replacing
 * whatever index was there). Records without a register event — left by a registration that died
 * after writing its record — are listed from their records.
 */
export async function reindexModel(store: ObjectStore, name: string): Promise<ReindexResult> {
  for (;;) {
    const index = emptyIndex(name);
    await catchUp(store, index);
    const seen = new Set(index.versions.map((v) => v.version));
    const recordsWithoutEvent: string[] = [];
    for await (const info of store.list(registryKeys.versionsPrefix(name))) {
      const version = versionOfRecordKey(info.key);
      if (version === undefined || seen.has(version)) continue;
      const record = await findModelRecord(store, name, version);
      if (record === undefined) continue;
      recordsWithoutEvent.push(version);
      index.versions.push({
        version,
        sha256: record.artifact.sha256,
        size: record.artifact.size,
        bump: record.bump.kind,
        metrics: record.metrics,
        createdAt: record.createdAt,
      });
    }
    index.versions.sort((a, b) => compare(a.version, b.version));
    const current = await store.head(registryKeys.index(name));
    try {
      await writeIndex(store, index, current?.etag);
      return { index, recordsWithoutEvent };
    } catch (error: unknown) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
}
