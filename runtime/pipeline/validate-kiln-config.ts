import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import kilnSchema from "../../schema/kiln.schema.json" with { type: "json" };
import { pointerPath, type YamlDocument, type YamlPath } from "../config/yaml-document.js";
import { ConfigError, type SourcePosition } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true }).compile(
    kilnSchema,
  );
  return compiled;
}

/** The JSON Schema kiln.yaml is validated against (also shipped as schema/kiln.schema.json). */
export { kilnSchema };

interface Problem {
  position: SourcePosition;
  message: string;
}

/**
 * Validate the parsed kiln.yaml against the schema. Throws one ConfigError naming the first
 * problem's file:line:col (and listing the others), with "did you mean" for unknown keys.
 */
export function validateKilnConfig(value: unknown, yaml: YamlDocument): void {
  const validate = validator();
  if (validate(value)) return;
  const problems = (validate.errors ?? [])
    .map((error) => describeError(error, yaml))
    .filter((problem): problem is Problem => problem !== undefined);
  const unique = new Map<string, Problem>();
  for (const problem of problems) unique.set(`${problem.position.line}:${problem.message}`, problem);
  const sorted = [...unique.values()].sort(
    (a, b) =>
      (a.position.line ?? 0) - (b.position.line ?? 0) || (a.position.column ?? 0) - (b.position.column ?? 0),
  );
  const [first, ...rest] = sorted;
  if (!first) throw new ConfigError({ file: yaml.file }, "does not match the kiln.yaml schema.");
  const more = rest.map((p) => `\n${p.position.file}:${p.position.line}:${p.position.column}: ${p.message}`);
  throw new ConfigError(first.position, `${first.message}${more.join("")}`);
}

/** `stages.train.deps[0]` */
export function fieldName(path: YamlPath): string {
  let name = "";
  for (const part of path) name += typeof part === "number" ? `[${part}]` : name === "" ? part : `.${part}`;
  return name === "" ? "the top level" : name;
}

function where(path: YamlPath): string {
  if (path.length === 0) return "at the top level";
  if (path[0] === "stages" && path.length === 2) return `in stage '${path[1]}'`;
  if (path[0] === "models" && path.length === 2) return `in model '${path[1]}'`;
  return `in '${fieldName(path)}'`;
}

function describeError(error: ErrorObject, yaml: YamlDocument): Problem | undefined {
  const path = pointerPath(error.instancePath);
  const field = fieldName(path);
  const parentSchema = (error.parentSchema ?? {}) as {
    properties?: Record<string, unknown>;
    description?: string;
  };
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parentSchema.properties ?? {});
      if (known.length === 0) return undefined;
      return {
        position: yaml.keyPosition([...path, key]),
        message: `unknown key '${key}' ${where(path)}.${didYouMean(key, known)} Known keys: ${known.sort().join(", ")}.`,
      };
    }
    case "propertyNames": {
      const name = String((error.params as { propertyName: string }).propertyName);
      const what = path[0] === "models" ? "model name" : "stage name";
      const rule =
        path[0] === "models"
          ? "use lowercase letters, digits, '.', '_' and '-'"
          : "use letters, digits, '_' and '-', starting with a letter or '_'";
      return {
        position: yaml.keyPosition([...path, name]),
        message: `'${name}' is not a valid ${what}: ${rule}.`,
      };
    }
    case "pattern":
      if (error.propertyName !== undefined) return undefined; // reported by propertyNames
      return {
        position: yaml.valuePosition(path),
        message: `${field} is '${String(error.data)}', which is not valid here.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
      };
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { position: yaml.valuePosition(path), message: `${field} needs a '${missing}' key.` };
    }
    case "type": {
      const types = String((error.params as { type: string }).type).split(",");
      return {
        position: yaml.valuePosition(path),
        message: `${field} must be ${types.map(article).join(" or ")}, not ${describeValue(error.data)}.${parentSchema.description ? ` Expected ${lowerFirst(parentSchema.description)}` : ""}`,
      };
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        position: yaml.valuePosition(path),
        message: `${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, not ${JSON.stringify(error.data)}.`,
      };
    }
    default:
      return {
        position: yaml.valuePosition(path),
        message: `${field} ${error.message ?? "is not valid"}.`,
      };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "a map";
  if (type === "integer") return "an integer";
  return `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}
