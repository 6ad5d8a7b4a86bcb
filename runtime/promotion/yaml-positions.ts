import { isMap, isScalar, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { ConfigError, type SourcePosition } from "../errors.js";
import { didYouMean } from "../pipeline/did-you-mean.js";

/**
 * A parsed YAML file that can say where each node is, so every ConfigError names file:line:col.
 */
export interface PositionedYaml {
  file: string;
  root: Node | null;
  positionOf(node: Node | null | undefined): SourcePosition;
}

export function parsePositionedYaml(text: string, file: string): PositionedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positionOf = (node: Node | null | undefined): SourcePosition => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const first = document.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new ConfigError({ file, line, column: col }, `invalid YAML: ${first.message.split("\n")[0]}`);
  }
  return { file, root: document.contents, positionOf };
}

/** The entries of a mapping node, keys as strings, with a ConfigError for anything else. */
export function mapEntries(
  yaml: PositionedYaml,
  node: Node | null,
  what: string,
): Array<[string, Node | null, Node]> {
  if (!isMap(node)) throw new ConfigError(yaml.positionOf(node), `${what} must be a mapping.`);
  return (node as YAMLMap<unknown, unknown>).items.map((pair) => {
    const key = pair.key as Node;
    if (!isScalar(key)) throw new ConfigError(yaml.positionOf(key), `${what}: keys must be plain names.`);
    return [String(key.value), (pair.value as Node | null) ?? null, key];
  });
}

/** Fail on keys outside `known`, suggesting the closest known key. */
export function rejectUnknownKeys(
  yaml: PositionedYaml,
  entries: Array<[string, Node | null, Node]>,
  known: readonly string[],
  what: string,
): void {
  for (const [key, , keyNode] of entries) {
    if (known.includes(key)) continue;
    throw new ConfigError(
      yaml.positionOf(keyNode),
      `unknown key '${key}' in ${what}.${didYouMean(key, known)} Known keys: ${[...known].sort().join(", ")}.`,
    );
  }
}
