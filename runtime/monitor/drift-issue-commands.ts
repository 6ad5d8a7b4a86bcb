/**
 * The `/kiln` commands of drift issues, added to the bot's command map:
 * - `/kiln retrain [workflow]` dispatches the pipeline workflow (default `kiln-pipeline.yml`) on the
 *   default branch and answers with a link to its runs;
 * - `/kiln snooze <period>` (e.g. `7d`, at most 90 days) records the date in the issue's hidden
 *   state, so monitoring runs leave the issue alone until then, and answers with the date.
 * Both need write permission (checked by handleKilnComment) and work only on a drift issue.
 */
import { UsageError } from "../errors.js";
import { CommandUsageError, type KilnCommand } from "../promotion/kiln-commands.js";
import { parseDriftIssueKey, parseDriftIssueState, withDriftIssueState } from "./drift-issue-marker.js";
import type { DriftIssuePort } from "./drift-issue-port.js";
import { parsePeriod } from "./monitor-window.js";

export const DEFAULT_RETRAIN_WORKFLOW = "kiln-pipeline.yml";
/** The longest snooze: a forgotten snooze should not silence a model for ever. */
export const MAX_SNOOZE_DAYS = 90;

export interface DriftCommandOptions {
  now: () => Date;
  /** GitHub's web root for links (default https://github.com). */
  serverUrl?: string;
}

async function driftIssueOf(port: DriftIssuePort, number: number, command: string) {
  const issue = await port.getIssue(number);
  const key = parseDriftIssueKey(issue.body);
  if (key === undefined) {
    throw new UsageError(
      `\`/kiln ${command}\` works on drift issues opened by \`kiln monitor\`; #${number} is not one.`,
    );
  }
  return { issue, key };
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function driftCommands(
  port: DriftIssuePort,
  options: DriftCommandOptions,
): Record<string, KilnCommand> {
  const server = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  return {
    retrain: {
      usage: "retrain [workflow file] (on a drift issue)",
      needsWrite: true,
      async run(_deps, invocation) {
        if (invocation.args.length > 1) throw new CommandUsageError();
        const workflow = invocation.args[0] ?? DEFAULT_RETRAIN_WORKFLOW;
        const { key } = await driftIssueOf(port, invocation.issueNumber, "retrain");
        const ref = await port.defaultBranch();
        await port.dispatchWorkflow(workflow, ref);
        const runs = `${server}/${port.repository}/actions/workflows/${encodeURIComponent(workflow)}`;
        return `Started \`${workflow}\` on \`${ref}\` to retrain **${key.model}**, as @${invocation.author} asked. Follow the run at ${runs}; the new version will be registered and proposed for promotion as usual.`;
      },
    },
    snooze: {
      usage: "snooze <period, e.g. 7d> (on a drift issue)",
      needsWrite: true,
      async run(_deps, invocation) {
        const [period] = invocation.args;
        if (period === undefined || invocation.args.length !== 1) throw new CommandUsageError();
        const ms = parsePeriod(period, "/kiln snooze");
        if (ms > MAX_SNOOZE_DAYS * 86_400_000) {
          throw new UsageError(`a snooze lasts at most ${MAX_SNOOZE_DAYS} days; got ${period}.`);
        }
        const { issue, key } = await driftIssueOf(port, invocation.issueNumber, "snooze");
        const until = new Date(options.now().getTime() + ms);
        const state = { ...parseDriftIssueState(issue.body), snoozedUntil: until.toISOString() };
        await port.updateIssue(issue.number, { body: withDriftIssueState(issue.body, state) });
        return `Snoozed until ${utc(until)}: monitoring runs will not comment on or close this issue about **${key.model}** in ${key.environment} before then (@${invocation.author}).`;
      },
    },
  };
}
