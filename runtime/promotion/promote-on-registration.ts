import semver from "semver";
import type { Logger } from "../logger.js";
import { findModelRecord } from "../registry/read-model-record.js";
import type { ObjectStore } from "../store/object-store.js";
import {
  type OpenPromotionDeps,
  openPromotionPullRequest,
  type PromotionPullRequestOutcome,
} from "./open-promotion-pull-request.js";
import { readBasePolicy } from "./review-promotion.js";

/** `<name>@v<version>`, the tag the registry gives each release; undefined for other tags. */
export function parseReleaseTag(tag: string): { model: string; version: string } | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)@v(.+)$/.exec(tag);
  if (match === null || semver.valid(match[2] ?? "") === null) return undefined;
  return { model: match[1] ?? "", version: match[2] ?? "" };
}

export interface RegistrationDeps extends OpenPromotionDeps {
  /** Waits between looks for the version record; default 500 ms. */
  sleep?: (ms: number) => Promise<void>;
  /** How many times to look for the record; default 20. */
  attempts?: number;
}

/**
 * After a registration (the release `<name>@v<version>` was published): when the policy on the
 * default branch names a stage in `open_pull_request_on_register`, open or update the pull request
 * moving the new version there. The release is published before the registry writes the version's
 * record (the record is written last), so this waits a little for the record to appear.
 */
export async function promoteOnRegistration(
  deps: RegistrationDeps,
  tag: string,
): Promise<PromotionPullRequestOutcome | undefined> {
  const parsed = parseReleaseTag(tag);
  if (parsed === undefined) return undefined;
  const base = await deps.port.defaultBranch();
  const baseSha = await deps.port.branchSha(base);
  if (baseSha === undefined) return undefined;
  const policy = await readBasePolicy(deps.port, baseSha);
  const stage = policy?.openPullRequestOnRegister;
  if (stage === undefined) return undefined;
  const found = await waitForRecord(deps.store, parsed.model, parsed.version, deps);
  if (!found) {
    deps.logger.warn(
      `${parsed.model}@${parsed.version} has a release but no record in the registry; no promotion pull request was opened.`,
    );
    return undefined;
  }
  return openPromotionPullRequest(deps, { ...parsed, stage, reason: { kind: "register" } });
}

async function waitForRecord(
  store: ObjectStore,
  model: string,
  version: string,
  options: { sleep?: (ms: number) => Promise<void>; attempts?: number; logger: Logger },
): Promise<boolean> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = options.attempts ?? 20;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if ((await findModelRecord(store, model, version)) !== undefined) return true;
    if (attempt < attempts) await sleep(500);
  }
  return false;
}
