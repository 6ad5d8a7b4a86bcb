import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway project folder with the given files (path → content). */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kiln-pipeline-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** kiln.yaml text from lines, so line numbers in tests are easy to count. */
export function yamlLines(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
