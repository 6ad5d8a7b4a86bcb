import { describe, expect, it } from "vitest";
import { compareDatasets } from "../../runtime/monitor/compare-datasets.js";
import { defaultDriftTest } from "../../runtime/monitor/default-drift-test.js";
import { categorical, cycle, numeric, table } from "./table-builder.js";

// Evidently's _get_default_stattest (legacy/calculations/stattests/registry.py)
describe.each([
  // reference rows, type, distinct values (reference + current), expected test, threshold
  [1000, "numerical", 6, "ks"],
  [1000, "numerical", 5, "chisquare"],
  [1000, "numerical", 3, "chisquare"],
  [1000, "numerical", 2, "z"],
  [1000, "numerical", 1, "z"],
  [1000, "categorical", 3, "chisquare"],
  [1000, "categorical", 50, "chisquare"],
  [1000, "categorical", 2, "z"],
  [10, "numerical", 200, "ks"],
  [1001, "numerical", 6, "wasserstein"],
  [1001, "numerical", 5, "jensenshannon"],
  [1001, "numerical", 2, "jensenshannon"],
  [1001, "categorical", 2, "jensenshannon"],
  [1001, "categorical", 40, "jensenshannon"],
] as const)("with %d reference rows, a %s column of %d distinct values", (rows, type, distinct, expected) => {
  it(`is tested with ${expected}`, () => {
    expect(defaultDriftTest(type, rows, distinct).test).toBe(expected);
  });
});

describe("the default choice inside compareDatasets", () => {
  it("counts distinct values over reference and current together and after dropping missing values", () => {
    // reference {1,2,3} + current {4,5,6}: 6 distinct → ks (5 would be chi-square)
    const ref = table("ref", numeric("x", [1, 2, 3, Number.NaN, 1, 2]));
    const cur = table("cur", numeric("x", [4, 5, 6, Number.NaN]));
    expect(compareDatasets(ref, cur).columns[0]?.test).toBe("ks");
    const cur5 = table("cur", numeric("x", [4, 5, Number.POSITIVE_INFINITY]));
    expect(compareDatasets(ref, cur5).columns[0]?.test).toBe("chisquare");
  });

  it("counts reference rows after dropping missing values (1000 present + NaNs is still small)", () => {
    const values = [...Array.from({ length: 1000 }, (_, i) => i), Number.NaN, Number.NaN];
    const report = compareDatasets(table("ref", numeric("x", values)), table("cur", numeric("x", [1, 2, 3])));
    expect(report.columns[0]?.test).toBe("ks");
    const big = compareDatasets(
      table("ref", numeric("x", [...values, 5])),
      table("cur", numeric("x", [1, 2, 3])),
    );
    expect(big.columns[0]?.test).toBe("wasserstein");
  });

  it("uses Evidently's thresholds and directions", () => {
    const ref = table("ref", categorical("c", cycle(100, ["a", "b", "c"])));
    const cur = table("cur", categorical("c", cycle(100, ["a", "b", "c"])));
    const column = compareDatasets(ref, cur).columns[0]!;
    expect(column.test).toBe("chisquare");
    expect(column.threshold).toBe(0.05);
    expect(column.testKind).toBe("p_value");
    const bigRef = table("ref", categorical("c", cycle(2000, ["a", "b", "c"])));
    const big = compareDatasets(bigRef, cur).columns[0]!;
    expect(big.test).toBe("jensenshannon");
    expect(big.threshold).toBe(0.1);
  });
});
