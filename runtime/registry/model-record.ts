import { StoreError } from "../errors.js";
import type { ModelSignature } from "../train/model-signature.js";

/** How a version number was chosen, and why (a major bump always says which change forced it). */
export const BumpKind = { initial: "initial", major: "major", minor: "minor", patch: "patch" } as const;
export type BumpKind = (typeof BumpKind)[keyof typeof BumpKind];

/** Where a model came from. Every field is optional: a laptop registration knows less than a runner. */
export interface ModelLineage {
  /** `owner/name` of the GitHub repository. */
  repository?: string;
  /** The commit the model was trained at. */
  commit?: string;
  branch?: string;
  /** Link to the workflow run that produced the model. */
  workflowRunUrl?: string;
  /** Pipeline stage name → stage key (the content hash from kiln.lock). */
  stageKeys: Record<string, string>;
  /** Dataset path → sha256 of its content (from kiln.lock deps, or given on the command line). */
  datasetDigests: Record<string, string>;
  /** The version that was the latest when this one was registered. */
  parentVersion?: string;
}

/**
 * The immutable record of one model version, stored at `models/<name>/versions/<version>.json`
 * and attached to the GitHub release as `kiln-model.json`.
 */
export interface ModelRecord {
  formatVersion: 1;
  name: string;
  version: string;
  artifact: {
    /** Hex sha256 of the artifact bytes. */
    sha256: string;
    size: number;
    /** Content-addressed key in the store (`cache/sha256/<digest>`); serving reads it with no GitHub token. */
    storeKey: string;
    /** Download URL of the `model.onnx` release asset (GitHub mode). */
    releaseAssetUrl?: string;
  };
  /** The GitHub release `<name>@v<version>` (GitHub mode). */
  release?: { tag: string; url: string; id: number };
  bump: { kind: BumpKind; reason: string };
  signature: ModelSignature;
  metrics: Record<string, number>;
  params: Record<string, unknown>;
  lineage: ModelLineage;
  createdBy: string;
  /** ISO 8601 time. */
  createdAt: string;
}

/** The coordinates of a model version as `name@version`. */
export function modelVersionLabel(record: { name: string; version: string }): string {
  return `${record.name}@${record.version}`;
}

/** Decode a stored record; a damaged one is a StoreError naming the key. */
export function parseModelRecord(bytes: Uint8Array, key: string): ModelRecord {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error: unknown) {
    throw new StoreError(`version record '${key}' is not valid JSON.`, { key }, { cause: error });
  }
  if (
    typeof value !== "object" ||
    value === null ||
    !("name" in value) ||
    !("version" in value) ||
    !("artifact" in value) ||
    typeof value.name !== "string" ||
    typeof value.version !== "string"
  ) {
    throw new StoreError(
      `version record '${key}' lacks name, version or artifact; it was not written by Kiln.`,
      {
        key,
      },
    );
  }
  return value as ModelRecord;
}

export function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
