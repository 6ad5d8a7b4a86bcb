import { ConfigError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { formatVersion } from "../version.js";
import { type HashCache, sha256 } from "./hash-cache.js";
import type { KilnLock, LockedPath, LockedStage } from "./kiln-lock.js";
import { resolvesWithLockedParams } from "./param-references.js";
import type { ParamValues } from "./param-values.js";
import { digestGlob, digestPath } from "./path-digest.js";
import { DepKind, type Stage } from "./pipeline.js";
import { stableJson } from "./stable-json.js";

/** Where a `store://` or `s3://` dep lives. */
export type RemoteResolver = (reference: string) => Promise<{ store: ObjectStore; key: string }>;

export interface AssessContext {
  root: string;
  lock: KilnLock;
  hashes: HashCache;
  params: ParamValues;
  resolveRemote: RemoteResolver | undefined;
}

/** A stage's current inputs, its key, and whether (and why) it must run. */
export interface Assessment {
  key: string;
  /** What kiln.lock will record if the stage runs now (outs filled in after it ran). */
  entry: LockedStage;
  /** Why the stage is stale; empty when its key matches kiln.lock and its outs are as recorded. */
  reasons: string[];
  /** The key matches kiln.lock, only the outs are missing or changed (a run cache can restore them). */
  onlyOutsDiffer: boolean;
}

/** The stage key: what it runs, the content of its deps, its params, its declared env, Kiln's format. */
export function stageKey(entry: Omit<LockedStage, "key" | "outs">, stage: Stage): string {
  return sha256(
    // Fixed positions for Kiln's own fields; key order normalised only in the user's maps.
    JSON.stringify([
      formatVersion,
      entry.cmd ?? null,
      entry.uses ?? null,
      stableJson(entry.with ?? null),
      entry.deps.map((d) => [d.path, d.digest]),
      stableJson(entry.params),
      stableJson(entry.env),
      stage.outs.map((o) => [o.path, o.cache]),
    ]),
  );
}

export async function lockedPath(
  root: string,
  path: string,
  hashes: HashCache,
): Promise<LockedPath | undefined> {
  const digest = await digestPath(root, path, hashes);
  if (digest.kind === "missing") return undefined;
  if (digest.kind === "file") return { path, digest: digest.digest, kind: "file", size: digest.size };
  return { path, digest: digest.digest, kind: "dir", size: digest.size, files: digest.files.length };
}

async function lockedDep(stage: Stage, index: number, context: AssessContext): Promise<LockedPath> {
  const dep = stage.deps[index];
  if (!dep) throw new RangeError(`no dep ${index}`);
  if (dep.kind === DepKind.remote) {
    if (!context.resolveRemote) {
      throw new ConfigError(
        dep.position,
        `stage '${stage.name}' needs '${dep.path}', but no store is configured.`,
      );
    }
    const { store, key } = await context.resolveRemote(dep.path);
    const info = await store.head(key);
    if (!info) {
      throw new ConfigError(
        dep.position,
        `stage '${stage.name}' needs '${dep.path}', which does not exist in ${store.url}.`,
      );
    }
    return { path: dep.path, digest: `etag:${info.etag}`, kind: "remote", size: info.size };
  }
  if (dep.kind === DepKind.glob) {
    const digest = await digestGlob(context.root, dep.path, context.hashes);
    if (digest.kind !== "dir") throw new RangeError("glob digests are manifests");
    return {
      path: dep.path,
      digest: digest.digest,
      kind: "dir",
      size: digest.size,
      files: digest.files.length,
    };
  }
  const locked = await lockedPath(context.root, dep.path, context.hashes);
  if (!locked) {
    throw new ConfigError(
      dep.position,
      `stage '${stage.name}' needs '${dep.path}', which does not exist (no stage wrote it and no file provides it).`,
    );
  }
  return locked;
}

/** Hash the stage's inputs, compute its key and compare everything with kiln.lock. */
export async function assessStage(stage: Stage, context: AssessContext): Promise<Assessment> {
  const deps: LockedPath[] = [];
  for (let i = 0; i < stage.deps.length; i++) deps.push(await lockedDep(stage, i, context));
  const partial = {
    ...(stage.cmd === undefined ? {} : { cmd: stage.cmd }),
    ...(stage.uses === undefined ? {} : { uses: stage.uses, with: stage.with }),
    deps,
    params: context.params.valuesFor(stage.params),
    env: stage.env,
  };
  const key = stageKey(partial, stage);
  const entry: LockedStage = { key, ...partial, outs: [] };
  const previous = context.lock.stages[stage.name];
  const reasons = previous ? inputChanges(previous, entry, stage) : ["never ran"];
  if (previous && reasons.length === 0 && previous.key !== key)
    reasons.push("Kiln's format or the outs list changed");
  let onlyOutsDiffer = false;
  if (reasons.length === 0 && previous) {
    for (const out of stage.outs) {
      const recorded = previous.outs.find((o) => o.path === out.path);
      const current = await lockedPath(context.root, out.path, context.hashes);
      if (!current) reasons.push(`out '${out.path}' is missing`);
      else if (!recorded || recorded.digest !== current.digest)
        reasons.push(`out '${out.path}' was modified`);
    }
    onlyOutsDiffer = reasons.length > 0;
  }
  return { key, entry, reasons, onlyOutsDiffer };
}

function inputChanges(previous: LockedStage, current: LockedStage, stage: Stage): string[] {
  const reasons: string[] = [];
  // A command that differs only by the ${params.…} values in it is reported as those params' change.
  const templates = stage.paramTemplates;
  const fromParams = (field: "cmd" | "with") =>
    templates?.[field] !== undefined &&
    resolvesWithLockedParams(templates[field], templates.file, previous.params, previous[field]);
  if (previous.cmd !== current.cmd && !fromParams("cmd")) reasons.push("command changed");
  if (
    previous.uses !== current.uses ||
    (stableJson(previous.with) !== stableJson(current.with) && !fromParams("with"))
  ) {
    reasons.push("built-in stage or its settings changed");
  }
  const before = new Map(previous.deps.map((d) => [d.path, d.digest]));
  const after = new Map(current.deps.map((d) => [d.path, d.digest]));
  for (const [path, digest] of after) {
    if (!before.has(path)) reasons.push(`dep '${path}' added`);
    else if (before.get(path) !== digest) reasons.push(`dep '${path}' changed`);
  }
  for (const path of before.keys()) if (!after.has(path)) reasons.push(`dep '${path}' removed`);
  for (const [file, values] of Object.entries(current.params)) {
    for (const [key, value] of Object.entries(values)) {
      const old = previous.params[file]?.[key];
      const name = key === "" ? file : `${file}:${key}`;
      if (stableJson(old) !== stableJson(value)) {
        reasons.push(
          old === undefined
            ? `param '${name}' added`
            : `param '${name}' changed (${stableJson(old)} -> ${stableJson(value)})`,
        );
      }
    }
  }
  for (const [file, values] of Object.entries(previous.params)) {
    for (const key of Object.keys(values)) {
      if (current.params[file]?.[key] === undefined)
        reasons.push(`param '${key === "" ? file : `${file}:${key}`}' removed`);
    }
  }
  const envKeys = new Set([...Object.keys(previous.env), ...Object.keys(current.env)]);
  for (const name of envKeys)
    if (previous.env[name] !== current.env[name]) reasons.push(`env '${name}' changed`);
  return reasons;
}
