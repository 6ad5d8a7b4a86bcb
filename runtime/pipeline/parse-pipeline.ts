import { dirname, isAbsolute, join, normalize, resolve } from "node:path";
import { parseYamlDocument, type YamlDocument, type YamlPath } from "../config/yaml-document.js";
import { ConfigError, type SourcePosition } from "../errors.js";
import type { BuiltinStage } from "./builtin-stage.js";
import { displayPath } from "./display-path.js";
import { parseDuration } from "./duration.js";
import { interpolate } from "./interpolate.js";
import { lookupBuiltinStage } from "./lookup-builtin-stage.js";
import { hasParamReference, type ParamsSource, resolveParamReferences } from "./param-references.js";
import { ParamValues } from "./param-values.js";
import {
  type Dep,
  DepKind,
  type ExpansionValues,
  type ModelSpec,
  type MonitorSpec,
  type NeedRef,
  type Out,
  type ParamRef,
  type Pipeline,
  type RetryPolicy,
  type Stage,
} from "./pipeline.js";
import { stableJson } from "./stable-json.js";
import { validateKilnConfig } from "./validate-kiln-config.js";

/** The raw shapes the schema guarantees. */
type Duration = number | string;
type RawRetries = number | { count: number; backoff?: Duration; max_delay?: Duration };
type RawOut = string | { path: string; cache?: boolean };
interface RawStage {
  desc?: string;
  cmd?: string;
  uses?: string;
  with?: Record<string, unknown>;
  deps?: string[];
  outs?: RawOut[];
  params?: string[];
  metrics?: string[];
  needs?: string[];
  env?: Record<string, string | number | boolean>;
  timeout?: Duration;
  retries?: RawRetries;
  foreach?: unknown[] | Record<string, unknown>;
  matrix?: Record<string, (string | number | boolean)[]>;
  always_run?: boolean;
  "runs-on"?: string | string[];
}
interface RawDefaults {
  timeout?: Duration;
  retries?: RawRetries;
  env?: Record<string, string | number | boolean>;
  "runs-on"?: string | string[];
  params?: string;
}
interface RawConfig {
  version?: 1;
  defaults?: RawDefaults;
  stages?: Record<string, RawStage>;
  models?: Record<string, ModelSpec>;
  monitor?: MonitorSpec;
}

export const defaultParamsFile = "params.yaml";
const defaultRetry: RetryPolicy = { count: 0, backoffMs: 1000, maxDelayMs: 60_000 };

export interface ParsePipelineOptions {
  /** The built-in stages `uses:` may name (needed only when a stage has `uses:`). */
  builtins?: Record<string, BuiltinStage> | undefined;
  /**
   * The params files `${params.…}` references read; defaults to reading them from the project
   * folder (only when a stage has such a reference).
   */
  params?: ParamsSource | undefined;
}

/** Parse kiln.yaml's text (the file name is used for positions and as the project folder). */
export function parsePipeline(text: string, file: string, options: ParsePipelineOptions = {}): Pipeline {
  const yaml = parseYamlDocument(text, displayPath(file), { syntaxErrorHint: flowListHint });
  const raw = yaml.value ?? {};
  validateKilnConfig(raw, yaml);
  const config = raw as RawConfig;
  const root = dirname(resolve(file));
  const builtins = options.builtins ?? {};
  const defaults = config.defaults ?? {};
  const params = options.params ?? new ParamValues(root);
  const stages = new Map<string, Stage>();
  for (const [base, rawStage] of Object.entries(config.stages ?? {})) {
    for (const stage of expandStage(base, rawStage, defaults, yaml, { builtins, params })) {
      const existing = stages.get(stage.name);
      if (existing) {
        throw new ConfigError(
          stage.position,
          `stage name '${stage.name}' is used twice after foreach/matrix expansion (also by '${existing.base}' at line ${existing.position.line}). Make the items or their labels distinct.`,
        );
      }
      stages.set(stage.name, stage);
    }
  }
  return { file: resolve(file), root, stages, models: config.models ?? {}, monitor: config.monitor };
}

