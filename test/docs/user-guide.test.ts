/**
 * The user guide (README.md and docs/*.md) must stay true to the code: its links lead somewhere,
 * the `kiln` commands it shows exist, and the files it tells users to write parse with the same
 * parsers Kiln and GitHub use.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../runtime/cli/main.js";
import { builtinStages } from "../../runtime/pipeline/builtin-stages.js";
import { parsePipeline } from "../../runtime/pipeline/parse-pipeline.js";
import { parsePromotionPolicy } from "../../runtime/promotion/promotion-policy.js";

const root = new URL("../..", import.meta.url).pathname;
const guideFiles = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (file: string) => readFileSync(join(root, file), "utf8");

interface CodeBlock {
  file: string;
  line: number;
  lang: string;
  text: string;
}

function codeBlocks(file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = read(file).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\w*)\s*$/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    blocks.push({ file, line: start + 1, lang: open[1] ?? "", text: body.join("\n") });
  }
  return blocks;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of read(file).split("\n")) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading?.[1] !== undefined) anchors.add(headingSlug(heading[1]));
  }
  return anchors;
}

/** Markdown links outside code blocks, with the line they are on. */
function linksOf(file: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  let inCode = false;
  read(file)
    .split("\n")
    .forEach((line, index) => {
      if (/^\s*```/.test(line)) inCode = !inCode;
      if (inCode) return;
      for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) links.push({ target: m[1] ?? "", line: index + 1 });
    });
  return links;
}

describe.each(guideFiles)("%s", (file) => {
  it("links only to files and headings that exist", () => {
    const broken: string[] = [];
    for (const { target, line } of linksOf(file)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path = "", anchor] = target.split("#");
      const resolved = path === "" ? file : join(dirname(file), path);
      if (!existsSync(join(root, resolved))) {
        broken.push(`${file}:${line}: ${target} (no file ${resolved})`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) {
        broken.push(`${file}:${line}: ${target} (no heading #${anchor} in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("shows only kiln commands and subcommands the CLI has", async () => {
    const program = await buildProgram();
    const find = (parent: Command, name: string) => parent.commands.find((c) => c.name() === name);
    const unknown: string[] = [];
    for (const block of codeBlocks(file).filter((b) => b.lang === "sh")) {
      for (const m of block.text.matchAll(/(?:npx kiln|npm run kiln --)\s+([a-z-]+)(?:\s+([a-z-]+))?/g)) {
        const command = find(program, m[1] ?? "");
        if (command === undefined) {
          unknown.push(`${file}:${block.line}: kiln ${m[1]}`);
        } else if (command.commands.length > 0 && find(command, m[2] ?? "") === undefined) {
          unknown.push(`${file}:${block.line}: kiln ${m[1]} ${m[2]}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it("gives workflows that GitHub's workflow parser accepts", () => {
    const workflows = codeBlocks(file).filter(
      (b) => b.lang === "yaml" && /^jobs:/m.test(b.text) && /^on:/m.test(b.text),
    );
    for (const block of workflows) {
      const result = parseWorkflow(
        { name: `${file}:${block.line}`, content: block.text },
        new NoOperationTraceWriter(),
      );
      expect(result.context.errors.getErrors().map((e) => `${file}:${block.line}: ${e.message}`)).toEqual([]);
    }
  });

  it("gives kiln.yaml and .github/kiln.yml examples that Kiln parses", () => {
    for (const block of codeBlocks(file).filter((b) => b.lang === "yaml")) {
      if (/^stages:/m.test(block.text)) {
        const pipeline = parsePipeline(block.text, join(root, "kiln.yaml"), { builtins: builtinStages });
        expect(pipeline.stages.size, `${file}:${block.line}`).toBeGreaterThan(0);
      }
      if (/^promotion:/m.test(block.text)) {
        const policy = parsePromotionPolicy(block.text, `${file}:${block.line}`);
        expect(Object.keys(policy.stages).length, `${file}:${block.line}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("the guide's checks", () => {
  it("find a command the CLI does not have", async () => {
    const program = await buildProgram();
    expect(program.commands.some((c) => c.name() === "frobnicate")).toBe(false);
    expect(program.commands.some((c) => c.name() === "serve")).toBe(true);
  });

  it("make GitHub's anchors from headings", () => {
    expect(headingSlug("`actions/pipeline` — kiln pipeline")).toBe("actionspipeline--kiln-pipeline");
    expect(headingSlug("Promotion policy: `.github/kiln.yml`")).toBe("promotion-policy-githubkilnyml");
  });

  it("find a broken kiln.yaml example", () => {
    expect(() =>
      parsePipeline("version: 1\nstages:\n  a:\n    cmd: x\n    depz: [y]\n", join(root, "kiln.yaml"), {
        builtins: builtinStages,
      }),
    ).toThrow(/kiln\.yaml:5:5/);
  });
});

describe("docs/kiln-yaml.md", () => {
  interface SchemaNode {
    properties?: Record<string, SchemaNode>;
    additionalProperties?: SchemaNode | boolean;
    items?: SchemaNode;
    $ref?: string;
    definitions?: Record<string, SchemaNode>;
  }
  const schema = JSON.parse(read("schema/kiln.schema.json")) as SchemaNode;

  /** Every property name the schema allows, at any depth, with the path that reaches it. */
  function fieldsOf(node: SchemaNode, path: string, seen: Set<string>, out: string[]): string[] {
    const ref = node.$ref?.replace("#/definitions/", "");
    if (ref !== undefined) {
      if (seen.has(ref)) return out;
      seen.add(ref);
      const target = schema.definitions?.[ref];
      return target === undefined ? out : fieldsOf(target, path, seen, out);
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      out.push(`${path}${name}`);
      fieldsOf(child, `${path}${name}.`, seen, out);
    }
    if (typeof node.additionalProperties === "object")
      fieldsOf(node.additionalProperties, `${path}<name>.`, seen, out);
    if (node.items !== undefined) fieldsOf(node.items, path, seen, out);
    return out;
  }

  it("describes every field the schema allows", () => {
    const doc = read("docs/kiln-yaml.md");
    const fields = fieldsOf(schema, "", new Set(), []);
    expect(fields.length).toBeGreaterThan(30);
    const missing = fields.filter((f) => !doc.includes(`\`${f.split(".").at(-1)}\``));
    expect(missing).toEqual([]);
  });
});
