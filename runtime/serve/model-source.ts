/**
 * Where the server gets its model from. A source names one model and follows one reference to it
 * (a registry stage such as `iris:production`, a pinned version `iris@1.2.0`, or a file); the
 * server polls `currentVersion()` and loads `resolve()` when the answer changes (hot swap).
 */

/** A model version's bytes, verified against their recorded digest. */
export interface ResolvedModel {
  name: string;
  version: string;
  /** sha256 of `bytes`, hex. */
  sha256: string;
  bytes: Uint8Array;
}

export interface ModelSource {
  /** The model's name as served at /v2/models/{name}. */
  readonly name: string;
  /** What the source follows, for messages, e.g. `iris:production (s3://bucket/kiln)`. */
  readonly description: string;
  /** The version the followed reference points at now; cheap, called on every poll. */
  currentVersion(): Promise<string>;
  /** The current version's bytes, digest verified. Throws IntegrityError on a mismatch. */
  resolve(): Promise<ResolvedModel>;
}
