import { isKilnError } from "../errors.js";
import type { OpenPromotionDeps } from "./open-promotion-pull-request.js";
import {
  openPromotionPullRequest,
  type PromotionPullRequestOutcome,
  previousHolder,
} from "./open-promotion-pull-request.js";
import { type PromotableStage, PromotableStage as Stages } from "./promotion-policy.js";

/** Where a `/kiln …` comment was written, and by whom. */
export interface CommandInvocation {
  author: string;
  /** The issue or pull request the comment is on (where the reply goes). */
  issueNumber: number;
  commentUrl?: string;
  /** The words after `/kiln <command>`. */
  args: readonly string[];
}

/** One `/kiln` command. `run` answers the reply to post. */
export interface KilnCommand {
  /** e.g. `promote <model> <version> to <stage>` */
  usage: string;
  /** Only users with write permission (admin, maintain, write) may run it. */
  needsWrite: boolean;
  run(deps: OpenPromotionDeps, invocation: CommandInvocation): Promise<string>;
}

const stageNames = Object.values(Stages);

function stageOf(word: string | undefined): PromotableStage | undefined {
  const lower = word?.toLowerCase();
  return stageNames.find((stage) => stage === lower);
}

function describeOutcome(outcome: PromotionPullRequestOutcome, what: string): string {
  if (outcome.kind === "unchanged")
    return `The default branch already asks for ${what}; there is nothing to change.`;
  return `${outcome.kind === "opened" ? "Opened" : "Updated"} #${outcome.number} to ${what}. It needs the approvals the policy requires (see its \`kiln/promotion\` check).`;
}

const reason = (kind: "promote" | "rollback", invocation: CommandInvocation) => ({
  kind,
  by: invocation.author,
  ...(invocation.commentUrl === undefined ? {} : { commentUrl: invocation.commentUrl }),
});

/**
 * The `/kiln` commands, by name. Adding a command is adding an entry (the monitoring area adds
 * `retrain` and `snooze` for drift issues).
 */
export const kilnCommands: Record<string, KilnCommand> = {
  promote: {
    usage: "promote <model> <version> to <stage>",
    needsWrite: true,
    async run(deps, invocation) {
      const [model, version, to, stageWord] = invocation.args;
      const stage = stageOf(stageWord);
      if (model === undefined || version === undefined || to?.toLowerCase() !== "to" || stage === undefined)
        throw new CommandUsageError();
      const outcome = await openPromotionPullRequest(deps, {
        model,
        version: version.replace(/^v/, ""),
        stage,
        reason: reason("promote", invocation),
      });
      return describeOutcome(outcome, `move ${model} to ${version.replace(/^v/, "")} in ${stage}`);
    },
  },
  rollback: {
    usage: "rollback <model> <stage>",
    needsWrite: true,
    async run(deps, invocation) {
      const [model, stageWord] = invocation.args;
      const stage = stageOf(stageWord);
      if (model === undefined || stage === undefined || invocation.args.length !== 2)
        throw new CommandUsageError();
      const { current, previous } = await previousHolder(deps.store, model, stage);
      const outcome = await openPromotionPullRequest(deps, {
        model,
        version: previous,
        stage,
        reason: reason("rollback", invocation),
      });
      return describeOutcome(outcome, `roll ${model} back in ${stage} from ${current} to ${previous}`);
    },
  },
};

/** Thrown by a command whose arguments do not fit its usage. */
export class CommandUsageError extends Error {
  override name = "CommandUsageError";
}

/** The usage text listing every command, sorted. Pure. */
export function kilnUsage(commands: Record<string, KilnCommand> = kilnCommands): string {
  const lines = Object.keys(commands)
    .sort()
    .map((name) => `- \`/kiln ${commands[name]?.usage ?? name}\``);
  return ["Kiln understands:", "", ...lines].join("\n");
}

/** The first `/kiln …` line of a comment, split into words; undefined when there is none. */
export function parseKilnCommand(body: string): { name: string; args: string[] } | undefined {
  const line = /^\s*\/kiln(?:\s+(.*))?$/m.exec(body);
  if (line === null) return undefined;
  const words = (line[1] ?? "").trim().split(/\s+/).filter(Boolean);
  return { name: (words[0] ?? "").toLowerCase(), args: words.slice(1) };
}

const writeLevels = new Set(["admin", "maintain", "write"]);

/**
 * Answer a comment: nothing for a comment without `/kiln`; the usage for an unknown command; a
 * polite refusal for users without write permission; else the command's own reply. The reply is
 * posted on the same issue or pull request. Returns the reply (undefined when none was posted).
 */
export async function handleKilnComment(
  deps: OpenPromotionDeps,
  comment: { body: string; author: string; issueNumber: number; url?: string },
  commands: Record<string, KilnCommand> = kilnCommands,
): Promise<string | undefined> {
  const parsed = parseKilnCommand(comment.body);
  if (parsed === undefined) return undefined;
  const command = Object.hasOwn(commands, parsed.name) ? commands[parsed.name] : undefined;
  let reply: string;
  if (command === undefined) {
    reply = `${parsed.name === "" ? "" : `\`/kiln ${parsed.name}\` is not a Kiln command. `}${kilnUsage(commands)}`;
  } else if (command.needsWrite && !writeLevels.has(await deps.port.permissionOf(comment.author))) {
    reply = `Sorry @${comment.author}, \`/kiln ${parsed.name}\` needs write permission on ${deps.port.repository}, which you do not have. Ask a maintainer to run it.`;
  } else {
    try {
      reply = await command.run(deps, {
        author: comment.author,
        issueNumber: comment.issueNumber,
        args: parsed.args,
        ...(comment.url === undefined ? {} : { commentUrl: comment.url }),
      });
    } catch (error: unknown) {
      if (error instanceof CommandUsageError) reply = `Usage: \`/kiln ${command.usage}\``;
      else if (isKilnError(error)) reply = `\`/kiln ${parsed.name}\` failed: ${error.message}`;
      else throw error;
    }
  }
  await deps.port.comment(comment.issueNumber, reply);
  return reply;
}
