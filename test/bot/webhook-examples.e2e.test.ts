import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createModelsRepo,
  openPullRequest,
  type PromotionWorld,
  promotionChecks,
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

type Payload = Record<string, unknown> & { action?: string };

/** GitHub's own example payload for `event.action`, pointed at a stand-in repository and pull request. */
function example(
  event: string,
  action: string,
  repo: { owner: string; repo: string },
  pr: { number: number; headSha: string },
): Payload {
  const definition = (examples as unknown as { name: string; examples: Payload[] }[]).find(
    (d) => d.name === event,
  );
  const found = definition?.examples.find((e) => e.action === action);
  if (found === undefined) throw new Error(`no example of ${event}.${action}`);
  const payload = structuredClone(found) as Record<string, Record<string, unknown>> & Payload;
  const repository = payload.repository as { name: string; full_name: string; owner: { login: string } };
  repository.name = repo.repo;
  repository.full_name = `${repo.owner}/${repo.repo}`;
  repository.owner.login = repo.owner;
  // The app's installation on the stand-in (some examples carry another one, most none).
  payload.installation = { id: world.github.app!.installationId };
  const pullRequests = [{ number: pr.number, head: { sha: pr.headSha }, base: { ref: "main" } }];
  if (payload.pull_request) payload.pull_request.number = pr.number;
  if (payload.check_run)
    Object.assign(payload.check_run, {
      name: "kiln/promotion",
      head_sha: pr.headSha,
      pull_requests: pullRequests,
    });
  if (payload.check_suite) Object.assign(payload.check_suite, { head_sha: pr.headSha, pull_requests: [] });
  if (payload.issue) payload.issue.number = pr.number;
  return payload;
}

describe.each([
  ["pull_request", "opened"],
  ["pull_request", "synchronize"],
  ["pull_request", "reopened"],
  ["pull_request_review", "submitted"],
  ["pull_request_review", "dismissed"],
  ["check_run", "rerequested"],
  ["check_suite", "rerequested"],
])("GitHub's example %s.%s payload", (event, action) => {
  it("is accepted and evaluates the gate of the pull request it names", async () => {
    const repo = createModelsRepo(world);
    world.github.setWebhooksEnabled(false);
    let pr: { number: number; headSha: string };
    try {
      pr = await openPullRequest(world, repo, { "registry/iris.yaml": "production: 1.1.0\n" });
    } finally {
      world.github.setWebhooksEnabled(true);
    }
    expect(promotionChecks(world, repo, pr.headSha)).toEqual([]);
    expect(await world.bot.sendWebhook(event, example(event, action, repo, pr))).toBe(200);
    const [check] = promotionChecks(world, repo, pr.headSha);
    expect(check?.output.summary).toContain("production needs 2 approvals");
  });
});

describe("GitHub's example issue_comment.created and release.published payloads", () => {
  it("are accepted: a comment without /kiln gets no answer, a release not named <model>@v<version> opens nothing", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, { "registry/iris.yaml": "production: 1.1.0\n" });
    const comments = world.github.repository(repo.owner, repo.repo).comments.size;
    expect(await world.bot.sendWebhook("issue_comment", example("issue_comment", "created", repo, pr))).toBe(
      200,
    );
    expect(await world.bot.sendWebhook("release", example("release", "published", repo, pr))).toBe(200);
    await world.github.waitForIdle();
    expect(world.github.repository(repo.owner, repo.repo).comments.size).toBe(comments);
    expect(
      [...world.github.repository(repo.owner, repo.repo).issues.values()].filter((i) => i.pull),
    ).toHaveLength(1);
  });

  it("answers the example comment with the usage when its body is an unknown /kiln command", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, { "registry/iris.yaml": "production: 1.1.0\n" });
    const payload = example("issue_comment", "created", repo, pr) as { comment: { body: string } } & Payload;
    payload.comment.body = "/kiln deploy iris";
    expect(await world.bot.sendWebhook("issue_comment", payload)).toBe(200);
    const reply = [...world.github.repository(repo.owner, repo.repo).comments.values()].at(-1);
    expect(reply?.body).toContain("`/kiln deploy` is not a Kiln command.");
    expect(reply?.body).toContain("`/kiln promote <model> <version> to <stage>`");
  });
});