function expansionsOf(base: string, raw: RawStage, yaml: YamlDocument): ExpansionValues[] | undefined {
  const at = (field: string) => yaml.keyPosition(["stages", base, field]);
  if (raw.foreach !== undefined && raw.matrix !== undefined) {
    throw new ConfigError(at("matrix"), `stage '${base}' has both 'foreach' and 'matrix'; use one of them.`);
  }
  if (raw.foreach !== undefined) {
    if (Array.isArray(raw.foreach)) {
      return raw.foreach.map((item, index) => ({
        label: item !== null && typeof item === "object" ? String(index) : String(item),
        values: { item, key: index },
      }));
    }
    return Object.entries(raw.foreach).map(([key, item]) => ({ label: key, values: { item, key } }));
  }
  if (raw.matrix !== undefined) {
    let combinations: Record<string, unknown>[] = [{}];
    for (const [name, values] of Object.entries(raw.matrix)) {
      combinations = combinations.flatMap((combination) =>
        values.map((value) => ({ ...combination, [name]: value })),
      );
    }
    return combinations.map((combination) => ({
      label: Object.values(combination).map(String).join("-"),
      values: { matrix: combination },
    }));
  }
  return undefined;
}

function expandStage(
  base: string,
  raw: RawStage,
  defaults: RawDefaults,
  yaml: YamlDocument,
  sources: StageSources,
): Stage[] {
  const expansions = expansionsOf(base, raw, yaml);
  if (expansions === undefined) return [buildStage(base, base, undefined, raw, defaults, yaml, sources)];
  const { foreach: _foreach, matrix: _matrix, ...template } = raw;
  return expansions.map((expansion) => {
    const concrete: RawStage = {};
    for (const [field, value] of Object.entries(template)) {
      const position = yaml.valuePosition(["stages", base, field]);
      (concrete as Record<string, unknown>)[field] = interpolate(value, expansion.values, position);
    }
    return buildStage(`${base}@${expansion.label}`, base, expansion, concrete, defaults, yaml, sources);
  });
}

/** What stages are built with besides kiln.yaml: the built-in stages and the params files. */
interface StageSources {
  builtins: Record<string, BuiltinStage>;
  params: ParamsSource;
}

