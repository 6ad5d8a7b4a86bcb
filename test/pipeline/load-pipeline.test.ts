// biome-ignore-all lint/suspicious/noTemplateCurlyInString: kiln.yaml text uses ${item} interpolation.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../runtime/errors.js";
import { builtinStages } from "../../runtime/pipeline/builtin-stages.js";
import { loadPipeline } from "../../runtime/pipeline/load-pipeline.js";
import { makeProject, yamlLines } from "./pipeline-fixture.js";

async function loadError(text: string, extra: Record<string, string> = {}): Promise<ConfigError> {
  const root = makeProject({ "kiln.yaml": text, ...extra });
  const error = await loadPipeline(join(root, "kiln.yaml")).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe("loading kiln.yaml", () => {
  it("reads stages with their fields, defaults and positions", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "defaults:",
        "  timeout: 2m",
        "  env: { MODE: fast }",
        "stages:",
        "  prepare:",
        "    cmd: python prepare.py",
        "    deps: [raw.csv, ./src/]",
        "    outs: [clean.csv, { path: big, cache: false }]",
        "    params: [prepare.seed, other.yaml:split]",
        "    retries: { count: 2, backoff: 500ms, max_delay: 3s }",
        "    runs-on: [self-hosted, gpu]",
      ),
    });
    const pipeline = await loadPipeline(join(root, "kiln.yaml"));
    const stage = pipeline.stages.get("prepare");
    expect(stage?.cmd).toBe("python prepare.py");
    expect(stage?.deps.map((d) => d.path)).toEqual(["raw.csv", "src"]);
    expect(stage?.outs.map((o) => [o.path, o.cache])).toEqual([
      ["clean.csv", true],
      ["big", false],
    ]);
    expect(stage?.params.map((p) => [p.file, p.key])).toEqual([
      ["params.yaml", "prepare.seed"],
      ["other.yaml", "split"],
    ]);
    expect(stage?.timeoutMs).toBe(120_000);
    expect(stage?.env).toEqual({ MODE: "fast" });
    expect(stage?.retry).toEqual({ count: 2, backoffMs: 500, maxDelayMs: 3000 });
    expect(stage?.runsOn).toEqual(["self-hosted", "gpu"]);
    expect(stage?.position).toMatchObject({ line: 5, column: 3 });
    expect(stage?.deps[0]?.position).toMatchObject({ line: 7, column: 12 });
  });

  it("expands foreach lists and maps, and matrices, into named stages with ${…} filled in", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "stages:",
        "  split:",
        "    foreach: [a, b]",
        "    cmd: split ${item}",
        '    outs: ["out/${item}.csv"]',
        "  train:",
        "    foreach: { small: 0.1, large: 10 }",
        "    cmd: train --lambda ${item} --name ${key}",
        "  grid:",
        "    matrix: { model: [ridge, lasso], seed: [1, 2] }",
        "    cmd: fit ${matrix.model} ${matrix.seed}",
      ),
    });
    const pipeline = await loadPipeline(join(root, "kiln.yaml"));
    expect([...pipeline.stages.keys()]).toEqual([
      "split@a",
      "split@b",
      "train@small",
      "train@large",
      "grid@ridge-1",
      "grid@ridge-2",
      "grid@lasso-1",
      "grid@lasso-2",
    ]);
    expect(pipeline.stages.get("split@b")?.outs[0]?.path).toBe("out/b.csv");
    expect(pipeline.stages.get("train@large")?.cmd).toBe("train --lambda 10 --name large");
    expect(pipeline.stages.get("grid@lasso-2")?.cmd).toBe("fit lasso 2");
  });
});

