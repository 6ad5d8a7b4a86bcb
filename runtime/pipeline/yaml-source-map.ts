import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
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

  private resolve(path: YamlPath): { node: Node | undefined; key: Node | undefined } {
    let node: unknown = this.document.contents;
    let key: Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
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
