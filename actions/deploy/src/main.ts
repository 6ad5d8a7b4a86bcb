import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { deploySummary } from "../../../runtime/deploy/deploy-summary.js";
import { createOctokitDeployPort } from "../../../runtime/deploy/octokit-deploy-port.js";
import { type DeployTarget, reconcileDeployments } from "../../../runtime/deploy/reconcile-deployments.js";
import { UsageError } from "../../../runtime/errors.js";
import { createOctokit } from "../../../runtime/github/octokit-factory.js";
import { repositoryFromEnv } from "../../../runtime/github/repository.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { readInputs } from "./inputs.js";

/** The `deployment` event's fields this action reads. */
interface DeploymentEvent {
  id: number;
  environment: string;
  model: string | undefined;
}

async function readDeploymentEvent(env: NodeJS.ProcessEnv): Promise<DeploymentEvent | undefined> {
  if (env.GITHUB_EVENT_NAME !== "deployment" || !env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")) as {
    deployment?: { id?: number; environment?: string; payload?: unknown };
  };
  const deployment = event.deployment;
  if (typeof deployment?.id !== "number" || typeof deployment.environment !== "string") return undefined;
  let payload = deployment.payload;
  if (typeof payload === "string" && payload.startsWith("{")) payload = JSON.parse(payload);
  const model =
    typeof payload === "object" &&
    payload !== null &&
    typeof (payload as { model?: unknown }).model === "string"
      ? (payload as { model: string }).model
      : undefined;
  return { id: deployment.id, environment: deployment.environment, model };
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const env = process.env;
    maskSecrets(env, [inputs.store, inputs.clusterStore, env.KILN_STORE], core);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const logger = createActionLogger(core, workspace);
    const deployment = await readDeploymentEvent(env);
    const models = deployment?.model !== undefined ? [deployment.model] : inputs.models;
    const environments = deployment !== undefined ? [deployment.environment] : inputs.environments;
    if (models.length === 0) {
      throw new UsageError(
        "no model to deploy: set input 'models' (or send a deployment whose payload names one).",
      );
    }
    const targets: DeployTarget[] = models.flatMap((model) =>
      environments.map((environment) => ({
        model,
        environment,
        manifestPath: inputs.manifests.replaceAll("{model}", model).replaceAll("{environment}", environment),
      })),
    );
    const store = await openStore(inputs.store, { env, cwd: workspace });
    const octokit = createOctokit({ token: inputs.githubToken, env, logger });
    const runUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const results = await reconcileDeployments(
      { store, port: createOctokitDeployPort(octokit, repositoryFromEnv(env)), logger },
      {
        targets,
        mode: inputs.mode,
        baseBranch: inputs.baseBranch ?? env.GITHUB_REF_NAME ?? "main",
        dryRun: inputs.dryRun,
        ...(inputs.image === undefined ? {} : { image: inputs.image }),
        ...(inputs.clusterStore === undefined ? {} : { clusterStore: inputs.clusterStore }),
        ...(deployment === undefined ? {} : { deploymentId: deployment.id }),
        ...(runUrl === undefined ? {} : { logUrl: runUrl }),
      },
    );
    core.setOutput(
      "changed",
      String(results.some((r) => r.outcome === "committed" || r.outcome === "pull-request")),
    );
    core.setOutput(
      "results",
      JSON.stringify(
        results.map((r) => ({
          model: r.target.model,
          environment: r.target.environment,
          manifest: r.target.manifestPath,
          pinned: r.pinned ?? null,
          wanted: r.wanted ?? null,
          outcome: r.outcome,
          url: r.url ?? null,
          message: r.message,
        })),
      ),
    );
    await core.summary.addRaw(deploySummary(results)).write();
    const failed = results.filter((r) => r.outcome === "failed");
    if (failed.length > 0) {
      throw new UsageError(
        `${failed.length} of ${results.length} deployment(s) failed: ${failed.map((r) => `${r.target.model} in ${r.target.environment}: ${r.message}`).join("; ")}`,
      );
    }
  } catch (error: unknown) {
    failAction(error, core);
  }
}
