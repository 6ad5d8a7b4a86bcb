import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { ModelStage } from "../../runtime/registry/model-stage.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { logisticModel } from "../serve/onnx-fixtures.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const entry = join(root, "actions", "deploy", "src", "index.ts");
const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const image = `ghcr.io/octo-org/kiln-serve:0.1.0@sha256:${"5e".repeat(32)}`;

let github: GitHubStandIn;
let workspace: string;
let store: ObjectStore;
let token: string;
let baseEnv: Record<string, string>;
const versions: string[] = [];
const digests: string[] = [];

async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const outputFile = join(workspace, `output-${Math.random()}`);
  const summaryFile = join(workspace, `summary-${Math.random()}`);
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: Record<string, string> = {
    ...baseEnv,
    ...extraEnv,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", tsx, entry], {
      cwd: workspace,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, stdout: out }));
  });
  const outputs: Record<string, string> = {};
  const text = await readFile(outputFile, "utf8");
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  const results =
    outputs.results === undefined ? [] : (JSON.parse(outputs.results) as Array<Record<string, unknown>>);
  return { code, stdout, outputs, results, summary: await readFile(summaryFile, "utf8") };
}

/** The model reference and digest a committed manifest pins. */
function pinnedIn(text: string | undefined): { ref: string; sha256: string; image: string } | undefined {
  if (text === undefined) return undefined;
  const deployment = parseAllDocuments(text)[0]!.toJS() as {
    spec: { template: { spec: { containers: Array<{ args: string[]; image: string }> } } };
  };
  const container = deployment.spec.template.spec.containers[0]!;
  return { ref: container.args[0]!, sha256: container.args[2]!, image: container.image };
}

function fileAt(path: string, ref?: string): string | undefined {
  try {
    return github.readFile("octo-org", "models", path, ref);
  } catch {
    return undefined;
  }
}

const move = { name: "churn", by: "alice", source: { kind: "command" as const }, reason: "test" };

beforeAll(async () => {
  github = await startGitHubStandIn();
  github.createRepo("octo-org", "models");
  ({ token } = github.addUser("deployer"));
  workspace = await mkdtemp(join(tmpdir(), "kiln-deploy-action-"));
  store = await openStore(join(workspace, "store"), { env: {}, cwd: workspace });
  for (const [k, bias] of [0, 1].entries()) {
    const model = logisticModel({ features: 3, bias });
    const file = join(workspace, `m${k}.onnx`);
    await writeFile(file, model.bytes);
    digests.push(createHash("sha256").update(model.bytes).digest("hex"));
    const { record } = await registerModel(
      { store, logger: silentLogger },
      {
        name: "churn",
        artifactPath: file,
        lineage: { stageKeys: {}, datasetDigests: {} },
        createdBy: "alice",
        source: { kind: "command" },
      },
    );
    versions.push(record.version);
  }
  await appendStageEvent(store, { ...move, version: versions[0]!, to: ModelStage.Production });
  await appendStageEvent(store, { ...move, version: versions[1]!, to: ModelStage.Staging });
  baseEnv = {
    PATH: process.env.PATH ?? "",
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: "octo-org/models",
    GITHUB_REF_NAME: "main",
    GITHUB_API_URL: github.baseUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_RUN_ID: "91",
    KILN_STORE: join(workspace, "store"),
    "INPUT_GITHUB-TOKEN": token,
  };
});

afterAll(async () => {
  await github?.stop();
  await rm(workspace, { recursive: true, force: true });
});