describe.each([
  {
    what: "an unknown stage key suggests the closest known key",
    text: yamlLines("stages:", "  train:", "    cmd: x", "    dep: [a]"),
    line: 4,
    column: 5,
    message: "unknown key 'dep' in stage 'train'. Did you mean 'deps'?",
  },
  {
    what: "an unknown top-level key suggests the closest one",
    text: yamlLines("stage:", "  train:", "    cmd: x"),
    line: 1,
    column: 1,
    message: "unknown key 'stage' at the top level. Did you mean 'stages'?",
  },
  {
    what: "an unknown key in a retries map",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    retries: { count: 1, backof: 2s }"),
    line: 4,
    column: 26,
    message: "Did you mean 'backoff'?",
  },
  {
    what: "a value of the wrong type names the field and what was expected",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    deps: data.csv"),
    line: 4,
    column: 11,
    message: 'stages.a.deps must be a list, not string "data.csv".',
  },
  {
    what: "a badly written duration",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    timeout: 10 minutes"),
    line: 4,
    column: 14,
    message: "stages.a.timeout is '10 minutes', which is not valid here.",
  },
  {
    what: "an invalid stage name",
    text: yamlLines("stages:", "  'my stage':", "    cmd: x"),
    line: 2,
    column: 3,
    message: "'my stage' is not a valid stage name",
  },
  {
    what: "a model without its artifact",
    text: yamlLines("models:", "  iris:", "    metrics: m.json"),
    line: 3,
    column: 5,
    message: "models.iris needs a 'artifact' key.",
  },
  {
    what: "a stage with neither cmd nor uses",
    text: yamlLines("stages:", "  a:", "    deps: [x]"),
    line: 2,
    column: 3,
    message: "stage 'a' needs 'cmd' (a shell command) or 'uses'",
  },
  {
    what: "a stage with both cmd and uses",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    uses: kiln/fetch"),
    line: 4,
    column: 5,
    message: "stage 'a' has both 'cmd' and 'uses'",
  },
  {
    what: "an unknown built-in stage lists the known ones",
    text: yamlLines("stages:", "  a:", "    uses: kiln/fetchh"),
    line: 3,
    column: 11,
    message: `unknown built-in stage 'kiln/fetchh'. Known built-in stages: ${Object.keys(builtinStages)
      .sort()
      .map((name) => `kiln/${name}`)
      .join(", ")}.`,
  },
  {
    what: "a built-in stage's settings are checked by the stage",
    text: yamlLines("stages:", "  a:", "    uses: kiln/fetch", "    with: { from: s3://b/k }"),
    line: 4,
    column: 5,
    message: "kiln/fetch needs 'with.to'",
  },
  {
    what: "an undefined ${…} in a foreach stage",
    text: yamlLines("stages:", "  a:", "    foreach: [x]", "    cmd: run ${itme}"),
    line: 4,
    column: 10,
    message: "'${itme}' is not defined here; this stage defines: item, key.",
  },
  {
    what: "a stage name clash after expansion",
    text: yamlLines("stages:", "  a:", "    matrix: { p: [x-y, x], q: [z, y-z] }", "    cmd: run"),
    line: 2,
    column: 3,
    message: "stage name 'a@x-y-z' is used twice after foreach/matrix expansion",
  },
  {
    what: "an out outside the project folder",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    outs: [../elsewhere.csv]"),
    line: 4,
    column: 12,
    message: "'../elsewhere.csv' cannot be an out",
  },
  {
    what: "text that is not YAML",
    text: yamlLines("stages:", "  a:", "    cmd: [unclosed"),
    line: 4,
    column: 1,
    message: "not valid YAML",
  },
  {
    what: "a key given twice",
    text: yamlLines("stages:", "  a:", "    cmd: x", "    cmd: y"),
    line: 4,
    column: 5,
    message: "not valid YAML: Map keys must be unique",
  },
  {
    what: "an unquoted ${…} inside a flow list gets a hint",
    text: yamlLines("stages:", "  a:", "    foreach: [x]", "    cmd: run", "    outs: [out/${item}.csv]"),
    line: 5,
    column: 17,
    message: 'Inside [ ] or { }, quote values that contain ${…}, e.g. ["models/${item}.onnx"].',
  },
])("kiln.yaml errors: $what", ({ text, line, column, message }) => {
  it("fails with a ConfigError naming kiln.yaml, the line and the column", async () => {
    const error = await loadError(text);
    expect(error.message).toContain(message);
    expect(error.file.endsWith("kiln.yaml")).toBe(true);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toMatch(new RegExp(`kiln\\.yaml:${line}:${column}: `));
  });
});

