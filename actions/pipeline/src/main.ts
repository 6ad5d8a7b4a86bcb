import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { createOctokit } from "../../../runtime/github/octokit-factory.js";
import { repositoryFromEnv } from "../../../runtime/github/repository.js";
import type { Logger } from "../../../runtime/logger.js";
import { type PipelineJobOptions, runPipelineJob } from "../../../runtime/pipeline/run-pipeline-job.js";
import { createOctokitReleasePort } from "../../../runtime/registry/octokit-release-port.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { type PipelineInputs, readInputs } from "./inputs.js";

/** The repository's default branch, from the event payload the runner provides. */
function defaultBranch(): string {
  try {
    const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? "", "utf8")) as {
      repository?: { default_branch?: string };
    };
    return event.repository?.default_branch ?? "main";
  } catch {
    return "main";
  }
}

/** Registration settings: `auto` registers on pushes to the default branch; GitHub mode when a token is given. */
function registration(inputs: PipelineInputs, logger: Logger): PipelineJobOptions["register"] {
  const env = process.env;
  const onDefaultBranch = env.GITHUB_EVENT_NAME === "push" && env.GITHUB_REF_NAME === defaultBranch();
  if (inputs.register === "false" || (inputs.register === "auto" && !onDefaultBranch)) return undefined;
  const createdBy = env.GITHUB_ACTOR ?? "github-actions";
  if (inputs.githubToken === undefined || !env.GITHUB_SHA) return { env, createdBy };
  const octokit = createOctokit({ token: inputs.githubToken, env, logger });
  return {
    env,
    createdBy,
    release: {
      port: createOctokitReleasePort(octokit, repositoryFromEnv(env), { logger }),
      commit: env.GITHUB_SHA,
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    },
  };
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    maskSecrets(process.env, [inputs.store, process.env.KILN_STORE], core);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const root = resolve(workspace, inputs.workingDirectory);
    const store = await openStore(inputs.store, { env: process.env, cwd: root });
    const logger = createActionLogger(core, workspace);
    const register = registration(inputs, logger);
    const result = await runPipelineJob({
      root,
      targets: inputs.stages,
      jobs: inputs.jobs,
      failFast: inputs.failFast,
      store,
      logger,
      branch: process.env.GITHUB_REF_NAME,
      defaultBranch: defaultBranch(),
      ...(register === undefined ? {} : { register }),
    });
    core.setOutput("ran", JSON.stringify(result.ran));
    core.setOutput("cached", JSON.stringify(result.cached));
    core.setOutput("failed", JSON.stringify(result.failed));
    core.setOutput("metrics", JSON.stringify(result.metrics));
    core.setOutput("models", JSON.stringify(result.registered));
    await core.summary.addRaw(result.summary).write();
    if (result.exitCode !== 0) {
      const failed = result.results
        .filter((r) => r.status === "failed")
        .map((r) => `${r.name}: ${r.reasons.join("; ")}`);
      core.setFailed(`kiln pipeline: ${failed.length > 0 ? failed.join("\n") : "the run did not finish"}`);
    }
  } catch (error: unknown) {
    failAction(error, core);
  }
}
