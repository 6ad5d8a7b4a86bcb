import { NotFoundError, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { loadModelIndex } from "../registry/model-index.js";
import { findModelRecord } from "../registry/read-model-record.js";
import { stagesAt } from "../registry/stages-at.js";
import type { ObjectStore } from "../store/object-store.js";
import { parseDesiredStages, registryPath, renderDesiredStages } from "./desired-stages.js";
import type { PromotionGitHubPort } from "./promotion-github-port.js";
import type { PromotableStage } from "./promotion-policy.js";
import { type PromotionReason, promotionTitle, renderPromotionBody } from "./render-promotion-body.js";
import { policyPath, readBasePolicy } from "./review-promotion.js";

export interface OpenPromotionDeps {
  port: PromotionGitHubPort;
  store: ObjectStore;
  logger: Logger;
  serverUrl?: string;
}

export interface PromotionPullRequestRequest {
  model: string;
  version: string;
  stage: PromotableStage;
  reason: PromotionReason;
}

export type PromotionPullRequestOutcome =
  | { kind: "opened" | "updated"; number: number; url: string; branch: string }
  /** The default branch already asks for this version in this stage. */
  | { kind: "unchanged"; branch: string };

/** The one branch per model and stage that promotion pull requests use. */
export function promotionBranch(model: string, stage: PromotableStage): string {
  return `kiln/promote-${model}-${stage}`;
}

/**
 * Open (or update) the pull request that moves `model@version` to `stage`: one commit on top of
 * the default branch that rewrites `registry/<model>.yaml`, on the branch
 * `kiln/promote-<model>-<stage>`. A newer request for the same model and stage replaces the
 * branch's commit and the pull request's title and body instead of opening another, so approvals
 * given to the older version no longer count.
 */
export async function openPromotionPullRequest(
  deps: OpenPromotionDeps,
  request: PromotionPullRequestRequest,
): Promise<PromotionPullRequestOutcome> {
  const { port, store, logger } = deps;
  const { model, version, stage } = request;
  const record = await findModelRecord(store, model, version);
  const { index } = await loadModelIndex(store, model);
  if (record === undefined) {
    const known = index.versions.map((v) => v.version);
    throw new NotFoundError(
      known.length === 0
        ? `model '${model}' has no versions in the registry.`
        : `${model}@${version} does not exist; '${model}' has ${known.length} version(s), the latest ${known.slice(-3).join(", ")}.`,
    );
  }
  const base = await port.defaultBranch();
  const baseSha = await port.branchSha(base);
  if (baseSha === undefined) throw new NotFoundError(`${port.repository} has no branch '${base}'.`);
  if ((await readBasePolicy(port, baseSha)) === undefined)
    throw new UsageError(
      `${port.repository} has not opted in to Kiln promotions: there is no ${policyPath} on ${base}. Add one (see bot/README.md) first.`,
    );
  const path = registryPath(model);
  const desired = parseDesiredStages((await port.readFile(path, baseSha)) ?? "", path);
  const branch = promotionBranch(model, stage);
  if (desired[stage] === version) {
    logger.info(
      `${path} on ${base} already asks for ${model}@${version} in ${stage}; no pull request needed.`,
    );
    return { kind: "unchanged", branch };
  }
  const stages = stagesAt(index.events);
  const currentVersion = desired[stage] ?? stages[stage];
  const current =
    currentVersion === undefined ? undefined : await findModelRecord(store, model, currentVersion);
  const production =
    stages.production === undefined ? undefined : await findModelRecord(store, model, stages.production);

  const title = promotionTitle(model, version, stage, request.reason);
  const body = renderPromotionBody({
    record,
    stage,
    current,
    production,
    index,
    reason: request.reason,
    ...(deps.serverUrl === undefined ? {} : { serverUrl: deps.serverUrl }),
  });
  await port.commitFile({
    branch,
    parentSha: baseSha,
    path,
    text: renderDesiredStages(model, { ...desired, [stage]: version }),
    message: `${title}\n\nkiln: ${stage} ${currentVersion ?? "none"} → ${version}`,
  });
  const existing = await port.findOpenPullRequest(branch);
  if (existing !== undefined) {
    await port.updatePullRequest(existing.number, { title, body });
    logger.info(`updated promotion pull request #${existing.number}: ${title}`);
    return { kind: "updated", number: existing.number, url: existing.url, branch };
  }
  const opened = await port.createPullRequest({ head: branch, base, title, body });
  logger.info(`opened promotion pull request #${opened.number}: ${title}`);
  return { kind: "opened", number: opened.number, url: opened.url, branch };
}

/**
 * The version that held `stage` before its current holder, from the stage events: what
 * `/kiln rollback` restores.
 */
export async function previousHolder(
  store: ObjectStore,
  model: string,
  stage: PromotableStage,
): Promise<{ current: string; previous: string }> {
  const { index } = await loadModelIndex(store, model);
  const target = stage === "production" ? "Production" : "Staging";
  const holders: string[] = [];
  for (const event of index.events) {
    if (event.kind !== "stage" || event.to !== target) continue;
    if (holders.at(-1) !== event.version) holders.push(event.version);
  }
  const current = stagesAt(index.events)[stage];
  if (current === undefined)
    throw new NotFoundError(`no version of '${model}' is in ${stage}, so there is nothing to roll back.`);
  const previous = holders.filter((v) => v !== current).at(-1);
  if (previous === undefined)
    throw new NotFoundError(
      `${model}@${current} is the only version that has been in ${stage}; there is nothing to roll back to.`,
    );
  return { current, previous };
}
