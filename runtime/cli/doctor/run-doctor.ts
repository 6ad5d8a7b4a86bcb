import type { ObjectStore } from "../../store/object-store.js";
import { checkGitHubCredentials } from "./check-github-credentials.js";
import { checkNodeVersion } from "./check-node-version.js";
import { checkOnnxRuntime, type OnnxRuntimeModule } from "./check-onnx-runtime.js";
import { checkStore } from "./check-store.js";
import type { DoctorReport } from "./doctor-check.js";

/** What `kiln doctor` checks with; the command builds the real ones, tests may pass others. */
export interface DoctorDependencies {
  env: Readonly<Record<string, string | undefined>>;
  /** e.g. process.versions.node */
  nodeVersion: string;
  /** The store URL as configured (KILN_STORE or the default), for messages. */
  storeUrl: string;
  openStore: () => Promise<ObjectStore>;
  loadOnnxRuntime: () => Promise<OnnxRuntimeModule>;
  fetch: typeof fetch;
}

/** Run every check (independent ones at once) and gather the report; never throws for a failed check. */
export async function runDoctor(deps: DoctorDependencies): Promise<DoctorReport> {
  const checks = await Promise.all([
    checkNodeVersion(deps.nodeVersion),
    checkStore(deps.storeUrl, deps.openStore),
    checkOnnxRuntime(deps.loadOnnxRuntime),
    checkGitHubCredentials(deps.env, deps.fetch),
  ]);
  return { ok: checks.every((check) => check.status !== "fail"), checks };
}
