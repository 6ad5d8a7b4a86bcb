import { errorMessage, KilnError, NotFoundError } from "../errors.js";
import type { Logger } from "../logger.js";
import { appendStageEvent } from "../registry/append-stage-event.js";
import { loadModelIndex } from "../registry/model-index.js";
import { ModelStage } from "../registry/model-stage.js";
import { findModelRecord } from "../registry/read-model-record.js";
import { releaseTag } from "../registry/register-model.js";
import { stagesAt } from "../registry/stages-at.js";
import type { ObjectStore } from "../store/object-store.js";
import { countApprovals } from "./count-approvals.js";
import { modelOfRegistryPath, parseDesiredStages, registryFolder } from "./desired-stages.js";
import type { PromotionGitHubPort, PullRequestFacts } from "./promotion-github-port.js";
import { type PromotableStage, PromotableStage as Stages } from "./promotion-policy.js";
import { resolveEligibility } from "./resolve-eligibility.js";
import { readBasePolicy, reviewPromotion } from "./review-promotion.js";

export interface ReconcileDeps {
  port: PromotionGitHubPort;
  store: ObjectStore;
  logger: Logger;
  clock?: () => Date;
  /** The app's login, whose reviews never count when the gate is evaluated again. */
  appLogin?: string;
}

export interface ReconcileRequest {
  /** The commit of the default branch to reconcile with (the push's head). */
  sha: string;
  /** Its message, to find the merged pull request ("Merge pull request #N …"). */
  commitMessage?: string;
  /** Who ran it (GITHUB_ACTOR), recorded when no pull request is found. */
  actor: string;
  /** Link to the workflow run, for the events. */
  runUrl?: string;
  /** Compute and report the changes without writing anything. */
  dryRun?: boolean;
}

export interface StageChange {
  model: string;
  stage: PromotableStage;
  from: string | undefined;
  to: string;
  /** What was done: each step is skipped when already in place, so a second run does nothing. */
  eventSeq?: number;
  tag?: string;
  deploymentId?: number;
}

export interface ReconcileResult {
  /** False when the repository has no .github/kiln.yml at the commit (not opted in). */
  enabled: boolean;
  pullRequest: PullRequestFacts | undefined;
  approvers: string[];
  changes: StageChange[];
  /** One sentence per model that could not be reconciled. */
  errors: string[];
  dryRun: boolean;
}

const registryStage: Record<PromotableStage, ModelStage> = {
  staging: ModelStage.Staging,
  production: ModelStage.Production,
};

/**
 * Bring the registry in line with `registry/<model>.yaml` at a commit of the default branch: for
 * each stage whose desired version differs from the registry's, append the stage event (naming the
 * merged pull request and its counted approvers; the previous holder is archived by that event);
 * then make sure the pointer tag `<name>#<stage>` and the latest deployment of the model to the
 * environment `<stage>` match. Every step checks what is already there first, so running it twice
 * changes nothing. A stage removed from the file is left as it is in the registry.
 */
export async function reconcileRegistry(
  deps: ReconcileDeps,
  request: ReconcileRequest,
): Promise<ReconcileResult> {
  const { port, logger } = deps;
  const dryRun = request.dryRun ?? false;
  const result: ReconcileResult = {
    enabled: false,
    pullRequest: undefined,
    approvers: [],
    changes: [],
    errors: [],
    dryRun,
  };
  if ((await readBasePolicy(port, request.sha)) === undefined) {
    logger.info(
      `${port.repository} has no .github/kiln.yml at ${request.sha.slice(0, 7)}; nothing to reconcile.`,
    );
    return result;
  }
  result.enabled = true;
  const pullRequest = await port.mergedPullRequestOf(request.sha, request.commitMessage);
  result.pullRequest = pullRequest;
  if (pullRequest !== undefined) {
    // Branch protection should have required the kiln/promotion check; do not rely on it: evaluate
    // the merged pull request again, and promote nothing it did not earn.
    const review = await reviewPromotion(
      { port, store: deps.store, logger, appLogin: deps.appLogin ?? "" },
      pullRequest.number,
      { merged: true },
    );
    if (review.kind === "checked" && review.conclusion === "failure") {
      const reasons = review.result?.failures ?? [review.output.title];
      const message = `#${pullRequest.number} was merged while the kiln/promotion gate was failing, so nothing was promoted: ${reasons.join(" ")} Revert the merge, or promote through a pull request that passes the gate (and require the kiln/promotion check in branch protection).`;
      result.errors.push(message);
      logger.error(message);
      return result;
    }
    result.approvers = await countedApprovers(port, pullRequest);
  }

  const files = (await port.listFolder(registryFolder, request.sha)).map(
    (name) => `${registryFolder}/${name}`,
  );
  for (const file of files.sort()) {
    const model = modelOfRegistryPath(file);
    if (model === undefined) continue;
    try {
      const desired = parseDesiredStages((await port.readFile(file, request.sha)) ?? "", file);
      for (const stage of Object.values(Stages)) {
        const version = desired[stage];
        if (version === undefined) continue;
        const change = await reconcileStage(deps, request, result, model, stage, version);
        if (change !== undefined) result.changes.push(change);
      }
    } catch (error: unknown) {
      if (!(error instanceof KilnError)) throw error;
      result.errors.push(`${file}: ${errorMessage(error)}`);
      logger.error(`${file}: ${errorMessage(error)}`);
    }
  }
  return result;
}

