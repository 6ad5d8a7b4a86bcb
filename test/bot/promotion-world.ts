/**
 * The world the bot tests run in: the GitHub stand-in with the Kiln app installed, a real Probot
 * server running `kilnApp`, a local-folder registry store with a few versions of `iris`, and users
 * with tokens to open pull requests and review them.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kilnApp } from "../../bot/src/app.js";
import { createOctokit, type KilnOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { ModelStage } from "../../runtime/registry/model-stage.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { writeOnnxModel } from "../registry/onnx-fixture.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import type { CheckRunRecord } from "../support/github-stand-in/state.js";
import { generateAppKeyPair, type RunningProbotApp, startProbotApp } from "../support/probot-harness.js";

export const owner = "octo-org";

export const policyText = `promotion:
  stages:
    staging:
      approvals: 1
    production:
      approvals: 2
      approvers: [alice, bob, "@octo-org/ml-leads"]
      rules:
        - { metric: accuracy, min: 0.8 }
`;

export interface PromotionWorld {
  github: GitHubStandIn;
  bot: RunningProbotApp;
  store: LocalFolderStore;
  folder: string;
  /** Octokit clients acting as each user. */
  as: Record<string, KilnOctokit>;
  stop(): Promise<void>;
}

export const users = ["erin", "alice", "bob", "carol", "mallory", "reader"] as const;

/** iris 1.0.0 (accuracy 0.9) in Production, 1.1.0 (0.93) and 1.2.0 (0.7) registered. */
export async function startPromotionWorld(): Promise<PromotionWorld> {
  const keys = generateAppKeyPair();
  const github = await startGitHubStandIn({ app: { id: 7, slug: "kiln", publicKey: keys.publicKey } });
  const folder = await mkdtemp(join(tmpdir(), "kiln-bot-"));
  const store = new LocalFolderStore(join(folder, "store"));
  const bot = await startProbotApp(kilnApp({ openStore: async () => store }), {
    standIn: github,
    privateKey: keys.privateKey,
  });
  const as: Record<string, KilnOctokit> = {};
  for (const login of users) {
    const { token } = github.addUser(login, { permission: login === "reader" ? "read" : "write" });
    as[login] = createOctokit({
      token,
      baseUrl: github.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
  }
  github.addTeamMember(owner, "ml-leads", "carol");
  const accuracy = [0.9, 0.93, 0.7];
  for (let i = 0; i < accuracy.length; i++) {
    const artifactPath = await writeOnnxModel(folder, `iris-${i}.onnx`, i + 1);
    const metricsPath = join(folder, `iris-${i}.json`);
    await writeFile(metricsPath, JSON.stringify({ accuracy: accuracy[i] }));
    await registerModel(
      { store, logger: silentLogger },
      {
        name: "iris",
        artifactPath,
        metricsPath,
        lineage: {
          branch: "main",
          commit: "c".repeat(40),
          stageKeys: {},
          datasetDigests: { "data/iris.csv": "d".repeat(64) },
        },
        createdBy: "trainer",
        source: { kind: "command", detail: "test" },
      },
    );
  }
  await appendStageEvent(store, {
    name: "iris",
    version: "1.0.0",
    to: ModelStage.Production,
    by: "alice",
    source: { kind: "command", detail: "test" },
    reason: "first",
  });
  return {
    github,
    bot,
    store,
    folder,
    as,
    async stop() {
      await bot.stop();
      await github.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

let repoCount = 0;

/** A fresh repository that opted in: the policy and `registry/iris.yaml` (production 1.0.0). */
export function createModelsRepo(
  world: PromotionWorld,
  files: Record<string, string> = {},
): { owner: string; repo: string } {
  const repo = `models-${++repoCount}`;
  world.github.createRepo(owner, repo, {
    files: {
      "README.md": "models\n",
      ".github/kiln.yml": policyText,
      "registry/iris.yaml": "production: 1.0.0\n",
      ...files,
    },
  });
  return { owner, repo };
}

/** `author` pushes `files` to a new branch and opens a pull request; the bot sees it through webhooks. */
export async function openPullRequest(
  world: PromotionWorld,
  repo: { owner: string; repo: string },
  files: Record<string, string | null>,
  author = "erin",
): Promise<{ number: number; headSha: string }> {
  const branch = `change-${Math.random().toString(36).slice(2, 8)}`;
  world.github.createBranch(repo.owner, repo.repo, branch);
  world.github.push(repo.owner, repo.repo, branch, files, { as: author, message: "Promote" });
  const { data } = await world.as[author]!.rest.pulls.create({
    ...repo,
    head: branch,
    base: "main",
    title: "Promote iris",
  });
  await world.github.waitForIdle();
  return { number: data.number, headSha: data.head.sha };
}

export async function review(
  world: PromotionWorld,
  repo: { owner: string; repo: string },
  number: number,
  login: string,
  event: "APPROVE" | "REQUEST_CHANGES" | "COMMENT" = "APPROVE",
): Promise<void> {
  await world.as[login]!.rest.pulls.createReview({ ...repo, pull_number: number, event, body: "looked" });
  await world.github.waitForIdle();
}

/** The `kiln/promotion` check runs on a commit, newest first. */
export function promotionChecks(
  world: PromotionWorld,
  repo: { owner: string; repo: string },
  sha: string,
): CheckRunRecord[] {
  return [...world.github.repository(repo.owner, repo.repo).checkRuns.values()]
    .filter((run) => run.headSha === sha && run.name === "kiln/promotion")
    .sort((a, b) => b.id - a.id);
}

/** The one `kiln/promotion` check on a commit, with its whole text as a user reads it. */
export function promotionCheck(world: PromotionWorld, repo: { owner: string; repo: string }, sha: string) {
  const runs = promotionChecks(world, repo, sha);
  if (runs.length !== 1) throw new Error(`expected one kiln/promotion check on ${sha}, found ${runs.length}`);
  const run = runs[0]!;
  return {
    conclusion: run.conclusion,
    title: run.output.title ?? "",
    text: `${run.output.title ?? ""}\n${run.output.summary ?? ""}\n${run.output.text ?? ""}`,
  };
}
