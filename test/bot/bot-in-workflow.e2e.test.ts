import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createModelsRepo,
  openPullRequest,
  type PromotionWorld,
  promotionCheck,
  review,
  startPromotionWorld,
} from "./promotion-world.js";
import { runBundle } from "./run-bundle.js";

let world: PromotionWorld;
beforeAll(async () => {
  world = await startPromotionWorld();
  // Here the app is not subscribed: the workflow run is the only thing that answers events.
  world.github.setWebhook(undefined);
}, 60_000);
afterAll(async () => {
  expect(world.github.serverErrors).toEqual([]);
  await world?.stop();
});

const bundle = join(import.meta.dirname, "../../dist/bot-workflow/index.js");

describe("the bot inside a workflow (dist/bot-workflow/index.js with GITHUB_TOKEN)", () => {
  it("exists: run `npm run bundle` and commit dist/", () => {
    expect(existsSync(bundle)).toBe(true);
  });

  it("sets the kiln/promotion check from the runner's event, with the workflow's token", async () => {
    const repo = createModelsRepo(world);
    const pr = await openPullRequest(world, repo, { "registry/iris.yaml": "production: 1.1.0\n" });
    await review(world, repo, pr.number, "alice");
    await review(world, repo, pr.number, "bob");
    const reviewEvent = [...world.github.deliveries]
      .reverse()
      .find((d) => d.event === "pull_request_review")!;
    const run = await runBundle("bot-workflow", {
      inputs: { store: join(world.folder, "store"), "github-token": world.github.createInstallationToken() },
      env: {
        GITHUB_API_URL: world.github.baseUrl,
        GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}`,
        GITHUB_EVENT_NAME: "pull_request_review",
      },
      event: reviewEvent.payload,
    });
    expect(run.status, run.log).toBe(0);
    const check = promotionCheck(world, repo, pr.headSha);
    expect(check.conclusion).toBe("success");
    expect(check.text).toContain("| @alice | ✅ counted |");
  });

  it("fails the step with a clear message outside a workflow", async () => {
    const run = await runBundle("bot-workflow", { inputs: {}, env: { GITHUB_EVENT_NAME: "" }, event: {} });
    expect(run.status).toBe(1);
    expect(run.log).toContain("kiln bot: GITHUB_TOKEN, GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must be set");
  });
});
