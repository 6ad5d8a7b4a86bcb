import { StoreError } from "../errors.js";
import type { BumpKind } from "./model-record.js";
import type { ModelStage } from "./model-stage.js";

/** What caused an event: a promotion pull request, a CLI command, an action run. */
export interface EventSource {
  kind: "pull-request" | "command" | "action";
  /** PR number, for `pull-request`. */
  pullRequest?: number;
  /** The command line or the action name, for `command` and `action`. */
  detail?: string;
  /** A link to the PR or workflow run, when known. */
  url?: string;
  /** The reviewers whose approvals the promotion gate counted, for `pull-request`. */
  approvers?: string[];
}

interface EventBase {
  /** Position in the model's event log, from 1, without gaps. */
  seq: number;
  /** Unique id, so a writer that lost track of its own write (a dropped response) can recognise it. */
  id: string;
  version: string;
  /** ISO 8601 time. */
  at: string;
  /** Who did it (GitHub login or local user). */
  by: string;
  source: EventSource;
}

/** A version entered the registry (its record exists); it starts in stage None. */
export interface RegisterEvent extends EventBase {
  kind: "register";
  /** Enough of the record for listings and charts without reading every record. */
  summary: {
    sha256: string;
    size: number;
    bump: BumpKind;
    metrics: Record<string, number>;
    createdAt: string;
  };
}

/** A version moved from one stage to another; holders of an exclusive stage displaced by it are archived. */
export interface StageEvent extends EventBase {
  kind: "stage";
  from: ModelStage;
  to: ModelStage;
  reason: string;
  /** Versions that held `to` before and were archived by this same event. */
  archived: { version: string; from: ModelStage }[];
}

export type RegistryEvent = RegisterEvent | StageEvent;

/** An event before its sequence number is allocated. */
export type RegistryEventDraft = DistributiveOmit<RegistryEvent, "seq" | "id">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function parseRegistryEvent(bytes: Uint8Array, key: string): RegistryEvent {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error: unknown) {
    throw new StoreError(`registry event '${key}' is not valid JSON.`, { key }, { cause: error });
  }
  if (
    typeof value !== "object" ||
    value === null ||
    !("kind" in value) ||
    (value.kind !== "register" && value.kind !== "stage") ||
    !("seq" in value) ||
    typeof value.seq !== "number" ||
    !("version" in value) ||
    typeof value.version !== "string"
  ) {
    throw new StoreError(`registry event '${key}' lacks kind, seq or version; it was not written by Kiln.`, {
      key,
    });
  }
  return value as RegistryEvent;
}
