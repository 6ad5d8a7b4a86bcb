import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";
import { RequestedBump } from "../../../runtime/registry/version-bump.js";

/** The register Action's settings, read from its inputs. */
export interface RegisterInputs {
  /** The model's name. */
  name: string;
  /** Path of the ONNX file. */
  artifact: string;
  /** Path of the metrics file, if any. */
  metrics: string | undefined;
  /** Path of the params file, if any. */
  params: string | undefined;
  /** The bump asked for when the signature is compatible; undefined for the default (minor). */
  bump: RequestedBump | undefined;
  /** Dataset path → sha256 for the lineage. */
  datasets: Record<string, string>;
  /** Store URL; undefined falls back to KILN_STORE, then `.kiln/store`. */
  store: string | undefined;
  /** Whether to tag and publish a GitHub release. */
  release: boolean;
  /** Token for the GitHub API. */
  githubToken: string;
}

/** The only place the action reads its inputs. */
export function readInputs(): RegisterInputs {
  const optional = (name: string) => core.getInput(name).trim() || undefined;
  const bumpText = core.getInput("bump").trim();
  const bumps: readonly string[] = Object.values(RequestedBump);
  if (bumpText !== "" && !bumps.includes(bumpText))
    throw new UsageError(`input 'bump' must be one of ${bumps.join(", ")} (or empty), not '${bumpText}'.`);
  const datasets: Record<string, string> = {};
  for (const line of core.getMultilineInput("datasets")) {
    const match = /^(.+?)\s*=\s*(?:sha256:)?([0-9a-f]{64})$/.exec(line.trim());
    if (match?.[1] === undefined || match[2] === undefined)
      throw new UsageError(`input 'datasets': '${line}' is not of the form path=<sha256 hex>.`);
    datasets[match[1]] = match[2];
  }
  const releaseText = core.getInput("release").trim().toLowerCase();
  if (!["", "true", "false"].includes(releaseText))
    throw new UsageError(`input 'release' must be true or false, not '${releaseText}'.`);
  return {
    name: core.getInput("name", { required: true }).trim(),
    artifact: core.getInput("artifact", { required: true }).trim(),
    metrics: optional("metrics"),
    params: optional("params"),
    bump: bumpText === "" ? undefined : (bumpText as RequestedBump),
    datasets,
    store: optional("store"),
    release: releaseText !== "false",
    githubToken: core.getInput("github-token").trim(),
  };
}