function buildStage(
  name: string,
  base: string,
  expansion: ExpansionValues | undefined,
  raw: RawStage,
  defaults: RawDefaults,
  yaml: YamlDocument,
  sources: StageSources,
): Stage {
  const path = (...rest: (string | number)[]): YamlPath => ["stages", base, ...rest];
  const at = (...rest: (string | number)[]) => yaml.valuePosition(path(...rest));
  const position = yaml.keyPosition(path());
  const fieldPositions: Partial<Record<string, SourcePosition>> = {};
  for (const field of Object.keys(raw)) fieldPositions[field] = yaml.keyPosition(path(field));

  if (raw.cmd !== undefined && raw.uses !== undefined) {
    throw new ConfigError(
      yaml.keyPosition(path("uses")),
      `stage '${base}' has both 'cmd' and 'uses'; a stage runs one or the other.`,
    );
  }
  if (raw.cmd === undefined && raw.uses === undefined) {
    throw new ConfigError(
      position,
      `stage '${base}' needs 'cmd' (a shell command) or 'uses' (a built-in stage such as kiln/fetch).`,
    );
  }
  if (raw.with !== undefined && raw.uses === undefined) {
    throw new ConfigError(
      yaml.keyPosition(path("with")),
      `stage '${base}' has 'with' but no 'uses'; 'with' sets a built-in stage's settings.`,
    );
  }

  rejectParamReferencesOutside(raw, base, yaml);
  const paramsFile = defaults.params ?? defaultParamsFile;
  const templated = resolveStageParams(raw, paramsFile, sources.params, (...rest) =>
    yaml.valuePosition(path(...rest)),
  );
  const settings = templated.with ?? raw.with ?? {};

  const deps: Dep[] = (raw.deps ?? []).map((dep, index) => ({
    path: cleanPath(dep),
    kind: depKind(dep),
    position: at("deps", index),
  }));
  const outs: Out[] = (raw.outs ?? []).map((out, index) => {
    const outPath = typeof out === "string" ? out : out.path;
    const outPosition = at("outs", index);
    checkInside(outPath, outPosition, "an out");
    return {
      path: cleanPath(outPath),
      cache: typeof out === "string" ? true : out.cache !== false,
      position: outPosition,
    };
  });
  const metrics = (raw.metrics ?? []).map((m, index) => {
    checkInside(m, at("metrics", index), "a metrics file");
    return cleanPath(m);
  });
  if (raw.uses !== undefined) {
    const builtin = lookupBuiltinStage(raw.uses, yaml.valuePosition(path("uses")), sources.builtins);
    const withPosition = yaml.keyPosition(path(raw.with === undefined ? "uses" : "with"));
    const planned = builtin.plan({
      with: settings,
      stage: name,
      file: withPosition.file,
      ...(withPosition.line === undefined ? {} : { line: withPosition.line }),
      ...(withPosition.column === undefined ? {} : { column: withPosition.column }),
    });
    for (const dep of planned.deps) {
      if (!deps.some((d) => d.path === cleanPath(dep)))
        deps.push({ path: cleanPath(dep), kind: depKind(dep), position: withPosition });
    }
    for (const out of planned.outs) {
      if (!outs.some((o) => o.path === cleanPath(out)))
        outs.push({ path: cleanPath(out), cache: true, position: withPosition });
    }
    for (const m of planned.metrics ?? []) if (!metrics.includes(cleanPath(m))) metrics.push(cleanPath(m));
  }
  // Metrics files are outs too (cached, restorable), as in DVC.
  for (const [index, m] of metrics.entries()) {
    if (!outs.some((o) => o.path === m))
      outs.push({
        path: m,
        cache: true,
        position: raw.metrics?.[index] === undefined ? position : at("metrics", index),
      });
  }
  const params: ParamRef[] = (raw.params ?? []).map((ref, index) =>
    parseParamRef(ref, paramsFile, at("params", index)),
  );
  // A key used as ${params.…} is a dependency, unless `params:` already lists it (or a key above it).
  for (const ref of templated.refs) if (!params.some((listed) => covers(listed, ref))) params.push(ref);
  const needs: NeedRef[] = (raw.needs ?? []).map((stage, index) => ({ stage, position: at("needs", index) }));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...defaults.env, ...raw.env })) env[k] = String(v);
  const timeout = raw.timeout ?? defaults.timeout;
  const alwaysRun = raw.always_run ?? false;
  return {
    name,
    base,
    expansion,
    desc: raw.desc,
    cmd: templated.cmd ?? raw.cmd,
    uses: raw.uses,
    with: settings,
    paramTemplates: templated.templates,
    deps,
    outs,
    params,
    metrics,
    needs,
    env,
    timeoutMs: timeout === undefined ? undefined : parseDuration(timeout),
    retry: retryPolicy(raw.retries ?? defaults.retries),
    alwaysRun,
    runsOn: raw["runs-on"] ?? defaults["runs-on"],
    position,
    fieldPositions,
  };
}

function retryPolicy(raw: RawRetries | undefined): RetryPolicy {
  if (raw === undefined) return defaultRetry;
  if (typeof raw === "number") return { ...defaultRetry, count: raw };
  return {
    count: raw.count,
    backoffMs: raw.backoff === undefined ? defaultRetry.backoffMs : parseDuration(raw.backoff),
    maxDelayMs: raw.max_delay === undefined ? defaultRetry.maxDelayMs : parseDuration(raw.max_delay),
  };
}

