import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYamlDocument } from "../config/yaml-document.js";
import { ConfigError, type SourcePosition } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { sha256 } from "./hash-cache.js";
import type { ParamRef } from "./pipeline.js";

/**
 * Reads params files (YAML or JSON) once per run and looks up dotted keys. A missing file or key
 * is a ConfigError at the kiln.yaml line that asks for it.
 */
export class ParamValues {
  private readonly files = new Map<string, unknown>();
  private readonly digests = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** Values for a stage's params, grouped by file then key (`""` for the whole file). */
  valuesFor(refs: readonly ParamRef[]): Record<string, Record<string, unknown>> {
    const result: Record<string, Record<string, unknown>> = {};
    for (const ref of refs) {
      const content = this.contentOf(ref.file, ref.position);
      const value = ref.key === undefined ? content : lookup(content, ref);
      result[ref.file] ??= {};
      (result[ref.file] as Record<string, unknown>)[ref.key ?? ""] = value;
    }
    return result;
  }

  /** The whole content of a params file; `position` is where kiln.yaml asks for it. */
  contentOf(file: string, position: SourcePosition): unknown {
    if (this.files.has(file)) return this.files.get(file);
    let text: string;
    try {
      text = readFileSync(join(this.root, file), "utf8");
    } catch {
      throw new ConfigError(position, `params file '${file}' does not exist. Create it or fix the path.`);
    }
    const content = parseYamlDocument(text, file, {
      syntaxErrorLead: "params file is not valid YAML or JSON",
    }).value;
    this.files.set(file, content);
    this.digests.set(file, sha256(text));
    return content;
  }

  /** The sha256 of each params file read so far, by file (what a cached result depends on). */
  fileDigests(): Record<string, string> {
    return Object.fromEntries(this.digests);
  }
}

/** A dotted key's value, or where the path stops: the keys found so far, the missing part and its siblings. */
export type DottedLookup =
  | { ok: true; value: unknown }
  | { ok: false; prefix: string; missing: string; known: string[] };

/** Look up `a.b.c` in parsed params content. */
export function lookupDottedKey(content: unknown, key: string): DottedLookup {
  let current: unknown = content;
  const parts = key.split(".");
  for (const [index, part] of parts.entries()) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) {
      const known = current !== null && typeof current === "object" ? Object.keys(current) : [];
      return { ok: false, prefix: parts.slice(0, index).join("."), missing: part, known };
    }
    current = (current as Record<string, unknown>)[part];
  }
  return { ok: true, value: current };
}

function lookup(content: unknown, ref: ParamRef): unknown {
  const found = lookupDottedKey(content, ref.key ?? "");
  if (found.ok) return found.value;
  const { prefix, missing, known } = found;
  throw new ConfigError(
    ref.position,
    `params file '${ref.file}' has no key '${ref.key}'${prefix === "" ? "" : ` ('${prefix}' has no '${missing}')`}.${didYouMean(missing, known)}`,
  );
}
