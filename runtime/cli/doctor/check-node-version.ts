import type { DoctorCheckResult } from "./doctor-check.js";

/** Kiln needs Node.js 20 or newer (ESM, fetch, stream helpers). */
export function checkNodeVersion(version: string, minimumMajor = 20): DoctorCheckResult {
  const major = Number.parseInt(version.replace(/^v/, "").split(".")[0] ?? "", 10);
  const details = { version, minimumMajor };
  if (Number.isFinite(major) && major >= minimumMajor) {
    return {
      name: "node",
      status: "pass",
      summary: `Node.js ${version} (>= ${minimumMajor} required)`,
      details,
    };
  }
  return {
    name: "node",
    status: "fail",
    summary: `Node.js ${version} is too old (>= ${minimumMajor} required)`,
    hint: `Install Node.js ${minimumMajor} or newer (e.g. with nvm or actions/setup-node).`,
    details,
  };
}
