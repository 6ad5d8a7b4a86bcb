import { isScalar, isSeq, type Node } from "yaml";
import { parseYamlDocument, type YamlDocument } from "../config/yaml-document.js";
import { ConfigError } from "../errors.js";
import { mapEntries, rejectUnknownKeys } from "./yaml-map-entries.js";

/**
 * The promotion policy in `.github/kiln.yml`: who may approve a move to each stage, how many
 * approvals it takes, and which evidence must hold. The bot always reads it from the pull
 * request's base branch, so a pull request can never weaken its own gate.
 *
 * ```yaml
 * promotion:
 *   open_pull_request_on_register: staging
 *   stages:
 *     staging:
 *       approvals: 1
 *       approvers: [alice, "@acme/ml"]
 *     production:
 *       approvals: 2
 *       approvers: ["@acme/ml-leads", codeowners]
 *       require_default_branch: true
 *       require_clean_drift: true
 *       rules:
 *         - { metric: accuracy, min: 0.8 }
 *         - { metric: accuracy, max_regression: 0.01 }
 * ```
 */
export const PromotableStage = { staging: "staging", production: "production" } as const;
export type PromotableStage = (typeof PromotableStage)[keyof typeof PromotableStage];
const promotableStages = Object.values(PromotableStage);

export type Approver =
  | { kind: "user"; login: string }
  | { kind: "team"; org: string; slug: string }
  | { kind: "codeowners" };

export interface MetricRule {
  metric: string;
  /** The candidate's value must be at least this. */
  min?: number;
  /** The candidate's value must be at most this. */
  max?: number;
  /** The candidate may be worse than the stage's current holder by at most this much (absolute). */
  maxRegression?: number;
  /** Whether a larger value is better; error metrics (mae, rmse, mape, log_loss) default to false. */
  higherIsBetter: boolean;
}

export interface StagePolicy {
  /** Approvals from eligible reviewers on the head commit needed to pass. */
  approvals: number;
  /** Who is eligible; an empty list means anyone with write access except the author. */
  approvers: Approver[];
  /** The version must have been trained from the default branch. */
  requireDefaultBranch: boolean;
  /** The model must have no open drift issue. */
  requireCleanDrift: boolean;
  rules: MetricRule[];
}

export interface PromotionPolicy {
  /** Where the policy was read from, for messages. */
  source: string;
  stages: Partial<Record<PromotableStage, StagePolicy>>;
  /** Open a pull request moving each newly registered version to this stage. */
  openPullRequestOnRegister: PromotableStage | undefined;
}

/** Metrics for which a smaller value is better unless a rule says otherwise. */
const lowerIsBetterMetrics = new Set(["mae", "rmse", "mse", "mape", "log_loss", "logloss", "loss", "error"]);

export function parsePromotionPolicy(text: string, file = ".github/kiln.yml"): PromotionPolicy {
  const yaml = parseYamlDocument(text, file, { syntaxErrorLead: "invalid YAML" });
  const top = mapEntries(yaml, yaml.root, "the policy file");
  rejectUnknownKeys(yaml, top, ["promotion"], "the policy file");
  const promotion = top.find(([key]) => key === "promotion");
  if (!promotion) {
    throw new ConfigError({ file, line: 1, column: 1 }, "missing 'promotion:' section.", {
      hint: "Add `promotion: { stages: { production: { approvals: 2, approvers: [...] } } }`.",
    });
  }
  const entries = mapEntries(yaml, promotion[1], "'promotion'");
  rejectUnknownKeys(yaml, entries, ["stages", "open_pull_request_on_register"], "'promotion'");
  const policy: PromotionPolicy = { source: file, stages: {}, openPullRequestOnRegister: undefined };
  for (const [key, value] of entries) {
    if (key === "open_pull_request_on_register") {
      if (isScalar(value) && value.value === false) continue;
      policy.openPullRequestOnRegister = stageName(yaml, value, "'open_pull_request_on_register'");
    } else {
      for (const [name, stageNode, keyNode] of mapEntries(yaml, value, "'promotion.stages'")) {
        const stage = stageName(yaml, keyNode, "'promotion.stages'");
        policy.stages[stage] = parseStagePolicy(yaml, stageNode, `'promotion.stages.${name}'`);
      }
    }
  }
  if (Object.keys(policy.stages).length === 0) {
    throw new ConfigError(yaml.positionOf(promotion[2]), "'promotion.stages' names no stage.", {
      hint: `Add at least one of: ${promotableStages.join(", ")}.`,
    });
  }
  return policy;
}

