import { describe, expect, it } from "vitest";
import { renderRunSummary } from "../../runtime/pipeline/render-run-summary.js";
import type { StageResult } from "../../runtime/pipeline/stage-result.js";

const result = (
  name: string,
  status: StageResult["status"],
  overrides: Partial<StageResult> = {},
): StageResult => ({
  name,
  status,
  reasons: [],
  durationMs: 1500,
  attempts: 1,
  key: undefined,
  metrics: {},
  ...overrides,
});

describe("the job summary", () => {
  it("lists each stage with status, duration and cache hit", () => {
    const text = renderRunSummary({
      results: [
        result("prepare", "restored", { durationMs: 40 }),
        result("train", "ran", { reasons: ["dep 'a|b.csv' changed"], attempts: 2 }),
        result("report", "skipped", { reasons: ["upstream stage 'x' failed"] }),
      ],
      metrics: {},
      previous: undefined,
      baseBranch: "main",
    });
    expect(text).toContain("1 ran · 1 cached · 0 failed · 1 skipped");
    expect(text).toContain("| `prepare` | ♻️ restored | 40ms | yes |  |");
    // A pipe inside a cell is escaped so the table keeps its columns.
    expect(text).toContain("| `train` | ✅ ran | 1.5s | no | dep 'a\\|b.csv' changed (2 attempts) |");
    expect(text).toContain("| `report` | ⏭️ skipped | 1.5s | – | upstream stage 'x' failed |");
    expect(text).not.toContain("### Metrics");
  });

  it("compares metrics with the default branch: difference and relative change", () => {
    const text = renderRunSummary({
      results: [result("train", "ran")],
      metrics: { "metrics.json": { rmse: 0.3, scores: { f1: 0.9 }, rows: 100, label: "v2" } },
      previous: { "metrics.json": { rmse: 0.4, scores: { f1: 0.9 }, label: "v1" } },
      baseBranch: "main",
    });
    // 0.3 - 0.4 = -0.1, i.e. -25 % of 0.4.
    expect(text).toContain("| `metrics.json` | rmse | 0.3 | 0.4 | −0.1 (−25%) |");
    expect(text).toContain("| `metrics.json` | scores.f1 | 0.9 | 0.9 | = |");
    expect(text).toContain("| `metrics.json` | rows | 100 | – | new |");
    expect(text).toContain("| `metrics.json` | label | v2 | v1 | was v1 |");
  });
});
