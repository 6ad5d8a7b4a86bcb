import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";

/** The pipeline Action's settings, read from its inputs. */
export interface PipelineInputs {
  /** Stages to run with what they need; empty for all. */
  stages: string[];
  /** Store URL; undefined falls back to KILN_STORE, then `.kiln/store`. */
  store: string | undefined;
  /** Stages to run at once; undefined for the number of cores. */
  jobs: number | undefined;
  /** The folder holding kiln.yaml, relative to the workspace. */
  workingDirectory: string;
  /** Cancel everything after the first failure. */
  failFast: boolean;
  /** Register kiln.yaml's models after a successful run: always, never, or on pushes to the default branch. */
  register: "auto" | "true" | "false";
  /** Token for GitHub-mode registration (tag, release, assets); empty registers in the store only. */
  githubToken: string | undefined;
}

/** The only place the action reads its inputs. */
export function readInputs(): PipelineInputs {
  const stageText = core.getInput("stage").trim();
  const stages = stageText === "" || stageText === "all" ? [] : stageText.split(/[\s,]+/).filter(Boolean);
  const jobsText = core.getInput("jobs").trim();
  const jobs = jobsText === "" ? undefined : Number(jobsText);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    throw new UsageError(`input 'jobs' must be a whole number of at least 1, not '${jobsText}'.`);
  }
  const store = core.getInput("store").trim();
  const failFastText = core.getInput("fail-fast").trim().toLowerCase();
  if (!["", "true", "false"].includes(failFastText)) {
    throw new UsageError(`input 'fail-fast' must be true or false, not '${failFastText}'.`);
  }
  const register = core.getInput("register").trim().toLowerCase() || "auto";
  if (register !== "auto" && register !== "true" && register !== "false") {
    throw new UsageError(`input 'register' must be auto, true or false, not '${register}'.`);
  }
  const githubToken = core.getInput("github-token").trim();
  if (githubToken !== "") core.setSecret(githubToken);
  return {
    stages,
    register,
    githubToken: githubToken === "" ? undefined : githubToken,
    store: store === "" ? undefined : store,
    jobs,
    workingDirectory: core.getInput("working-directory").trim() || ".",
    failFast: failFastText === "true",
  };
}
