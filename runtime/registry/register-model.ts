import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { inc } from "semver";
import { errorMessage, KilnError, NotFoundError, PreconditionFailedError, StoreError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import { appendRegistryEvent } from "./append-registry-event.js";
import { sha256OfFile } from "./file-digest.js";
import { loadModelIndex } from "./model-index.js";
import { assertModelName } from "./model-name.js";
import type { ModelLineage, ModelRecord } from "./model-record.js";
import { BumpKind, encodeJson, modelVersionLabel } from "./model-record.js";
import { readOnnxFileSignature } from "./onnx-file-signature.js";
import { readMetricsFile, readParamsFile } from "./read-metrics-file.js";
import { findModelRecord } from "./read-model-record.js";
import type { EventSource } from "./registry-event.js";
import { registryKeys } from "./registry-keys.js";
import type { ReleaseInfo, ReleasePort } from "./release-port.js";
import { chartHistory, renderModelCard } from "./render-model-card.js";
import { stagesAt } from "./stages-at.js";
import { storeArtifact } from "./store-artifact.js";
import { bumpVersion, decideBump, type RequestedBump } from "./version-bump.js";

export interface RegisterModelRequest {
  name: string;
  /** Path of the ONNX file. */
  artifactPath: string;
  /** JSON or YAML file of metrics (numbers, possibly nested). */
  metricsPath?: string;
  /** JSON or YAML file of params. */
  paramsPath?: string;
  /** Params already read (merged over those of `paramsPath`). */
  params?: Record<string, unknown>;
  /** The bump asked for; minor by default; major is forced by an incompatible signature. */
  bump?: RequestedBump;
  lineage: Omit<ModelLineage, "parentVersion">;
  createdBy: string;
  source: EventSource;
  /** GitHub mode: tag, release and assets at `commit` through `port`. */
  release?: { port: ReleasePort; commit: string; serverUrl?: string };
}

export interface RegisterModelResult {
  record: ModelRecord;
  /** False when the same artifact was registered before and that version is returned. */
  created: boolean;
  /** The model card (release body, job summary). */
  modelCard: string;
}

export interface RegistryDeps {
  store: ObjectStore;
  logger: Logger;
  clock?: () => Date;
}

/**
 * Register a model version. Atomic from the outside: the version number is allocated (a create-only
 * reservation in the store, and the tag ref in GitHub mode), the artifact is stored content
 * addressed, the release and its assets are made, and the record is written LAST with a create-only
 * write — its existence is what makes the version visible. Any failure before that rolls back what
 * it made (release, tag, digest claim, reservation). The same artifact digest registered again
 * returns the existing version.
 */
export async function registerModel(
  deps: RegistryDeps,
  request: RegisterModelRequest,
): Promise<RegisterModelResult> {
  const { store, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const { name } = request;
  assertModelName(name);

  const signature = await readOnnxFileSignature(request.artifactPath);
  const metrics = request.metricsPath === undefined ? {} : await readMetricsFile(request.metricsPath);
  const params = {
    ...(request.paramsPath === undefined ? {} : await readParamsFile(request.paramsPath)),
    ...request.params,
  };
  const digest = await sha256OfFile(request.artifactPath);

  const existing = await findByDigest(store, name, digest.sha256);
  if (existing !== undefined) {
    logger.debug(`${modelVersionLabel(existing)} already holds this artifact (sha256:${digest.sha256}).`);
    return { record: existing, created: false, modelCard: await modelCardFor(store, existing, request) };
  }

  const storeKey = await storeArtifact(store, request.artifactPath, digest, logger);

  const { index } = await loadModelIndex(store, name);
  const latest = index.versions.at(-1);
  const parent = latest === undefined ? undefined : await findModelRecord(store, name, latest.version);
  const decision = decideBump(parent, signature, request.bump);
  const rollback = new Rollback(logger);

  try {
    const version = await allocateVersion(
      store,
      name,
      bumpVersion(parent?.version, decision.kind),
      decision.kind,
      {
        request,
        rollback,
        clock,
      },
    );
    const label = `${name}@${version}`;
    const lineage: ModelLineage = { ...request.lineage };
    if (parent !== undefined) lineage.parentVersion = parent.version;
    const record: ModelRecord = {
      formatVersion: 1,
      name,
      version,
      artifact: { sha256: digest.sha256, size: digest.size, storeKey },
      bump: decision,
      signature,
      metrics,
      params,
      lineage,
      createdBy: request.createdBy,
      createdAt: clock().toISOString(),
    };

    const claimed = await claimDigest(store, record, rollback, clock);
    if (claimed !== undefined) {
      await rollback.run();
      return { record: claimed, created: false, modelCard: await modelCardFor(store, claimed, request) };
    }

    const production = await productionRecord(store, name, index.events);
    const modelCard = renderModelCard(record, production, chartHistory(index, record), cardOptions(request));
    if (request.release !== undefined) {
      const { port, commit } = request.release;
      const tag = releaseTag(name, version);
      const release = await port.createRelease({ tag, name: tag, body: modelCard, sha: commit });
      rollback.add(`release ${tag}`, () => port.deleteRelease(release));
      logger.info(`created release ${tag}: ${release.url}`);
      const asset = await port.uploadAsset(release, {
        name: "model.onnx",
        contentType: "application/octet-stream",
        size: digest.size,
        open: () => createReadStream(request.artifactPath, { highWaterMark: 1 << 20 }),
      });
      record.artifact.releaseAssetUrl = asset.downloadUrl;
      record.release = { tag, url: release.url, id: release.id };
      await uploadRecordAsset(port, release, record);
    }

    await writeRecord(store, record);
    rollback.clear();
    logger.debug(`registered ${label} (${decision.kind}: ${decision.reason}).`);

    await appendRegistryEvent(store, name, () => ({
      kind: "register",
      version,
      at: record.createdAt,
      by: request.createdBy,
      source: request.source,
      summary: {
        sha256: digest.sha256,
        size: digest.size,
        bump: decision.kind,
        metrics,
        createdAt: record.createdAt,
      },
    })).catch((error: unknown) => {
      logger.warn(
        `${label} is registered, but its register event could not be written (${errorMessage(error)}); run 'kiln model reindex ${name}' to list it.`,
      );
    });
    return { record, created: true, modelCard };
  } catch (error: unknown) {
    if (!(error instanceof RecordStateUnknownError)) await rollback.run();
    throw error;
  }
}

export function releaseTag(name: string, version: string): string {
  return `${name}@v${version}`;
}

function cardOptions(request: RegisterModelRequest) {
  const serverUrl = request.release?.serverUrl;
  return serverUrl === undefined ? {} : { serverUrl };
}

async function productionRecord(
  store: ObjectStore,
  name: string,
  events: Parameters<typeof stagesAt>[0],
): Promise<ModelRecord | undefined> {
  const production = stagesAt(events).production;
  return production === undefined ? undefined : findModelRecord(store, name, production);
}

async function modelCardFor(
  store: ObjectStore,
  record: ModelRecord,
  request: RegisterModelRequest,
): Promise<string> {
  const { index } = await loadModelIndex(store, record.name);
  const productionVersion = stagesAt(index.events).production;
  const production =
    productionVersion === undefined
      ? undefined
      : await findModelRecord(store, record.name, productionVersion);
  return renderModelCard(record, production, chartHistory(index, record), cardOptions(request));
}

/** Undo steps for a half-done registration, run newest first; failures are reported, not thrown. */
class Rollback {
  private steps: { what: string; undo: () => Promise<void> }[] = [];
  constructor(private readonly logger: Logger) {}
  add(what: string, undo: () => Promise<void>) {
    this.steps.push({ what, undo });
  }
  clear() {
    this.steps = [];
  }
  async run() {
    for (const step of this.steps.reverse()) {
      try {
        await step.undo();
        this.logger.debug(`rolled back ${step.what}`);
      } catch (error: unknown) {
        this.logger.warn(`could not roll back ${step.what}: ${errorMessage(error)}. Delete it by hand.`);
      }
    }
    this.steps = [];
  }
}

/**
 * Take the first free version from `candidate` on: a create-only reservation in the store and, in
 * GitHub mode, the tag ref `<name>@v<version>`. Either existing means another registration has it:
 * take the next one.
 */
async function allocateVersion(
  store: ObjectStore,
  name: string,
  first: string,
  kind: BumpKind,
  context: { request: RegisterModelRequest; rollback: Rollback; clock: () => Date },
): Promise<string> {
  const step = kind === BumpKind.initial ? BumpKind.minor : kind;
  const { request, rollback, clock } = context;
  const id = randomUUID();
  let candidate = first;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const key = registryKeys.reservation(name, candidate);
    const reservation = { name, version: candidate, id, by: request.createdBy, at: clock().toISOString() };
    let reserved = true;
    try {
      await store.put(key, encodeJson(reservation), { ifNoneMatch: "*", contentType: "application/json" });
    } catch (error: unknown) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      // Lost the race, unless a retried request's first attempt was ours.
      reserved = (await readJson(store, key))?.id === id;
    }
    if (reserved) {
      const reservedKey = key;
      rollback.add(`reservation ${reservedKey}`, () => store.delete(reservedKey));
      if (request.release === undefined) return candidate;
      const tag = releaseTag(name, candidate);
      if (await request.release.port.createTagRef(tag, request.release.commit)) {
        rollback.add(`tag ${tag}`, () => request.release!.port.deleteTagRef(tag));
        return candidate;
      }
      // The tag exists (made outside this store): the version is taken; keep the reservation so no one retries it.
      rollback.clear();
    }
    candidate = inc(candidate, step) ?? candidate;
  }
  throw new StoreError(`could not allocate a version of '${name}' after 1000 attempts.`);
}

