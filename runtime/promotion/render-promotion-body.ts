import type { ModelIndex } from "../registry/model-index.js";
import type { ModelRecord } from "../registry/model-record.js";
import { chartHistory, formatChange, formatNumber, renderModelCard } from "../registry/render-model-card.js";
import { signatureChanges } from "../registry/signature-changes.js";
import { fitToLimit } from "./gate-report.js";
import type { PromotableStage } from "./promotion-policy.js";

/** Why a promotion pull request was opened. */
export type PromotionReason =
  | { kind: "register" }
  | { kind: "promote"; by: string; commentUrl?: string }
  | { kind: "rollback"; by: string; commentUrl?: string };

export interface PromotionBodyInput {
  record: ModelRecord;
  stage: PromotableStage;
  /** The version holding the stage now (on the default branch's desired state, else the registry). */
  current: ModelRecord | undefined;
  /** The version in Production, for the model card. */
  production: ModelRecord | undefined;
  index: ModelIndex;
  reason: PromotionReason;
  serverUrl?: string;
}

export function promotionTitle(
  model: string,
  version: string,
  stage: PromotableStage,
  reason: PromotionReason,
): string {
  const verb = reason.kind === "rollback" ? "Roll back" : "Promote";
  return `${verb} ${model} to ${version} in ${stage}`;
}

/**
 * The body of a promotion pull request: what it moves and why, the comparison with the stage's
 * current holder, then the model card. Pure; trimmed to GitHub's limit.
 */
export function renderPromotionBody(input: PromotionBodyInput): string {
  const { record, stage, current, reason } = input;
  const label = `${record.name}@${record.version}`;
  const lines: string[] = [];
  const why =
    reason.kind === "register"
      ? "It was opened because the policy (`open_pull_request_on_register`) asks for one after each registration."
      : `Requested by @${reason.by}${reason.commentUrl ? ` in [this comment](${reason.commentUrl})` : ""} (\`/kiln ${reason.kind}\`).`;
  lines.push(
    `Merging this pull request moves **${record.name}** in **${stage}** from ${current ? `\`${current.version}\`` : "nothing"} to \`${record.version}\`.`,
    why,
    "",
    "The `kiln/promotion` check shows the evidence and the approvals the policy requires; after the merge, the promote workflow records the stage in the registry and creates the deployment.",
    "",
    `## ${label} against ${stage}${current ? ` (${current.version})` : ""}`,
    "",
  );
  if (current === undefined) lines.push(`Nothing holds ${stage} yet.`, "");
  else {
    const names = [...new Set([...Object.keys(record.metrics), ...Object.keys(current.metrics)])].sort();
    if (names.length > 0) {
      lines.push(`| metric | ${current.version} | ${record.version} | change |`, "|---|---:|---:|---:|");
      for (const name of names) {
        const before = current.metrics[name];
        const after = record.metrics[name];
        lines.push(
          `| ${name} | ${before === undefined ? "—" : formatNumber(before)} | ${after === undefined ? "—" : formatNumber(after)} | ${before !== undefined && after !== undefined ? formatChange(after, before) : ""} |`,
        );
      }
      lines.push("");
    }
    const changes = signatureChanges(current.signature, record.signature);
    const all = [...changes.incompatible.map((c) => `${c} (incompatible)`), ...changes.compatible];
    lines.push(
      all.length === 0 ? "**Signature:** unchanged." : `**Signature changes:** ${all.join("; ")}.`,
      "",
    );
  }
  lines.push(
    "<details><summary>Model card</summary>",
    "",
    renderModelCard(record, input.production, chartHistory(input.index, record), {
      ...(input.serverUrl === undefined ? {} : { serverUrl: input.serverUrl }),
    }),
    "",
    "</details>",
  );
  return fitToLimit(lines.join("\n"));
}
