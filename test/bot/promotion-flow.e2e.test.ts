import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { loadModelIndex } from "../../runtime/registry/model-index.js";
import { createOctokitReleasePort } from "../../runtime/registry/octokit-release-port.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import type { StageEvent } from "../../runtime/registry/registry-event.js";
import { stagesAt } from "../../runtime/registry/stages-at.js";
import { writeOnnxModel } from "../registry/onnx-fixture.js";
import {
  createModelsRepo,
  type PromotionWorld,
  policyText,
  promotionCheck,
  review,
  startPromotionWorld,
} from "./promotion-world.js";
import { runPromoteAction } from "./run-bundle.js";

let world: PromotionWorld;
beforeAll(async () => {
  world = await startPromotionWorld();
}, 60_000);
afterAll(async () => {
  expect(world.github.serverErrors).toEqual([]);
  await world?.stop();
});

const policy = policyText.replace(
  "promotion:\n",
  "promotion:\n  open_pull_request_on_register: production\n",
);

async function production(): Promise<{ version: string | undefined; last: StageEvent }> {
  const { index } = await loadModelIndex(world.store, "iris");
  const stageEvents = index.events.filter((e): e is StageEvent => e.kind === "stage");
  return { version: stagesAt(index.events).production, last: stageEvents.at(-1)! };
}

