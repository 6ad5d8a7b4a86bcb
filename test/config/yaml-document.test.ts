import { describe, expect, it } from "vitest";
import { isScalar } from "yaml";
import { parseYamlDocument, pointerPath } from "../../runtime/config/yaml-document.js";
import { ConfigError } from "../../runtime/errors.js";

/** Lines numbered from 1 as an editor shows them; columns counted by hand below. */
const text = [
  "stages:", //                       1
  "  train:", //                      2
  "    cmd: python train.py", //      3
  "    deps:", //                     4
  "      - data/a.csv", //            5
  "      - data/b.csv", //            6
  "    with: { seed: 7, lr: 0.1 }", // 7
  "models: [weather, churn]", //      8
  "",
].join("\n");

function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("a parsed YAML document", () => {
  const yaml = parseYamlDocument(text, "kiln.yaml");

  it("gives the document as plain JavaScript", () => {
    expect(yaml.value).toEqual({
      stages: {
        train: {
          cmd: "python train.py",
          deps: ["data/a.csv", "data/b.csv"],
          with: { seed: 7, lr: 0.1 },
        },
      },
      models: ["weather", "churn"],
    });
  });

  describe.each([
    { path: ["stages", "train"], key: [2, 3], value: [3, 5] },
    { path: ["stages", "train", "cmd"], key: [3, 5], value: [3, 10] },
    { path: ["stages", "train", "deps", 0], key: [5, 9], value: [5, 9] },
    { path: ["stages", "train", "deps", 1], key: [6, 9], value: [6, 9] },
    { path: ["stages", "train", "with", "lr"], key: [7, 22], value: [7, 26] },
    { path: ["models", 1], key: [8, 19], value: [8, 19] },
  ])("at $path", ({ path, key, value }) => {
    it("knows the line and column of the key and of the value", () => {
      expect(yaml.keyPosition(path)).toEqual({ file: "kiln.yaml", line: key[0], column: key[1] });
      expect(yaml.valuePosition(path)).toEqual({ file: "kiln.yaml", line: value[0], column: value[1] });
    });
  });

  it("takes JSON pointers as paths, with ~1 for a slash in a key", () => {
    expect(pointerPath("/stages/a~1b/deps/0")).toEqual(["stages", "a/b", "deps", 0]);
    expect(yaml.valuePosition("/stages/train/deps/1")).toEqual({ file: "kiln.yaml", line: 6, column: 9 });
  });

  it("falls back to the deepest existing ancestor for a path that does not exist", () => {
    expect(yaml.valuePosition(["stages", "train", "outs", 0])).toEqual(
      yaml.valuePosition(["stages", "train"]),
    );
    expect(yaml.keyPosition(["stages", "train", "deps", 9])).toEqual({
      file: "kiln.yaml",
      line: 4,
      column: 5,
    });
  });

  it("gives the position of a node when walking the tree", () => {
    const [first] = (yaml.root as unknown as { items: { key: unknown }[] }).items;
    expect(isScalar(first?.key)).toBe(true);
    expect(yaml.positionOf(first?.key as never)).toEqual({ file: "kiln.yaml", line: 1, column: 1 });
    expect(yaml.positionOf(null)).toEqual({ file: "kiln.yaml" });
  });
});

describe("YAML that cannot be read", () => {
  it("is a ConfigError at the line and column of the syntax error", () => {
    // The list is still open where the text ends: line 3, column 1.
    const error = thrown(() => parseYamlDocument("a: 1\nb: [1, 2\n", "x.yaml"));
    expect({ file: error.file, line: error.line, column: error.column }).toEqual({
      file: "x.yaml",
      line: 3,
      column: 1,
    });
    expect(error.message).toMatch(/^x\.yaml:3:1: not valid YAML: /);
  });

  it("is a ConfigError at the second occurrence of a key written twice", () => {
    const error = thrown(() => parseYamlDocument("a:\n  b: 1\n  c: 2\n  b: 3\n", "x.yaml"));
    expect(error.message).toBe(
      "x.yaml:4:3: not valid YAML: Map keys must be unique; 'b' is given twice in the same map.",
    );
  });

  it("starts the message as the caller asks and appends the caller's hint for the line", () => {
    const error = thrown(() =>
      parseYamlDocument("k: [a, b\n", "p.json", {
        syntaxErrorLead: "params file is not valid YAML or JSON",
        syntaxErrorHint: (line) => ` (line was '${line}')`,
      }),
    );
    expect(error.message).toMatch(/^p\.json:2:1: params file is not valid YAML or JSON: .*\(line was ''\)$/);
  });
});

describe("an empty file", () => {
  it("is null, with positions at its start", () => {
    const yaml = parseYamlDocument("", "empty.yaml");
    expect(yaml.value).toBeNull();
    expect(yaml.root).toBeNull();
    expect(yaml.valuePosition(["anything"])).toEqual({ file: "empty.yaml", line: 1, column: 1 });
  });

  it("is null when it holds only a comment", () => {
    expect(parseYamlDocument("# nothing yet\n", "empty.yaml").value).toBeNull();
  });
});
