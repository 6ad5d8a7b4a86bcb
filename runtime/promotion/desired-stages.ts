import semver from "semver";
import { isScalar } from "yaml";
import { parseYamlDocument } from "../config/yaml-document.js";
import { ConfigError } from "../errors.js";
import { type PromotableStage, PromotableStage as Stages } from "./promotion-policy.js";
import { mapEntries, rejectUnknownKeys } from "./yaml-map-entries.js";

/**
 * `registry/<model>.yaml`: the stage each version of a model should hold, e.g.
 * `production: 1.3.0` and `staging: 1.4.0`. A pull request that changes it is a promotion
 * request; merging it is the promotion.
 */
export type DesiredStages = Partial<Record<PromotableStage, string>>;

export const registryFolder = "registry";

/** The model a desired-state path belongs to, or undefined for any other path. */
export function modelOfRegistryPath(path: string): string | undefined {
  const match = /^registry\/([A-Za-z0-9][A-Za-z0-9._-]*)\.ya?ml$/.exec(path);
  return match?.[1];
}

export function registryPath(model: string): string {
  return `${registryFolder}/${model}.yaml`;
}

export function parseDesiredStages(text: string, file: string): DesiredStages {
  if (text.trim() === "") return {};
  const yaml = parseYamlDocument(text, file, { syntaxErrorLead: "invalid YAML" });
  const entries = mapEntries(yaml, yaml.root, file);
  const stages = Object.values(Stages);
  rejectUnknownKeys(yaml, entries, stages, file);
  const desired: DesiredStages = {};
  for (const [key, value] of entries) {
    if (isScalar(value) && (value.value === null || value.value === "")) continue;
    const version = isScalar(value) ? String(value.value) : "";
    if (semver.valid(version) === null) {
      throw new ConfigError(
        yaml.positionOf(value),
        `'${key}' must be a version like 1.2.0, not '${version}'.`,
      );
    }
    desired[key as PromotableStage] = version;
  }
  return desired;
}

/** The file text for a model's desired stages (a pure function, stable key order). */
export function renderDesiredStages(model: string, desired: DesiredStages): string {
  const lines = [
    `# Desired stages of model '${model}'. A pull request that changes this file is a promotion request.`,
  ];
  for (const stage of Object.values(Stages)) {
    const version = desired[stage];
    if (version !== undefined) lines.push(`${stage}: ${version}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One change a pull request asks for: `model` moves `stage` from `from` to `to`. */
export interface PromotionRequest {
  model: string;
  stage: PromotableStage;
  /** The version holding the stage on the base branch. */
  from: string | undefined;
  /** The version the pull request asks for; undefined removes the stage. */
  to: string | undefined;
}

export function promotionRequests(
  model: string,
  base: DesiredStages,
  head: DesiredStages,
): PromotionRequest[] {
  return Object.values(Stages)
    .filter((stage) => base[stage] !== head[stage])
    .map((stage) => ({ model, stage, from: base[stage], to: head[stage] }));
}
