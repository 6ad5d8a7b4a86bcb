import { describe, expect, it } from "vitest";
import { ConfigError } from "../../runtime/errors.js";
import type { ReviewFact } from "../../runtime/promotion/count-approvals.js";
import { parseDesiredStages, promotionRequests } from "../../runtime/promotion/desired-stages.js";
import { evaluateGate, type GateInput, type VersionEvidence } from "../../runtime/promotion/evaluate-gate.js";
import { fitToLimit, renderGateReport } from "../../runtime/promotion/gate-report.js";
import { parsePromotionPolicy } from "../../runtime/promotion/promotion-policy.js";

const head = "a".repeat(40);
const older = "b".repeat(40);

const policyText = `promotion:
  stages:
    staging:
      approvals: 1
    production:
      approvals: 2
      approvers: [alice, bob, carol, "@acme/ml-leads"]
      require_default_branch: true
      rules:
        - { metric: accuracy, min: 0.8 }
        - { metric: accuracy, max_regression: 0.01 }
        - { metric: log_loss, max_regression: 0.05 }
`;

function version(overrides: Partial<VersionEvidence> = {}): VersionEvidence {
  return {
    model: "weather",
    version: "1.1.0",
    verified: true,
    metrics: { accuracy: 0.86, log_loss: 0.4 },
    branch: "main",
    commit: "c".repeat(40),
    ...overrides,
  };
}

let reviewId = 0;
function review(
  login: string,
  state: ReviewFact["state"] = "APPROVED",
  overrides: Partial<ReviewFact> = {},
): ReviewFact {
  reviewId += 1;
  return {
    id: reviewId,
    login,
    state,
    commitId: head,
    submittedAt: `2026-11-28T10:${String(reviewId).padStart(2, "0")}:00Z`,
    isBot: false,
    ...overrides,
  };
}

function gateInput(overrides: Partial<GateInput> = {}): GateInput {
  const teamMembers = new Set(["dave"]);
  const productionApprovers = new Set(["alice", "bob", "carol"]);
  return {
    policy: parsePromotionPolicy(policyText),
    policyPath: ".github/kiln.yml",
    pullRequest: {
      number: 7,
      author: "erin",
      headSha: head,
      changedFiles: ["registry/weather.yaml"],
      defaultBranch: "main",
    },
    requests: [{ model: "weather", stage: "production", from: "1.0.0", to: "1.1.0" }],
    reviews: [review("alice"), review("bob")],
    appLogin: "kiln[bot]",
    isEligible: (stage, login) =>
      stage === "staging" || productionApprovers.has(login) || teamMembers.has(login),
    candidates: new Map([["weather@1.1.0", version()]]),
    production: new Map([
      ["weather", version({ version: "1.0.0", metrics: { accuracy: 0.85, log_loss: 0.42 } })],
    ]),
    signatureChanges: new Map(),
    drift: new Map(),
    ...overrides,
  };
}

