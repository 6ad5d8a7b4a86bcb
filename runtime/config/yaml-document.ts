import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
} from "yaml";
import { ConfigError, type SourcePosition } from "../errors.js";

/** A path into a document: map keys and list indexes, e.g. `["stages", "train", "deps", 0]`. */
export type YamlPath = readonly (string | number)[];

export interface ParseYamlOptions {
  /**
   * How a syntax error's message starts, after `file:line:col: ` (default `not valid YAML`); the
   * parser's own first line follows, e.g. `not valid YAML: Map keys must be unique …`.
   */
  syntaxErrorLead?: string;
  /** Extra advice for a syntax error, given the text of the line it is on ("" for none). */
  syntaxErrorHint?: (lineText: string) => string;
}

/**
 * A YAML (or JSON) file parsed with the position of every node, so each ConfigError about it can
 * name file:line:col. Callers read `value` (plain JavaScript) and ask where a path is, or walk
 * the nodes (`root`) when they need a scalar's exact type.
 */
export class YamlDocument {
  private plain: { value: unknown } | undefined;
  /** Map entries by key, built once per map so lookups stay O(1) in pipelines of 10,000 stages. */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    /** The file name shown in positions. */
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The document's top node; null for an empty file. */
  get root(): Node | null {
    return this.document.contents;
  }

  /** The document as plain JavaScript (maps become objects); null for an empty file. */
  get value(): unknown {
    this.plain ??= { value: this.document.toJS() ?? null };
    return this.plain.value;
  }

  /**
   * Position of the value at `path` (an array, or a JSON pointer such as `/stages/train/deps/0`).
   * A path that does not resolve falls back to its deepest existing ancestor, so a position always
   * has a line.
   */
  valuePosition(path: YamlPath | string): SourcePosition {
    const { node } = this.resolve(path);
    return this.at(node?.range?.[0] ?? 0);
  }

  /** Position of the key of the map entry at `path` (the value's position for list items). */
  keyPosition(path: YamlPath | string): SourcePosition {
    const { node, key } = this.resolve(path);
    return this.at(key?.range?.[0] ?? node?.range?.[0] ?? 0);
  }

  /** Position of a node of this document; just the file for a node without a place in it. */
  positionOf(node: Node | null | undefined): SourcePosition {
    const offset = node?.range?.[0];
    return offset === undefined ? { file: this.file } : this.at(offset);
  }

  /** Position at a character offset of the text. */
  at(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key)) index.set(String(item.key.value), item as Pair);
      this.pairIndex.set(map, index);
    }
    return index;
  }

  private resolve(path: YamlPath | string): { node: Node | undefined; key: Node | undefined } {
    let node: unknown = this.document.contents;
    let key: Node | undefined;
    for (const segment of typeof path === "string" ? pointerPath(path) : path) {
      const index = typeof segment === "number" ? segment : /^[0-9]+$/.test(segment) ? Number(segment) : -1;
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(segment));
        if (!pair) break;
        key = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && node.items[index] !== undefined) {
        key = undefined;
        node = node.items[index];
      } else {
        break;
      }
    }
    return { node: (node ?? undefined) as Node | undefined, key };
  }
}

/** The segments of a JSON pointer (RFC 6901): `/stages/a~1b/0` → `["stages", "a/b", 0]`. */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}

/**
 * Parse YAML (JSON is YAML too) keeping positions. A syntax error, or a key written twice in one
 * map, is a ConfigError naming file:line:col — the one place YAML's errors become ours.
 */
export function parseYamlDocument(text: string, file: string, options: ParseYamlOptions = {}): YamlDocument {
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check is quadratic in a map's size; duplicateKeyOffset is linear.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const parsed = new YamlDocument(file, document, lineCounter);
  const lead = options.syntaxErrorLead ?? "not valid YAML";
  const [yamlError] = document.errors;
  if (yamlError) {
    const position = parsed.at(yamlError.pos[0]);
    const firstLine = yamlError.message.split("\n")[0] ?? yamlError.message;
    const lineText = text.split("\n")[(position.line ?? 1) - 1] ?? "";
    const hint = options.syntaxErrorHint?.(lineText) ?? "";
    throw new ConfigError(position, `${lead}: ${firstLine}${hint}`, { cause: yamlError });
  }
  const duplicate = firstDuplicateKey(document);
  if (duplicate) {
    throw new ConfigError(
      parsed.at(duplicate.offset),
      `${lead}: Map keys must be unique; '${duplicate.name}' is given twice in the same map.`,
    );
  }
  return parsed;
}

/** The first key written twice in one map: its name and the offset of its second occurrence. */
function firstDuplicateKey(document: Document): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) {
          found = { name, offset: pair.key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
}
