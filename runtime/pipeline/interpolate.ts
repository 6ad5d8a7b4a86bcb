import { ConfigError, type SourcePosition } from "../errors.js";

const reference = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}/g;

/**
 * Replace `${item}`, `${item.field}`, `${key}` and `${matrix.name}` in a value from a foreach or
 * matrix stage. A string that is exactly one reference takes the value's own type; inside a
 * longer string it is written as text. An unknown name is a ConfigError at `position`.
 */
export function interpolate(
  value: unknown,
  variables: Record<string, unknown>,
  position: SourcePosition,
): unknown {
  if (typeof value === "string") return interpolateString(value, variables, position);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, variables, position));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, variables, position)]),
    );
  }
  return value;
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

function interpolateString(
  text: string,
  variables: Record<string, unknown>,
  position: SourcePosition,
): unknown {
  const whole = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*\}$/.exec(text);
  if (whole?.[1] !== undefined) return lookup(whole[1], variables, position);
  return text.replace(reference, (_match, name: string) => {
    const value = lookup(name, variables, position);
    return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  });
}
