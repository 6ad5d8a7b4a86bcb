/**
 * Trainer parameters: each trainer declares what it accepts, with defaults and bounds; values given
 * on the command line (`--param key=value`, as text) or in kiln.yaml (`params:`) are checked here.
 */
import { UsageError } from "../errors.js";

export type ParamSpec =
  | {
      kind: "number";
      default: number;
      description: string;
      min?: number;
      max?: number;
      /** Must be a whole number. */
      integer?: boolean;
      /** The minimum itself is not allowed (e.g. a strictly positive rate). */
      exclusiveMin?: boolean;
    }
  | { kind: "choice"; default: string; description: string; choices: readonly string[] };

export type ParamValues = Record<string, number | string>;

/** Fills defaults and checks every given value; unknown keys fail with the sorted known ones. */
export function resolveParams(
  algorithm: string,
  specs: Record<string, ParamSpec>,
  given: Record<string, unknown>,
): ParamValues {
  const known = Object.keys(specs).sort();
  const values: ParamValues = {};
  for (const [key, spec] of Object.entries(specs)) values[key] = spec.default;
  for (const [key, raw] of Object.entries(given)) {
    const spec = specs[key];
    if (spec === undefined) {
      throw new UsageError(
        `algorithm '${algorithm}' has no parameter '${key}'; its parameters are ${known.join(", ") || "(none)"}.`,
      );
    }
    values[key] = checkValue(algorithm, key, spec, raw);
  }
  return values;
}

function checkValue(algorithm: string, key: string, spec: ParamSpec, raw: unknown): number | string {
  const where = `parameter '${key}' of algorithm '${algorithm}'`;
  if (spec.kind === "choice") {
    const text = String(raw);
    if (!spec.choices.includes(text)) {
      throw new UsageError(`${where} is '${text}'; expected one of ${spec.choices.join(", ")}.`);
    }
    return text;
  }
  const value =
    typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${where} is '${String(raw)}'; expected a number.`);
  if (spec.integer && !Number.isInteger(value)) {
    throw new UsageError(`${where} is ${value}; expected a whole number.`);
  }
  if (spec.min !== undefined && (value < spec.min || (spec.exclusiveMin && value === spec.min))) {
    throw new UsageError(
      `${where} is ${value}; expected a number ${spec.exclusiveMin ? ">" : ">="} ${spec.min}.`,
    );
  }
  if (spec.max !== undefined && value > spec.max) {
    throw new UsageError(`${where} is ${value}; expected a number <= ${spec.max}.`);
  }
  return value;
}

/** Parses `key=value` pairs from the command line. */
export function parseParamPairs(pairs: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--param '${pair}' is not key=value (e.g. --param alpha=0.5).`);
    result[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return result;
}
