import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createModelsRepo,
  type PromotionWorld,
  promotionCheck,
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

/** `login` opens an issue and comments `body` on it; answers the bot's reply and the open pull requests. */
async function comment(login: string, body: string) {
  const repo = createModelsRepo(world);
  const issue = await world.as[login]!.rest.issues.create({ ...repo, title: "Promote iris?" });
  await world.as[login]!.rest.issues.createComment({ ...repo, issue_number: issue.data.number, body });
  await world.github.waitForIdle();
  const state = world.github.repository(repo.owner, repo.repo);
  const replies = [...state.comments.values()].filter(
    (c) => c.issueNumber === issue.data.number && c.user.login === "kiln[bot]",
  );
  const pulls = [...state.issues.values()].filter((i) => i.pull !== undefined && i.state === "open");
  return { repo, replies: replies.map((r) => r.body), pulls };
}

describe("/kiln commands in comments", () => {
  it("/kiln promote from a user with write permission opens the promotion pull request, gated like any other", async () => {
    const { repo, replies, pulls } = await comment(
      "mallory",
      "Looks good.\n/kiln promote iris 1.1.0 to staging",
    );
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(pull.title).toBe("Promote iris to 1.1.0 in staging");
    expect(pull.body).toContain("Requested by @mallory");
    expect(world.github.readFile(repo.owner, repo.repo, "registry/iris.yaml", pull.pull!.headSha)).toBe(
      "# Desired stages of model 'iris'. A pull request that changes this file is a promotion request.\nstaging: 1.1.0\nproduction: 1.0.0\n",
    );
    expect(replies).toEqual([
      `Opened #${pull.number} to move iris to 1.1.0 in staging. It needs the approvals the policy requires (see its \`kiln/promotion\` check).`,
    ]);
    expect(promotionCheck(world, repo, pull.pull!.headSha).text).toContain(
      "staging needs 1 approval from eligible reviewers on the head commit; 0 counted.",
    );
  });

  it("refuses, politely, a user without write permission, and opens nothing", async () => {
    const { replies, pulls } = await comment("reader", "/kiln promote iris 1.1.0 to production");
    expect(pulls).toEqual([]);
    expect(replies).toEqual([
      expect.stringMatching(
        /^Sorry @reader, `\/kiln promote` needs write permission on octo-org\/models-\d+, which you do not have\. Ask a maintainer to run it\.$/,
      ),
    ]);
  });

  it("answers an unknown command with the usage", async () => {
    const { replies, pulls } = await comment("alice", "/kiln deploy iris");
    expect(pulls).toEqual([]);
    expect(replies).toHaveLength(1);
    const lines = replies[0]!.split("\n");
    expect(lines.slice(0, 2)).toEqual(["`/kiln deploy` is not a Kiln command. Kiln understands:", ""]);
    expect(lines).toContain("- `/kiln promote <model> <version> to <stage>`");
    expect(lines).toContain("- `/kiln rollback <model> <stage>`");
    expect(lines.slice(2)).toEqual([...lines.slice(2)].sort());
  });

  it("answers a command with the wrong arguments with its usage", async () => {
    const { replies } = await comment("alice", "/kiln promote iris 1.1.0 into production");
    expect(replies).toEqual(["Usage: `/kiln promote <model> <version> to <stage>`"]);
  });

  it("says which versions exist when asked for one that does not", async () => {
    const { replies, pulls } = await comment("alice", "/kiln promote iris 4.0.0 to production");
    expect(pulls).toEqual([]);
    expect(replies).toEqual([
      "`/kiln promote` failed: iris@4.0.0 does not exist; 'iris' has 3 version(s), the latest 1.0.0, 1.1.0, 1.2.0.",
    ]);
  });

  it("says there is nothing to roll back to when only one version has held the stage", async () => {
    const { replies } = await comment("alice", "/kiln rollback iris production");
    expect(replies).toEqual([
      "`/kiln rollback` failed: iris@1.0.0 is the only version that has been in production; there is nothing to roll back to.",
    ]);
  });

  it("a second /kiln promote for the same model and stage updates the open pull request instead of opening another", async () => {
    const first = await comment("alice", "/kiln promote iris 1.1.0 to staging");
    const number = first.pulls[0]!.number;
    const issue = await world.as.alice!.rest.issues.create({ ...first.repo, title: "again" });
    await world.as.alice!.rest.issues.createComment({
      ...first.repo,
      issue_number: issue.data.number,
      body: "/kiln promote iris 1.2.0 to staging",
    });
    await world.github.waitForIdle();
    const state = world.github.repository(first.repo.owner, first.repo.repo);
    const open = [...state.issues.values()].filter((i) => i.pull !== undefined && i.state === "open");
    expect(open.map((p) => p.number)).toEqual([number]);
    expect(open[0]!.title).toBe("Promote iris to 1.2.0 in staging");
    expect(
      world.github.readFile(first.repo.owner, first.repo.repo, "registry/iris.yaml", open[0]!.pull!.headSha),
    ).toContain("staging: 1.2.0");
  });
});

describe("/kiln promote in a repository that has not opted in", () => {
  it("opens nothing and says what is missing", async () => {
    const repo = createModelsRepo(world);
    world.github.push(repo.owner, repo.repo, "main", { ".github/kiln.yml": null });
    const issue = await world.as.alice!.rest.issues.create({ ...repo, title: "?" });
    await world.as.alice!.rest.issues.createComment({
      ...repo,
      issue_number: issue.data.number,
      body: "/kiln promote iris 1.1.0 to staging",
    });
    await world.github.waitForIdle();
    const state = world.github.repository(repo.owner, repo.repo);
    expect([...state.issues.values()].filter((i) => i.pull !== undefined)).toEqual([]);
    expect([...state.comments.values()].at(-1)?.body).toBe(
      `\`/kiln promote\` failed: ${repo.owner}/${repo.repo} has not opted in to Kiln promotions: there is no .github/kiln.yml on main. Add one (see bot/README.md) first.`,
    );
  });
});
