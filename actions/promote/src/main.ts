import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";
import { createOctokit } from "../../../runtime/github/octokit-factory.js";
import { repositoryFromEnv } from "../../../runtime/github/repository.js";
import { createOctokitPromotionPort } from "../../../runtime/promotion/octokit-promotion-port.js";
import { reconcileRegistry, renderReconcileSummary } from "../../../runtime/promotion/reconcile-registry.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { readInputs } from "./inputs.js";

/** The pushed commit's message, from the push event the runner provides. */
function headCommitMessage(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, "utf8")) as {
      head_commit?: { message?: string } | null;
    };
    return event.head_commit?.message ?? undefined;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const env = process.env;
    maskSecrets(env, [inputs.store, env.KILN_STORE], core);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const logger = createActionLogger(core, workspace);
    const sha = env.GITHUB_SHA;
    if (!sha) throw new UsageError("GITHUB_SHA is not set; run the promote action in a workflow on push.");
    const store = await openStore(inputs.store, { env, cwd: workspace });
    // Octokit logs every failed request as an error; absence (a 404 for an optional file such as
    // CODEOWNERS) is an answer here, and real failures reach failAction as Kiln errors.
    const octokit = createOctokit({
      token: inputs.githubToken,
      env,
      logger: { ...logger, error: (message) => logger.debug(message) },
    });
    const message = headCommitMessage(env.GITHUB_EVENT_PATH);
    const runUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const result = await reconcileRegistry(
      { port: createOctokitPromotionPort(octokit, repositoryFromEnv(env)), store, logger },
      {
        sha,
        actor: env.GITHUB_ACTOR ?? "github-actions",
        dryRun: inputs.dryRun,
        ...(message === undefined ? {} : { commitMessage: message }),
        ...(runUrl === undefined ? {} : { runUrl }),
      },
    );
    core.setOutput("changes", JSON.stringify(result.changes));
    core.setOutput("pull-request", result.pullRequest === undefined ? "" : String(result.pullRequest.number));
    await core.summary.addRaw(renderReconcileSummary(result)).write();
    if (result.errors.length > 0) core.setFailed(`kiln promote: ${result.errors.join("\n")}`);
  } catch (error: unknown) {
    failAction(error, core);
  }
}
