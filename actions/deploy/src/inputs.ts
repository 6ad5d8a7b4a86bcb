import * as core from "@actions/core";
import { type PinnedImage, parsePinnedImage } from "../../../runtime/deploy/image-reference.js";
import { DeployMode } from "../../../runtime/deploy/reconcile-deployments.js";
import { UsageError } from "../../../runtime/errors.js";

/** The deploy Action's settings, read from its inputs. */
export interface DeployInputs {
  /** Models to reconcile (may be empty when a deployment event names the model). */
  models: string[];
  /** Environments to reconcile. */
  environments: string[];
  /** Manifest path template with `{model}` and `{environment}`. */
  manifests: string;
  /** Commit or pull request. */
  mode: DeployMode;
  /** The branch GitOps follows; undefined: the workflow's branch. */
  baseBranch: string | undefined;
  /** A new image, pinned by digest. */
  image: PinnedImage | undefined;
  /** KILN_STORE in the cluster, for new manifests. */
  clusterStore: string | undefined;
  /** Store URL of the registry; undefined falls back to KILN_STORE, then `.kiln/store`. */
  store: string | undefined;
  /** Write nothing. */
  dryRun: boolean;
  /** Token for the GitHub API. */
  githubToken: string;
}

/** The only place the action reads its inputs. */
export function readInputs(): DeployInputs {
  const optional = (name: string) => core.getInput(name).trim() || undefined;
  const modeText = core.getInput("mode").trim() || DeployMode.pullRequest;
  const modes: readonly string[] = Object.values(DeployMode);
  if (!modes.includes(modeText)) {
    throw new UsageError(`input 'mode' must be one of ${[...modes].sort().join(", ")}, not '${modeText}'.`);
  }
  const manifests = core.getInput("manifests").trim() || "deploy/{model}/{environment}.yaml";
  if (!manifests.includes("{model}") || !manifests.includes("{environment}")) {
    throw new UsageError(`input 'manifests' must contain {model} and {environment}, got '${manifests}'.`);
  }
  const dryRunText = core.getInput("dry-run").trim().toLowerCase();
  if (!["", "true", "false"].includes(dryRunText)) {
    throw new UsageError(`input 'dry-run' must be true or false, not '${dryRunText}'.`);
  }
  const image = optional("image");
  // Outside a runner action.yml's defaults do not apply; the same default holds here.
  const environments = core
    .getMultilineInput("environments")
    .map((e) => e.trim())
    .filter(Boolean);
  return {
    models: core
      .getMultilineInput("models")
      .map((m) => m.trim())
      .filter(Boolean),
    environments: environments.length > 0 ? environments : ["staging", "production"],
    manifests,
    mode: modeText as DeployMode,
    baseBranch: optional("base-branch"),
    image: image === undefined ? undefined : parsePinnedImage(image, "input 'image'"),
    clusterStore: optional("cluster-store"),
    store: optional("store"),
    dryRun: dryRunText === "true",
    githubToken: core.getInput("github-token").trim(),
  };
}
