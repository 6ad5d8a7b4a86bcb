import type { CheckStatus, DoctorReport } from "./doctor-check.js";

const marks: Record<CheckStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

/** The report as the terminal shows it: one line per check, a hint under each failure, a verdict. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${marks[check.status]} ${check.name}: ${check.summary}`);
    if (check.status === "fail" && check.hint) lines.push(`    hint: ${check.hint}`);
  }
  const failed = report.checks.filter((check) => check.status === "fail").length;
  lines.push(report.ok ? "All required checks passed." : `${failed} check${failed === 1 ? "" : "s"} failed.`);
  return `${lines.join("\n")}\n`;
}
