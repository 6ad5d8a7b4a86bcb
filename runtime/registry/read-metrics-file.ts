import { readFile } from "node:fs/promises";
import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
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
  const { root, position } = await readYamlOrJson(path, "metrics file");
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
      position(node),
      `metric '${prefix}' is ${String(node.value)}; expected a finite number.`,
      { hint: 'A metrics file maps metric names (possibly nested) to numbers, e.g. {"accuracy": 0.93}.' },
    );
  };
  if (!isMap(root))
    throw new ConfigError(
      position(root),
      'expected an object of metric names to numbers, e.g. {"accuracy": 0.93}.',
    );
  visit(root, "");
  return metrics;
}

/** Read a params file (YAML or JSON) as a plain object; params may be nested and of any type. */
export async function readParamsFile(path: string): Promise<Record<string, unknown>> {
  const { root, position, document } = await readYamlOrJson(path, "params file");
  if (!isMap(root))
    throw new ConfigError(
      position(root),
      "expected a mapping of parameter names to values, e.g. {max_depth: 6}.",
    );
  return document.toJS() as Record<string, unknown>;
}

async function readYamlOrJson(path: string, what: string) {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error: unknown) {
    throw fileError(error, path, what);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    const at = lineCounter.linePos(firstError.pos[0]);
    throw new ConfigError(
      { file: path, line: at.line, column: at.col },
      `${what} is not valid JSON or YAML: ${firstError.message.split("\n")[0]}.`,
    );
  }
  const position = (node: Node | null) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file: path };
    const at = lineCounter.linePos(offset);
    return { file: path, line: at.line, column: at.col };
  };
  return { root: document.contents, position, document };
}
