import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NoOperationTraceWriter } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "actions", "register");

describe("actions/register/action.yml", () => {
  it("is valid by GitHub's own action schema", async () => {
    const content = await readFile(join(folder, "action.yml"), "utf8");
    const result = parseAction({ name: "action.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it("declares exactly the inputs the action reads and the outputs it sets", async () => {
    const metadata = parse(await readFile(join(folder, "action.yml"), "utf8")) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    const inputsSource = await readFile(join(folder, "src", "inputs.ts"), "utf8");
    const mainSource = await readFile(join(folder, "src", "main.ts"), "utf8");
    const read = [...inputsSource.matchAll(/(?:get(?:Multiline)?Input|optional)\("([\w-]+)"/g)].map(
      (m) => m[1],
    );
    const set = [...mainSource.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(Object.keys(metadata.inputs)));
    expect(new Set(set)).toEqual(new Set(Object.keys(metadata.outputs)));
    expect(metadata.runs).toEqual({ using: "node24", main: "../../dist/register/index.js" });
  });
});
