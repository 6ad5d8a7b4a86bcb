import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";
import { freePort, type LocalS3, startS3rver } from "../support/s3-harness.js";

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of this test process without anything that would change doctor's answers. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|GITHUB_|GH_TOKEN$|KILN_)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

function kiln(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "runtime/cli/kiln.ts", ...args], {
      env: { ...cleanEnv(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("kiln doctor", () => {
  let folder: string;
  let s3: LocalS3;
  let github: GitHubStandIn;
  let token: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "kiln-doctor-"));
    s3 = await startS3rver({ bucket: "kiln-doctor" });
    github = await startGitHubStandIn();
    token = github.addUser("octo-analyst", { permission: "write" }).token;
    github.addUser("acme", { permission: "admin" });
    github.createRepo("acme", "churn-model");
  });
  afterAll(async () => {
    await s3?.stop();
    await github?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it("passes with a local folder store, says so line by line, and leaves no probe behind", async () => {
    const store = join(folder, "store");
    const result = await kiln(["doctor"], { KILN_STORE: store });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^✓ node: Node\.js \d+\.\d+\.\d+ \(>= 20 required\)$/);
    expect(lines).toContain(
      `✓ store: ${pathToFileURL(store).href} is reachable and writable (put, get and delete of a probe object)`,
    );
    expect(
      lines.some((line) =>
        /^✓ onnxruntime: onnxruntime-node \d+\.\d+\.\d+ loads and runs a model$/.test(line),
      ),
    ).toBe(true);
    expect(lines).toContain("– github: skipped: neither GITHUB_TOKEN nor GH_TOKEN is set");
    expect(lines.at(-1)).toBe("All required checks passed.");
    // The probe was deleted: nothing but empty folders (or nothing at all) is left in the store.
    const left = await readdir(store, { recursive: true, withFileTypes: true }).catch(() => []);
    expect(left.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
  });

  it("fails with exit code 1 and a hint when the S3 endpoint cannot be reached", async () => {
    const port = await freePort(); // nothing listens there
    const result = await kiln(["doctor"], {
      KILN_STORE: "s3://kiln-doctor/prefix",
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: "doctor",
      AWS_SECRET_ACCESS_KEY: "doctor",
      AWS_REGION: "us-east-1",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^✗ store: cannot write '.*' in s3://kiln-doctor/prefix/: could not reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\.$`,
        "m",
      ),
    );
    expect(result.stdout).toContain("    hint: Check AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_S3)");
    expect(result.stdout).toMatch(/^✓ node: /m);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("1 check failed.");
  });

  it("passes against an S3 server and reports GitHub permissions as JSON", async () => {
    const result = await kiln(["doctor", "--json"], {
      ...s3.env,
      GITHUB_TOKEN: token,
      GITHUB_API_URL: github.baseUrl,
      GITHUB_REPOSITORY: "acme/churn-model",
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; summary: string; details?: Record<string, unknown> }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ["node", "pass"],
      ["store", "pass"],
      ["onnxruntime", "pass"],
      ["github", "pass"],
    ]);
    const store = report.checks.find((c) => c.name === "store");
    expect(store?.details?.url).toBe("s3://kiln-doctor/");
    const githubCheck = report.checks.find((c) => c.name === "github");
    expect(githubCheck?.summary).toMatch(/^GITHUB_TOKEN can read acme\/churn-model; permissions: .*pull/);
    expect(githubCheck?.details?.permissions).toMatchObject({ pull: true });
  });

  it("fails when the GitHub token is rejected, naming the variable and what to do", async () => {
    const result = await kiln(["doctor"], {
      KILN_STORE: join(folder, "store-2"),
      GH_TOKEN: "ghp_not-a-real-token",
      GITHUB_API_URL: github.baseUrl,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ github: GET \/user with GH_TOKEN failed: HTTP 401/m);
    expect(result.stdout).toContain(
      "    hint: GitHub rejected GH_TOKEN; create a new token or fix the variable.",
    );
  });
});
