import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// No Docker engine here: these checks read the Dockerfile as text, and the build steps it runs are
// the ones the repository's own scripts run (tsc -p tsconfig.build.json, npm ci).
const root = new URL("../../", import.meta.url).pathname;
const text = readFileSync(join(root, "Dockerfile"), "utf8");
const lines = text
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith("#"));
const stages = lines.filter((l) => l.startsWith("FROM "));
const finalStage = lines.slice(lines.lastIndexOf(stages.at(-1)!));

describe("the Dockerfile", () => {
  it("builds in several stages and installs only production dependencies into the final image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/npm ci --omit=dev --ignore-scripts/);
    const copies = finalStage.filter((l) => l.startsWith("COPY "));
    expect(copies.filter((l) => !l.startsWith("COPY --from=")).map((l) => l.split(/\s+/)[1])).toEqual([
      "package.json",
    ]);
    expect(finalStage.some((l) => /npm (ci|install)/.test(l))).toBe(false);
  });

  it("runs kiln serve as a numeric non-root user", () => {
    const user = finalStage.find((l) => l.startsWith("USER "));
    expect(user).toBeDefined();
    const uid = Number(user!.split(/\s+/)[1]!.split(":")[0]);
    expect(uid).toBeGreaterThan(0);
    expect(finalStage.find((l) => l.startsWith("ENTRYPOINT "))).toBe(
      'ENTRYPOINT ["node", "/app/runtime/cli/kiln.js", "serve"]',
    );
  });

  it("copies only files that exist in the repository and are not excluded by .dockerignore", () => {
    const ignored = readFileSync(join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith("#"));
    const sources = lines
      .filter((l) => l.startsWith("COPY ") && !l.startsWith("COPY --from="))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(root, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
    expect(existsSync(join(root, "runtime/cli/kiln.ts"))).toBe(true);
  });
});
