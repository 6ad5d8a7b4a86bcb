import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../runtime/errors.js";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../../runtime/pipeline/pipeline-dag.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

async function dagOf(text: string, files: Record<string, string> = {}) {
  const root = makeProject({ "kiln.yaml": text, ...files });
  return buildDag(await loadPipeline(join(root, "kiln.yaml")));
}

async function dagError(text: string, files: Record<string, string> = {}): Promise<ConfigError> {
  const error = await dagOf(text, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe("the DAG", () => {
  it("links outs to deps (files, files inside folder outs, folders holding outs, globs) and needs", async () => {
    const dag = await dagOf(
      yamlLines(
        "stages:",
        "  a:",
        "    cmd: make-a",
        "    deps: [raw.csv]",
        "    outs: [build/a]",
        "  b:",
        "    cmd: make-b",
        "    deps: [build/a/part-1.csv]",
        "    outs: [build/b.csv]",
        "  c:",
        "    cmd: make-c",
        "    deps: [build]",
        "  d:",
        "    cmd: make-d",
        "    deps: ['build/*.csv']",
        "  e:",
        "    cmd: make-e",
        "    needs: [d]",
      ),
      { "raw.csv": "x\n" },
    );
    expect(dag.order.map((s) => s.name)).toEqual(["a", "b", "c", "d", "e"]);
    const ups = (name: string) => [...(dag.upstream.get(name) ?? [])].sort();
    expect(ups("a")).toEqual([]);
    expect(ups("b")).toEqual(["a"]);
    expect(ups("c")).toEqual(["a", "b"]);
    expect(ups("d")).toEqual(["b"]);
    expect(ups("e")).toEqual(["d"]);
  });

  it("orders a stage after its upstream even when written first", async () => {
    const dag = await dagOf(
      yamlLines(
        "stages:",
        "  late:",
        "    cmd: x",
        "    deps: [mid.txt]",
        "  early:",
        "    cmd: y",
        "    outs: [mid.txt]",
      ),
    );
    expect(dag.order.map((s) => s.name)).toEqual(["early", "late"]);
  });
});

describe.each([
  {
    what: "a cycle is reported with its path",
    text: yamlLines(
      "stages:",
      "  a:",
      "    cmd: x",
      "    deps: [c.txt]",
      "    outs: [a.txt]",
      "  b:",
      "    cmd: x",
      "    deps: [a.txt]",
      "    outs: [b.txt]",
      "  c:",
      "    cmd: x",
      "    deps: [b.txt]",
      "    outs: [c.txt]",
    ),
    line: 8,
    column: 12,
    message:
      "the stages form a cycle: a -> b -> c -> a (b reads 'a.txt' from a; c reads 'b.txt' from b; a reads 'c.txt' from c).",
  },
  {
    what: "a cycle through needs",
    text: yamlLines(
      "stages:",
      "  a:",
      "    cmd: x",
      "    needs: [b]",
      "  b:",
      "    cmd: y",
      "    needs: [a]",
    ),
    line: 7,
    column: 13,
    message: "the stages form a cycle: a -> b -> a (b needs a; a needs b).",
  },
  {
    what: "two stages writing the same out",
    text: yamlLines(
      "stages:",
      "  a:",
      "    cmd: x",
      "    outs: [model.onnx]",
      "  b:",
      "    cmd: y",
      "    outs: [model.onnx]",
    ),
    line: 7,
    column: 12,
    message: "stages 'a' and 'b' both write 'model.onnx' (also at line 4).",
  },
  {
    what: "a dep no stage produces and no file provides",
    text: yamlLines("stages:", "  train:", "    cmd: x", "    deps: [data/clean.csv]"),
    line: 4,
    column: 12,
    message:
      "stage 'train' needs 'data/clean.csv', which no stage writes and no file provides. Add it to a stage's outs or create it.",
  },
  {
    what: "a glob dep that matches nothing",
    text: yamlLines("stages:", "  train:", "    cmd: x", "    deps: ['data/*.csv']"),
    line: 4,
    column: 12,
    message: "stage 'train' needs 'data/*.csv', which no stage writes and no file provides.",
  },
  {
    what: "needs naming an unknown stage",
    text: yamlLines("stages:", "  prepare:", "    cmd: x", "  train:", "    cmd: y", "    needs: [prepar]"),
    line: 6,
    column: 13,
    message: "stage 'train' needs stage 'prepar', which does not exist. Did you mean 'prepare'?",
  },
])("DAG errors: $what", ({ text, line, column, message }) => {
  it("fails with the message at kiln.yaml:line:col", async () => {
    const error = await dagError(text);
    expect(error.message).toContain(message);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
  });
});
