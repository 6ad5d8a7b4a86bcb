import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { errorMessage, IntegrityError, NotFoundError } from "../errors.js";
import { downloadArtifact } from "../registry/download-artifact.js";
import { loadModelIndex } from "../registry/model-index.js";
import type { ModelRecord } from "../registry/model-record.js";
import { findModelRecord } from "../registry/read-model-record.js";
import { signatureChanges } from "../registry/signature-changes.js";
import { stagesAt } from "../registry/stages-at.js";
import type { ObjectStore } from "../store/object-store.js";
import type { VersionEvidence } from "./evaluate-gate.js";

/** The gate's view of a record: metrics and lineage, marked verified or with its problem. */
export function evidenceOf(record: ModelRecord, verified: boolean, problem?: string): VersionEvidence {
  const { lineage } = record;
  return {
    model: record.name,
    version: record.version,
    verified,
    ...(problem === undefined ? {} : { problem }),
    metrics: record.metrics,
    ...(lineage.branch === undefined ? {} : { branch: lineage.branch }),
    ...(lineage.commit === undefined ? {} : { commit: lineage.commit }),
    ...(lineage.workflowRunUrl === undefined ? {} : { runUrl: lineage.workflowRunUrl }),
    ...(record.release?.url === undefined ? {} : { releaseUrl: record.release.url }),
    datasets: lineage.datasetDigests,
  };
}

/** Whether the stored artifact's bytes hash to the record's digest (read through, nothing kept). */
export async function verifyArtifact(store: ObjectStore, record: ModelRecord): Promise<string | undefined> {
  try {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    await pipeline(await downloadArtifact(store, record), sink);
    return undefined;
  } catch (error: unknown) {
    if (error instanceof IntegrityError) return `its artifact does not verify: ${error.message}`;
    if (error instanceof NotFoundError)
      return `its artifact ${record.artifact.storeKey} is missing from the store`;
    throw error;
  }
}

export interface ModelFacts {
  candidate: VersionEvidence;
  /** The record, when the version exists. */
  record: ModelRecord | undefined;
  production: ModelRecord | undefined;
  signatureChanges: string[];
}

/**
 * What the registry says about `model@version` for a promotion: whether it exists and verifies,
 * its evidence, the current Production holder and the signature changes against it.
 */
export async function gatherModelFacts(
  store: ObjectStore,
  model: string,
  version: string,
  /** Stored artifacts already verified by this process (by key, digest and ETag): read once, not on every review. */
  verified: Set<string> = new Set(),
): Promise<ModelFacts> {
  const { index } = await loadModelIndex(store, model);
  const productionVersion = stagesAt(index.events).production;
  const production =
    productionVersion === undefined ? undefined : await findModelRecord(store, model, productionVersion);
  const record = await findModelRecord(store, model, version);
  if (record === undefined) {
    const known = index.versions.map((v) => v.version);
    const problem =
      known.length === 0
        ? `model '${model}' has no versions in the registry (${store.url})`
        : `no such version in the registry; '${model}' has ${known.length <= 5 ? known.join(", ") : `${known.length} versions, the latest ${known.slice(-3).join(", ")}`}`;
    return {
      candidate: { model, version, verified: false, problem, metrics: {} },
      record: undefined,
      production,
      signatureChanges: [],
    };
  }
  // Verified once per stored object: a changed object has another ETag and is read again.
  const info = await store.head(record.artifact.storeKey);
  const artifactKey = `${record.artifact.storeKey} ${record.artifact.sha256} ${info?.etag ?? "missing"}`;
  let problem: string | undefined;
  if (!verified.has(artifactKey)) {
    try {
      problem = await verifyArtifact(store, record);
    } catch (error: unknown) {
      problem = `its artifact could not be read: ${errorMessage(error)}`;
    }
    if (problem === undefined) verified.add(artifactKey);
  }
  const changes =
    production === undefined || production.version === version
      ? []
      : (() => {
          const diff = signatureChanges(production.signature, record.signature);
          return [...diff.incompatible.map((c) => `${c} (incompatible)`), ...diff.compatible];
        })();
  return {
    candidate: evidenceOf(record, problem === undefined, problem),
    record,
    production,
    signatureChanges: changes,
  };
}
