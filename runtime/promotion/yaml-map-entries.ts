import { isMap, isScalar, type Node, type YAMLMap } from "yaml";
import type { YamlDocument } from "../config/yaml-document.js";
import { ConfigError } from "../errors.js";
import { didYouMean } from "../pipeline/did-you-mean.js";

/** The entries of a mapping node, keys as strings, with a ConfigError for anything else. */
export function mapEntries(
  yaml: YamlDocument,
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
  yaml: YamlDocument,
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
