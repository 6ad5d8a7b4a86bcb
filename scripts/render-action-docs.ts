// Regenerates the Actions reference in README.md from actions/*/action.yml.
// `--check` exits 1 when README.md is stale (CI and a test run it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/*
 * The README's reference for each Action, made from its action.yml so it cannot go stale.
 * Pure: action.yml texts in, markdown out.
 */
interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

interface ActionDefinition {
  name?: string;
  description?: string;
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string }>;
}

export function renderActionDocs(actions: ReadonlyArray<{ folder: string; yaml: string }>): string {
  const sections = [...actions]
    .sort((a, b) => a.folder.localeCompare(b.folder))
    .map(({ folder, yaml }) => renderAction(folder, parse(yaml) as ActionDefinition));
  return sections.join("\n\n");
}

function renderAction(folder: string, action: ActionDefinition): string {
  const lines = [`#### \`${folder}\` — ${action.name ?? folder}`, "", action.description ?? "", ""];
  const inputs = Object.entries(action.inputs ?? {});
  if (inputs.length > 0) {
    const rows = inputs.map(([name, input]) => {
      const fallback =
        input.default === undefined || input.default === "" ? "" : `\`${cell(input.default)}\``;
      return [`\`${name}\``, input.required ? "yes" : "no", fallback, cell(input.description)];
    });
    lines.push(...markdownTable(["input", "required", "default", "description"], rows), "");
  }
  const outputs = Object.entries(action.outputs ?? {});
  if (outputs.length > 0) {
    const rows = outputs.map(([name, output]) => [`\`${name}\``, cell(output.description)]);
    lines.push(...markdownTable(["output", "description"], rows));
  }
  return lines.join("\n").trimEnd();
}

/** A markdown table with its columns padded to equal width, as the formatter (biome) writes it. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)];
}

function cell(text: string | undefined): string {
  return (text ?? "")
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

export const actionDocsStart =
  "<!-- action-docs:start (generated from actions/*/action.yml by scripts/render-action-docs.ts) -->";
export const actionDocsEnd = "<!-- action-docs:end -->";

/** The README with its generated section replaced. */
export function spliceActionDocs(readme: string, docs: string): string {
  const start = readme.indexOf(actionDocsStart);
  const end = readme.indexOf(actionDocsEnd);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + actionDocsStart.length)}\n${docs}\n${readme.slice(end)}`;
}

export function currentActionDocs(root: string): string {
  const folders = readdirSync(join(root, "actions")).filter((f) =>
    existsSync(join(root, "actions", f, "action.yml")),
  );
  return renderActionDocs(
    folders.map((folder) => ({
      folder: `actions/${folder}`,
      yaml: readFileSync(join(root, "actions", folder, "action.yml"), "utf8"),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("..", import.meta.url).pathname;
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const next = spliceActionDocs(readme, currentActionDocs(root));
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md's Actions reference is stale: run `npm run docs`.");
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log("README.md: Actions reference updated.");
  }
}
