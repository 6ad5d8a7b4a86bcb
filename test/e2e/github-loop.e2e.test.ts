/**
 * The whole loop on "GitHub": the stand-in (real Octokit, signed webhooks), a real S3 protocol
 * server (moto, else s3rver), the real Probot app, and the committed Action bundles run as the
 * runner runs them. A push trains and registers a model, the bot opens the promotion pull request,
 * the gate counts only eligible approvals on the head commit, the merge promotes and deploys,
 * `kiln serve` serves the new version, drifted traffic opens a drift issue and recovered traffic
 * closes it. Each step asserts what a user sees on GitHub and what the store holds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kilnApp } from "../../bot/src/app.js";
import { createOctokit, type KilnOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import type { CheckRunRecord } from "../support/github-stand-in/state.js";
import { generateAppKeyPair, type RunningProbotApp, startProbotApp } from "../support/probot-harness.js";
import { findMotoServer, type LocalS3, startMoto, startS3rver } from "../support/s3-harness.js";
import { type LoopRow, loopCsv, loopRows } from "./loop-data.js";
import { type BundledActionRun, runBundledAction } from "./run-bundled-action.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const owner = "octo-org";
const model = "loop";
const image = `ghcr.io/octo-org/kiln-serve:0.1.0@sha256:${"5e".repeat(32)}`;

const policy = `promotion:
  open_pull_request_on_register: production
  stages:
    production:
      approvals: 2
      approvers: [alice, bob]
      require_default_branch: true
      rules:
        - { metric: accuracy, min: 0.8 }
`;

/** Everything the loop runs against; one per test case. */
interface World {
  s3: LocalS3;
  store: ObjectStore;
  github: GitHubStandIn;
  bot: RunningProbotApp;
  folder: string;
  as: Record<string, KilnOctokit>;
  /** The token a workflow's GITHUB_TOKEN would be. */
  actionsToken: string;
}

