import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { NotFoundError } from "../errors.js";
import { formatVersion, kilnVersion } from "../version.js";
import type { BuiltinStage } from "./builtin-stage.js";
import { displayPath } from "./display-path.js";
import { sha256 } from "./hash-cache.js";
import { loadBuiltinStages } from "./lookup-builtin-stage.js";
import type { Pipeline, Stage } from "./pipeline.js";

export interface LoadPipelineOptions {
  /** The built-in stages `uses:` may name; defaults to Kiln's map. */
  builtins?: Record<string, BuiltinStage>;
  /**
   * A file to keep the parsed, validated and expanded pipeline in, reused while kiln.yaml's text
   * is unchanged (the CLI uses `.kiln/pipeline-cache.json`), so re-runs skip YAML parsing.
   */
  cacheFile?: string;
}

/** Read, validate and expand kiln.yaml. Every mistake is a ConfigError naming file:line:col. */
export async function loadPipeline(file: string, options: LoadPipelineOptions = {}): Promise<Pipeline> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new NotFoundError(`no pipeline file at ${path}.`, {
        hint: "Create kiln.yaml with a `stages:` map, or pass its folder with --dir.",
      });
    }
    throw error;
  }
  // The YAML parser, the schema validator and the built-in stages (some load onnxruntime) are
  // imported only when kiln.yaml has to be parsed, and the built-ins only when a stage names one.
  const parse = async () => {
    const builtins =
      options.builtins ?? (/\buses["']?\s*:/.test(text) ? await loadBuiltinStages() : undefined);
    const [{ parsePipeline }, { ParamValues }] = await Promise.all([
      import("./parse-pipeline.js"),
      import("./param-values.js"),
    ]);
    const params = new ParamValues(dirname(path));
    const pipeline = parsePipeline(text, path, { builtins, params });
    // ${params.…} values are part of the parsed stages: the params files read are inputs too.
    return { pipeline, inputs: params.fileDigests() };
  };
  if (options.cacheFile === undefined) return (await parse()).pipeline;
  const key = cacheKey(text, path, options);
  const cached = await readCachedPipeline(options.cacheFile, key, dirname(path));
  if (cached) return cached;
  const { pipeline, inputs } = await parse();
  await writeCachedPipeline(options.cacheFile, { key, inputs, pipeline });
  return pipeline;
}

/** What the cached result depends on: the text, where it is shown from, Kiln and its built-ins. */
function cacheKey(text: string, path: string, options: LoadPipelineOptions): string {
  // Kiln's own built-ins change only with Kiln's version; a custom map is keyed by its names.
  const builtins = options.builtins ? Object.keys(options.builtins).sort().join(",") : "kiln";
  return sha256([kilnVersion, formatVersion, displayPath(path), path, builtins, text].join("\0"));
}

async function readCachedPipeline(
  cacheFile: string,
  key: string,
  root: string,
): Promise<Pipeline | undefined> {
  try {
    const cached = JSON.parse(await readFile(cacheFile, "utf8")) as Partial<CacheEntry>;
    if (cached.key !== key || !cached.pipeline || !cached.inputs) return undefined;
    for (const [file, digest] of Object.entries(cached.inputs ?? {})) {
      if (sha256(await readFile(join(root, file), "utf8")) !== digest) return undefined;
    }
    const { stages, ...rest } = cached.pipeline;
    return { ...rest, stages: new Map(stages.map((stage) => [stage.name, stage])) };
  } catch {
    return undefined;
  }
}

async function writeCachedPipeline(
  cacheFile: string,
  entry: { key: string; inputs: Record<string, string>; pipeline: Pipeline },
): Promise<void> {
  const serialized: CacheEntry = {
    ...entry,
    pipeline: { ...entry.pipeline, stages: [...entry.pipeline.stages.values()] },
  };
  try {
    await mkdir(dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(serialized));
    await rename(temporary, cacheFile);
  } catch {
    // The cache only saves time; a read-only folder is not an error.
  }
}

type SerializedPipeline = Omit<Pipeline, "stages"> & { stages: Stage[] };

interface CacheEntry {
  /** kiln.yaml's text and what else decides how it parses (see cacheKey). */
  key: string;
  /** The sha256 of each params file `${params.…}` read, by path relative to the project folder. */
  inputs: Record<string, string>;
  pipeline: SerializedPipeline;
}