describe("${params.…} references", () => {
  it("fill in foreach copies after ${item}, and add the keys used to the stage's params once", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines(
        "defaults:",
        "  params: config/params.json",
        "stages:",
        "  train:",
        "    foreach: [small, large]",
        "    cmd: train --size ${item} --lr ${params.lr.${item}} --seed ${params.seed}",
        "    params: [seed]",
      ),
      "config/params.json": JSON.stringify({ lr: { small: 0.1, large: 0.01 }, seed: 3 }),
    });
    const pipeline = await loadPipeline(join(root, "kiln.yaml"));
    const large = pipeline.stages.get("train@large");
    expect(large?.cmd).toBe("train --size large --lr 0.01 --seed 3");
    expect(large?.params.map((p) => [p.file, p.key, p.position.line])).toEqual([
      ["config/params.json", "seed", 7],
      ["config/params.json", "lr.large", 6],
    ]);
  });

  it("are read again from the params file when the parsed-pipeline cache holds an older value", async () => {
    const root = makeProject({
      "kiln.yaml": yamlLines("stages:", "  a:", "    cmd: echo ${params.n}"),
      "params.yaml": "n: 1\n",
    });
    const cacheFile = join(root, ".kiln", "pipeline-cache.json");
    expect((await loadPipeline(join(root, "kiln.yaml"), { cacheFile })).stages.get("a")?.cmd).toBe("echo 1");
    writeFileSync(join(root, "params.yaml"), "n: 2\n");
    expect((await loadPipeline(join(root, "kiln.yaml"), { cacheFile })).stages.get("a")?.cmd).toBe("echo 2");
  });

  it("are refused outside cmd and with, naming the field's line", async () => {
    const error = await loadError(
      yamlLines("stages:", "  a:", "    cmd: x", '    deps: ["data/${params.name}.csv"]'),
      { "params.yaml": "name: raw\n" },
    );
    expect(error.message).toContain(
      "/kiln.yaml:4:11: stage 'a' uses ${params.…} in 'deps'; params can be used in 'cmd' and 'with' only. Write the value itself here, or compute it in the command.",
    );
  });

  it("name a params file that does not exist at the line using it", async () => {
    const error = await loadError(yamlLines("stages:", "  a:", "    cmd: run ${params.x}"));
    expect(error.message).toContain(
      "/kiln.yaml:3:10: params file 'params.yaml' does not exist. Create it or fix the path.",
    );
  });
});

describe("a missing kiln.yaml", () => {
  it("says where it looked and what to do", async () => {
    const root = makeProject({});
    await expect(loadPipeline(join(root, "kiln.yaml"))).rejects.toThrow(
      /no pipeline file at .*kiln\.yaml.*Create kiln\.yaml/,
    );
  });
});

describe("the parsed-pipeline cache", () => {
  it("returns the same pipeline from the cache and notices when kiln.yaml changes", async () => {
    const text = yamlLines("stages:", "  a:", "    cmd: echo one", "    deps: [x.txt]");
    const root = makeProject({ "kiln.yaml": text });
    const cacheFile = join(root, ".kiln", "pipeline-cache.json");
    const fresh = await loadPipeline(join(root, "kiln.yaml"), { cacheFile });
    const cached = await loadPipeline(join(root, "kiln.yaml"), { cacheFile });
    expect(cached.stages.get("a")).toEqual(fresh.stages.get("a"));
    writeFileSync(join(root, "kiln.yaml"), text.replace("echo one", "echo two"));
    const changed = await loadPipeline(join(root, "kiln.yaml"), { cacheFile });
    expect(changed.stages.get("a")?.cmd).toBe("echo two");
  });

  it("still reports errors with positions once a valid file was cached", async () => {
    const root = makeProject({ "kiln.yaml": yamlLines("stages:", "  a:", "    cmd: x") });
    const cacheFile = join(root, ".kiln", "pipeline-cache.json");
    await loadPipeline(join(root, "kiln.yaml"), { cacheFile });
    writeFileSync(join(root, "kiln.yaml"), yamlLines("stages:", "  a:", "    cmd: x", "    outz: [y]"));
    await expect(loadPipeline(join(root, "kiln.yaml"), { cacheFile })).rejects.toThrow(
      /kiln\.yaml:4:5: unknown key 'outz' in stage 'a'\. Did you mean 'outs'\?/,
    );
  });
});
