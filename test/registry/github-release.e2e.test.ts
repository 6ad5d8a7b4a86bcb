import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GitHubApiError, StoreError } from "../../runtime/errors.js";
import { createOctokit } from "../../runtime/github/octokit-factory.js";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { listVersions } from "../../runtime/registry/list-versions.js";
import { parseModelRecord } from "../../runtime/registry/model-record.js";
import { createOctokitReleasePort } from "../../runtime/registry/octokit-release-port.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import type { ReleasePort } from "../../runtime/registry/release-port.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { failingStore } from "./failing-store.js";
import { writeOnnxModel } from "./onnx-fixture.js";
import { registerRequest } from "./registry-builders.js";

let github: GitHubStandIn;
let folder: string;
let models: string[];
let token: string;
let port: ReleasePort;
let octokit: ReturnType<typeof createOctokit>;
let repoCount = 0;
const owner = "octo-org";
let repoName: string;
let headSha: string;
let store: LocalFolderStore;

beforeAll(async () => {
  github = await startGitHubStandIn();
  token = github.addUser("trainer").token;
  folder = await mkdtemp(join(tmpdir(), "kiln-github-release-"));
  models = [];
  for (let i = 0; i < 3; i++) models.push(await writeOnnxModel(folder, `m${i}.onnx`, i + 1));
  await writeFile(join(folder, "m0.json"), JSON.stringify({ accuracy: 0.8 }));
  await writeFile(join(folder, "m1.json"), JSON.stringify({ accuracy: 0.9 }));
  await writeFile(join(folder, "m2.json"), JSON.stringify({ accuracy: 0.85 }));
  octokit = createOctokit({
    token,
    baseUrl: github.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
});
afterAll(async () => {
  await github?.stop();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  repoName = `models-${++repoCount}`;
  headSha = github.createRepo(owner, repoName).headSha;
  port = createOctokitReleasePort(octokit, { owner, repo: repoName }, { logger: silentLogger });
  store = new LocalFolderStore(join(folder, `store-${repoCount}`));
  github.clearFaults();
});

const register = (i: number, on: ObjectStore = store) =>
  registerModel(
    { store: on, logger: silentLogger },
    registerRequest({
      artifactPath: models[i]!,
      metricsPath: join(folder, `m${i}.json`),
      lineage: {
        repository: `${owner}/${repoName}`,
        commit: headSha,
        stageKeys: { train: "k1" },
        datasetDigests: {},
      },
      release: { port, commit: headSha },
    }),
  );

const tags = () =>
  [...github.repository(owner, repoName).refs.keys()].filter((r) => r.startsWith("refs/tags/"));
const releases = () => [...github.repository(owner, repoName).releases.values()];

async function downloadAsset(id: number): Promise<Buffer> {
  const response = await octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
    owner,
    repo: repoName,
    asset_id: id,
    headers: { accept: "application/octet-stream" },
  });
  return Buffer.from(response.data as unknown as ArrayBuffer);
}

async function expectNothingVisible() {
  expect(tags()).toEqual([]);
  expect(releases()).toEqual([]);
  expect(await listVersions(store, "iris")).toEqual([]);
  const left: string[] = [];
  for await (const info of store.list("models/")) left.push(info.key);
  expect(left).toEqual([]);
}

describe("registering in GitHub mode", () => {
  it("tags the commit, publishes a release with the model card and both assets, and records it", async () => {
    const first = await register(0);
    await appendStageEvent(store, {
      name: "iris",
      version: "1.0.0",
      to: "Production",
      by: "bob",
      source: { kind: "pull-request", pullRequest: 3 },
      reason: "ok",
    });
    const second = await register(1);
    expect([first.record.version, second.record.version]).toEqual(["1.0.0", "1.1.0"]);
    expect(tags().sort()).toEqual(["refs/tags/iris@v1.0.0", "refs/tags/iris@v1.1.0"]);
    const release = releases().find((r) => r.tagName === "iris@v1.1.0")!;
    expect(release.body).toBe(second.modelCard);
    expect(release.body).toContain("| accuracy | 0.9 | 0.8 | +0.1 (+12.50%) |");
    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo: repoName, tag: "iris@v1.1.0" });
    expect(second.record.release).toEqual({
      tag: "iris@v1.1.0",
      url: byTag.data.html_url,
      id: byTag.data.id,
    });
    const assets = await octokit.rest.repos.listReleaseAssets({
      owner,
      repo: repoName,
      release_id: release.id,
    });
    expect(assets.data.map((a) => a.name).sort()).toEqual(["kiln-model.json", "model.onnx"]);
    const model = await downloadAsset(assets.data.find((a) => a.name === "model.onnx")!.id);
    expect(model.equals(await readFile(models[1]!))).toBe(true);
    const recordAsset = await downloadAsset(assets.data.find((a) => a.name === "kiln-model.json")!.id);
    const stored = await store.getBytes("models/iris/versions/1.1.0.json");
    expect(parseModelRecord(recordAsset, "asset")).toEqual(parseModelRecord(stored, "store"));
    expect(second.record.artifact.releaseAssetUrl).toBe(
      assets.data.find((a) => a.name === "model.onnx")!.browser_download_url,
    );
    expect(second.record.artifact.sha256).toBe(createHash("sha256").update(model).digest("hex"));
  });

  it("takes the next version when the tag already exists", async () => {
    await octokit.rest.git.createRef({ owner, repo: repoName, ref: "refs/tags/iris@v1.0.0", sha: headSha });
    const result = await register(0);
    expect(result.record.version).toBe("1.1.0");
    expect(tags().sort()).toEqual(["refs/tags/iris@v1.0.0", "refs/tags/iris@v1.1.0"]);
  });

  it("rolls everything back when GitHub fails to create the release (500)", async () => {
    github.failNext({ method: "POST", path: "/repos/{owner}/{repo}/releases", status: 500 });
    const error = await register(0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(500);
    expect((error as Error).message).toContain("POST /repos/octo-org/");
    await expectNothingVisible();
  });

  it("rolls everything back when the model upload's connection drops on every attempt", async () => {
    github.failNext({ method: "POST", path: /\/assets$/, dropConnection: true, times: 3 });
    const error = await register(0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toContain("could not reach GitHub");
    await expectNothingVisible();
  });

  it("survives one dropped upload connection by retrying with a fresh stream", async () => {
    github.failNext({ method: "POST", path: /\/assets$/, dropConnection: true, times: 1 });
    const result = await register(0);
    expect(result.record.version).toBe("1.0.0");
    const release = releases()[0]!;
    const assets = await octokit.rest.repos.listReleaseAssets({
      owner,
      repo: repoName,
      release_id: release.id,
    });
    expect(assets.data.map((a) => a.name).sort()).toEqual(["kiln-model.json", "model.onnx"]);
    const model = await downloadAsset(assets.data.find((a) => a.name === "model.onnx")!.id);
    expect(model.equals(await readFile(models[0]!))).toBe(true);
  });

  it("deletes the release and the tag when the store fails at the record write", async () => {
    const outage = failingStore(store, (key) => key.includes("/versions/"));
    const error = await register(0, outage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain("injected outage");
    await expectNothingVisible();
  });
});
