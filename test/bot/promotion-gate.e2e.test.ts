import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createModelsRepo,
  openPullRequest,
  type PromotionWorld,
  promotionCheck,
  promotionChecks,
  review,
  startPromotionWorld,
} from "./promotion-world.js";

let world: PromotionWorld;
beforeAll(async () => {
  world = await startPromotionWorld();
}, 60_000);
afterAll(async () => {
  expect(world.github.serverErrors).toEqual([]);
  await world?.stop();
});

const promoteTo = (version: string) => ({ "registry/iris.yaml": `production: ${version}\n` });

describe("the kiln/promotion check on a pull request that changes registry/iris.yaml", () => {
  it("passes with two eligible approvals on the head commit and shows the evidence", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
    const pending = promotionCheck(world, repo, pr.headSha);
    expect(pending.conclusion).toBe("failure");
    expect(pending.text).toContain(
      "production needs 2 approvals from eligible reviewers on the head commit; 0 counted.",
    );

    await review(world, repo, pr.number, "alice");
    await review(world, repo, pr.number, "carol");
    const check = promotionCheck(world, repo, pr.headSha);
    expect(check.conclusion).toBe("success");
    expect(check.title).toBe("Promotion approved: every rule holds");
    expect(check.text).toContain("**iris** production: 1.0.0 → 1.1.0");
    expect(check.text).toContain("| accuracy | 0.93 | 0.9 | +0.03 |");
    expect(check.text).toContain("| @alice | ✅ counted |");
    expect(check.text).toContain("| @carol | ✅ counted |");
    expect(check.text).toContain("data `data/iris.csv`: sha256:dddddddddddd");
  });
});

interface RefusalCase {
  what: string;
  files: Record<string, string>;
  reviews: [login: string, event?: "APPROVE" | "REQUEST_CHANGES"][];
  /** Something that happens after the reviews (a new commit). */
  afterwards?: (repo: { owner: string; repo: string }, number: number) => Promise<string | undefined>;
  reasons: string[];
}

const lowerQuorum = `promotion:\n  stages:\n    production:\n      approvals: 1\n`;

const refusals: RefusalCase[] = [
  {
    what: "approvals given before a new commit",
    files: promoteTo("1.1.0"),
    reviews: [["alice"], ["bob"]],
    afterwards: async (repo) => {
      const pulls = await world.as.erin!.rest.pulls.list({ ...repo });
      const branch = pulls.data[0]!.head.ref;
      const commit = world.github.push(
        repo.owner,
        repo.repo,
        branch,
        { "notes.md": "one more thing\n" },
        { as: "erin" },
      );
      await world.github.waitForIdle();
      return commit.sha;
    },
    reasons: [
      "production needs 2 approvals from eligible reviewers on the head commit; 0 counted.",
      "| @alice | ➖ ignored | approved an earlier commit",
      "| @bob | ➖ ignored | approved an earlier commit",
    ],
  },
  {
    what: "approvals from people outside the policy",
    files: promoteTo("1.1.0"),
    reviews: [["alice"], ["mallory"]],
    reasons: [
      "production needs 2 approvals from eligible reviewers on the head commit; 1 counted.",
      "| @mallory | ➖ ignored | not an eligible approver for production |",
    ],
  },
  {
    what: "a pull request that also edits .github/kiln.yml to lower the quorum",
    files: { ...promoteTo("1.1.0"), ".github/kiln.yml": lowerQuorum },
    reviews: [["alice"]],
    reasons: [
      "The pull request also changes .github/kiln.yml, the policy that gates it. Change the policy in a separate pull request.",
      "production needs 2 approvals from eligible reviewers on the head commit; 1 counted.",
    ],
  },
  {
    what: "an eligible reviewer's outstanding request for changes",
    files: promoteTo("1.1.0"),
    reviews: [["alice"], ["bob"], ["carol", "REQUEST_CHANGES"]],
    reasons: [
      "carol (eligible for production) requested changes; their review must be resolved or dismissed.",
      "| @carol | ⛔ blocking | requested changes |",
    ],
  },
  {
    what: "a version that does not exist",
    files: promoteTo("9.9.9"),
    reviews: [["alice"], ["bob"]],
    reasons: ["iris@9.9.9: no such version in the registry; 'iris' has 1.0.0, 1.1.0, 1.2.0."],
  },
  {
    what: "a broken metric rule",
    files: promoteTo("1.2.0"),
    reviews: [["alice"], ["bob"]],
    reasons: [
      "iris@1.2.0: metric rule 'accuracy ≥ 0.8' failed: accuracy is 0.7, below 0.8.",
      "| accuracy ≥ 0.8 | ❌ fails | accuracy is 0.7, below 0.8 |",
    ],
  },
];

describe.each(refusals)("the gate refuses $what", ({ files, reviews, afterwards, reasons }) => {
  it("with the reason in the check", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, files);
    for (const [login, event] of reviews) await review(world, repo, pr.number, login, event);
    const sha = (await afterwards?.(repo, pr.number)) ?? pr.headSha;
    const check = promotionCheck(world, repo, sha);
    expect(check.conclusion).toBe("failure");
    expect(check.title).toMatch(/^Promotion blocked: \d+ reasons?$/);
    for (const reason of reasons) expect(check.text).toContain(reason);
  });
});

