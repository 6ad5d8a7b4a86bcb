/**
 * GitOps reconciliation: for each (model, environment), compare the version the registry says the
 * environment should serve (the holder of its stage) with the version the committed manifest pins,
 * and when they differ write the manifest again — committed to the base branch, or on a branch
 * with a pull request — so Argo CD or Flux apply it. Answers a GitHub deployment with its status.
 */
import { errorMessage, UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { resolveModel } from "../registry/resolve-model.js";
import type { ObjectStore } from "../store/object-store.js";
import { DeploymentState, type DeployPort } from "./deploy-port.js";
import { type DeploymentSpec, defaultDeployment, environmentStages } from "./deployment-spec.js";
import type { PinnedImage } from "./image-reference.js";
import { deploymentSpecFromManifest } from "./manifest-spec.js";
import { renderKubernetesManifests } from "./render-kubernetes-manifests.js";

export const DeployMode = { commit: "commit", pullRequest: "pull-request" } as const;
export type DeployMode = (typeof DeployMode)[keyof typeof DeployMode];

export interface DeployTarget {
  model: string;
  environment: string;
  /** Repository path of the manifest file. */
  manifestPath: string;
}

export interface ReconcileOptions {
  targets: readonly DeployTarget[];
  mode: DeployMode;
  /** The branch Argo CD or Flux follow. */
  baseBranch: string;
  /** A new image to deploy (pinned); required for a manifest that does not exist yet. */
  image?: PinnedImage;
  /** KILN_STORE inside the cluster, for new manifests. */
  clusterStore?: string;
  /** Report what would change, write nothing. */
  dryRun: boolean;
  /** The GitHub deployment being answered, if any. */
  deploymentId?: number;
  /** Link to the workflow run, for deployment statuses. */
  logUrl?: string;
}

export const ReconcileOutcome = {
  upToDate: "up-to-date",
  committed: "committed",
  pullRequest: "pull-request",
  wouldUpdate: "would-update",
  failed: "failed",
} as const;
export type ReconcileOutcome = (typeof ReconcileOutcome)[keyof typeof ReconcileOutcome];

export interface TargetResult {
  target: DeployTarget;
  /** What the manifest pinned before (undefined: no manifest). */
  pinned: string | undefined;
  /** What the registry holds for the environment (undefined when it could not be resolved). */
  wanted: string | undefined;
  outcome: ReconcileOutcome;
  /** The commit or pull request made. */
  url: string | undefined;
  message: string;
}

export interface ReconcileDeps {
  store: ObjectStore;
  port: DeployPort;
  logger: Logger;
}

export async function reconcileDeployments(
  deps: ReconcileDeps,
  options: ReconcileOptions,
): Promise<TargetResult[]> {
  const { port, logger } = deps;
  if (options.deploymentId !== undefined && !options.dryRun) {
    await port.setDeploymentStatus(
      options.deploymentId,
      DeploymentState.inProgress,
      "kiln: updating manifests",
      options.logUrl,
    );
  }
  const results: TargetResult[] = [];
  for (const target of options.targets) {
    const result = await reconcileTarget(deps, options, target).catch(
      (error: unknown): TargetResult => ({
        target,
        pinned: undefined,
        wanted: undefined,
        outcome: ReconcileOutcome.failed,
        url: undefined,
        message: errorMessage(error),
      }),
    );
    logger.info(`${target.model} in ${target.environment}: ${result.outcome} — ${result.message}`);
    results.push(result);
  }
  if (options.deploymentId !== undefined && !options.dryRun) {
    const failed = results.filter((r) => r.outcome === ReconcileOutcome.failed);
    await port.setDeploymentStatus(
      options.deploymentId,
      failed.length === 0 ? DeploymentState.success : DeploymentState.failure,
      failed.length === 0
        ? results.map((r) => `${r.target.model}@${r.wanted} ${r.outcome}`).join("; ")
        : failed.map((r) => `${r.target.model}: ${r.message}`).join("; "),
      options.logUrl,
    );
  }
  return results;
}

async function reconcileTarget(
  deps: ReconcileDeps,
  options: ReconcileOptions,
  target: DeployTarget,
): Promise<TargetResult> {
  const { store, port } = deps;
  const stage = environmentStages[target.environment];
  if (stage === undefined) {
    throw new UsageError(
      `environment '${target.environment}' follows no registry stage; known: ${Object.keys(environmentStages).sort().join(", ")}.`,
    );
  }
  const { record } = await resolveModel(store, `${target.model}:${stage}`);
  const wanted = `${record.name}@${record.version}`;
  const current = await port.readFile(target.manifestPath, options.baseBranch);
  let spec: DeploymentSpec;
  let pinned: string | undefined;
  if (current === undefined) {
    if (options.image === undefined) {
      throw new UsageError(
        `${target.manifestPath} does not exist on ${options.baseBranch}; give an image (pinned by digest) to create it.`,
      );
    }
    spec = {
      ...defaultDeployment,
      model: record.name,
      environment: target.environment,
      modelVersion: record.version,
      modelSha256: record.artifact.sha256,
      image: options.image,
      storeUrl: options.clusterStore ?? store.url,
    };
  } else {
    const previous = deploymentSpecFromManifest(current.text, target.manifestPath);
    pinned = `${previous.model}@${previous.modelVersion}`;
    spec = {
      ...previous,
      modelVersion: record.version,
      modelSha256: record.artifact.sha256,
      ...(options.image === undefined ? {} : { image: options.image }),
    };
  }
  const text = renderKubernetesManifests(spec);
  const base = { target, pinned, wanted };
  if (current !== undefined && current.text === text) {
    return {
      ...base,
      outcome: ReconcileOutcome.upToDate,
      url: undefined,
      message: `${target.manifestPath} pins ${wanted}`,
    };
  }
  const change =
    pinned === undefined
      ? `deploy ${wanted} to ${target.environment}`
      : `deploy ${wanted} to ${target.environment} (was ${pinned})`;
  if (options.dryRun) {
    return { ...base, outcome: ReconcileOutcome.wouldUpdate, url: undefined, message: `would ${change}` };
  }
  const message = `${change}\n\nThe registry holds ${wanted} (sha256 ${record.artifact.sha256}) in ${stage}; written by kiln deploy.`;
  if (options.mode === DeployMode.commit) {
    const commit = await port.writeFile({
      path: target.manifestPath,
      text,
      message,
      branch: options.baseBranch,
      ...(current === undefined ? {} : { sha: current.sha }),
    });
    return {
      ...base,
      outcome: ReconcileOutcome.committed,
      url: commit.url,
      message: `${change} (commit ${commit.commitSha.slice(0, 7)})`,
    };
  }
  const branch = `kiln/deploy/${target.model}-${target.environment}-${record.version}`;
  await port.createBranch(branch, options.baseBranch);
  const onBranch = await port.readFile(target.manifestPath, branch);
  if (onBranch?.text !== text) {
    await port.writeFile({
      path: target.manifestPath,
      text,
      message,
      branch,
      ...(onBranch === undefined ? {} : { sha: onBranch.sha }),
    });
  }
  const pull = await port.openPullRequest({
    head: branch,
    base: options.baseBranch,
    title: `Deploy ${wanted} to ${target.environment}`,
    body:
      `The registry holds **${wanted}** in ${stage}; \`${target.manifestPath}\` pins ${pinned === undefined ? "nothing yet" : `**${pinned}**`}.\n\n` +
      `Merging this pull request lets Argo CD or Flux roll it out.\n\n- artifact sha256: \`${record.artifact.sha256}\`\n` +
      `- image: \`${spec.image.repository}@${spec.image.digest}\``,
  });
  return {
    ...base,
    outcome: ReconcileOutcome.pullRequest,
    url: pull.url,
    message: `${change}: pull request #${pull.number}${pull.created ? "" : " (already open)"}`,
  };
}