describe("the promotion gate", () => {
  it("passes with two eligible approvals on the head commit and every rule holding", () => {
    const result = evaluateGate(gateInput());
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.approvals[0]?.counted.map((a) => a.login).sort()).toEqual(["alice", "bob"]);
  });

  describe.each([
    {
      case: "the author approving their own request",
      reviews: () => [review("alice"), review("erin")],
      ignored: ["erin", "the author cannot approve their own request"],
    },
    {
      case: "an approval given before a new commit",
      reviews: () => [review("alice"), review("bob", "APPROVED", { commitId: older })],
      ignored: ["bob", "approved an earlier commit (bbbbbbb), not the head (aaaaaaa)"],
    },
    {
      case: "an approval from someone outside the policy",
      reviews: () => [review("alice"), review("mallory")],
      ignored: ["mallory", "not an eligible approver for production"],
    },
    {
      case: "an approval by the app itself",
      reviews: () => [review("alice"), review("kiln[bot]", "APPROVED", { isBot: true })],
      ignored: ["kiln[bot]", "approvals by apps do not count"],
    },
  ])("refuses $case", ({ reviews, ignored }) => {
    it("and says which approval was ignored and why", () => {
      const result = evaluateGate(gateInput({ reviews: reviews() }));
      expect(result.passed).toBe(false);
      expect(result.failures).toContain(
        "production needs 2 approvals from eligible reviewers on the head commit; 1 counted.",
      );
      expect(result.approvals[0]?.ignored).toContainEqual(
        expect.objectContaining({ login: ignored[0], reason: ignored[1] }),
      );
      const report = renderGateReport(result);
      expect(report.text).toContain(`| @${ignored[0]} | ➖ ignored | ${ignored[1]} |`);
    });
  });

  it("counts only each reviewer's latest verdict, and a later comment does not undo an approval", () => {
    const reviews = [
      review("alice", "CHANGES_REQUESTED"),
      review("alice"),
      review("bob"),
      review("bob", "COMMENTED"),
    ];
    expect(evaluateGate(gateInput({ reviews })).passed).toBe(true);
  });

  it("is blocked by an eligible reviewer's outstanding request for changes", () => {
    const reviews = [review("alice"), review("bob"), review("carol", "CHANGES_REQUESTED")];
    const result = evaluateGate(gateInput({ reviews }));
    expect(result.passed).toBe(false);
    expect(result.failures).toContain(
      "carol (eligible for production) requested changes; their review must be resolved or dismissed.",
    );
  });

  it("is not blocked by changes requested by someone outside the policy", () => {
    const reviews = [review("alice"), review("bob"), review("mallory", "CHANGES_REQUESTED")];
    expect(evaluateGate(gateInput({ reviews })).passed).toBe(true);
  });

  it("refuses a pull request that also edits the policy that gates it", () => {
    const result = evaluateGate(
      gateInput({
        pullRequest: {
          ...gateInput().pullRequest,
          changedFiles: ["registry/weather.yaml", ".github/kiln.yml"],
        },
      }),
    );
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toMatch(/also changes \.github\/kiln\.yml, the policy that gates it/);
  });

  it("refuses a version that is not in the registry", () => {
    const result = evaluateGate(gateInput({ candidates: new Map() }));
    expect(result.failures).toContain("weather@1.1.0: no such version in the registry.");
  });

  it("refuses a version whose artifact does not verify, quoting the problem", () => {
    const candidates = new Map([["weather@1.1.0", version({ verified: false, problem: "digest mismatch" })]]);
    expect(evaluateGate(gateInput({ candidates })).failures).toContain("weather@1.1.0: digest mismatch.");
  });

  describe.each([
    { metrics: { accuracy: 0.79, log_loss: 0.4 }, failure: "accuracy is 0.79, below 0.8" },
    {
      metrics: { accuracy: 0.83, log_loss: 0.4 },
      failure: "accuracy is 0.83 against 0.85 in Production (1.0.0), worse by 0.02",
    },
    {
      metrics: { accuracy: 0.86, log_loss: 0.5 },
      failure: "log_loss is 0.5 against 0.42 in Production (1.0.0), worse by 0.08",
    },
    { metrics: { log_loss: 0.4 }, failure: "the version records no metric 'accuracy'" },
  ])("with metrics $metrics", ({ metrics, failure }) => {
    it("refuses the promotion and names the broken rule", () => {
      const candidates = new Map([["weather@1.1.0", version({ metrics })]]);
      const result = evaluateGate(gateInput({ candidates }));
      expect(result.passed).toBe(false);
      expect(result.failures.some((f) => f.includes(failure))).toBe(true);
    });
  });

  it("refuses a version trained off the default branch when the policy asks for it", () => {
    const candidates = new Map([["weather@1.1.0", version({ branch: "experiment" })]]);
    expect(evaluateGate(gateInput({ candidates })).failures).toContain(
      "weather@1.1.0: was not trained on the default branch 'main' (policy require_default_branch).",
    );
  });

  it("applies each stage's own quorum when one pull request moves two stages", () => {
    const requests = [
      { model: "weather", stage: "production" as const, from: "1.0.0", to: "1.1.0" },
      { model: "weather", stage: "staging" as const, from: "1.1.0", to: undefined },
    ];
    const result = evaluateGate(gateInput({ requests, reviews: [review("alice")] }));
    expect(result.approvals.map((a) => [a.stage, a.counted.length, a.required])).toEqual([
      ["production", 1, 2],
      ["staging", 1, 1],
    ]);
    expect(result.failures).toEqual([
      "production needs 2 approvals from eligible reviewers on the head commit; 1 counted.",
    ]);
  });

  it("shows the evidence: metrics against Production, rules, signature and lineage", () => {
    const report = renderGateReport(
      evaluateGate(gateInput({ signatureChanges: new Map([["weather@1.1.0", ["input 'wind' removed"]]]) })),
    );
    expect(report.title).toBe("Promotion approved: every rule holds");
    expect(report.text).toContain("| accuracy | 0.86 | 0.85 | +0.01 |");
    expect(report.text).toContain("**Signature changes:** input 'wind' removed.");
    expect(report.text).toContain("commit ccccccc");
  });
});