export function depKind(dep: string): Dep["kind"] {
  if (/^(s3|store):\/\//.test(dep)) return DepKind.remote;
  if (/[*?[\]{}]/.test(dep)) return DepKind.glob;
  return DepKind.path;
}

function cleanPath(path: string): string {
  if (/^(s3|store):\/\//.test(path)) return path;
  const cleaned = normalize(path).replace(/\/+$/, "");
  return cleaned === "" ? "." : cleaned;
}

function checkInside(path: string, position: SourcePosition, what: string): void {
  const cleaned = normalize(path);
  if (isAbsolute(cleaned) || cleaned === ".." || cleaned.startsWith("../") || /^(s3|store):\/\//.test(path)) {
    throw new ConfigError(
      position,
      `'${path}' cannot be ${what}: outs and metrics are paths inside the project folder.`,
    );
  }
}

function parseParamRef(ref: string, defaultFile: string, position: SourcePosition): ParamRef {
  const colon = ref.lastIndexOf(":");
  if (colon === -1) return { file: defaultFile, key: ref, position };
  const file = ref.slice(0, colon);
  const key = ref.slice(colon + 1);
  if (file === "")
    throw new ConfigError(
      position,
      `params entry '${ref}' has no file before ':'; write 'params.yaml:${key}'.`,
    );
  return { file: join(file), key: key === "" ? undefined : key, position };
}

/** Advice for the most common YAML mistake in kiln.yaml: an unquoted `${…}` inside `[ ]` or `{ }`. */
function flowListHint(lineText: string): string {
  return /[[{].*\$\{/.test(lineText)
    ? // biome-ignore lint/suspicious/noTemplateCurlyInString: the hint shows kiln.yaml's ${…} syntax.
      ' Inside [ ] or { }, quote values that contain ${…}, e.g. ["models/${item}.onnx"].'
    : "";
}

/** Whether a `params:` entry already covers a key: the same key, a key above it, or the whole file. */
function covers(listed: ParamRef, ref: ParamRef): boolean {
  if (listed.file !== ref.file) return false;
  return listed.key === undefined || listed.key === ref.key || (ref.key ?? "").startsWith(`${listed.key}.`);
}

/** Fields where `${params.…}` is replaced (and `desc`, free text); elsewhere it would be taken literally. */
const templatedFields = new Set(["cmd", "with", "desc"]);

function rejectParamReferencesOutside(raw: RawStage, base: string, yaml: YamlDocument): void {
  for (const [field, value] of Object.entries(raw)) {
    if (templatedFields.has(field) || !hasParamReference(value)) continue;
    throw new ConfigError(
      yaml.valuePosition(["stages", base, field]),
      `stage '${base}' uses \${params.…} in '${field}'; params can be used in 'cmd' and 'with' only.`,
      { hint: "Write the value itself here, or compute it in the command." },
    );
  }
}

/** `cmd` and `with` with `${params.…}` replaced, the keys used, and the templates as written. */
function resolveStageParams(
  raw: RawStage,
  file: string,
  params: ParamsSource,
  positionAt: (...path: (string | number)[]) => SourcePosition,
): {
  cmd: string | undefined;
  with: Record<string, unknown> | undefined;
  refs: ParamRef[];
  templates: Stage["paramTemplates"];
} {
  const refs: ParamRef[] = [];
  let cmd: string | undefined;
  let settings: Record<string, unknown> | undefined;
  const templates: NonNullable<Stage["paramTemplates"]> = { file };
  if (raw.cmd !== undefined && hasParamReference(raw.cmd)) {
    const resolved = resolveParamReferences(raw.cmd, file, params, () => positionAt("cmd"));
    cmd = typeof resolved.value === "string" ? resolved.value : stableJson(resolved.value);
    refs.push(...resolved.refs);
    templates.cmd = raw.cmd;
  }
  if (raw.with !== undefined && hasParamReference(raw.with)) {
    const resolved = resolveParamReferences(raw.with, file, params, (path) => positionAt("with", ...path));
    settings = resolved.value as Record<string, unknown>;
    refs.push(...resolved.refs.filter((ref) => !refs.some((r) => r.key === ref.key)));
    templates.with = raw.with;
  }
  return { cmd, with: settings, refs, templates: refs.length > 0 ? templates : undefined };
}
