/** What one `kiln doctor` check found. */
export const CheckStatus = { pass: "pass", fail: "fail", skip: "skip" } as const;
export type CheckStatus = (typeof CheckStatus)[keyof typeof CheckStatus];

export interface DoctorCheckResult {
  /** Short name, e.g. "node", "store", "onnxruntime", "github". */
  name: string;
  status: CheckStatus;
  /** One line saying what was found. */
  summary: string;
  /** What to do about a failure (or why a check was skipped). */
  hint?: string;
  /** Facts a script may read from `--json` (versions, URLs, permissions). */
  details?: Record<string, unknown>;
}

export interface DoctorReport {
  /** True when no check failed (skipped checks do not count). */
  ok: boolean;
  checks: DoctorCheckResult[];
}
