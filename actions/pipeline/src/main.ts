import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { runPipelineJob } from "../../../runtime/pipeline/run-pipeline-job.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { readInputs } from "./inputs.js";

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

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    maskSecrets(process.env, [inputs.store, process.env.KILN_STORE], core);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const root = resolve(workspace, inputs.workingDirectory);
    const store = await openStore(inputs.store, { env: process.env, cwd: root });
    const result = await runPipelineJob({
      root,
      targets: inputs.stages,
      jobs: inputs.jobs,
      failFast: inputs.failFast,
      store,
      logger: createActionLogger(core, workspace),
      branch: process.env.GITHUB_REF_NAME,
      defaultBranch: defaultBranch(),
    });
    core.setOutput("ran", JSON.stringify(result.ran));
    core.setOutput("cached", JSON.stringify(result.cached));
    core.setOutput("failed", JSON.stringify(result.failed));
    core.setOutput("metrics", JSON.stringify(result.metrics));
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
