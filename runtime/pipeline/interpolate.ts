import { ConfigError, type SourcePosition } from "../errors.js";

const referenceSource = String.raw`\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}`;
const reference = new RegExp(referenceSource, "g");
const wholeReference = new RegExp(`^${referenceSource}$`);

/** Names under `params.` are kiln.yaml's params-file references, resolved after foreach/matrix. */
export const paramsNamespace = "params";

/**
 * The value of a `${name}` found at `path` inside the value being interpolated (`[]` for the value
 * itself, `["data", 0]` for a list item inside a map), or undefined to leave the reference as
 * written.
 */
export type ReferenceResolver = (
  name: string,
  path: readonly (string | number)[],
) => { value: unknown } | undefined;

/**
 * Replace `${…}` references in a value (strings inside lists and maps too). A string that is
 * exactly one reference takes the value's own type (number, list, map); inside a longer string
 * the value is written as text (lists and maps as JSON).
 */
export function replaceReferences(
  value: unknown,
  resolve: ReferenceResolver,
  path: readonly (string | number)[] = [],
): unknown {
  if (typeof value === "string") return replaceInString(value, (name) => resolve(name, path));
  if (Array.isArray(value))
    return value.map((item, index) => replaceReferences(item, resolve, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, replaceReferences(v, resolve, [...path, k])]),
    );
  }
  return value;
}

/** The names of the `${…}` references in a string. */
export function referenceNames(text: string): string[] {
  return [...text.matchAll(reference)].map((match) => match[1] as string);
}

/**
 * Replace `${item}`, `${item.field}`, `${key}` and `${matrix.name}` in a value from a foreach or
 * matrix stage. An unknown name is a ConfigError at `position`; `${params.…}` is left for the
 * params pass.
 */
export function interpolate(
  value: unknown,
  variables: Record<string, unknown>,
  position: SourcePosition,
): unknown {
  return replaceReferences(value, (name) =>
    name.startsWith(`${paramsNamespace}.`) ? undefined : { value: lookup(name, variables, position) },
  );
}

function lookup(name: string, variables: Record<string, unknown>, position: SourcePosition): unknown {
  const [head, ...rest] = name.split(".");
  let current: unknown = head === undefined ? undefined : variables[head];
  let found = head !== undefined && head in variables;
  for (const part of rest) {
    if (!found || current === null || typeof current !== "object" || !(part in current)) {
      found = false;
      break;
    }
    current = (current as Record<string, unknown>)[part];
  }
  if (!found) {
    const known = Object.keys(variables).sort().join(", ") || "none";
    throw new ConfigError(position, `'\${${name}}' is not defined here; this stage defines: ${known}.`);
  }
  return current;
}

function replaceInString(text: string, resolve: (name: string) => { value: unknown } | undefined): unknown {
  const whole = wholeReference.exec(text);
  if (whole?.[1] !== undefined) {
    const resolved = resolve(whole[1]);
    return resolved === undefined ? text : resolved.value;
  }
  return text.replace(reference, (match, name: string) => {
    const resolved = resolve(name);
    if (resolved === undefined) return match;
    const { value } = resolved;
    return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  });
}
