import type { ApprovalTally } from "./count-approvals.js";
import type { GateResult, ModelEvidence } from "./evaluate-gate.js";

/** GitHub refuses check run summaries, texts, issue and comment bodies over this many characters. */
export const githubBodyLimit = 65_535;

export interface CheckRunOutput {
  title: string;
  summary: string;
  text: string;
}

/** The check run `kiln/promotion`'s output: the verdict, the reasons, and the evidence. Pure. */
export function renderGateReport(result: GateResult, links: { policyUrl?: string } = {}): CheckRunOutput {
  const title = result.passed
    ? "Promotion approved: every rule holds"
    : `Promotion blocked: ${result.failures.length} reason${result.failures.length === 1 ? "" : "s"}`;
  const summaryLines = result.passed
    ? ["All rules of the promotion policy hold. Merging this pull request promotes:"]
    : ["This pull request cannot be merged yet:", ""];
  if (result.passed) {
    for (const model of result.models) {
      summaryLines.push(
        `- **${model.request.model}** ${model.request.stage}: ${model.request.from ?? "none"} → ${model.request.to ?? "none"}`,
      );
    }
  } else {
    for (const failure of result.failures) summaryLines.push(`- ${failure}`);
  }
  if (links.policyUrl) summaryLines.push("", `Policy: ${links.policyUrl}`);

  const sections = [...result.models.map(renderModel), ...result.approvals.map(renderApprovals)];
  return {
    title,
    summary: fitToLimit(summaryLines.join("\n")),
    text: fitToLimit(sections.join("\n\n")),
  };
}

function renderModel(evidence: ModelEvidence): string {
  const { request, candidate, production } = evidence;
  const lines = [
    `### ${request.model}: ${request.stage} ${request.from ?? "none"} → ${request.to ?? "none"}`,
    "",
  ];
  if (!candidate) return [...lines, "The requested version is not in the registry."].join("\n");
  const names = [
    ...new Set([...Object.keys(candidate.metrics), ...Object.keys(production?.metrics ?? {})]),
  ].sort();
  if (names.length > 0) {
    lines.push(
      `| metric | ${candidate.version} | Production${production ? ` (${production.version})` : ""} | change |`,
    );
    lines.push("|---|---:|---:|---:|");
    for (const name of names) {
      const value = candidate.metrics[name];
      const current = production?.metrics[name];
      const change = value !== undefined && current !== undefined ? signed(value - current) : "";
      lines.push(`| ${name} | ${format(value)} | ${format(current)} | ${change} |`);
    }
    lines.push("");
  }
  if (evidence.rules.length > 0) {
    lines.push("| rule | verdict | detail |", "|---|---|---|");
    for (const rule of evidence.rules)
      lines.push(`| ${rule.rule} | ${rule.passed ? "✅ holds" : "❌ fails"} | ${rule.detail} |`);
    lines.push("");
  }
  lines.push(
    evidence.signatureChanges.length === 0
      ? "**Signature:** unchanged from Production."
      : `**Signature changes:** ${evidence.signatureChanges.join("; ")}.`,
  );
  const lineage = [
    candidate.commit ? `commit ${candidate.commit.slice(0, 7)}` : undefined,
    candidate.branch ? `branch ${candidate.branch}` : undefined,
    candidate.runUrl ? `[workflow run](${candidate.runUrl})` : undefined,
    candidate.releaseUrl ? `[release](${candidate.releaseUrl})` : undefined,
  ].filter(Boolean);
  if (lineage.length > 0) lines.push(`**Lineage:** ${lineage.join(" · ")}`);
  for (const [name, digest] of Object.entries(candidate.datasets ?? {})) {
    lines.push(`- data \`${name}\`: sha256:${digest.slice(0, 12)}`);
  }
  return lines.join("\n");
}

function renderApprovals(tally: ApprovalTally): string {
  const lines = [
    `### Approvals for ${tally.stage}: ${tally.counted.length} of ${tally.required} required`,
    "",
  ];
  const rows = [
    ...tally.counted.map((a) => `| @${a.login} | ✅ counted | |`),
    ...tally.blocking.map((a) => `| @${a.login} | ⛔ blocking | ${a.reason ?? ""} |`),
    ...tally.ignored.map((a) => `| @${a.login} | ➖ ignored | ${a.reason ?? ""} |`),
  ];
  if (rows.length === 0) return [...lines, "No reviews yet."].join("\n");
  return [...lines, "| reviewer | verdict | reason |", "|---|---|---|", ...rows].join("\n");
}

/** Trim text to GitHub's limit, saying what was left out. */
export function fitToLimit(text: string, limit = githubBodyLimit): string {
  if (text.length <= limit) return text;
  const reserve = 120;
  const kept = text.slice(0, limit - reserve);
  return `${kept}\n\n… ${text.length - kept.length} characters left out to stay under GitHub's ${limit}-character limit.`;
}

function format(value: number | undefined): string {
  return value === undefined ? "—" : String(Number(value.toPrecision(6)));
}

function signed(value: number): string {
  const rounded = Number(value.toPrecision(4));
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** The check run's output when the request cannot even be evaluated (an invalid file). Pure. */
export function renderProblemReport(title: string, problems: readonly string[]): CheckRunOutput {
  return {
    title,
    summary: fitToLimit(
      ["This pull request cannot be merged yet:", "", ...problems.map((p) => `- ${p}`)].join("\n"),
    ),
    text: "",
  };
}

/** The check run's output on a pull request that changes no file in registry/. Pure. */
export function renderNoPromotionReport(): CheckRunOutput {
  return {
    title: "No promotion requested",
    summary:
      "This pull request changes no `registry/<model>.yaml`, so it promotes nothing and the promotion gate does not apply.",
    text: "",
  };
}
