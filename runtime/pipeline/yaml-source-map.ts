import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { SourcePosition } from "../errors.js";

export type YamlPath = readonly (string | number)[];

/**
 * Positions of the nodes of a parsed YAML document, looked up by path (`["stages", "train", "deps", 0]`).
 * A path that does not resolve falls back to its deepest existing ancestor, so an error always has a line.
 */
export class YamlSourceMap {
  constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Position of the value at `path`. */
  valuePosition(path: YamlPath): SourcePosition {
    const { node } = this.resolve(path);
    return this.at(node?.range?.[0] ?? 0);
  }

  /** Position of the key of the map entry at `path` (the value's position for list items). */
  keyPosition(path: YamlPath): SourcePosition {
    const { node, key } = this.resolve(path);
    const offset = key?.range?.[0] ?? node?.range?.[0] ?? 0;
    return this.at(offset);
  }

  /** Position at a character offset of the file. */
  at(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Map entries by key, built once per map so lookups stay O(1) in pipelines of 10,000 stages. */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key)) index.set(String(item.key.value), item as Pair);
      this.pairIndex.set(map, index);
    }
    return index;
  }

  private resolve(path: YamlPath): { node: Node | undefined; key: Node | undefined } {
    let node: unknown = this.document.contents;
    let key: Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(segment));
        if (!pair) return { node: node as Node, key };
        key = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
        key = undefined;
        node = node.items[segment];
      } else {
        return { node: node as Node | undefined, key };
      }
    }
    return { node: node as Node | undefined, key };
  }
}
