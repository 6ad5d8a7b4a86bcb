import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../runtime/logger.js";
import { codeownersOf } from "../../runtime/promotion/codeowners.js";
import { kilnUsage, parseKilnCommand } from "../../runtime/promotion/kiln-commands.js";
import { previousHolder } from "../../runtime/promotion/open-promotion-pull-request.js";
import { parseReleaseTag } from "../../runtime/promotion/promote-on-registration.js";
import { renderReconcileSummary } from "../../runtime/promotion/reconcile-registry.js";
import { renderPromotionBody } from "../../runtime/promotion/render-promotion-body.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { loadModelIndex } from "../../runtime/registry/model-index.js";
import type { ModelRecord } from "../../runtime/registry/model-record.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import { MemoryStore } from "../registry/memory-store.js";
import { writeOnnxModel } from "../registry/onnx-fixture.js";

const codeowners = `# Owners
*                 @octo-org/everyone
/registry/        @octo-org/ml-leads @alice
registry/iris.yaml @bob dev@example.com
docs/             @carol
`;

describe.each([
  ["registry/iris.yaml", ["@bob"]],
  ["registry/churn.yaml", ["@octo-org/ml-leads", "@alice"]],
  ["src/registry/churn.yaml", ["@octo-org/everyone"]],
  ["docs/guide/promotion.md", ["@carol"]],
  ["README.md", ["@octo-org/everyone"]],
])("CODEOWNERS for %s", (path, expected) => {
  it(`names ${expected.join(", ")} (the last matching line wins; e-mail owners are dropped)`, () => {
    const owners = codeownersOf(codeowners, path).map((o) =>
      o.kind === "user" ? `@${o.login}` : `@${o.org}/${o.slug}`,
    );
    expect(owners).toEqual(expected);
  });
});

describe("a /kiln comment", () => {
  it.each([
    [
      "/kiln promote iris 1.2.0 to production",
      { name: "promote", args: ["iris", "1.2.0", "to", "production"] },
    ],
    ["Thanks!\n  /kiln   Rollback iris staging  \nbye", { name: "rollback", args: ["iris", "staging"] }],
    ["/kiln", { name: "", args: [] }],
    ["please /kiln promote", undefined],
    ["/kilnx promote", undefined],
  ])("%j is read as %j", (body, expected) => {
    expect(parseKilnCommand(body)).toEqual(expected);
  });

  it("usage lists every command, sorted", () => {
    const run = async () => "";
    expect(
      kilnUsage({
        zeta: { usage: "zeta", needsWrite: false, run },
        alpha: { usage: "alpha <x>", needsWrite: true, run },
      }),
    ).toBe("Kiln understands:\n\n- `/kiln alpha <x>`\n- `/kiln zeta`");
  });
});

describe("release tags", () => {
  it.each([
    ["iris@v1.2.0", { model: "iris", version: "1.2.0" }],
    ["churn-model@v10.0.1", { model: "churn-model", version: "10.0.1" }],
    ["v1.2.0", undefined],
    ["iris@1.2.0", undefined],
    ["iris@vnext", undefined],
  ])("%s names %j", (tag, expected) => {
    expect(parseReleaseTag(tag)).toEqual(expected);
  });
});

describe("a registry with a stage history", () => {
  let folder: string;
  const store = new MemoryStore();
  const records: ModelRecord[] = [];
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "kiln-promotion-"));
    for (const [i, accuracy] of [0.8, 0.85, 0.9].entries()) {
      const metricsPath = join(folder, `m${i}.json`);
      await writeFile(metricsPath, JSON.stringify({ accuracy }));
      const { record } = await registerModel(
        { store, logger: silentLogger },
        {
          name: "iris",
          artifactPath: await writeOnnxModel(folder, `m${i}.onnx`, i + 1),
          metricsPath,
          lineage: { stageKeys: {}, datasetDigests: {} },
          createdBy: "trainer",
          source: { kind: "command", detail: "test" },
        },
      );
      records.push(record);
    }
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const move = (version: string, to: "Staging" | "Production") =>
    appendStageEvent(store, {
      name: "iris",
      version,
      to,
      by: "bob",
      source: { kind: "command" },
      reason: "test",
    });

  it("rolls a stage back to the version that held it before the current one", async () => {
    await expect(previousHolder(store, "iris", "production")).rejects.toThrow(
      "no version of 'iris' is in production, so there is nothing to roll back.",
    );
    await move("1.0.0", "Production");
    await expect(previousHolder(store, "iris", "production")).rejects.toThrow(
      "iris@1.0.0 is the only version",
    );
    await move("1.1.0", "Staging");
    await move("1.1.0", "Production");
    await move("1.2.0", "Production");
    expect(await previousHolder(store, "iris", "production")).toEqual({
      current: "1.2.0",
      previous: "1.1.0",
    });
    await move("1.1.0", "Production");
    expect(await previousHolder(store, "iris", "production")).toEqual({
      current: "1.1.0",
      previous: "1.2.0",
    });
  });

  it("describes a promotion pull request: the move, the comparison with the holder, then the model card", async () => {
    const { index } = await loadModelIndex(store, "iris");
    const body = renderPromotionBody({
      record: records[2]!,
      stage: "production",
      current: records[0],
      production: records[0],
      index,
      reason: { kind: "promote", by: "alice", commentUrl: "https://github.com/o/r/issues/3#issuecomment-1" },
    });
    expect(body).toContain(
      "Merging this pull request moves **iris** in **production** from `1.0.0` to `1.2.0`.",
    );
    expect(body).toContain(
      "Requested by @alice in [this comment](https://github.com/o/r/issues/3#issuecomment-1) (`/kiln promote`).",
    );
    expect(body).toContain("| metric | 1.0.0 | 1.2.0 | change |");
    expect(body).toMatch(/\| accuracy \| 0\.8 \| 0\.9 \| \+0\.1\b/);
    expect(body).toContain("**Signature:** unchanged.");
    expect(body.indexOf("## iris@1.2.0 against production (1.0.0)")).toBeLessThan(
      body.indexOf("# iris@1.2.0\n"),
    );
  });
});

describe("the promote job summary", () => {
  it("says nothing was done in a repository that has not opted in", () => {
    expect(
      renderReconcileSummary({
        enabled: false,
        pullRequest: undefined,
        approvers: [],
        changes: [],
        errors: [],
        dryRun: false,
      }),
    ).toBe("Kiln promote: this repository has no `.github/kiln.yml`; nothing was done.\n");
  });

  it("tables each change and marks a dry run", () => {
    const text = renderReconcileSummary({
      enabled: true,
      dryRun: true,
      pullRequest: undefined,
      approvers: [],
      errors: ["registry/churn.yaml: churn@9.0.0 (desired in production) does not exist in the registry."],
      changes: [{ model: "iris", stage: "staging", from: undefined, to: "1.2.0", tag: "iris#staging" }],
    });
    expect(text).toContain("## Kiln promote (dry run)");
    expect(text).toContain("| iris | staging | — | 1.2.0 |  | iris#staging |  |");
    expect(text).toContain(
      "- ❌ registry/churn.yaml: churn@9.0.0 (desired in production) does not exist in the registry.",
    );
  });
});
