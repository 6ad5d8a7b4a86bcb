import { isMap, isScalar, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { ConfigError, type SourcePosition } from "../errors.js";

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
    const suggestion = closest(key, known);
    throw new ConfigError(
      yaml.positionOf(keyNode),
      `unknown key '${key}' in ${what}.${suggestion ? ` Did you mean '${suggestion}'?` : ""} Known keys: ${[...known].sort().join(", ")}.`,
    );
  }
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
