/** The job summary of a deploy run: one table row per model and environment. Pure. */
import type { ReconcileOutcome, TargetResult } from "./reconcile-deployments.js";

const icons: Record<ReconcileOutcome, string> = {
  "up-to-date": "✅ up to date",
  committed: "🚀 committed",
  "pull-request": "📬 pull request",
  "would-update": "📝 would update (dry run)",
  failed: "❌ failed",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function deploySummary(results: readonly TargetResult[]): string {
  const lines = [
    "## Kiln deploy",
    "",
    "| model | environment | manifest | pinned | registry | result |",
    "|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const outcome = r.url === undefined ? icons[r.outcome] : `[${icons[r.outcome]}](${r.url})`;
    lines.push(
      `| ${cell(r.target.model)} | ${cell(r.target.environment)} | \`${cell(r.target.manifestPath)}\` | ${cell(r.pinned ?? "—")} | ${cell(r.wanted ?? "—")} | ${outcome} |`,
    );
  }
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length > 0) {
    lines.push("", "### Failures", "");
    for (const r of failed)
      lines.push(`- **${cell(r.target.model)}** in ${cell(r.target.environment)}: ${cell(r.message)}`);
  }
  return `${lines.join("\n")}\n`;
}