async function reconcileStage(
  deps: ReconcileDeps,
  request: ReconcileRequest,
  result: ReconcileResult,
  model: string,
  stage: PromotableStage,
  version: string,
): Promise<StageChange | undefined> {
  const { port, store, logger } = deps;
  const dryRun = result.dryRun;
  const record = await findModelRecord(store, model, version);
  if (record === undefined)
    throw new NotFoundError(`${model}@${version} (desired in ${stage}) does not exist in the registry.`);
  const { index } = await loadModelIndex(store, model);
  const from = stagesAt(index.events)[stage];
  const change: StageChange = { model, stage, from, to: version };
  let changed = false;

  if (from !== version) {
    changed = true;
    if (!dryRun) {
      const pull = result.pullRequest;
      const event = await appendStageEvent(store, {
        name: model,
        version,
        to: registryStage[stage],
        by: pull?.author ?? request.actor,
        source:
          pull === undefined
            ? {
                kind: "action",
                detail: "kiln promote",
                ...(request.runUrl === undefined ? {} : { url: request.runUrl }),
              }
            : { kind: "pull-request", pullRequest: pull.number, url: pull.url, approvers: result.approvers },
        reason:
          pull === undefined
            ? `registry/${model}.yaml at ${request.sha.slice(0, 7)} asks for it`
            : `merged #${pull.number}: ${pull.title}`,
        ...(deps.clock === undefined ? {} : { at: deps.clock() }),
      });
      change.eventSeq = event.seq;
    }
    logger.info(`${model}: ${stage} ${from ?? "none"} → ${version}`);
  }

  // The pointer tag follows the version's own release tag (its training commit); a version
  // registered without a release points at the commit that promoted it.
  const tag = `${model}#${stage}`;
  const target = (await port.tagSha(releaseTag(model, version))) ?? request.sha;
  if ((await port.tagSha(tag)) !== target) {
    changed = true;
    change.tag = tag;
    if (!dryRun) await port.setTag(tag, target);
  }

  const latest = (await port.deployments(stage)).find((d) => d.payload.model === model);
  if (latest?.payload.version !== version) {
    changed = true;
    if (!dryRun) {
      const deployment = await port.createDeployment({
        ref: request.sha,
        environment: stage,
        description: `${model}@${version} to ${stage}`,
        payload: {
          model,
          version,
          stage,
          digest: `sha256:${record.artifact.sha256}`,
          sha256: record.artifact.sha256,
          ...(result.pullRequest === undefined ? {} : { pullRequest: result.pullRequest.number }),
        },
      });
      change.deploymentId = deployment.id;
    }
  }
  return changed ? change : undefined;
}

/** The approvals the gate counted on the merged pull request (its base policy, its head commit). */
async function countedApprovers(port: PromotionGitHubPort, pull: PullRequestFacts): Promise<string[]> {
  const policy = await readBasePolicy(port, pull.baseSha).catch(() => undefined);
  const reviews = await port.reviews(pull.number);
  const changed = (await port.changedFiles(pull.number)).filter((f) => modelOfRegistryPath(f) !== undefined);
  const stages = Object.values(Stages).filter((s) => policy?.stages[s] !== undefined);
  const isEligible =
    policy === undefined
      ? () => true
      : await resolveEligibility(port, {
          policy,
          stages,
          reviewers: [...new Set(reviews.map((r) => r.login))],
          registryFiles: changed,
          baseSha: pull.baseSha,
        });
  const approvers = new Set<string>();
  for (const stage of stages.length === 0 ? (["production"] as const) : stages) {
    const tally = countApprovals(reviews, {
      stage,
      required: 0,
      author: pull.author,
      headSha: pull.headSha,
      appLogin: "",
      isEligible: (login) => isEligible(stage, login),
    });
    for (const note of tally.counted) approvers.add(note.login);
  }
  return [...approvers].sort();
}

/** The job summary of a reconciliation. Pure. */
export function renderReconcileSummary(result: ReconcileResult): string {
  if (!result.enabled) return "Kiln promote: this repository has no `.github/kiln.yml`; nothing was done.\n";
  const lines = [`## Kiln promote${result.dryRun ? " (dry run)" : ""}`, ""];
  if (result.pullRequest)
    lines.push(
      `Merged [#${result.pullRequest.number}](${result.pullRequest.url}) approved by ${result.approvers.length === 0 ? "nobody counted" : result.approvers.map((a) => `@${a}`).join(", ")}.`,
      "",
    );
  if (result.changes.length === 0) lines.push("The registry already matches `registry/`; nothing changed.");
  else {
    lines.push("| model | stage | from | to | event | tag | deployment |", "|---|---|---|---|---|---|---|");
    for (const c of result.changes)
      lines.push(
        `| ${c.model} | ${c.stage} | ${c.from ?? "—"} | ${c.to} | ${c.eventSeq === undefined ? "" : `#${c.eventSeq}`} | ${c.tag ?? ""} | ${c.deploymentId ?? ""} |`,
      );
  }
  for (const error of result.errors) lines.push("", `- ❌ ${error}`);
  return `${lines.join("\n")}\n`;
}