describe("the deploy action", () => {
  it("creates the manifests of each environment, pinned to its stage's version, in one commit each", async () => {
    const run = await runAction({
      models: "churn",
      mode: "commit",
      image,
      "cluster-store": "s3://acme/kiln",
    });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe("true");
    expect(run.results.map((r) => [r.environment, r.outcome, r.pinned, r.wanted])).toEqual([
      ["staging", "committed", null, `churn@${versions[1]}`],
      ["production", "committed", null, `churn@${versions[0]}`],
    ]);
    expect(pinnedIn(fileAt("deploy/churn/production.yaml"))).toEqual({
      ref: `churn@${versions[0]}`,
      sha256: digests[0],
      image,
    });
    expect(pinnedIn(fileAt("deploy/churn/staging.yaml"))?.ref).toBe(`churn@${versions[1]}`);
    expect(run.summary).toContain("| model | environment | manifest | pinned | registry | result |");
    expect(run.summary).toContain(
      `| churn | production | \`deploy/churn/production.yaml\` | — | churn@${versions[0]} |`,
    );
  });

  it("changes nothing when the manifests already pin what the registry holds", async () => {
    const commitsBefore = github.refSha("octo-org", "models", "main");
    const run = await runAction({ models: "churn", mode: "commit" });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe("false");
    expect(run.results.map((r) => r.outcome)).toEqual(["up-to-date", "up-to-date"]);
    expect(github.refSha("octo-org", "models", "main")).toBe(commitsBefore);
  });

  it("opens a pull request when Production moves, leaving the base branch as it was", async () => {
    await appendStageEvent(store, { ...move, version: versions[1]!, to: ModelStage.Production });
    const run = await runAction({ models: "churn", environments: "production" });
    expect(run.code).toBe(0);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      outcome: "pull-request",
      pinned: `churn@${versions[0]}`,
      wanted: `churn@${versions[1]}`,
    });
    const branch = `kiln/deploy/churn-production-${versions[1]}`;
    expect(pinnedIn(fileAt("deploy/churn/production.yaml", branch))).toEqual({
      ref: `churn@${versions[1]}`,
      sha256: digests[1],
      image,
    });
    expect(pinnedIn(fileAt("deploy/churn/production.yaml"))?.ref).toBe(`churn@${versions[0]}`);
    const pulls = [...github.repository("octo-org", "models").issues.values()].filter(
      (i) => i.pull !== undefined,
    );
    expect(pulls).toHaveLength(1);
    expect(pulls[0]!.title).toBe(`Deploy churn@${versions[1]} to production`);
    expect(run.results[0]!.url).toContain(`/pull/${pulls[0]!.number}`);

    const again = await runAction({ models: "churn", environments: "production" });
    expect(again.results[0]!.message).toContain("(already open)");
  });

  it("answers a GitHub deployment: in_progress, then success once the manifest is committed", async () => {
    const created = await fetch(`${github.baseUrl}/repos/octo-org/models/deployments`, {
      method: "POST",
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        ref: "main",
        environment: "production",
        payload: { model: "churn" },
        auto_merge: false,
      }),
    });
    const deployment = (await created.json()) as { id: number };
    const eventPath = join(workspace, "event.json");
    await writeFile(
      eventPath,
      JSON.stringify({
        deployment: { id: deployment.id, environment: "production", payload: { model: "churn" } },
      }),
    );
    const run = await runAction(
      { mode: "commit" },
      { GITHUB_EVENT_NAME: "deployment", GITHUB_EVENT_PATH: eventPath },
    );
    expect(run.code).toBe(0);
    expect(run.results.map((r) => [r.environment, r.outcome])).toEqual([["production", "committed"]]);
    expect(pinnedIn(fileAt("deploy/churn/production.yaml"))?.ref).toBe(`churn@${versions[1]}`);
    const statuses = github.repository("octo-org", "models").deployments.get(deployment.id)!.statuses;
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(statuses[1]!.description).toContain(`churn@${versions[1]} committed`);
    expect(statuses[1]!.logUrl).toBe("https://github.example/octo-org/models/actions/runs/91");
  });

  it("fails the run and the deployment with a reason when an environment follows no stage", async () => {
    const created = await fetch(`${github.baseUrl}/repos/octo-org/models/deployments`, {
      method: "POST",
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ref: "main", environment: "qa", payload: { model: "churn" } }),
    });
    const deployment = (await created.json()) as { id: number };
    const eventPath = join(workspace, "event-qa.json");
    await writeFile(
      eventPath,
      JSON.stringify({ deployment: { id: deployment.id, environment: "qa", payload: { model: "churn" } } }),
    );
    const run = await runAction(
      { mode: "commit", image },
      { GITHUB_EVENT_NAME: "deployment", GITHUB_EVENT_PATH: eventPath },
    );
    expect(run.code).toBe(1);
    const errors = run.stdout.split("\n").filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("environment 'qa' follows no registry stage; known: production, staging.");
    const statuses = github.repository("octo-org", "models").deployments.get(deployment.id)!.statuses;
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(statuses[1]!.description).toContain("environment 'qa' follows no registry stage");
    expect(run.summary).toContain("### Failures");
  });

  it("refuses an image that is not pinned by digest before doing anything", async () => {
    const run = await runAction({ models: "churn", image: "ghcr.io/octo-org/kiln-serve:latest" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "input 'image': 'ghcr.io/octo-org/kiln-serve:latest' is not an image reference pinned by digest.",
    );
  });
});
