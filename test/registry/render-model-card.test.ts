import { describe, expect, it } from "vitest";
import type { VersionSummary } from "../../runtime/registry/model-index.js";
import type { ModelRecord } from "../../runtime/registry/model-record.js";
import { renderModelCard } from "../../runtime/registry/render-model-card.js";

function record(
  version: string,
  metrics: Record<string, number>,
  overrides: Partial<ModelRecord> = {},
): ModelRecord {
  return {
    formatVersion: 1,
    name: "churn",
    version,
    artifact: { sha256: "ab".repeat(32), size: 1234, storeKey: `cache/sha256/${"ab".repeat(32)}` },
    bump: { kind: "minor", reason: "minor bump (the default): the signature is compatible" },
    signature: {
      inputs: [
        { name: "tenure", datatype: "FP32", shape: [-1, 1] },
        { name: "plan", datatype: "BYTES", shape: [-1, 1] },
      ],
      outputs: [{ name: "label", datatype: "BYTES", shape: [-1] }],
      metadata: {},
    },
    metrics,
    params: { model: { trees: 200, depth: 6 }, note: "a|b" },
    lineage: {
      repository: "octo-org/models",
      commit: "0123456789abcdef0123456789abcdef01234567",
      branch: "main",
      workflowRunUrl: "https://github.com/octo-org/models/actions/runs/42",
      stageKeys: { train: "k-train" },
      datasetDigests: { "data/train.csv": "cd".repeat(32) },
      parentVersion: "1.1.0",
    },
    createdBy: "alice",
    createdAt: "2026-03-01T10:00:00.000Z",
    ...overrides,
  };
}

const summary = (version: string, accuracy: number): VersionSummary => ({
  version,
  sha256: "00",
  size: 1,
  bump: "minor",
  metrics: { accuracy },
  createdAt: "2026-01-01T00:00:00Z",
});

describe("the model card", () => {
  const production = record("1.1.0", { accuracy: 0.8, auc: 0.9 });
  const current = record("1.2.0", { accuracy: 0.84, auc: 0.88, f1: 0.7 });
  const card = renderModelCard(current, production, [
    summary("1.0.0", 0.75),
    summary("1.1.0", 0.8),
    summary("1.2.0", 0.84),
  ]);

  it("compares each metric with the version in Production", () => {
    // 0.84 - 0.80 = 0.04, 5% of 0.8; 0.88 - 0.90 = -0.02, 2.22% of 0.9.
    expect(card).toContain("| metric | 1.2.0 | Production (1.1.0) | change |");
    expect(card).toContain("| accuracy | 0.84 | 0.8 | +0.04 (+5.00%) |");
    expect(card).toContain("| auc | 0.88 | 0.9 | −0.02 (−2.22%) |");
    expect(card).toContain("| f1 | 0.7 | — | new |");
  });

  it("charts the first metric across recent versions with mermaid", () => {
    expect(card).toContain(
      [
        "```mermaid",
        "xychart-beta",
        '  title "accuracy by version"',
        '  x-axis ["1.0.0", "1.1.0", "1.2.0"]',
        '  y-axis "accuracy"',
        "  line [0.75, 0.8, 0.84]",
        "```",
      ].join("\n"),
    );
  });

  it("lists params flattened, with table pipes escaped", () => {
    expect(card).toContain("| model.trees | 200 |");
    expect(card).toContain("| note | a\\|b |");
  });

  it("has a signature table", () => {
    expect(card).toContain("| input | tenure | FP32 | [-1, 1] |");
    expect(card).toContain("| output | label | BYTES | [-1] |");
  });

  it("links the lineage: commit, workflow run, parent release, datasets", () => {
    expect(card).toContain(
      "- Commit: [`0123456789abcdef0123456789abcdef01234567`](https://github.com/octo-org/models/commit/0123456789abcdef0123456789abcdef01234567)",
    );
    expect(card).toContain("- Workflow run: https://github.com/octo-org/models/actions/runs/42");
    expect(card).toContain(
      "- Parent version: [1.1.0](https://github.com/octo-org/models/releases/tag/churn%40v1.1.0)",
    );
    expect(card).toContain(`| data/train.csv | \`${"cd".repeat(32)}\` |`);
    expect(card).toContain("| train | `k-train` |");
  });

  it("says when nothing is in Production yet, and draws no chart from a single point", () => {
    const first = renderModelCard(record("1.0.0", { accuracy: 0.7 }), undefined, [summary("1.0.0", 0.7)]);
    expect(first).toContain("_No version is in Production yet._");
    expect(first).not.toContain("mermaid");
  });

  it("stays within GitHub's release body limit with thousands of params", () => {
    const params = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`p${i}`, "x".repeat(100)]));
    const big = renderModelCard(record("2.0.0", { accuracy: 1 }, { params }), production, []);
    expect(big.length).toBeLessThan(125_000);
    expect(big).toContain("_4800 more parameters left out; see kiln-model.json._");
  });
});
