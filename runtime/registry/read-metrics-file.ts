import { readFile } from "node:fs/promises";
import { isMap, isScalar, type Node } from "yaml";
import { parseYamlDocument, type YamlDocument } from "../config/yaml-document.js";
import { ConfigError } from "../errors.js";
import { fileError } from "./file-digest.js";

/**
 * Read a metrics file (JSON or YAML, as DVC and training scripts write them) into a flat map of
 * numbers: nested objects become dotted names (`test.accuracy`). Like `dvc metrics show`, values
 * that are not numbers (a `task: classification` label, a confusion matrix as lists, booleans,
 * nulls) describe the run rather than measure it and are left out. A non-finite number (`.nan`,
 * `.inf`) is a ConfigError naming file:line:col and the metric.
 */
export async function readMetricsFile(path: string): Promise<Record<string, number>> {
  const yaml = await readYamlOrJson(path, "metrics file");
  const { root } = yaml;
  const metrics: Record<string, number> = {};
  const visit = (node: Node | null, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node | null, prefix ? `${prefix}.${key}` : key);
      }
      return;
    }
    if (isScalar(node) && typeof node.value === "number" && Number.isFinite(node.value)) {
      metrics[prefix] = node.value;
      return;
    }
    if (!(isScalar(node) && typeof node.value === "number")) return;
    throw new ConfigError(
      yaml.positionOf(node),
      `metric '${prefix}' is ${String(node.value)}; expected a finite number.`,
      { hint: 'A metrics file maps metric names (possibly nested) to numbers, e.g. {"accuracy": 0.93}.' },
    );
  };
  if (!isMap(root))
    throw new ConfigError(
      yaml.positionOf(root),
      'expected an object of metric names to numbers, e.g. {"accuracy": 0.93}.',
    );
  visit(root, "");
  return metrics;
}

/** Read a params file (YAML or JSON) as a plain object; params may be nested and of any type. */
export async function readParamsFile(path: string): Promise<Record<string, unknown>> {
  const yaml = await readYamlOrJson(path, "params file");
  if (!isMap(yaml.root))
    throw new ConfigError(
      yaml.positionOf(yaml.root),
      "expected a mapping of parameter names to values, e.g. {max_depth: 6}.",
    );
  return yaml.value as Record<string, unknown>;
}

async function readYamlOrJson(path: string, what: string): Promise<YamlDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error: unknown) {
    throw fileError(error, path, what);
  }
  return parseYamlDocument(text, path, { syntaxErrorLead: `${what} is not valid JSON or YAML` });
}
