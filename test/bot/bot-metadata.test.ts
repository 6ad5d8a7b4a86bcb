import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gateEvents } from "../../bot/src/app.js";

const root = join(import.meta.dirname, "..", "..");
const text = (path: string) => readFile(join(root, path), "utf8");

describe.each([
  ["actions/promote/action.yml", "../../dist/promote/index.js", "actions/promote/src"],
  ["bot/action.yml", "../dist/bot-workflow/index.js", undefined],
])("%s", (path, main, source) => {
  it("is valid by GitHub's own action schema and runs the committed bundle on node24", async () => {
    const content = await text(path);
    const result = parseAction({ name: "action.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect((parse(content) as { runs: unknown }).runs).toEqual({ using: "node24", main });
  });

  it.runIf(source !== undefined)(
    "declares exactly the inputs the action reads and the outputs it sets",
    async () => {
      const metadata = parse(await text(path)) as { inputs: object; outputs: object };
      const read = [...(await text(`${source}/inputs.ts`)).matchAll(/getInput\("([\w-]+)"/g)].map(
        (m) => m[1],
      );
      const set = [...(await text(`${source}/main.ts`)).matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
      expect(new Set(read)).toEqual(new Set(Object.keys(metadata.inputs)));
      expect(new Set(set)).toEqual(new Set(Object.keys(metadata.outputs)));
    },
  );
});

describe.each(["bot/workflows/kiln-promote.yml", "bot/workflows/kiln-promotion-gate.yml"])("%s", (path) => {
  it("is a workflow GitHub accepts, least-privileged, with a timeout and every write grant explained", async () => {
    const content = await text(path);
    const result = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const workflow = parse(content) as {
      permissions: Record<string, string>;
      jobs: Record<
        string,
        { permissions: Record<string, string>; "timeout-minutes": number; steps: { uses?: string }[] }
      >;
    };
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(workflow.jobs)) {
      expect(job["timeout-minutes"]).toBeGreaterThan(0);
      for (const [scope, level] of Object.entries(job.permissions)) {
        if (level !== "write") continue;
        expect(content, `${scope}: write needs a comment`).toMatch(new RegExp(`${scope}: write # \\S`));
      }
      for (const step of job.steps) {
        if (step.uses?.startsWith("octo-org/kiln/")) continue;
        expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
      }
    }
  });
});

describe("bot/app.yml", () => {
  it("subscribes to every event the app handles and asks for no deployments permission", async () => {
    const manifest = parse(await text("bot/app.yml")) as {
      default_events: string[];
      default_permissions: Record<string, string>;
    };
    const handled = new Set([
      ...gateEvents.map((e) => e.split(".")[0]),
      "check_run",
      "check_suite",
      "issue_comment",
      "release",
    ]);
    expect(new Set(manifest.default_events)).toEqual(handled);
    expect(manifest.default_permissions).toMatchObject({
      checks: "write",
      pull_requests: "write",
      contents: "write",
      issues: "write",
      metadata: "read",
    });
    expect(manifest.default_permissions.deployments).toBeUndefined();
  });
});