describe("the promotion policy file", () => {
  it("reads stages, approvers of each kind and rules", () => {
    const policy = parsePromotionPolicy(policyText);
    expect(policy.stages.production?.approvers).toEqual([
      { kind: "user", login: "alice" },
      { kind: "user", login: "bob" },
      { kind: "user", login: "carol" },
      { kind: "team", org: "acme", slug: "ml-leads" },
    ]);
    expect(policy.stages.production?.rules[2]).toMatchObject({ metric: "log_loss", higherIsBetter: false });
    expect(policy.stages.staging?.approvals).toBe(1);
  });

  describe.each([
    {
      text: "promotion:\n  stages:\n    production:\n      aprovals: 2\n",
      message:
        ".github/kiln.yml:4:7: unknown key 'aprovals' in 'promotion.stages.production'. Did you mean 'approvals'?",
    },
    {
      text: "promotion:\n  stages:\n    production:\n      approvals: two\n",
      message: ".github/kiln.yml:4:18: 'promotion.stages.production'.approvals must be a number.",
    },
    {
      text: "promotion:\n  stages:\n    canary:\n      approvals: 1\n",
      message: ".github/kiln.yml:3:5: 'promotion.stages': 'canary' is not a stage that can be gated",
    },
    {
      text: "promotion:\n  stages:\n    production:\n      rules:\n        - { metric: accuracy }\n",
      message: ".github/kiln.yml:5:11: 'promotion.stages.production'.rules[0] sets no bound",
    },
    {
      text: 'promotion:\n  stages:\n    production:\n      approvers: ["not a login!"]\n',
      message:
        ".github/kiln.yml:4:19: 'promotion.stages.production'.approvers: 'not a login!' is not an approver",
    },
    { text: "promotion: [\n", message: ".github/kiln.yml:2:1: invalid YAML" },
  ])("with a mistake", ({ text, message }) => {
    it(`fails with '${message}'`, () => {
      expect(() => parsePromotionPolicy(text)).toThrowError(ConfigError);
      expect(() => parsePromotionPolicy(text)).toThrowError(message);
    });
  });
});

describe("the desired-stage files in registry/", () => {
  it("turns a change between base and head into promotion requests", () => {
    const base = parseDesiredStages("production: 1.0.0\nstaging: 1.1.0\n", "registry/weather.yaml");
    const next = parseDesiredStages("production: 1.1.0\n", "registry/weather.yaml");
    expect(promotionRequests("weather", base, next)).toEqual([
      { model: "weather", stage: "staging", from: "1.1.0", to: undefined },
      { model: "weather", stage: "production", from: "1.0.0", to: "1.1.0" },
    ]);
  });

  it("refuses a version that is not semver, with its position", () => {
    expect(() => parseDesiredStages("production: latest\n", "registry/weather.yaml")).toThrowError(
      "registry/weather.yaml:1:13: 'production' must be a version like 1.2.0, not 'latest'.",
    );
  });
});

describe("bodies sent to GitHub", () => {
  it("are trimmed under the 65,536-character limit with a note saying how much was left out", () => {
    const text = fitToLimit("x".repeat(70_000));
    expect(text.length).toBeLessThanOrEqual(65_535);
    expect(text).toMatch(/… \d+ characters left out to stay under GitHub's 65535-character limit\.$/);
  });
});
