import { inc } from "semver";
import type { ModelSignature } from "../train/model-signature.js";
import { BumpKind } from "./model-record.js";
import { signatureChanges } from "./signature-changes.js";

export const RequestedBump = { major: "major", minor: "minor", patch: "patch" } as const;
export type RequestedBump = (typeof RequestedBump)[keyof typeof RequestedBump];

export interface BumpDecision {
  kind: BumpKind;
  reason: string;
}

/**
 * How the next version number is chosen: `1.0.0` first; then minor by default, or what was asked;
 * but major whenever the signature changed incompatibly, with the changes as the reason.
 */
export function decideBump(
  parent: { version: string; signature: ModelSignature } | undefined,
  signature: ModelSignature,
  requested: RequestedBump | undefined,
): BumpDecision {
  if (parent === undefined) return { kind: BumpKind.initial, reason: "first version of the model" };
  const { incompatible } = signatureChanges(parent.signature, signature);
  if (incompatible.length > 0) {
    const asked = requested !== undefined && requested !== "major" ? ` (${requested} was asked)` : "";
    return {
      kind: BumpKind.major,
      reason: `incompatible signature change against ${parent.version}${asked}: ${incompatible.join("; ")}`,
    };
  }
  if (requested !== undefined) return { kind: requested, reason: `${requested} bump as requested` };
  return { kind: BumpKind.minor, reason: "minor bump (the default): the signature is compatible" };
}

/** The version after `version` for a bump kind; `initial` starts at 1.0.0. */
export function bumpVersion(version: string | undefined, kind: BumpKind): string {
  if (version === undefined || kind === BumpKind.initial) return "1.0.0";
  const next = inc(version, kind);
  if (next === null) throw new Error(`not a semantic version: ${version}`);
  return next;
}
