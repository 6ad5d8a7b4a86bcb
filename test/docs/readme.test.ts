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
    // Columns padded to the widest cell, as biome formats markdown tables (`npm run lint` checks it).
    expect(docs).toContain(
      [
        "| input | required | default | description |",
        "| ----- | -------- | ------- | ----------- |",
        "| `a`   | yes      |         | one \\| two  |",
        "| `b`   | no       | `3`     | multi line  |",
      ].join("\n"),
    );
    expect(docs).toContain(
      ["| output | description |", "| ------ | ----------- |", "| `out`  | the result  |"].join("\n"),
    );
  });

  it("writes a multi-line default on one line, so the table row stays whole", () => {
    const docs = renderActionDocs([
      {
        folder: "actions/y",
        yaml: "name: y\ninputs:\n  envs:\n    description: d\n    default: |\n      staging\n      production\n",
      },
    ]);
    expect(docs).toContain("| `envs` | no       | `staging production` | d           |");
  });
});

describe("the package", () => {
  it("reports the version package.json declares", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };
    expect(kilnVersion).toBe(pkg.version);
  });
});