async function readJson(store: ObjectStore, key: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(await store.getBytes(key)));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch (error: unknown) {
    if (error instanceof NotFoundError) return undefined;
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** The version already registered with this artifact, if any (a digest claim with a record). */
async function findByDigest(
  store: ObjectStore,
  name: string,
  sha256: string,
): Promise<ModelRecord | undefined> {
  const claim = await readJson(store, registryKeys.digest(name, sha256));
  if (typeof claim?.version !== "string") return undefined;
  const record = await findModelRecord(store, name, claim.version);
  return record?.artifact.sha256 === sha256 ? record : undefined;
}

const staleClaimMs = 15 * 60 * 1000;

/**
 * Claim the artifact digest for this version, create-only. Returns the existing record when another
 * registration of the same bytes completed first; throws when one is still in progress; takes over
 * a claim abandoned (no record) for more than 15 minutes.
 */
async function claimDigest(
  store: ObjectStore,
  record: ModelRecord,
  rollback: Rollback,
  clock: () => Date,
): Promise<ModelRecord | undefined> {
  const key = registryKeys.digest(record.name, record.artifact.sha256);
  const claim = { version: record.version, claimedAt: clock().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    const info = await store.head(key);
    try {
      await store.put(key, encodeJson(claim), {
        contentType: "application/json",
        ...(info === undefined ? { ifNoneMatch: "*" as const } : { ifMatch: info.etag }),
      });
      rollback.add(`digest claim ${key}`, () => store.delete(key));
      return undefined;
    } catch (error: unknown) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
    // fallthrough: someone else's claim exists (or appeared)
    const other = await readJson(store, key);
    if (other?.version === record.version && other.claimedAt === claim.claimedAt) return undefined;
    if (typeof other?.version === "string") {
      const theirs = await findModelRecord(store, record.name, other.version);
      if (theirs !== undefined) return theirs;
      const age = clock().getTime() - Date.parse(String(other.claimedAt));
      if (!(age > staleClaimMs))
        throw new KilnError(
          `${record.name}: another registration of the same artifact (sha256:${record.artifact.sha256}) is in progress as version ${other.version}.`,
          { hint: "Wait for it to finish, then register again to get its version." },
        );
    }
  }
  throw new StoreError(`could not claim digest ${key}: it keeps changing.`, { key });
}

/** The record write could not be confirmed either way; nothing may be rolled back. */
class RecordStateUnknownError extends StoreError {
  override name = "RecordStateUnknownError";
}

/** Write the record create-only; when the outcome is unclear, read it back to learn whether it landed. */
async function writeRecord(store: ObjectStore, record: ModelRecord): Promise<void> {
  const key = registryKeys.record(record.name, record.version);
  const bytes = encodeJson(record);
  try {
    await store.put(key, bytes, { ifNoneMatch: "*", contentType: "application/json" });
    return;
  } catch (error: unknown) {
    let stored: Uint8Array | undefined;
    try {
      stored = await store.getBytes(key);
    } catch (readError: unknown) {
      if (!(readError instanceof NotFoundError))
        throw new RecordStateUnknownError(
          `writing ${key} failed (${errorMessage(error)}) and reading it back failed too (${errorMessage(readError)}); it is unknown whether ${modelVersionLabel(record)} was registered.`,
          { key },
          {
            cause: error,
            hint: `Check with 'kiln model show ${modelVersionLabel(record)}' once the store is reachable.`,
          },
        );
      throw error;
    }
    if (Buffer.from(stored).equals(Buffer.from(bytes))) return;
    if (error instanceof PreconditionFailedError)
      throw new StoreError(
        `${key} was written by another registration; the version reservation was not respected.`,
        {
          key,
        },
      );
    throw error;
  }
}

/** The record as a release asset, so the release alone says what it holds. */
async function uploadRecordAsset(
  port: ReleasePort,
  release: ReleaseInfo,
  record: ModelRecord,
): Promise<void> {
  const bytes = encodeJson(record);
  await port.uploadAsset(release, {
    name: "kiln-model.json",
    contentType: "application/json",
    size: bytes.length,
    open: () => Readable.from([Buffer.from(bytes)]),
  });
}
