import { type ApprovalTally, countApprovals, type ReviewFact } from "./count-approvals.js";
import type { PromotionRequest } from "./desired-stages.js";
import type { MetricRule, PromotableStage, PromotionPolicy } from "./promotion-policy.js";

/** What the registry knows about one model version, as evidence for the gate. */
export interface VersionEvidence {
  model: string;
  version: string;
  /** Whether the version exists and its stored artifact verifies against its digest. */
  verified: boolean;
  /** Why it does not verify (missing version, digest mismatch), when it does not. */
  problem?: string;
  metrics: Record<string, number>;
  /** Lineage: the branch and commit it was trained from, the run, dataset digests. */
  branch?: string;
  commit?: string;
  runUrl?: string;
  releaseUrl?: string;
  datasets?: Record<string, string>;
}

export interface GateInput {
  policy: PromotionPolicy;
  pullRequest: {
    number: number;
    author: string;
    headSha: string;
    changedFiles: readonly string[];
    defaultBranch: string;
  };
  /** The policy file's path, to refuse requests that also change their own gate. */
  policyPath: string;
  requests: readonly PromotionRequest[];
  reviews: readonly ReviewFact[];
  appLogin: string;
  /** Whether `login` may approve a move to `stage` (teams and CODEOWNERS resolved beforehand). */
  isEligible(stage: PromotableStage, login: string): boolean;
  /** Evidence for every requested version, keyed `model@version`. */
  candidates: ReadonlyMap<string, VersionEvidence>;
  /** The current Production holder of each model, keyed by model. */
  production: ReadonlyMap<string, VersionEvidence | undefined>;
  /** Signature changes of each candidate against Production, keyed `model@version`. */
  signatureChanges: ReadonlyMap<string, readonly string[]>;
  /** Drift status of each model: whether an open drift issue exists. */
  drift: ReadonlyMap<string, { clean: boolean; detail?: string }>;
}

export interface RuleOutcome {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface ModelEvidence {
  request: PromotionRequest;
  candidate: VersionEvidence | undefined;
  production: VersionEvidence | undefined;
  signatureChanges: readonly string[];
  rules: RuleOutcome[];
}

export interface GateResult {
  passed: boolean;
  /** One sentence per reason the gate is closed, naming the rule that decided. */
  failures: string[];
  approvals: ApprovalTally[];
  models: ModelEvidence[];
}

/** Decide a promotion request. Pure: every fact it needs is in `input`. */
export function evaluateGate(input: GateInput): GateResult {
  const failures: string[] = [];
  const { policy, pullRequest } = input;

  if (input.requests.length === 0) {
    failures.push("The pull request changes no stage in registry/; there is nothing to promote.");
  }
  if (pullRequest.changedFiles.includes(input.policyPath)) {
    failures.push(
      `The pull request also changes ${input.policyPath}, the policy that gates it. Change the policy in a separate pull request.`,
    );
  }

  const models: ModelEvidence[] = [];
  for (const request of input.requests) {
    const stagePolicy = policy.stages[request.stage];
    const key = `${request.model}@${request.to ?? ""}`;
    const candidate = request.to === undefined ? undefined : input.candidates.get(key);
    const production = input.production.get(request.model);
    const evidence: ModelEvidence = {
      request,
      candidate,
      production,
      signatureChanges: input.signatureChanges.get(key) ?? [],
      rules: [],
    };
    models.push(evidence);
    if (!stagePolicy) {
      failures.push(
        `${request.model}: no policy for stage '${request.stage}' in ${policy.source}; only ${Object.keys(policy.stages).join(", ")} can be promoted.`,
      );
      continue;
    }
    if (request.to === undefined) continue;
    if (!candidate?.verified) {
      failures.push(`${key}: ${candidate?.problem ?? "no such version in the registry"}.`);
      continue;
    }
    if (stagePolicy.requireDefaultBranch) {
      const passed = candidate.branch === pullRequest.defaultBranch;
      evidence.rules.push({
        rule: "trained on the default branch",
        passed,
        detail: `trained on '${candidate.branch ?? "unknown"}', default is '${pullRequest.defaultBranch}'`,
      });
      if (!passed)
        failures.push(
          `${key}: was not trained on the default branch '${pullRequest.defaultBranch}' (policy require_default_branch).`,
        );
    }
    if (stagePolicy.requireCleanDrift) {
      const drift = input.drift.get(request.model);
      const passed = drift?.clean ?? true;
      evidence.rules.push({ rule: "no open drift issue", passed, detail: drift?.detail ?? "no drift issue" });
      if (!passed) failures.push(`${request.model}: has an open drift issue (policy require_clean_drift).`);
    }
    for (const rule of stagePolicy.rules) {
      const outcome = checkMetricRule(rule, candidate, production);
      evidence.rules.push(outcome);
      if (!outcome.passed) failures.push(`${key}: metric rule '${outcome.rule}' failed: ${outcome.detail}.`);
    }
  }

  const approvals: ApprovalTally[] = [];
  const stages = [...new Set(input.requests.map((r) => r.stage))];
  for (const stage of stages) {
    const stagePolicy = policy.stages[stage];
    if (!stagePolicy) continue;
    const tally = countApprovals(input.reviews, {
      stage,
      required: stagePolicy.approvals,
      author: pullRequest.author,
      headSha: pullRequest.headSha,
      appLogin: input.appLogin,
      isEligible: (login) => input.isEligible(stage, login),
    });
    approvals.push(tally);
    for (const blocker of tally.blocking) {
      failures.push(
        `${blocker.login} (eligible for ${stage}) requested changes; their review must be resolved or dismissed.`,
      );
    }
    if (tally.counted.length < tally.required) {
      failures.push(
        `${stage} needs ${tally.required} approval${tally.required === 1 ? "" : "s"} from eligible reviewers on the head commit; ${tally.counted.length} counted.`,
      );
    }
  }

  return { passed: failures.length === 0, failures, approvals, models };
}

export function describeRule(rule: MetricRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.metric} ≥ ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.metric} ≤ ${rule.max}`);
  if (rule.maxRegression !== undefined) {
    parts.push(`${rule.metric} no worse than Production by more than ${rule.maxRegression}`);
  }
  return parts.join(", ");
}

function checkMetricRule(
  rule: MetricRule,
  candidate: VersionEvidence,
  production: VersionEvidence | undefined,
): RuleOutcome {
  const name = describeRule(rule);
  const value = candidate.metrics[rule.metric];
  if (value === undefined) {
    return { rule: name, passed: false, detail: `the version records no metric '${rule.metric}'` };
  }
  if (rule.min !== undefined && value < rule.min) {
    return { rule: name, passed: false, detail: `${rule.metric} is ${value}, below ${rule.min}` };
  }
  if (rule.max !== undefined && value > rule.max) {
    return { rule: name, passed: false, detail: `${rule.metric} is ${value}, above ${rule.max}` };
  }
  if (rule.maxRegression !== undefined) {
    const current = production?.metrics[rule.metric];
    if (current === undefined) {
      return {
        rule: name,
        passed: true,
        detail: `${rule.metric} is ${value}; nothing in Production to compare with`,
      };
    }
    const worseBy = rule.higherIsBetter ? current - value : value - current;
    if (worseBy > rule.maxRegression) {
      return {
        rule: name,
        passed: false,
        detail: `${rule.metric} is ${value} against ${current} in Production (${production?.version}), worse by ${round(worseBy)}`,
      };
    }
    return {
      rule: name,
      passed: true,
      detail: `${rule.metric} is ${value} against ${current} in Production`,
    };
  }
  return { rule: name, passed: true, detail: `${rule.metric} is ${value}` };
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
