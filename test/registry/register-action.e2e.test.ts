import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVersions } from "../../runtime/registry/list-versions.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { writeOnnxModel } from "./onnx-fixture.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const entry = join(root, "actions", "register", "src", "index.ts");
const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

let github: GitHubStandIn;
let workspace: string;
let baseEnv: Record<string, string>;

/** Run the action as the runner does: inputs as INPUT_* env, outputs and summary through files. */
async function runAction(inputs: Record<string, string>) {
  const outputFile = join(workspace, `output-${Math.random()}`);
  const summaryFile = join(workspace, `summary-${Math.random()}`);
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: Record<string, string> = {
    ...baseEnv,
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
  return { code, stdout, outputs, summary: await readFile(summaryFile, "utf8") };
}

beforeAll(async () => {
  github = await startGitHubStandIn();
  const { headSha } = github.createRepo("octo-org", "models");
  const { token } = github.addUser("trainer");
  workspace = await mkdtemp(join(tmpdir(), "kiln-register-action-"));
  await writeOnnxModel(workspace, "model.onnx", 1);
  await writeFile(join(workspace, "metrics.json"), JSON.stringify({ rmse: 0.42 }));
  baseEnv = {
    PATH: process.env.PATH ?? "",
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: "octo-org/models",
    GITHUB_SHA: headSha,
    GITHUB_ACTOR: "trainer",
    GITHUB_API_URL: github.baseUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_RUN_ID: "77",
    KILN_STORE: join(workspace, "store"),
    "INPUT_GITHUB-TOKEN": token,
  };
});
afterAll(async () => {
  await github?.stop();
  await rm(workspace, { recursive: true, force: true });
});

describe("the register action", () => {
  it("registers the model, sets its outputs and writes the model card to the job summary", async () => {
    const run = await runAction({ name: "prices", artifact: "model.onnx", metrics: "metrics.json" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ version: "1.0.0", created: "true" });
    expect(run.outputs.digest).toMatch(/^[0-9a-f]{64}$/);
    const release = [...github.repository("octo-org", "models").releases.values()][0]!;
    expect(run.outputs["release-url"]).toContain("/octo-org/models/releases/tag/");
    expect(release.tagName).toBe("prices@v1.0.0");
    expect(run.summary).toContain("# prices@1.0.0");
    expect(run.summary).toContain("| rmse | 0.42 |");
    expect(run.summary).toContain("- Workflow run: https://github.example/octo-org/models/actions/runs/77");
    const versions = await listVersions(new LocalFolderStore(join(workspace, "store")), "prices");
    expect(versions.map((v) => v.version)).toEqual(["1.0.0"]);
  });

  it("returns the existing version for the same artifact", async () => {
    const run = await runAction({ name: "prices", artifact: "model.onnx" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ version: "1.0.0", created: "false" });
  });

  it("fails with one error naming the file when the artifact is not ONNX", async () => {
    const run = await runAction({ name: "prices", artifact: "metrics.json", release: "false" });
    expect(run.code).toBe(1);
    const errors = run.stdout.split("\n").filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("metrics.json' is not an ONNX model");
  });

  it("refuses a bump that is not major, minor or patch", async () => {
    const run = await runAction({ name: "prices", artifact: "model.onnx", bump: "huge" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("input 'bump' must be one of major, minor, patch (or empty), not 'huge'.");
  });
});
