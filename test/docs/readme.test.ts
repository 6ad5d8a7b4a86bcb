import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kilnVersion } from "../../runtime/version.js";
import { currentActionDocs, renderActionDocs, spliceActionDocs } from "../../scripts/render-action-docs.js";

const root = new URL("../..", import.meta.url).pathname;

describe("the README", () => {
  it("documents every Action's inputs and outputs as their action.yml says", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    expect(spliceActionDocs(readme, currentActionDocs(root))).toBe(readme);
  });

  it("renders an input table with required flags, defaults and escaped pipes", () => {
    const docs = renderActionDocs([
      {
        folder: "actions/x",
        yaml: "name: x\ndescription: does x\ninputs:\n  a:\n    description: one | two\n    required: true\n  b:\n    description: |\n      multi\n      line\n    default: '3'\noutputs:\n  out:\n    description: the result\n",
      },
    ]);
    expect(docs).toContain("| `a` | yes |  | one \\| two |");
    expect(docs).toContain("| `b` | no | `3` | multi line |");
    expect(docs).toContain("| `out` | the result |");
  });
});

describe("the package", () => {
  it("reports the version package.json declares", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };
    expect(kilnVersion).toBe(pkg.version);
  });
});