function stageName(yaml: YamlDocument, node: Node | null, what: string): PromotableStage {
  const value = isScalar(node) ? String(node.value) : "";
  if ((promotableStages as string[]).includes(value)) return value as PromotableStage;
  throw new ConfigError(
    yaml.positionOf(node),
    `${what}: '${value}' is not a stage that can be gated; expected one of: ${promotableStages.join(", ")}.`,
  );
}

function parseStagePolicy(yaml: YamlDocument, node: Node | null, what: string): StagePolicy {
  const entries = mapEntries(yaml, node, what);
  rejectUnknownKeys(
    yaml,
    entries,
    ["approvals", "approvers", "require_default_branch", "require_clean_drift", "rules"],
    what,
  );
  const policy: StagePolicy = {
    approvals: 1,
    approvers: [],
    requireDefaultBranch: false,
    requireCleanDrift: false,
    rules: [],
  };
  for (const [key, value] of entries) {
    const field = `${what}.${key}`;
    switch (key) {
      case "approvals":
        policy.approvals = integer(yaml, value, field, 0);
        break;
      case "approvers":
        policy.approvers = list(yaml, value, field).map((item) => parseApprover(yaml, item, field));
        break;
      case "require_default_branch":
        policy.requireDefaultBranch = boolean(yaml, value, field);
        break;
      case "require_clean_drift":
        policy.requireCleanDrift = boolean(yaml, value, field);
        break;
      case "rules":
        policy.rules = list(yaml, value, field).map((item, i) => parseRule(yaml, item, `${field}[${i}]`));
        break;
    }
  }
  return policy;
}

function parseApprover(yaml: YamlDocument, node: Node | null, what: string): Approver {
  const text = isScalar(node) && typeof node.value === "string" ? node.value.trim() : "";
  if (text === "codeowners") return { kind: "codeowners" };
  const team = /^@([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text);
  if (team) return { kind: "team", org: team[1] ?? "", slug: team[2] ?? "" };
  const user = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(text);
  if (user) return { kind: "user", login: user[1] ?? "" };
  throw new ConfigError(
    yaml.positionOf(node),
    `${what}: '${text}' is not an approver; expected a GitHub login, '@org/team', or 'codeowners'.`,
  );
}

function parseRule(yaml: YamlDocument, node: Node | null, what: string): MetricRule {
  const entries = mapEntries(yaml, node, what);
  rejectUnknownKeys(yaml, entries, ["metric", "min", "max", "max_regression", "higher_is_better"], what);
  let metric: string | undefined;
  const rule: Omit<MetricRule, "metric" | "higherIsBetter"> & { higherIsBetter?: boolean } = {};
  for (const [key, value] of entries) {
    const field = `${what}.${key}`;
    if (key === "metric") {
      if (!isScalar(value) || typeof value.value !== "string" || value.value === "") {
        throw new ConfigError(yaml.positionOf(value), `${field} must be a metric name.`);
      }
      metric = value.value;
    } else if (key === "higher_is_better") rule.higherIsBetter = boolean(yaml, value, field);
    else if (key === "min") rule.min = number(yaml, value, field);
    else if (key === "max") rule.max = number(yaml, value, field);
    else if (key === "max_regression") rule.maxRegression = number(yaml, value, field);
  }
  if (metric === undefined) throw new ConfigError(yaml.positionOf(node), `${what} needs a 'metric'.`);
  if (rule.min === undefined && rule.max === undefined && rule.maxRegression === undefined) {
    throw new ConfigError(
      yaml.positionOf(node),
      `${what} sets no bound; give 'min', 'max' or 'max_regression'.`,
    );
  }
  return {
    ...rule,
    metric,
    higherIsBetter: rule.higherIsBetter ?? !lowerIsBetterMetrics.has(metric.toLowerCase()),
  };
}

function list(yaml: YamlDocument, node: Node | null, what: string): Array<Node | null> {
  if (!isSeq(node)) throw new ConfigError(yaml.positionOf(node), `${what} must be a list.`);
  return node.items as Array<Node | null>;
}

function number(yaml: YamlDocument, node: Node | null, what: string): number {
  if (isScalar(node) && typeof node.value === "number" && Number.isFinite(node.value)) return node.value;
  throw new ConfigError(yaml.positionOf(node), `${what} must be a number.`);
}

function integer(yaml: YamlDocument, node: Node | null, what: string, min: number): number {
  const value = number(yaml, node, what);
  if (Number.isInteger(value) && value >= min) return value;
  throw new ConfigError(yaml.positionOf(node), `${what} must be a whole number of at least ${min}.`);
}

function boolean(yaml: YamlDocument, node: Node | null, what: string): boolean {
  if (isScalar(node) && typeof node.value === "boolean") return node.value;
  throw new ConfigError(yaml.positionOf(node), `${what} must be true or false.`);
}
