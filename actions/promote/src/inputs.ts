import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";

/** The promote Action's settings, read from its inputs. */
export interface PromoteInputs {
  /** Store URL; undefined falls back to KILN_STORE, then `.kiln/store`. */
  store: string | undefined;
  /** Report only. */
  dryRun: boolean;
  /** Token for the GitHub API. */
  githubToken: string;
}

/** The only place the action reads its inputs. */
export function readInputs(): PromoteInputs {
  const dryRunText = core.getInput("dry-run").trim().toLowerCase();
  if (!["", "true", "false"].includes(dryRunText))
    throw new UsageError(`input 'dry-run' must be true or false, not '${dryRunText}'.`);
  return {
    store: core.getInput("store").trim() || undefined,
    dryRun: dryRunText === "true",
    githubToken: core.getInput("github-token").trim() || process.env.GITHUB_TOKEN || "",
  };
}