describe("a model's way from registration to Production, and back", () => {
  it("registers, gets a promotion pull request, is approved, merged, promoted and deployed; /kiln rollback restores the previous version", async () => {
    const repo = createModelsRepo(world, { ".github/kiln.yml": policy });
    const state = world.github.repository(repo.owner, repo.repo);
    const mainSha = world.github.refSha(repo.owner, repo.repo, "main")!;

    // 1. Registration, as the register step of a pipeline does it: a release through the stand-in.
    const trainer = world.github.addUser("trainer", { permission: "write" });
    const octokit = createOctokit({
      token: trainer.token,
      baseUrl: world.github.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
    const artifactPath = await writeOnnxModel(world.folder, "iris-new.onnx", 11);
    const metricsPath = join(world.folder, "iris-new.json");
    await writeFile(metricsPath, JSON.stringify({ accuracy: 0.95 }));
    const registered = await registerModel(
      { store: world.store, logger: silentLogger },
      {
        name: "iris",
        artifactPath,
        metricsPath,
        lineage: {
          repository: `${repo.owner}/${repo.repo}`,
          branch: "main",
          commit: mainSha,
          stageKeys: {},
          datasetDigests: {},
        },
        createdBy: "trainer",
        source: { kind: "action", detail: "kiln register" },
        release: { port: createOctokitReleasePort(octokit, repo, { logger: silentLogger }), commit: mainSha },
      },
    );
    const version = registered.record.version;
    expect(version).toBe("1.3.0");
    await world.github.waitForIdle();

    // 2. The bot opened the promotion pull request: one commit changing registry/iris.yaml, the model card in its body.
    const pulls = [...state.issues.values()].filter((i) => i.pull !== undefined);
    expect(pulls).toHaveLength(1);
    const promotion = pulls[0]!;
    expect(promotion.title).toBe("Promote iris to 1.3.0 in production");
    expect(promotion.user.login).toBe("kiln[bot]");
    expect(promotion.pull!.head).toBe("kiln/promote-iris-production");
    expect(promotion.body).toContain("moves **iris** in **production** from `1.0.0` to `1.3.0`");
    expect(promotion.body).toContain("| accuracy | 0.9 | 0.95 |");
    expect(promotion.body).toContain("# iris@1.3.0");
    const headSha = promotion.pull!.headSha;
    expect(world.github.readFile(repo.owner, repo.repo, "registry/iris.yaml", headSha)).toContain(
      "production: 1.3.0",
    );
    expect(promotionCheck(world, repo, headSha).conclusion).toBe("failure");

    // 3. Two eligible approvals: the check passes.
    await review(world, repo, promotion.number, "alice");
    await review(world, repo, promotion.number, "bob");
    expect(promotionCheck(world, repo, headSha).conclusion).toBe("success");

    // 4. Merge, then the promote Action on the push to main, as the runner runs it.
    const merged = await world.as.alice!.rest.pulls.merge({ ...repo, pull_number: promotion.number });
    await world.github.waitForIdle();
    const push = [...world.github.deliveries].reverse().find((d) => d.event === "push")!.payload;
    const promote = (sha: string, event: Record<string, unknown>) =>
      runPromoteAction({
        inputs: {
          store: join(world.folder, "store"),
          "github-token": world.github.createInstallationToken(),
        },
        env: {
          GITHUB_API_URL: world.github.baseUrl,
          GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}`,
          GITHUB_SHA: sha,
          GITHUB_ACTOR: "alice",
          GITHUB_REF_NAME: "main",
        },
        event,
      });
    const dryRun = await runPromoteAction({
      inputs: {
        store: join(world.folder, "store"),
        "dry-run": "true",
        "github-token": world.github.createInstallationToken(),
      },
      env: {
        GITHUB_API_URL: world.github.baseUrl,
        GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}`,
        GITHUB_SHA: merged.data.sha,
      },
      event: push,
    });
    expect(dryRun.status, dryRun.log).toBe(0);
    expect(dryRun.summary).toContain("## Kiln promote (dry run)");
    expect(dryRun.log).not.toContain("::error::");
    expect((await production()).version).toBe("1.0.0");
    expect(state.deployments.size).toBe(0);
    const first = await promote(merged.data.sha, push);
    expect(first.log).not.toContain("::error::");
    expect(first.status, first.log).toBe(0);
    expect(first.outputs["pull-request"]).toBe(String(promotion.number));
    expect(JSON.parse(first.outputs.changes ?? "[]")).toMatchObject([
      { model: "iris", stage: "production", from: "1.0.0", to: "1.3.0", tag: "iris#production" },
    ]);
    expect(first.summary).toContain("approved by @alice, @bob");

    // 5. The registry shows the new Production, with the pull request, the approvers and the archived holder.
    const after = await production();
    expect(after.version).toBe("1.3.0");
    expect(after.last.source).toMatchObject({
      kind: "pull-request",
      pullRequest: promotion.number,
      approvers: ["alice", "bob"],
    });
    expect(after.last.archived).toEqual([{ version: "1.0.0", from: "Production" }]);
    expect(world.github.refSha(repo.owner, repo.repo, "refs/tags/iris#production")).toBe(
      world.github.refSha(repo.owner, repo.repo, "refs/tags/iris@v1.3.0"),
    );
    const deployments = [...state.deployments.values()];
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({ environment: "production", sha: merged.data.sha });
    expect(deployments[0]!.payload).toMatchObject({
      model: "iris",
      version: "1.3.0",
      digest: `sha256:${registered.record.artifact.sha256}`,
    });

    // 6. Running it twice changes nothing.
    const eventsBefore = (await loadModelIndex(world.store, "iris")).index.events.length;
    const second = await promote(merged.data.sha, push);
    expect(second.status, second.log).toBe(0);
    expect(JSON.parse(second.outputs.changes ?? "")).toEqual([]);
    expect(second.summary).toContain("The registry already matches `registry/`; nothing changed.");
    expect((await loadModelIndex(world.store, "iris")).index.events.length).toBe(eventsBefore);
    expect(state.deployments.size).toBe(1);

    // 7. /kiln rollback opens the pull request back to the previous holder, through the same gate and promotion.
    await world.as.alice!.rest.issues.createComment({
      ...repo,
      issue_number: promotion.number,
      body: "/kiln rollback iris production",
    });
    await world.github.waitForIdle();
    const rollback = [...state.issues.values()].find((i) => i.pull !== undefined && i.state === "open")!;
    expect(rollback.title).toBe("Roll back iris to 1.0.0 in production");
    const reply = [...state.comments.values()].filter((c) => c.issueNumber === promotion.number).at(-1)!;
    expect(reply.body).toBe(
      `Opened #${rollback.number} to roll iris back in production from 1.3.0 to 1.0.0. It needs the approvals the policy requires (see its \`kiln/promotion\` check).`,
    );
    await review(world, repo, rollback.number, "alice");
    await review(world, repo, rollback.number, "carol");
    expect(promotionCheck(world, repo, rollback.pull!.headSha).conclusion).toBe("success");
    const mergedBack = await world.as.bob!.rest.pulls.merge({ ...repo, pull_number: rollback.number });
    await world.github.waitForIdle();
    const third = await promote(
      mergedBack.data.sha,
      [...world.github.deliveries].reverse().find((d) => d.event === "push")!.payload,
    );
    expect(third.status, third.log).toBe(0);
    const restored = await production();
    expect(restored.version).toBe("1.0.0");
    expect(restored.last.source).toMatchObject({
      pullRequest: rollback.number,
      approvers: ["alice", "carol"],
    });
    expect(restored.last.archived).toEqual([{ version: "1.3.0", from: "Production" }]);
    expect([...state.deployments.values()].map((d) => (d.payload as { version: string }).version)).toEqual([
      "1.3.0",
      "1.0.0",
    ]);
  });
});
