import { resolve } from "node:path";
import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";
import { createOctokit } from "../../../runtime/github/octokit-factory.js";
import { repositoryFromEnv } from "../../../runtime/github/repository.js";
import { readLineage } from "../../../runtime/registry/model-lineage.js";
import { createOctokitReleasePort } from "../../../runtime/registry/octokit-release-port.js";
import { registerModel } from "../../../runtime/registry/register-model.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { readInputs } from "./inputs.js";

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    maskSecrets(process.env, [inputs.store, process.env.KILN_STORE], core);
    const env = process.env;
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const logger = createActionLogger(core, workspace);
    const store = await openStore(inputs.store, { env, cwd: workspace });
    const lineage = await readLineage({ env, cwd: workspace, datasetDigests: inputs.datasets });
    let release: Parameters<typeof registerModel>[1]["release"];
    if (inputs.release) {
      const commit = env.GITHUB_SHA;
      if (!commit)
        throw new UsageError(
          "GITHUB_SHA is not set, so there is no commit to tag; set input 'release: false' outside a workflow.",
        );
      const octokit = createOctokit({ token: inputs.githubToken, env, logger });
      release = {
        port: createOctokitReleasePort(octokit, repositoryFromEnv(env), { logger }),
        commit,
        ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
      };
    }
    const result = await registerModel(
      { store, logger },
      {
        name: inputs.name,
        artifactPath: resolve(workspace, inputs.artifact),
        ...(inputs.metrics === undefined ? {} : { metricsPath: resolve(workspace, inputs.metrics) }),
        ...(inputs.params === undefined ? {} : { paramsPath: resolve(workspace, inputs.params) }),
        ...(inputs.bump === undefined ? {} : { bump: inputs.bump }),
        lineage,
        createdBy: env.GITHUB_ACTOR ?? "github-actions",
        source: {
          kind: "action",
          detail: "kiln register",
          ...(lineage.workflowRunUrl === undefined ? {} : { url: lineage.workflowRunUrl }),
        },
        ...(release === undefined ? {} : { release }),
      },
    );
    const { record } = result;
    core.setOutput("version", record.version);
    core.setOutput("digest", record.artifact.sha256);
    core.setOutput("release-url", record.release?.url ?? "");
    core.setOutput("created", String(result.created));
    core.info(
      result.created
        ? `registered ${record.name}@${record.version} (${record.bump.kind}: ${record.bump.reason})`
        : `${record.name}@${record.version} already holds this artifact; nothing registered`,
    );
    await core.summary.addRaw(result.modelCard).write();
  } catch (error: unknown) {
    failAction(error, core);
  }
}