async function startWorld(): Promise<World> {
  const s3 = "reason" in findMotoServer() ? await startS3rver() : await startMoto();
  const store = await openStore(s3.storeUrl, { env: s3.env, cwd: root });
  const keys = generateAppKeyPair();
  const github = await startGitHubStandIn({ app: { id: 11, slug: "kiln", publicKey: keys.publicKey } });
  const bot = await startProbotApp(kilnApp({ openStore: async () => store }), {
    standIn: github,
    privateKey: keys.privateKey,
  });
  const as: Record<string, KilnOctokit> = {};
  for (const login of ["erin", "alice", "bob", "mallory"]) {
    const { token } = github.addUser(login, { permission: "write" });
    as[login] = createOctokit({
      token,
      baseUrl: github.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
  }
  const actionsToken = github.addUser("github-actions[bot]", { permission: "write", type: "Bot" }).token;
  const folder = await mkdtemp(join(tmpdir(), "kiln-e2e-"));
  return { s3, store, github, bot, folder, as, actionsToken };
}

async function stopWorld(world: World | undefined): Promise<void> {
  if (world === undefined) return;
  await world.bot.stop();
  await world.github.stop();
  await world.s3.stop();
  await rm(world.folder, { recursive: true, force: true });
}

/** The project's files as committed: the fixture's kiln.yaml, seeded CSVs, the policy and registry file. */
async function projectFiles(): Promise<Record<string, string>> {
  return {
    "README.md": "models\n",
    "kiln.yaml": await readFile(join(root, "test", "e2e", "fixtures", "loop-project", "kiln.yaml"), "utf8"),
    "data/train.csv": loopCsv(loopRows(300, 1)),
    "data/test.csv": loopCsv(loopRows(100, 2)),
    ".github/kiln.yml": policy,
    [`registry/${model}.yaml`]: "staging: null\nproduction: null\n",
  };
}

/** A checkout of the repository at a commit, as actions/checkout leaves it in GITHUB_WORKSPACE. */
async function checkout(world: World, repo: string, sha: string, files: readonly string[]): Promise<string> {
  const workspace = await mkdtemp(join(world.folder, "checkout-"));
  for (const path of files) {
    const text = world.github.readFile(owner, repo, path, sha);
    if (text === undefined) throw new Error(`${path} is not in ${owner}/${repo} at ${sha}`);
    await mkdir(dirname(join(workspace, path)), { recursive: true });
    await writeFile(join(workspace, path), text);
  }
  return workspace;
}

function jobEnv(world: World, repo: string, sha: string, actor: string): Record<string, string> {
  return {
    ...world.s3.env,
    GITHUB_API_URL: world.github.baseUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_SHA: sha,
    GITHUB_REF: "refs/heads/main",
    GITHUB_REF_NAME: "main",
    GITHUB_ACTOR: actor,
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_WORKFLOW: "kiln",
  };
}

/** The latest delivery of a kind, as the runner would put it in GITHUB_EVENT_PATH. */
function lastDelivery(world: World, event: string): Record<string, unknown> {
  const found = [...world.github.deliveries].reverse().find((d) => d.event === event);
  if (found === undefined) throw new Error(`no ${event} delivery`);
  return found.payload as Record<string, unknown>;
}

function promotionChecks(world: World, repo: string, sha: string): CheckRunRecord[] {
  return [...world.github.repository(owner, repo).checkRuns.values()]
    .filter((run) => run.headSha === sha && run.name === "kiln/promotion")
    .sort((a, b) => b.id - a.id);
}

/** The newest `kiln/promotion` check on a commit, as a user reads it on the pull request. */
function promotionCheck(world: World, repo: string, sha: string) {
  const run = promotionChecks(world, repo, sha)[0];
  if (run === undefined) throw new Error(`no kiln/promotion check on ${sha}`);
  return {
    conclusion: run.conclusion,
    title: run.output.title ?? "",
    text: `${run.output.title ?? ""}\n${run.output.summary ?? ""}\n${run.output.text ?? ""}`,
  };
}

async function approve(world: World, repo: string, number: number, login: string): Promise<void> {
  await world.as[login]!.rest.pulls.createReview({
    owner,
    repo,
    pull_number: number,
    event: "APPROVE",
    body: "LGTM",
  });
  await world.github.waitForIdle();
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function storeText(store: ObjectStore, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function storeKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

function expectSucceeded(run: BundledActionRun): void {
  expect(run.code, run.log).toBe(0);
}

const logFlushMs = 100;
/** Time between the drifted and the recovered traffic, so that a window can hold only the latter. */
const windowGapMs = 6000;

/** `kiln serve` as a real process against the S3 store, on a free port. */
async function startServe(world: World, reference: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "runtime", "cli", "kiln.ts"),
      "serve",
      reference,
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--log-flush-ms",
      String(logFlushMs),
      "--poll",
      "0",
    ],
    { cwd: root, env: { ...process.env, ...world.s3.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiln serve did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve((match[1] as string).replace(/\/$/, ""));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`kiln serve exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

/** Two-sample Kolmogorov–Smirnov statistic D = sup |F1 − F2|, computed directly from the samples. */
function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= v) i++;
    while (j < y.length && (y[j] as number) <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Waits until the server's prediction log in the store holds `rows` rows (it is flushed every logFlushMs). */
async function waitForLoggedRows(store: ObjectStore, rows: number): Promise<void> {
  let seen = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    seen = 0;
    for (const key of await storeKeys(store, `predictions/${model}/`)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
      seen += gunzipSync(Buffer.concat(chunks))
        .toString("utf8")
        .split("\n")
        .filter((line) => line !== "").length;
    }
    if (seen >= rows) return;
    await sleep(100);
  }
  throw new Error(`the prediction log holds ${seen} rows, expected ${rows}`);
}

/** One V2 inference request in the records form. */
async function infer(url: string, rows: readonly LoopRow[]): Promise<{ model_version: string }> {
  const response = await fetch(`${url}/v2/models/${model}/infer`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ instances: rows.map((r) => ({ x1: r.x1, x2: r.x2 })) }),
  });
  const body = (await response.json()) as { model_version: string };
  if (response.status !== 200) throw new Error(`infer answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The monitor Action on a schedule: the production model's traffic in the window against the training data. */
function monitor(world: World, workspace: string, window: string): Promise<BundledActionRun> {
  const head = world.github.refSha(owner, "models", "main")!;
  return runBundledAction("monitor", {
    inputs: {
      model: `${model}:production`,
      environment: "production",
      window,
      reference: "data/train.csv",
      labels: "",
      "min-rows": "50",
      store: "",
      "github-token": world.actionsToken,
      "close-after": "2",
      "html-report-path": "kiln-drift-report.html",
      "report-url": "",
    },
    env: jobEnv(world, "models", head, "github-actions[bot]"),
    workspace,
    eventName: "schedule",
    event: { schedule: "17 6 * * *" },
  });
}

/**
 * Push → pipeline: the pipeline Action on the push to the default branch runs the stages and
 * registers the model kiln.yaml declares, in GitHub mode (the job's token). Returns the workspace
 * the model was built in.
 */
async function pushAndRegister(world: World, repo: string, files: Record<string, string>) {
  world.github.createRepo(owner, repo, { files: { "README.md": "models\n" } });
  const pushed = world.github.push(owner, repo, "main", files, {
    as: "erin",
    message: "Train the loop model",
  });
  await world.github.waitForIdle();
  const push = lastDelivery(world, "push");
  const workspace = await checkout(world, repo, pushed.sha, Object.keys(files));
  const env = jobEnv(world, repo, pushed.sha, "erin");
  const pipeline = await runBundledAction("pipeline", {
    inputs: {
      stage: "all",
      store: "",
      jobs: "",
      "working-directory": ".",
      "fail-fast": "false",
      register: "auto",
      "github-token": world.actionsToken,
    },
    env,
    workspace,
    eventName: "push",
    event: push,
  });
  await world.github.waitForIdle();
  return { workspace, pushSha: pushed.sha, pipeline };
}

describe("the loop on GitHub: push, register, promote through an approved pull request, deploy, serve, drift, recover", {
  timeout: 300_000,
}, () => {
  let world: World;
  const repo = "models";
  let workspace: string;
  let pushSha: string;
  let version: string;
  let digest: string;
  let promotion: { number: number; headSha: string };
  let deploymentId: number;
  let server: { child: ChildProcess; url: string; output: () => string } | undefined;
  let issueNumber: number;
  let driftEnd: number;

  beforeAll(async () => {
    world = await startWorld();
  }, 60_000);
  // Each step builds on the one before: after a failure, the later steps are skipped, so the
  // report names the link that broke.
  let broken: string | undefined;
  afterEach(({ task }) => {
    if (task.result?.state === "fail") broken ??= task.name;
  });
  beforeEach(({ skip }) => {
    if (broken !== undefined) skip(`an earlier step failed: ${broken}`);
  });
  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server?.child.once("exit", resolve));
      server.child.kill("SIGTERM");
      await exited;
    }
    expect(world.github.serverErrors).toEqual([]);
    await stopWorld(world);
  });

  it("1. a push runs the pipeline Action, which registers the model: the release and the store record", async () => {
    const run = await pushAndRegister(world, repo, await projectFiles());
    ({ workspace, pushSha } = run);
    expectSucceeded(run.pipeline);
    expect(JSON.parse(run.pipeline.outputs.ran ?? "[]")).toEqual(["train", "evaluate"]);
    expect(JSON.parse(run.pipeline.outputs.failed ?? "[]")).toEqual([]);
    expect(run.pipeline.summary).toContain("| `train` | ✅ ran |");
    expect(run.pipeline.summary).toContain("| `evaluate` | ✅ ran |");
    expect(run.pipeline.summary).toContain(`| ${model} | 1.0.0 | registered | [release](`);
    const bytes = await readFile(join(workspace, "build", "model.onnx"));
    const metrics = JSON.parse(await readFile(join(workspace, "build", "metrics.json"), "utf8")) as {
      accuracy: number;
    };
    digest = sha256(bytes);
    const [registered, ...others] = JSON.parse(run.pipeline.outputs.models ?? "[]") as {
      name: string;
      version: string;
      created: boolean;
      releaseUrl?: string;
    }[];
    expect(others).toEqual([]);
    expect(registered).toMatchObject({ name: model, version: "1.0.0", created: true });
    expect(decodeURIComponent(registered?.releaseUrl ?? "")).toMatch(/\/releases\/tag\/loop@v1\.0\.0$/);
    version = registered?.version ?? "";

    // On GitHub: the release <model>@v1.0.0 at the pushed commit, with the model and its record, the card as body.
    const state = world.github.repository(owner, repo);
    const releases = [...state.releases.values()];
    expect(releases.map((r) => r.tagName)).toEqual([`${model}@v1.0.0`]);
    const release = releases[0]!;
    expect(world.github.refSha(owner, repo, `refs/tags/${model}@v1.0.0`)).toBe(pushSha);
    expect(release.body).toContain(`# ${model}@1.0.0`);
    expect(release.body).toContain(`| accuracy | ${metrics.accuracy} |`);
    expect(release.body).toContain(`by erin at commit \`${pushSha.slice(0, 7)}\``);
    expect(release.body).toContain("| input | x1 | FP32 | [-1, 1] |");
    expect(release.body).toContain("| input | x2 | FP32 | [-1, 1] |");
    const trainCsv = loopCsv(loopRows(300, 1));
    expect(release.body).toContain(`| data/train.csv | \`${sha256(Buffer.from(trainCsv))}\` |`);
    const assets = [...state.assets.values()].filter((a) => a.releaseId === release.id);
    expect(assets.map((a) => a.name).sort()).toEqual(["kiln-model.json", "model.onnx"]);
    const downloaded = await fetch(
      `${world.github.baseUrl}/_downloads/assets/${assets.find((a) => a.name === "model.onnx")!.id}`,
    );
    expect(sha256(new Uint8Array(await downloaded.arrayBuffer()))).toBe(digest);

    // In the store: the version record, pointing at the artifact by digest, with the commit in its lineage.
    const record = JSON.parse(await storeText(world.store, `models/${model}/versions/1.0.0.json`)) as {
      artifact: { sha256: string };
      metrics: { accuracy: number };
      lineage: { commit: string; branch: string };
    };
    expect(record.artifact.sha256).toBe(digest);
    expect(record.metrics.accuracy).toBe(metrics.accuracy);
    expect(record.lineage).toMatchObject({ commit: pushSha, branch: "main" });
    expect(await storeKeys(world.store, `cache/sha256/${digest}`)).toEqual([`cache/sha256/${digest}`]);
    expect(run.pipeline.summary).toContain(`| \`build/metrics.json\` | accuracy | ${metrics.accuracy} |`);

    // Another runner (a fresh checkout of the same commit) restores both stages from the S3 run cache.
    const rerunWorkspace = await checkout(world, repo, pushSha, Object.keys(await projectFiles()));
    const rerun = await runBundledAction("pipeline", {
      inputs: { stage: "all", store: "", jobs: "", "working-directory": ".", "fail-fast": "false" },
      env: jobEnv(world, repo, pushSha, "erin"),
      workspace: rerunWorkspace,
      eventName: "push",
      event: lastDelivery(world, "push"),
    });
    expectSucceeded(rerun);
    expect(JSON.parse(rerun.outputs.ran ?? "")).toEqual([]);
    expect(JSON.parse(rerun.outputs.cached ?? "")).toEqual(["train", "evaluate"]);
    expect(sha256(await readFile(join(rerunWorkspace, "build", "model.onnx")))).toBe(digest);
  });

  it("2. the bot opens the promotion pull request on the release, with the model card and a closed gate", async () => {
    const state = world.github.repository(owner, repo);
    const pulls = [...state.issues.values()].filter((i) => i.pull !== undefined);
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(pull.title).toBe(`Promote ${model} to 1.0.0 in production`);
    expect(pull.user.login).toBe("kiln[bot]");
    expect(pull.body).toContain(`moves **${model}** in **production** from nothing to \`1.0.0\``);
    expect(pull.body).toContain(`# ${model}@1.0.0`);
    promotion = { number: pull.number, headSha: pull.pull!.headSha };
    expect(world.github.readFile(owner, repo, `registry/${model}.yaml`, promotion.headSha)).toContain(
      "production: 1.0.0",
    );
    const check = promotionCheck(world, repo, promotion.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain(
      "production needs 2 approvals from eligible reviewers on the head commit; 0 counted.",
    );
  });

  it("3. an ineligible approval and a self-approval leave the gate closed, with the reasons; two eligible ones open it", async () => {
    await approve(world, repo, promotion.number, "mallory");
    let check = promotionCheck(world, repo, promotion.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain("| @mallory | ➖ ignored | not an eligible approver for production |");
    expect(check.text).toContain("0 counted.");

    // The author (the app) approving its own pull request: GitHub refuses it...
    const appOctokit = createOctokit({
      token: world.github.createInstallationToken(),
      baseUrl: world.github.baseUrl,
      env: {},
      logger: silentLogger,
      retry: false,
      throttle: false,
    });
    await expect(
      appOctokit.rest.pulls.createReview({ owner, repo, pull_number: promotion.number, event: "APPROVE" }),
    ).rejects.toThrow(/Can not approve your own pull request/);
    // ...and one that exists anyway (imported history) is ignored by the gate, which says why.
    const state = world.github.repository(owner, repo);
    const mallorys = [...state.reviews.values()].find((r) => r.pullNumber === promotion.number)!;
    const author = state.issues.get(promotion.number)!.user;
    state.reviews.set(mallorys.id + 100_000, { ...mallorys, id: mallorys.id + 100_000, user: author });
    world.github.rerequestCheckRun(
      owner,
      repo,
      promotionChecks(world, repo, promotion.headSha)[0]!.id,
      "erin",
    );
    await world.github.waitForIdle();
    check = promotionCheck(world, repo, promotion.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain("| @kiln[bot] | ➖ ignored | the author cannot approve their own request |");
    expect(check.text).toContain("0 counted.");

    await approve(world, repo, promotion.number, "alice");
    check = promotionCheck(world, repo, promotion.headSha);
    expect(check.conclusion).toBe("failure");
    expect(check.text).toContain("1 counted.");
    await approve(world, repo, promotion.number, "bob");
    check = promotionCheck(world, repo, promotion.headSha);
    expect(check.conclusion).toBe("success");
    expect(check.title).toBe("Promotion approved: every rule holds");
    expect(check.text).toContain("| @alice | ✅ counted |");
    expect(check.text).toContain("| @bob | ✅ counted |");
  });

  it("4. the merge runs the promote Action: a stage event in the store and a GitHub deployment", async () => {
    const merged = await world.as.alice!.rest.pulls.merge({ owner, repo, pull_number: promotion.number });
    await world.github.waitForIdle();
    const workspaceAtMerge = await checkout(world, repo, merged.data.sha, [`registry/${model}.yaml`]);
    const run = await runBundledAction("promote", {
      inputs: { store: "", "dry-run": "false", "github-token": world.actionsToken },
      env: jobEnv(world, repo, merged.data.sha, "alice"),
      workspace: workspaceAtMerge,
      eventName: "push",
      event: lastDelivery(world, "push"),
    });
    expectSucceeded(run);
    expect(run.outputs["pull-request"]).toBe(String(promotion.number));
    expect(JSON.parse(run.outputs.changes ?? "[]")).toMatchObject([
      { model, stage: "production", to: version, tag: `${model}#production` },
    ]);
    expect(run.summary).toContain("approved by @alice, @bob");

    const events = await Promise.all(
      (await storeKeys(world.store, `models/${model}/events/`)).map(
        async (key) => JSON.parse(await storeText(world.store, key)) as Record<string, unknown>,
      ),
    );
    const stageEvents = events.filter((e) => e.kind === "stage");
    expect(stageEvents).toHaveLength(1);
    expect(stageEvents[0]).toMatchObject({
      version,
      source: { kind: "pull-request", pullRequest: promotion.number, approvers: ["alice", "bob"] },
    });
    const deployments = [...world.github.repository(owner, repo).deployments.values()];
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({ environment: "production", sha: merged.data.sha });
    expect(deployments[0]!.payload).toMatchObject({ model, version, digest: `sha256:${digest}` });
    deploymentId = deployments[0]!.id;
  });

  it("5. the deploy Action answers the deployment: the manifest pins the new version and digest, the status is success", async () => {
    const head = world.github.refSha(owner, repo, "main")!;
    const run = await runBundledAction("deploy", {
      inputs: {
        models: "",
        environments: "",
        manifests: "deploy/{model}/{environment}.yaml",
        mode: "commit",
        "base-branch": "",
        image,
        "cluster-store": "",
        store: "",
        "dry-run": "false",
        "github-token": world.actionsToken,
      },
      env: jobEnv(world, repo, head, "github-actions[bot]"),
      workspace: await mkdtemp(join(world.folder, "deploy-")),
      eventName: "deployment",
      event: lastDelivery(world, "deployment"),
    });
    expectSucceeded(run);
    expect(run.outputs.changed).toBe("true");
    const manifest = world.github.readFile(owner, repo, `deploy/${model}/production.yaml`);
    expect(manifest).toBeDefined();
    const deployment = parseAllDocuments(manifest!)[0]!.toJS() as {
      spec: { template: { spec: { containers: Array<{ args: string[]; image: string }> } } };
    };
    const container = deployment.spec.template.spec.containers[0]!;
    expect(container.image).toBe(image);
    expect(container.args).toContain(`${model}@${version}`);
    expect(container.args).toContain(digest);
    const statuses = world.github.repository(owner, repo).deployments.get(deploymentId)!.statuses;
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(statuses[1]!.description).toContain(`${model}@${version}`);
  });

  it("6. kiln serve follows the production stage in the S3 store and serves the new version", async () => {
    server = await startServe(world, `${model}:production`);
    const metadata = (await (await fetch(`${server.url}/v2/models/${model}`)).json()) as {
      name: string;
      versions: string[];
    };
    expect(metadata).toMatchObject({ name: model, versions: [version] });
    const answer = await infer(server.url, [{ x1: 2, x2: 1, label: "high" }]);
    expect(answer.model_version).toBe(version);
  });

  it("7. drifted traffic through the V2 API makes the monitor Action open a drift issue", async () => {
    const drifted = loopRows(200, 3, 2.5);
    for (let i = 0; i < drifted.length; i += 50) await infer(server!.url, drifted.slice(i, i + 50));
    await waitForLoggedRows(world.store, 201);
    driftEnd = Date.now();
    const run = await monitor(world, workspace, "1h");
    expectSucceeded(run);
    expect(run.outputs.status).toBe("drift");
    expect(run.outputs.drift).toBe("true");
    issueNumber = Number(run.outputs["issue-number"]);
    const issue = world.github.repository(owner, repo).issues.get(issueNumber)!;
    expect(issue.state).toBe("open");
    expect(issue.title).toBe(`Drift: ${model} in production`);
    // Every compared column drifted (both inputs and the predicted label): the highest severity.
    expect([...issue.labels].sort()).toEqual(["drift", `model:${model}`, "severity:high"]);
    expect(issue.body).toContain("| drifted columns | 3 of 3 (100%) |");
    expect(issue.body).toContain(`<!-- kiln:drift model=${model} env=production -->`);
    expect(issue.body).toContain(`| model | \`${model}@${version}\` |`);
    expect(issue.body).toContain("| environment | production |");
    // 200 drifted rows and the one row of step 6.
    expect(issue.body).toMatch(/\| window \| .* \(201 rows\) \|/);
    // The body's table: both inputs drifted, with the Kolmogorov–Smirnov D computed here from the same rows.
    const reference = loopRows(300, 1);
    const current = [{ x1: 2, x2: 1 }, ...drifted];
    for (const column of ["x1", "x2"] as const) {
      const d = ksStatistic(
        reference.map((r) => r[column]),
        current.map((r) => r[column]),
      );
      expect(issue.body).toContain(`| ${column} | numerical | K-S p_value |`);
      expect(issue.body).toMatch(
        new RegExp(
          `\\| ${column} \\| numerical \\|[^\\n]*\\| \\*\\*drift\\*\\* \\| ${d.toPrecision(4)} KS D \\|`,
        ),
      );
    }
  });

  it("8. recovered traffic in a later window closes the drift issue after close-after healthy runs", async () => {
    await sleep(windowGapMs);
    const recovered = loopRows(200, 4);
    for (let i = 0; i < recovered.length; i += 50) await infer(server!.url, recovered.slice(i, i + 50));
    await waitForLoggedRows(world.store, 401);
    // The window starts after the drifted traffic and before the recovered traffic (gap of windowGapMs).
    // It starts at least 1 s after the last drifted row; the recovered rows came windowGapMs after it.
    const laterWindow = () => `${((Date.now() - driftEnd - 1000) / 1000).toFixed(2)}s`;
    const first = await monitor(world, workspace, laterWindow());
    expectSucceeded(first);
    expect(first.outputs.status).toBe("healthy");
    expect(world.github.repository(owner, repo).issues.get(issueNumber)!.state).toBe("open");
    const second = await monitor(world, workspace, laterWindow());
    expectSucceeded(second);
    expect(second.outputs.status).toBe("healthy");
    const issue = world.github.repository(owner, repo).issues.get(issueNumber)!;
    expect(issue.state).toBe("closed");
    const comments = [...world.github.repository(owner, repo).comments.values()].filter(
      (c) => c.issueNumber === issueNumber,
    );
    expect(comments.at(-1)!.body).toMatch(
      new RegExp(
        `^${model} has been healthy for 2 monitoring runs in a row \\(latest window .*, 200 rows: 0 of 3 columns drifted`,
      ),
    );
  });
});

describe("a broken link: approvals on an older commit", { timeout: 300_000 }, () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 60_000);
  afterAll(async () => {
    expect(world.github.serverErrors).toEqual([]);
    await stopWorld(world);
  });

  it("an approval on an older commit keeps the gate closed, naming the commit each approval was given on", async () => {
    const repo = "models-stale";
    const registered = await pushAndRegister(world, repo, await projectFiles());
    expectSucceeded(registered.pipeline);
    const state = world.github.repository(owner, repo);
    const pull = [...state.issues.values()].find((i) => i.pull !== undefined)!;
    expect(pull.title).toBe(`Promote ${model} to 1.0.0 in production`);
    const approvedSha = pull.pull!.headSha;
    await approve(world, repo, pull.number, "alice");
    await approve(world, repo, pull.number, "bob");
    expect(promotionCheck(world, repo, approvedSha).conclusion).toBe("success");

    // A commit lands on the promotion branch after the approvals: they no longer cover the head.
    const late = world.github.push(
      owner,
      repo,
      pull.pull!.head,
      { "notes.md": "one more thing\n" },
      { as: "erin" },
    );
    await world.github.waitForIdle();
    expect(state.issues.get(pull.number)!.pull!.headSha).toBe(late.sha);
    const check = promotionCheck(world, repo, late.sha);
    expect(check.conclusion).toBe("failure");
    expect(check.title).toMatch(/^Promotion blocked: \d+ reasons?$/);
    expect(check.text).toContain(
      "production needs 2 approvals from eligible reviewers on the head commit; 0 counted.",
    );
    for (const login of ["alice", "bob"]) {
      expect(check.text).toContain(
        `| @${login} | ➖ ignored | approved an earlier commit (${approvedSha.slice(0, 7)}), not the head (${late.sha.slice(0, 7)}) |`,
      );
    }
    // Nothing was promoted: no stage event, no deployment.
    const events = await Promise.all(
      (await storeKeys(world.store, `models/${model}/events/`)).map(
        async (key) => JSON.parse(await storeText(world.store, key)) as { kind: string },
      ),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.kind === "stage")).toEqual([]);
    expect(state.deployments.size).toBe(0);

    // Merged anyway (this repository has no branch protection): the promote Action evaluates the
    // merged pull request again and promotes nothing.
    const merged = await world.as.alice!.rest.pulls.merge({ owner, repo, pull_number: pull.number });
    await world.github.waitForIdle();
    const workspaceAtMerge = await checkout(world, repo, merged.data.sha, [`registry/${model}.yaml`]);
    const promote = await runBundledAction("promote", {
      inputs: { store: "", "dry-run": "false", "github-token": world.actionsToken },
      env: jobEnv(world, repo, merged.data.sha, "alice"),
      workspace: workspaceAtMerge,
      eventName: "push",
      event: lastDelivery(world, "push"),
    });
    expect(promote.code).not.toBe(0);
    expect(promote.log).toContain(
      `#${pull.number} was merged while the kiln/promotion gate was failing, so nothing was promoted`,
    );
    expect(promote.log).toContain(
      "production needs 2 approvals from eligible reviewers on the head commit; 0 counted.",
    );
    const after = await storeKeys(world.store, `models/${model}/events/`);
    const kinds = await Promise.all(
      after.map(async (key) => (JSON.parse(await storeText(world.store, key)) as { kind: string }).kind),
    );
    expect(kinds.filter((kind) => kind === "stage")).toEqual([]);
    expect(state.deployments.size).toBe(0);
    expect(world.github.refSha(owner, repo, `refs/tags/${model}#production`)).toBeUndefined();
  });
});