describe("the gate and the author's own approval", () => {
  it("is refused by GitHub, and an approval by the author that exists anyway is ignored with the reason", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
    await expect(
      world.as.erin!.rest.pulls.createReview({ ...repo, pull_number: pr.number, event: "APPROVE" }),
    ).rejects.toThrow(/Can not approve your own pull request/);
    await review(world, repo, pr.number, "alice");
    // GitHub refuses it through the API; a record made another way (an imported review) must still not count.
    const state = world.github.repository(repo.owner, repo.repo);
    const alices = [...state.reviews.values()].find((r) => r.pullNumber === pr.number)!;
    const author = state.issues.get(pr.number)!.user;
    state.reviews.set(alices.id + 100_000, { ...alices, id: alices.id + 100_000, user: author });
    const [run] = promotionChecks(world, repo, pr.headSha);
    world.github.rerequestCheckRun(repo.owner, repo.repo, run!.id, "erin");
    await world.github.waitForIdle();
    const check = promotionCheck(world, repo, pr.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain("| @erin | ➖ ignored | the author cannot approve their own request |");
    expect(check.text).toContain(
      "production needs 2 approvals from eligible reviewers on the head commit; 1 counted.",
    );
  });
});

describe("webhooks the gate does not act on", () => {
  it("answers a forged delivery with 400 and sets no check", async () => {
    const repo = createModelsRepo(world);
    world.github.setWebhooksEnabled(false);
    let pr: { number: number; headSha: string };
    try {
      pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
    } finally {
      world.github.setWebhooksEnabled(true);
    }
    const opened = [...world.github.deliveries].reverse().find((d) => d.event === "pull_request")!;
    expect(await world.bot.sendWebhook("pull_request", opened.payload, { secret: "not-the-secret" })).toBe(
      400,
    );
    expect(promotionChecks(world, repo, pr.headSha)).toEqual([]);
    // The same delivery, signed with the real secret, is acted on.
    expect(await world.bot.sendWebhook("pull_request", opened.payload)).toBe(200);
    expect(promotionCheck(world, repo, pr.headSha).conclusion).toBe("failure");
  });

  it("sets no check in a repository without .github/kiln.yml on the base branch", async () => {
    const repo = createModelsRepo(world, {});
    world.github.push(repo.owner, repo.repo, "main", { ".github/kiln.yml": null });
    await world.github.waitForIdle();
    const pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
    await review(world, repo, pr.number, "alice");
    expect(promotionChecks(world, repo, pr.headSha)).toEqual([]);
  });

  it("marks a pull request that changes no registry file neutral, so a required check does not block it", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, { "src/train.py": "print('hi')\n" });
    const check = promotionCheck(world, repo, pr.headSha);
    expect(check.conclusion).toBe("neutral");
    expect(check.title).toBe("No promotion requested");
  });

  it("shows an invalid registry file with its line and column", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, {
      "registry/iris.yaml": "production: 1.1.0\nprodction: 1.0.0\n",
    });
    const check = promotionCheck(world, repo, pr.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain("registry/iris.yaml:2:1: unknown key 'prodction'");
  });
});

describe("the gate with require_clean_drift", () => {
  it("refuses while the model has an open drift issue, linking it, and passes once it is closed", async () => {
    const policy = `promotion:\n  stages:\n    production:\n      approvals: 1\n      require_clean_drift: true\n`;
    const repo = createModelsRepo(world, { ".github/kiln.yml": policy });
    const issue = await world.as.alice!.rest.issues.create({
      ...repo,
      title: "Drift in iris",
      labels: ["drift", "model:iris"],
    });
    await world.as.alice!.rest.issues.create({
      ...repo,
      title: "Drift in churn",
      labels: ["drift", "model:churn"],
    });
    const pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
    await review(world, repo, pr.number, "alice");
    const blocked = promotionCheck(world, repo, pr.headSha);
    expect(blocked.conclusion).toBe("failure");
    expect(blocked.text).toContain("iris: has an open drift issue (policy require_clean_drift).");
    expect(blocked.text).toContain(
      `| no open drift issue | ❌ fails | open: [#${issue.data.number}](${issue.data.html_url}) |`,
    );

    await world.as.alice!.rest.issues.update({ ...repo, issue_number: issue.data.number, state: "closed" });
    const [run] = promotionChecks(world, repo, pr.headSha);
    world.github.rerequestCheckRun(repo.owner, repo.repo, run!.id, "alice");
    await world.github.waitForIdle();
    expect(promotionCheck(world, repo, pr.headSha).conclusion).toBe("success");
  });
});

describe("the gate and the stored artifact", () => {
  it("refuses a version whose stored artifact no longer matches its recorded digest", async () => {
    const { findModelRecord } = await import("../../runtime/registry/read-model-record.js");
    const record = (await findModelRecord(world.store, "iris", "1.1.0"))!;
    const original = await world.store.getBytes(record.artifact.storeKey);
    await world.store.put(record.artifact.storeKey, new TextEncoder().encode("not the model"));
    try {
      const repo = createModelsRepo(world);
      const pr = await openPullRequest(world, repo, promoteTo("1.1.0"));
      const check = promotionCheck(world, repo, pr.headSha);
      expect(check.conclusion).toBe("failure");
      expect(check.text).toContain(`iris@1.1.0: its artifact does not verify: `);
      expect(check.text).toContain(`digest mismatch, expected sha256:${record.artifact.sha256}`);
    } finally {
      await world.store.put(record.artifact.storeKey, original);
    }
  });
});
