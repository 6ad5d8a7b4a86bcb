import type { Context } from "probot";
import { driftCommands } from "../../../runtime/monitor/drift-issue-commands.js";
import { createOctokitDriftIssuePort } from "../../../runtime/monitor/drift-issue-octokit-port.js";
import type { KilnCommand } from "../../../runtime/promotion/kiln-commands.js";
import { restOctokit } from "../rest-octokit.js";

/** `/kiln retrain` and `/kiln snooze` for the repository of this event, over the event's client. */
export function driftCommandsFor(context: Context, serverUrl?: string): Record<string, KilnCommand> {
  const port = createOctokitDriftIssuePort(restOctokit(context.octokit), context.repo());
  return driftCommands(port, { now: () => new Date(), ...(serverUrl === undefined ? {} : { serverUrl }) });
}
