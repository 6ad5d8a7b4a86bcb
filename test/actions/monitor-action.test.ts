/**
 * The committed monitor Action bundle (dist/monitor/index.js), run the way the runner runs it:
 * INPUT_* env, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing at the stand-in.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMonitorWorld, MODEL, type MonitorWorld } from "../monitor/monitor-world.js";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-stand-in/index.js";

const repoRoot = join(import.meta.dirname, "../..");
const bundle = join(repoRoot, "dist/monitor/index.js");
const owner = "octo-org";
const repo = "models";
let world: MonitorWorld;
let github: GitHubStandIn;
let token: string;

beforeAll(async () => {
  world = await createMonitorWorld();
  // Drifting traffic over the last two hours (the action's window ends now).
  await world.writeTraffic({
    start: new Date(Date.now() - 2 * 3_600_000),
    rows: 200,
    shift: 2,
    seed: 41,
    spanHours: 1.5,
  });
  github = await startGitHubStandIn();
  github.createRepo(owner, repo);
  token = github.addUser("github-actions", { permission: "write" }).token;
});
afterAll(async () => {
  await github?.stop();
  await world?.close();
});

interface ActionRun {
  status: number | null;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), "kiln-monitor-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  const eventFile = join(files, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify({ repository: { default_branch: "main" } }));
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      cwd: world.dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: world.dir,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_API_URL: github.baseUrl,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_RUN_ID: "4242",
        ...inputEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (c: Buffer) => {
      log += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      log += c.toString();
    });
    child.on("error", reject);
    child.on("close", (status) => {
      const outputs: Record<string, string> = {};
      for (const match of readFileSync(outputFile, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
        outputs[match[1] as string] = match[3] as string;
      const summary = readFileSync(summaryFile, "utf8");
      rmSync(files, { recursive: true, force: true });
      resolve({ status, log, outputs, summary });
    });
  });
}

const base = () => ({ model: MODEL, store: world.storeDir, "github-token": token, window: "24h" });
const driftIssues = () =>
  [...github.repository(owner, repo).issues.values()].filter((i) =>
    (i.body ?? "").includes(`<!-- kiln:drift model=${MODEL} env=production -->`),
  );

describe("the monitor Action bundle (dist/monitor/index.js)", () => {
  it("exists: run `npm run bundle` and commit dist/", () => {
    expect(existsSync(bundle)).toBe(true);
  });

  it("on drifting traffic opens the drift issue, writes the HTML report and the job summary", async () => {
    const run = await runAction({ ...base(), "html-report-path": "reports/churn.html" });
    expect(run.status, run.log).toBe(0);
    expect(run.outputs.status).toBe("drift");
    expect(run.outputs.drift).toBe("true");
    expect(Number(run.outputs["drift-share"])).toBeGreaterThanOrEqual(0.5);
    expect(run.outputs["report-path"]).toBe(join(world.dir, "reports/churn.html"));
    expect(readFileSync(run.outputs["report-path"] as string, "utf8")).toMatch(/^<!doctype html>/i);
    const issues = driftIssues();
    expect(issues).toHaveLength(1);
    expect(run.outputs["issue-number"]).toBe(String(issues[0]!.number));
    expect(issues[0]!.body).toContain(
      "[open](https://github.com/octo-org/models/actions/runs/4242#artifacts)",
    );
    expect(run.summary).toMatch(/^## kiln monitor: churn@1\.0\.0 — ⚠️ drift/);
    expect(run.summary).toContain(`Drift issue: [#${issues[0]!.number}]`);
  }, 60_000);

  it("on the next drifting run comments on the same issue", async () => {
    const run = await runAction(base());
    expect(run.status, run.log).toBe(0);
    const issues = driftIssues();
    expect(issues).toHaveLength(1);
    const comments = [...github.repository(owner, repo).comments.values()].filter(
      (c) => c.issueNumber === issues[0]!.number,
    );
    expect(comments).toHaveLength(1);
    expect(run.outputs["issue-number"]).toBe(String(issues[0]!.number));
  }, 60_000);

  it("reports a window with too few rows as insufficient, with a warning, and leaves the issue alone", async () => {
    const before = driftIssues()[0]!.body;
    const run = await runAction({ ...base(), "min-rows": "100000" });
    expect(run.status, run.log).toBe(0);
    expect(run.outputs.status).toBe("insufficient");
    expect(run.outputs.drift).toBe("false");
    expect(run.outputs["drift-share"]).toBe("");
    expect(run.outputs["report-path"]).toBe("");
    expect(run.log).toContain(
      "::warning::kiln monitor: Only 200 prediction rows in the window, fewer than the 100000 needed",
    );
    expect(driftIssues()[0]!.body).toBe(before);
    expect(run.summary).toContain("⏸️ not enough data");
  }, 60_000);

  it("two runs started at the same time leave exactly one open issue for their environment", async () => {
    const inputs = { ...base(), environment: "staging" };
    const runs = await Promise.all([runAction(inputs), runAction(inputs)]);
    for (const run of runs) expect(run.status, run.log).toBe(0);
    const staging = [...github.repository(owner, repo).issues.values()].filter((i) =>
      (i.body ?? "").includes(`<!-- kiln:drift model=${MODEL} env=staging -->`),
    );
    const open = staging.filter((i) => i.state === "open");
    expect(open).toHaveLength(1);
    expect(runs.map((r) => r.outputs["issue-number"])).toEqual([
      String(open[0]!.number),
      String(open[0]!.number),
    ]);
  }, 60_000);

  it("fails with the input's name on a bad input", async () => {
    const run = await runAction({ ...base(), "close-after": "never" });
    expect(run.status).toBe(1);
    expect(run.log).toContain(
      "::error::input 'close-after' must be a whole number of at least 1, not 'never'.",
    );
  }, 60_000);
});
