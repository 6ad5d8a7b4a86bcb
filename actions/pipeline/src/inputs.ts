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
  return {
    stages,
    store: store === "" ? undefined : store,
    jobs,
    workingDirectory: core.getInput("working-directory").trim() || ".",
    failFast: failFastText === "true",
  };
}
