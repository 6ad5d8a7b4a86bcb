import { ConfigError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";
import {
  type DesiredStages,
  modelOfRegistryPath,
  type PromotionRequest,
  parseDesiredStages,
  promotionRequests,
} from "./desired-stages.js";
import { evaluateGate, type GateResult, type VersionEvidence } from "./evaluate-gate.js";
import {
  type CheckRunOutput,
  renderGateReport,
  renderNoPromotionReport,
  renderProblemReport,
} from "./gate-report.js";
import type { CheckConclusion, PromotionGitHubPort, PullRequestFacts } from "./promotion-github-port.js";
import { type PromotionPolicy, parsePromotionPolicy } from "./promotion-policy.js";
import { resolveEligibility } from "./resolve-eligibility.js";
import { evidenceOf, gatherModelFacts } from "./version-evidence.js";

/** Where the policy lives; a repository without it on the base branch has not opted in. */
export const policyPath = ".github/kiln.yml";

/** The name of the check run branch protection requires. */
export const promotionCheckName = "kiln/promotion";

export interface PromotionDeps {
  port: PromotionGitHubPort;
  store: ObjectStore;
  logger: Logger;
  /** The app's own login (`<slug>[bot]`), whose reviews never count. */
  appLogin: string;
  /** Artifacts this process has verified already (kept by the bot across events). */
  verifiedArtifacts?: Set<string>;
}

export type PromotionReview =
  /** Nothing to do: the repository has no policy on the base branch, or the pull request is closed. */
  | { kind: "skipped"; reason: string }
  | {
      kind: "checked";
      pullRequest: PullRequestFacts;
      conclusion: CheckConclusion;
      output: CheckRunOutput;
      /** The gate's decision, when the request could be evaluated. */
      result?: GateResult;
    };

/**
 * Read the policy at the pull request's BASE commit. (Probot's `context.config` reads the default
 * branch, which is not the base of every pull request; reading at the base sha also means a pull
 * request can never weaken its own gate.) Undefined when the repository has not opted in.
 */
export async function readBasePolicy(
  port: PromotionGitHubPort,
  baseSha: string,
): Promise<PromotionPolicy | undefined> {
  const text = await port.readFile(policyPath, baseSha);
  return text === undefined ? undefined : parsePromotionPolicy(text, policyPath);
}

/** Evaluate a pull request as a promotion request: the facts from GitHub and the registry, then the pure gate. */
export async function reviewPromotion(
  deps: PromotionDeps,
  pullNumber: number,
  options: {
    /** Evaluate a merged pull request too (the promote step checks that the gate held at merge). */
    merged?: boolean;
  } = {},
): Promise<PromotionReview> {
  const { port, store } = deps;
  const pullRequest = await port.getPullRequest(pullNumber);
  const evaluable = pullRequest.state === "open" || (options.merged === true && pullRequest.merged);
  if (!evaluable) return { kind: "skipped", reason: `#${pullNumber} is closed` };
  const blocked = (title: string, problems: string[]): PromotionReview => ({
    kind: "checked",
    pullRequest,
    conclusion: "failure",
    output: renderProblemReport(title, problems),
  });

  let policy: PromotionPolicy | undefined;
  try {
    policy = await readBasePolicy(port, pullRequest.baseSha);
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) throw error;
    return blocked("Promotion blocked: the policy is invalid", [
      `${error.message} (read from the base branch '${pullRequest.baseRef}'; fix it there first).`,
    ]);
  }
  if (policy === undefined)
    return { kind: "skipped", reason: `${port.repository} has no ${policyPath} on ${pullRequest.baseRef}` };

  const changedFiles = await port.changedFiles(pullNumber);
  const registryFiles = [...new Set(changedFiles.filter((file) => modelOfRegistryPath(file) !== undefined))];
  if (registryFiles.length === 0) {
    return { kind: "checked", pullRequest, conclusion: "neutral", output: renderNoPromotionReport() };
  }

  const requests: PromotionRequest[] = [];
  const problems: string[] = [];
  for (const file of registryFiles.sort()) {
    const model = modelOfRegistryPath(file) ?? "";
    const read = async (sha: string): Promise<DesiredStages> =>
      parseDesiredStages((await port.readFile(file, sha)) ?? "", file);
    try {
      requests.push(
        ...promotionRequests(model, await read(pullRequest.baseSha), await read(pullRequest.headSha)),
      );
    } catch (error: unknown) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) return blocked("Promotion blocked: a registry file is invalid", problems);

  const reviews = await port.reviews(pullNumber);
  const stages = [...new Set(requests.map((r) => r.stage))];
  const isEligible = await resolveEligibility(port, {
    policy,
    stages,
    reviewers: [...new Set(reviews.map((r) => r.login))],
    registryFiles,
    baseSha: pullRequest.baseSha,
  });

  const candidates = new Map<string, VersionEvidence>();
  const production = new Map<string, VersionEvidence | undefined>();
  const signatureChanges = new Map<string, readonly string[]>();
  const drift = new Map<string, { clean: boolean; detail?: string }>();
  for (const request of requests) {
    if (request.to === undefined) continue;
    const facts = await gatherModelFacts(store, request.model, request.to, deps.verifiedArtifacts);
    const key = `${request.model}@${request.to}`;
    candidates.set(key, facts.candidate);
    signatureChanges.set(key, facts.signatureChanges);
    production.set(request.model, facts.production && evidenceOf(facts.production, true));
    if (policy.stages[request.stage]?.requireCleanDrift && !drift.has(request.model)) {
      const issues = await port.openDriftIssues(request.model);
      drift.set(
        request.model,
        issues.length === 0
          ? { clean: true, detail: "no open drift issue" }
          : { clean: false, detail: `open: ${issues.map((i) => `[#${i.number}](${i.url})`).join(", ")}` },
      );
    }
  }

  const result = evaluateGate({
    policy,
    policyPath,
    pullRequest: {
      number: pullRequest.number,
      author: pullRequest.author,
      headSha: pullRequest.headSha,
      changedFiles,
      defaultBranch: await port.defaultBranch(),
    },
    requests,
    reviews,
    appLogin: deps.appLogin,
    isEligible,
    candidates,
    production,
    signatureChanges,
    drift,
  });
  return {
    kind: "checked",
    pullRequest,
    conclusion: result.passed ? "success" : "failure",
    output: renderGateReport(result),
    result,
  };
}

/** Review a pull request and set the `kiln/promotion` check run on its head commit. */
export async function publishPromotionCheck(
  deps: PromotionDeps,
  pullNumber: number,
): Promise<PromotionReview> {
  const review = await reviewPromotion(deps, pullNumber);
  if (review.kind === "skipped") {
    deps.logger.debug(`kiln/promotion: #${pullNumber} skipped: ${review.reason}.`);
    return review;
  }
  await deps.port.publishCheckRun({
    name: promotionCheckName,
    sha: review.pullRequest.headSha,
    conclusion: review.conclusion,
    output: review.output,
  });
  deps.logger.info(
    `kiln/promotion on #${pullNumber} (${review.pullRequest.headSha.slice(0, 7)}): ${review.conclusion}: ${review.output.title}`,
  );
  return review;
}
