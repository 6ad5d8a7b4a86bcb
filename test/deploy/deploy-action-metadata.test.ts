import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "actions", "deploy");

describe("actions/deploy/action.yml", () => {
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
    const read = [...inputsSource.matchAll(/(?:get(?:Multiline)?Input|optional)\("([\w-]+)"/g)].map(
      (m) => m[1],
    );
    const set = [...mainSource.matchAll(/setOutput\(\s*"([\w-]+)"/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(Object.keys(metadata.inputs)));
    expect(new Set(set)).toEqual(new Set(Object.keys(metadata.outputs)));
    expect(metadata.runs).toEqual({ using: "node24", main: "../../dist/deploy/index.js" });
  });
});

describe("the deploy examples", () => {
  it("include a workflow GitHub accepts, with least-privilege permissions, timeouts and SHA-pinned third-party actions", async () => {
    const content = await readFile(join(folder, "examples", "deploy-workflow.yml"), "utf8");
    const result = parseWorkflow({ name: "deploy.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const workflow = parse(content) as {
      permissions: Record<string, string>;
      jobs: Record<
        string,
        { permissions?: Record<string, string>; "timeout-minutes"?: number; steps: Array<{ uses?: string }> }
      >;
    };
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job["timeout-minutes"], name).toBeGreaterThan(0);
      expect(job.permissions, name).toBeDefined();
      for (const step of job.steps) {
        if (step.uses === undefined || step.uses.includes("/actions/deploy@")) continue;
        expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
      }
    }
    expect(content).toContain("docker/build-push-action@");
    // Every write grant carries a comment saying why.
    for (const line of content.split("\n").filter((l) => /:\s*write\b/.test(l))) expect(line).toMatch(/# \S/);
  });

  it("include Argo CD and Flux objects that point at the deploy folder", async () => {
    const argo = parse(await readFile(join(folder, "examples", "argocd-application.yaml"), "utf8")) as {
      kind: string;
      spec: { source: { path: string }; syncPolicy: { automated: unknown } };
    };
    expect(argo.kind).toBe("Application");
    expect(argo.spec.source.path).toBe("deploy/churn");
    expect(argo.spec.syncPolicy.automated).toBeDefined();
    const flux = parseAllDocuments(
      await readFile(join(folder, "examples", "flux-kustomization.yaml"), "utf8"),
    ).map((d) => d.toJS() as { kind: string; spec: { path?: string } });
    expect(flux.map((d) => d.kind)).toEqual(["GitRepository", "Kustomization"]);
    expect(flux[1]!.spec.path).toBe("./deploy/churn/production");
  });
});
