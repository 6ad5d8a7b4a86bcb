import { ConfigError, type SourcePosition } from "../errors.js";
import { closestName } from "./did-you-mean.js";
import { paramsNamespace, referenceNames, replaceReferences } from "./interpolate.js";
import { type DottedLookup, lookupDottedKey } from "./param-values.js";
import type { ParamRef } from "./pipeline.js";
import { stableJson } from "./stable-json.js";

/** Where the params come from: the content of a params file (ParamValues reads them). */
export interface ParamsSource {
  contentOf(file: string, position: SourcePosition): unknown;
}

/** A path inside a stage field's value: `[]` for `cmd`, `["params", "C"]` for `with.params.C`. */
type ValuePath = readonly (string | number)[];

/**
 * Replace `${params.<dotted.key>}` in a stage's `cmd` or `with` value with the value from the
 * default params file, as DVC's templating does: a string that is exactly one reference takes the
 * value's type (number, list, map), inside a longer string it is written as text. Every key used
 * is returned as a ParamRef, so the stage depends on it as if it were listed under `params:`.
 * An unknown key is a ConfigError at the value's position, suggesting the closest key.
 */
export function resolveParamReferences(
  value: unknown,
  file: string,
  params: ParamsSource,
  positionAt: (path: ValuePath) => SourcePosition,
): { value: unknown; refs: ParamRef[] } {
  const refs = new Map<string, ParamRef>();
  const resolved = replaceReferences(value, (name, path) => {
    if (!name.startsWith(`${paramsNamespace}.`)) return undefined;
    const key = name.slice(paramsNamespace.length + 1);
    const position = positionAt(path);
    const found = lookupDottedKey(params.contentOf(file, position), key);
    if (!found.ok) {
      const suggestion = closestName(key, dottedKeys(params.contentOf(file, position)));
      throw new ConfigError(
        position,
        `'\${${name}}': params file '${file}' has no key '${key}'${found.prefix === "" ? "" : ` ('${found.prefix}' has no '${found.missing}')`}.${suggestion === undefined ? "" : ` Did you mean '\${${paramsNamespace}.${suggestion}}'?`}`,
      );
    }
    if (!refs.has(key)) refs.set(key, { file, key, position });
    return { value: found.value };
  });
  return { value: resolved, refs: [...refs.values()] };
}

/** Whether a value holds a `${params.…}` reference anywhere. */
export function hasParamReference(value: unknown): boolean {
  if (typeof value === "string")
    return referenceNames(value).some((n) => n.startsWith(`${paramsNamespace}.`));
  if (Array.isArray(value)) return value.some(hasParamReference);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasParamReference);
  return false;
}

/**
 * Whether `template` (a stage's `cmd` or `with` as written) gives `resolved` with the param values
 * a kiln.lock entry recorded: then a difference from today's `cmd`/`with` comes from the params
 * alone, and is reported as a param change rather than a command change.
 */
export function resolvesWithLockedParams(
  template: unknown,
  file: string,
  locked: Record<string, Record<string, unknown>>,
  resolved: unknown,
): boolean {
  let complete = true;
  const value = replaceReferences(template, (name) => {
    if (!name.startsWith(`${paramsNamespace}.`)) return undefined;
    const found = lockedValue(locked[file] ?? {}, name.slice(paramsNamespace.length + 1));
    if (!found.ok) complete = false;
    return { value: found.ok ? found.value : undefined };
  });
  return complete && stableJson(value) === stableJson(resolved);
}

/** A key's value from a lock entry's params, recorded under the key itself or a key above it. */
function lockedValue(values: Record<string, unknown>, key: string): DottedLookup {
  if (Object.hasOwn(values, key)) return { ok: true, value: values[key] };
  for (const [recorded, value] of Object.entries(values)) {
    if (recorded === "") return lookupDottedKey(value, key);
    if (key.startsWith(`${recorded}.`)) return lookupDottedKey(value, key.slice(recorded.length + 1));
  }
  return { ok: false, prefix: "", missing: key, known: [] };
}

/** Every dotted key of a params file (`train`, `train.lr`, …), for suggestions; at most 10,000. */
function dottedKeys(content: unknown): string[] {
  const keys: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (keys.length >= 10_000) return;
      const dotted = prefix === "" ? key : `${prefix}.${key}`;
      keys.push(dotted);
      walk(inner, dotted);
    }
  };
  walk(content, "");
  return keys;
}
