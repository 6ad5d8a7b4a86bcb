import { resolve } from "node:path";
import * as core from "@actions/core";
import { createOctokit } from "../../../runtime/github/octokit-factory.js";
import { repositoryFromEnv } from "../../../runtime/github/repository.js";
import { createOctokitDriftIssuePort } from "../../../runtime/monitor/drift-issue-octokit-port.js";
import { runMonitorJob } from "../../../runtime/monitor/monitor-job.js";
import { resolveWindow } from "../../../runtime/monitor/monitor-window.js";
import { openStore } from "../../../runtime/store/open-store.js";
import { createActionLogger } from "../../shared/action-logger.js";
import { failAction } from "../../shared/fail-action.js";
import { maskSecrets } from "../../shared/mask-secrets.js";
import { readInputs } from "./inputs.js";

/** The workflow run's page, where its artifacts (the HTML report) are listed. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    maskSecrets(process.env, [inputs.store, process.env.KILN_STORE], core);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const logger = createActionLogger(core, workspace);
    const now = () => new Date();
    const store = await openStore(inputs.store, { env: process.env, cwd: workspace });
    const issues =
      inputs.githubToken === undefined
        ? undefined
        : createOctokitDriftIssuePort(
            createOctokit({ token: inputs.githubToken, env: process.env, logger }),
            repositoryFromEnv(process.env),
          );
    const run = runUrl(process.env);
    const reportUrl = inputs.reportUrl ?? (run === undefined ? undefined : `${run}#artifacts`);
    const job = await runMonitorJob(
      { store, logger, now, ...(issues === undefined ? {} : { issues }) },
      {
        model: inputs.model,
        ...resolveWindow({ window: inputs.window }, now()),
        environment: inputs.environment,
        closeAfter: inputs.closeAfter,
        htmlReportPath: resolve(workspace, inputs.htmlReportPath),
        ...(inputs.reference === undefined ? {} : { reference: resolve(workspace, inputs.reference) }),
        ...(inputs.labels === undefined ? {} : { labels: inputs.labels }),
        ...(inputs.minRows === undefined ? {} : { minRows: inputs.minRows }),
        ...(reportUrl === undefined ? {} : { reportUrl }),
        ...(run === undefined ? {} : { runUrl: run }),
      },
    );
    const { result } = job;
    core.setOutput("status", result.status);
    core.setOutput("drift", String(result.status === "drift"));
    core.setOutput("drift-share", result.report === undefined ? "" : String(result.report.driftShare));
    core.setOutput("issue-number", job.issue?.issue === undefined ? "" : String(job.issue.issue.number));
    core.setOutput("report-path", job.reportPath ?? "");
    await core.summary.addRaw(job.summary).write();
    if (result.status === "insufficient") core.warning(`kiln monitor: ${result.summary}`);
  } catch (error: unknown) {
    failAction(error, core);
  }
}
