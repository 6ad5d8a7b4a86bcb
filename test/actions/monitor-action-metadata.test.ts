import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..", "..");
const folder = join(root, "actions", "monitor");

describe("actions/monitor/action.yml", () => {
  it("is valid by GitHub's own action schema", async () => {
    const content = await readFile(join(folder, "action.yml"), "utf8");
    const result = parseAction({ name: "action.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it("declares exactly the inputs the action reads and the outputs it sets", async () => {
    const metadata = parse(await readFile(join(folder, "action.yml"), "utf8")) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    const inputsSource = await readFile(join(folder, "src", "inputs.ts"), "utf8");
    const mainSource = await readFile(join(folder, "src", "main.ts"), "utf8");
    const read = [...inputsSource.matchAll(/(?:getInput|optional)\("([\w-]+)"/g)].map((m) => m[1]);
    const set = [...mainSource.matchAll(/setOutput\(\s*"([\w-]+)"/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(Object.keys(metadata.inputs)));
    expect(new Set(set)).toEqual(new Set(Object.keys(metadata.outputs)));
    expect(metadata.runs).toEqual({ using: "node24", main: "../../dist/monitor/index.js" });
  });
});

describe("examples/workflows/kiln-monitor.yml", () => {
  it("is a scheduled workflow GitHub accepts, least-privileged, with timeouts and SHA-pinned actions", async () => {
    const content = await readFile(join(root, "examples", "workflows", "kiln-monitor.yml"), "utf8");
    const result = parseWorkflow({ name: "kiln-monitor.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const workflow = parse(content) as {
      on: { schedule: { cron: string }[] };
      permissions: Record<string, string>;
      jobs: Record<
        string,
        {
          permissions?: Record<string, string>;
          "timeout-minutes"?: number;
          steps: { uses?: string; with?: Record<string, string> }[];
        }
      >;
    };
    expect(workflow.on.schedule[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.permissions).toEqual({ contents: "read" });
    const job = workflow.jobs.monitor!;
    expect(job["timeout-minutes"]).toBeGreaterThan(0);
    expect(job.permissions).toEqual({ contents: "read", issues: "write", "id-token": "write" });
    for (const step of job.steps) {
      if (step.uses === undefined || step.uses.includes("/actions/monitor@")) continue;
      expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
    const upload = job.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe(["$", "{{ steps.monitor.outputs.report-path }}"].join(""));
    for (const line of content.split("\n").filter((l) => /:\s*write\b/.test(l))) expect(line).toMatch(/# \S/);
  });
});
