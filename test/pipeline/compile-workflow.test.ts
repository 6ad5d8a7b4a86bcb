// biome-ignore-all lint/suspicious/noTemplateCurlyInString: kiln.yaml and workflow text hold ${…} on purpose.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkoutAction, compileWorkflow } from "../../runtime/pipeline/compile-workflow.js";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

const options = {
  workingDirectory: "ml",
  sourceFile: "ml/kiln.yaml",
  action: "acme/kiln/actions/pipeline@v1",
  branches: ["main"],
};

async function compile(text: string) {
  const root = makeProject({ "kiln.yaml": text, "raw.csv": "x\n" });
  const pipeline = await loadPipeline(join(root, "kiln.yaml"));
  return compileWorkflow(pipeline, buildDag(pipeline), options);
}

/** GitHub's own parser: schema errors with line and column, then the jobs as GitHub sees them. */
async function parseWithGitHub(content: string) {
  const result = parseWorkflow({ name: "kiln-pipeline.yml", content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  expect(errors).toEqual([]);
  const template = await convertWorkflowTemplate(
    result.context,
    result.value as NonNullable<typeof result.value>,
  );
  expect(template.errors ?? []).toEqual([]);
  return template;
}

const pipelineText = yamlLines(
  "stages:",
  "  prepare:",
  "    cmd: python prepare.py",
  "    deps: [raw.csv]",
  "    outs: [clean.csv]",
  "    timeout: 20m",
  "  train:",
  "    foreach: [small, large]",
  "    cmd: python train.py ${item}",
  "    deps: [clean.csv]",
  '    outs: ["models/${item}.onnx"]',
  "    runs-on: [self-hosted, gpu]",
  "    timeout: 1h",
  "    retries: { count: 1, backoff: 30s }",
  "  report:",
  "    cmd: python report.py",
  "    deps: [models]",
);

describe("compiling the pipeline to a GitHub Actions workflow", () => {
  it("passes GitHub's workflow parser with one job per stage and needs mirroring the DAG", async () => {
    const text = await compile(pipelineText);
    const template = await parseWithGitHub(text);
    const jobs = template.jobs.map((job) => ({
      id: job.id.value,
      needs: (job.needs ?? []).map((n) => n.value),
    }));
    expect(jobs).toEqual([
      { id: "prepare", needs: [] },
      { id: "train", needs: ["prepare"] },
      { id: "report", needs: ["train"] },
    ]);
  });

  it("fans a foreach stage out as a matrix, with its runner and a timeout covering its retries", async () => {
    const workflow = parse(await compile(pipelineText));
    const train = workflow.jobs.train;
    expect(train.strategy.matrix.include).toEqual([{ stage: "train@small" }, { stage: "train@large" }]);
    expect(train["runs-on"]).toEqual(["self-hosted", "gpu"]);
    // Two attempts of an hour plus a 30 s backoff, rounded up, plus ten minutes of margin.
    expect(train["timeout-minutes"]).toBe(120 + 1 + 10);
    expect(workflow.jobs.prepare["timeout-minutes"]).toBe(20 + 10);
    expect(workflow.jobs.report["timeout-minutes"]).toBe(360);
    expect(train.steps[1]).toEqual({
      name: "kiln run ${{ matrix.stage }}",
      uses: "acme/kiln/actions/pipeline@v1",
      with: {
        stage: "${{ matrix.stage }}",
        store: "${{ vars.KILN_STORE }}",
        "working-directory": "ml",
        register: "false",
      },
    });
  });

  it("keeps permissions read-only, pins checkout by commit and sets a concurrency group", async () => {
    const text = await compile(pipelineText);
    const workflow = parse(text);
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(text).not.toMatch(/: write/);
    expect(workflow.concurrency.group).toBe("kiln-pipeline-${{ github.ref }}");
    expect(text).toContain(`uses: ${checkoutAction}`);
    expect(checkoutAction).toMatch(/^actions\/checkout@[0-9a-f]{40} # v\d/);
    for (const job of Object.values(workflow.jobs) as { "timeout-minutes": number }[]) {
      expect(job["timeout-minutes"]).toBeGreaterThan(0);
    }
  });

  it("is a pure function of the pipeline: compiling twice gives the same text", async () => {
    expect(await compile(pipelineText)).toBe(await compile(pipelineText));
  });

  it("puts per-stage runners into the matrix when the copies of a stage differ", async () => {
    const text = await compile(
      yamlLines(
        "stages:",
        "  fit:",
        "    foreach: { cpu: ubuntu-latest, gpu: gpu-runner }",
        "    cmd: fit ${key}",
        "    runs-on: ${item}",
      ),
    );
    await parseWithGitHub(text);
    const fit = parse(text).jobs.fit;
    expect(fit["runs-on"]).toBe("${{ matrix.runner }}");
    expect(fit.strategy.matrix.include).toEqual([
      { stage: "fit@cpu", runner: "ubuntu-latest" },
      { stage: "fit@gpu", runner: "gpu-runner" },
    ]);
  });

  it("adds a last job that registers the declared models on pushes to the default branch, the only job that may write", async () => {
    const text = await compile(`${pipelineText}models:\n  churn:\n    artifact: models/small.onnx\n`);
    await parseWithGitHub(text);
    const workflow = parse(text) as {
      permissions: Record<string, string>;
      jobs: Record<
        string,
        {
          needs?: string[];
          if?: string;
          permissions?: Record<string, string>;
          steps: { with?: Record<string, string> }[];
        }
      >;
    };
    const register = workflow.jobs["kiln-register"];
    expect(register?.needs).toEqual(["prepare", "report", "train"]);
    expect(register?.if).toBe(
      "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch",
    );
    expect(register?.permissions).toEqual({ contents: "write" });
    expect(register?.steps[1]?.with).toMatchObject({
      stage: "all",
      register: "true",
      "github-token": "${{ github.token }}",
    });
    expect(workflow.permissions).toEqual({ contents: "read" });
    const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions !== undefined);
    expect(writers.map(([id]) => id)).toEqual(["kiln-register"]);
    expect(text).toContain(
      "contents: write # create the tag <model>@v<version> and publish the release with the model",
    );
  });

  it("the committed workflow of the demo project is current", async () => {
    const root = join(import.meta.dirname, "../../examples/pipeline-demo");
    const pipeline = await loadPipeline(join(root, "kiln.yaml"));
    const text = compileWorkflow(pipeline, buildDag(pipeline), {
      workingDirectory: "examples/pipeline-demo",
      sourceFile: "examples/pipeline-demo/kiln.yaml",
      action: "./actions/pipeline",
      branches: ["main"],
    });
    await parseWithGitHub(text);
    expect(readFileSync(join(root, ".github/workflows/kiln-pipeline.yml"), "utf8")).toBe(text);
  });
});
