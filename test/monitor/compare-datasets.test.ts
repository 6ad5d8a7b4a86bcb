import { describe, expect, it } from "vitest";
import { readTable } from "../../runtime/data/read-table.js";
import { selectRows } from "../../runtime/data/select-rows.js";
import type { Table } from "../../runtime/data/table.js";
import { UsageError } from "../../runtime/errors.js";
import { compareDatasets } from "../../runtime/monitor/compare-datasets.js";
import { driftTests, getDriftTest } from "../../runtime/monitor/drift-tests.js";
import { prepareTable } from "../../runtime/monitor/prepared-table.js";
import { normalSample, seededRandom } from "./seeded-random.js";
import { boolean, categorical, cycle, numeric, table } from "./table-builder.js";

const SEATTLE = "node_modules/vega-datasets/data/seattle-weather.csv";

describe("the drift test registry", () => {
  it("knows the seven tests and rejects an unknown name with the sorted list", () => {
    expect(Object.keys(driftTests).sort()).toEqual([
      "chisquare",
      "jensenshannon",
      "kl",
      "ks",
      "psi",
      "wasserstein",
      "z",
    ]);
    expect(() => getDriftTest("anderson")).toThrow(
      "unknown drift test 'anderson'; known tests: chisquare, jensenshannon, kl, ks, psi, wasserstein, z.",
    );
    expect(() => getDriftTest("anderson")).toThrow(UsageError);
  });

  it.each([
    ["ks", 0.05, true],
    ["chisquare", 0.05, false],
    ["z", 0.05, false],
    ["wasserstein", 0.1, true],
    ["psi", 0.1, true],
    ["jensenshannon", 0.1, true],
    ["kl", 0.1, true],
  ] as const)(
    "%s at a score equal to its threshold %d says drift = %s (Evidently's direction)",
    (name, t, drift) => {
      expect(driftTests[name].isDrift(t, t)).toBe(drift);
      expect(driftTests[name].defaultThreshold).toBe(t);
    },
  );
});

describe("compareDatasets", () => {
  const reference = table(
    "ref.csv",
    numeric("x", normalSample(400, 1)),
    numeric("y", normalSample(400, 2)),
    categorical("c", cycle(400, ["a", "b", "c"])),
  );

  it("finds no drift between two samples of the same distributions", () => {
    const current = table(
      "cur.csv",
      numeric("x", normalSample(300, 3)),
      numeric("y", normalSample(300, 4)),
      categorical("c", cycle(300, ["b", "c", "a"])),
    );
    const report = compareDatasets(reference, current);
    expect(report.datasetDrift).toBe(false);
    expect(report.columns.map((c) => [c.column, c.test, c.drift])).toEqual([
      ["x", "ks", false],
      ["y", "ks", false],
      ["c", "chisquare", false],
    ]);
    expect(report.columns[0]?.nReference).toBe(400);
    expect(report.columns[0]?.nCurrent).toBe(300);
    expect(
      report.columns.every((c) => !c.quality.missingShareRose && c.quality.unseenCategoryCount === 0),
    ).toBe(true);
    expect(report.quality.failures).toEqual(
      ["row count changed from 400 to 300 (more than 10%)"].concat(
        report.columns
          .filter((c) => c.quality.outOfRangeCount > 0)
          .map(
            (c) =>
              `column '${c.column}': ${c.quality.outOfRangeCount} value${c.quality.outOfRangeCount === 1 ? "" : "s"} (${(c.quality.outOfRangeShare * 100).toFixed(1)}%) outside the reference range`,
          ),
      ),
    );
  });

  it("reports dataset drift when at least half the columns drift, and gives effect sizes", () => {
    const current = table(
      "cur.csv",
      numeric("x", normalSample(300, 3, 1)),
      numeric("y", normalSample(300, 4)),
      categorical("c", cycle(300, ["a", "a", "b"])),
    );
    const report = compareDatasets(reference, current);
    expect(report.columns.map((c) => c.drift)).toEqual([true, false, true]);
    expect(report.share.driftShare).toBeCloseTo(2 / 3, 15);
    expect(report.datasetDrift).toBe(true);
    const x = report.columns[0]!;
    expect(x.effectSizeName).toBe("KS D");
    expect(x.effectSize).toBe(x.statistic);
    expect(x.pValue).toBe(x.score);
    expect(x.minDetectableShift.measure).toBe("KS distance D");
    expect(x.minDetectableShift.value).toBeCloseTo(1.3581 * Math.sqrt(700 / (400 * 300)), 3);
  });

  it("forces a test for every column it applies to, and keeps the default for the others", () => {
    const current = table(
      "cur.csv",
      numeric("x", normalSample(300, 3)),
      numeric("y", normalSample(300, 4)),
      categorical("c", cycle(300, ["a", "b", "c"])),
    );
    const report = compareDatasets(reference, current, { method: "wasserstein", threshold: 0.2 });
    expect(report.columns.map((c) => [c.test, c.threshold])).toEqual([
      ["wasserstein", 0.2],
      ["wasserstein", 0.2],
      ["chisquare", 0.05],
    ]);
    expect(report.columns[2]?.selection).toContain("wasserstein does not apply to categorical columns");
    expect(report.columns[0]?.pValue).toBeUndefined();
  });

  it("takes per-column method, threshold and type overrides", () => {
    const current = table(
      "cur.csv",
      numeric("x", normalSample(300, 3)),
      numeric("y", normalSample(300, 4)),
      categorical("c", cycle(300, ["a", "b", "c"])),
    );
    const report = compareDatasets(reference, current, {
      perColumn: { x: { method: "psi", threshold: 0.3 }, y: { type: "categorical" } },
    });
    expect(report.columns[0]?.test).toBe("psi");
    expect(report.columns[0]?.threshold).toBe(0.3);
    expect(report.columns[1]?.type).toBe("categorical");
    expect(() => compareDatasets(reference, current, { perColumn: { c: { method: "ks" } } })).toThrow(
      "column 'c' is categorical; the ks test applies to numerical columns only.",
    );
  });

  it("rejects bad options with messages naming the problem", () => {
    const current = table("cur.csv", numeric("x", [1, 2]));
    expect(() => compareDatasets(reference, current, { method: "t-test" })).toThrow("known tests: chisquare");
    expect(() => compareDatasets(reference, current, { threshold: -1 })).toThrow(
      "the threshold must be a positive number",
    );
    expect(() => compareDatasets(reference, current, { columns: ["nope"] })).toThrow(
      "column 'nope' is not in the reference ref.csv nor the current cur.csv; columns in both: x.",
    );
    expect(() => compareDatasets(reference, table("other.csv", numeric("z", [1])))).toThrow(
      "no column in common",
    );
  });

  it("decides by Benjamini–Hochberg when asked, and reports both decisions", () => {
    // 4 columns: p-values just under 0.05 in two columns do not survive BH across four
    const n = 200;
    const ref = table("ref", ...[0, 1, 2, 3].map((k) => numeric(`v${k}`, normalSample(n, 10 + k))));
    const cur = table(
      "cur",
      ...[0, 1, 2, 3].map((k) => numeric(`v${k}`, normalSample(n, 20 + k, k < 2 ? 0.23 : 0))),
    );
    const share = compareDatasets(ref, cur);
    const fdr = compareDatasets(ref, cur, { decideBy: "fdr" });
    const pValues = share.columns.map((c) => c.pValue as number);
    // independent check of the BH verdict for each column
    const m = pValues.length;
    const order = [...pValues].sort((a, b) => a - b);
    let k = 0;
    order.forEach((p, i) => {
      if (p <= ((i + 1) / m) * 0.05) k = i + 1;
    });
    const cutoff = k === 0 ? -1 : (order[k - 1] as number);
    expect(share.columns.map((c) => c.driftAfterFdr)).toEqual(pValues.map((p) => p <= cutoff));
    expect(share.decidedBy).toBe("share");
    expect(fdr.decidedBy).toBe("fdr");
    expect(fdr.datasetDrift).toBe(fdr.fdr.datasetDrift);
    expect(share.datasetDrift).toBe(share.share.datasetDrift);
    expect(share.fdr.drifted).toBeLessThanOrEqual(share.share.drifted);
  });

  it("marks model output columns and reports prediction drift on them", () => {
    const ref = table("ref", numeric("x", normalSample(300, 1)), numeric("score", normalSample(300, 2)));
    const cur = table("cur", numeric("x", normalSample(300, 3)), numeric("score", normalSample(300, 4, 2)));
    const report = compareDatasets(ref, cur, { outputs: ["score"] });
    expect(report.columns[1]?.role).toBe("output");
    expect(report.predictionDrift).toEqual({ columns: ["score"], drift: true });
  });

  it("compares a prepared numerical reference column as categories when the current column holds text", () => {
    const ref = table("ref", numeric("code", [1, 2, 2, 3, Number.NaN]));
    const cur = table("cur", categorical("code", ["1", "2", "x", null, "2"]));
    const fromPrepared = compareDatasets(prepareTable(ref), cur);
    expect(fromPrepared).toEqual(compareDatasets(ref, cur));
    expect(fromPrepared.columns[0]?.type).toBe("categorical");
    expect(fromPrepared.columns[0]?.quality.unseenCategories).toEqual(["x"]);
    expect(fromPrepared.quality.typeChanges).toEqual([
      { column: "code", reference: "numeric", current: "categorical" },
    ]);
  });

  it("gives the same report from a prepared reference as from the table", () => {
    const current = table(
      "cur.csv",
      numeric("x", normalSample(300, 3, 0.3)),
      numeric("y", normalSample(300, 4)),
      categorical("c", cycle(300, ["a", "b", "c"])),
    );
    expect(compareDatasets(prepareTable(reference), current)).toEqual(compareDatasets(reference, current));
  });
});

describe("data quality against the reference", () => {
  it("flags a missing share that rose by more than 10%, unseen categories, out-of-range values and constants", () => {
    const ref = table(
      "ref",
      numeric("x", [1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN]),
      categorical("c", ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]),
      numeric("k", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    const cur = table(
      "cur",
      numeric("x", [0, 2, 3, 4, 5, 6, 7, 12, Number.NaN, Number.NaN]),
      categorical("c", ["a", "b", "z", "b", "a", "y", "a", "b", "a", null]),
      numeric("k", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
    );
    const report = compareDatasets(ref, cur);
    const [x, c, k] = report.columns;
    expect(x?.quality.referenceMissingShare).toBeCloseTo(0.1, 15);
    expect(x?.quality.currentMissingShare).toBeCloseTo(0.2, 15);
    expect(x?.quality.missingShareRose).toBe(true);
    expect(x?.quality.outOfRangeCount).toBe(2);
    expect(x?.quality.referenceRange).toEqual([1, 9]);
    expect(c?.quality.unseenCategories).toEqual(["z", "y"]);
    expect(c?.quality.unseenShare).toBeCloseTo(2 / 9, 15);
    expect(c?.quality.missingShareRose).toBe(true);
    expect(k?.quality.constantInCurrent).toBe(true);
    expect(k?.quality.constantInReference).toBe(false);
    expect(report.quality.failures).toContain("column 'x': missing share rose from 10.0% to 20.0%");
    expect(report.quality.failures).toContain("column 'c': 2 categories never seen in the reference (z, y)");
    expect(report.quality.failures).toContain("column 'x': 2 values (25.0%) outside the reference range");
    expect(report.quality.failures).toContain("column 'k' became constant");
  });

  it("does not flag a missing share that rose by less than 10% of the reference share", () => {
    const ref = table(
      "ref",
      numeric("x", [
        ...Array(90)
          .fill(1)
          .map((_, i) => i),
        ...Array(10).fill(Number.NaN),
      ]),
    );
    const cur = table(
      "cur",
      numeric("x", [
        ...Array(89)
          .fill(1)
          .map((_, i) => i),
        ...Array(11).fill(Number.NaN),
      ]),
    );
    // 10% → 11% is exactly +10% of the reference share: allowed
    expect(compareDatasets(ref, cur).columns[0]?.quality.missingShareRose).toBe(false);
  });

  it("flags a row count change over 10%, missing and new columns, and type changes", () => {
    const ref = table(
      "ref",
      numeric(
        "a",
        Array.from({ length: 100 }, (_, i) => i),
      ),
      numeric("b", Array(100).fill(1)),
      numeric("gone", Array(100).fill(0)),
    );
    const cur = table(
      "cur",
      numeric(
        "a",
        Array.from({ length: 80 }, (_, i) => i),
      ),
      categorical("b", cycle(80, ["x", "y"])),
      numeric("new", Array(80).fill(0)),
    );
    const report = compareDatasets(ref, cur);
    expect(report.quality.rowCountChanged).toBe(true);
    expect(report.quality.missingColumns).toEqual(["gone"]);
    expect(report.quality.newColumns).toEqual(["new"]);
    expect(report.quality.typeChanges).toEqual([
      { column: "b", reference: "numeric", current: "categorical" },
    ]);
    expect(report.columns.map((c) => c.column)).toEqual(["a", "b"]);
    expect(report.columns[1]?.type).toBe("categorical");
    expect(report.quality.failures[0]).toBe("row count changed from 100 to 80 (more than 10%)");
  });

  it("reports a column with no current values as not tested, never as no drift", () => {
    const ref = table("ref", numeric("x", [1, 2, 3]), numeric("y", [1, 2, 3]));
    const cur = table("cur", numeric("x", [Number.NaN, Number.NaN]), numeric("y", [1, 2]));
    const report = compareDatasets(ref, cur);
    expect(report.columns[0]?.status).toBe("empty_current");
    expect(report.columns[0]?.score).toBeNaN();
    expect(report.share.tested).toBe(1);
    expect(report.quality.failures).toContain("column 'x' has no values in the current data");
  });

  it("tests a constant column with the z-test (p = 1 when both hold the same value) or Jensen–Shannon", () => {
    const small = compareDatasets(
      table("ref", numeric("k", Array(50).fill(7))),
      table("cur", numeric("k", Array(40).fill(7))),
    );
    expect(small.columns[0]).toMatchObject({ test: "z", score: 1, drift: false, distinctValues: 1 });
    const moved = compareDatasets(
      table("ref", numeric("k", Array(50).fill(7))),
      table("cur", numeric("k", Array(40).fill(8))),
    );
    expect(moved.columns[0]?.drift).toBe(true);
    const large = compareDatasets(
      table("ref", numeric("k", Array(1500).fill(7))),
      table("cur", numeric("k", Array(40).fill(7))),
    );
    expect(large.columns[0]).toMatchObject({ test: "jensenshannon", score: 0, drift: false });
  });

  it("compares boolean columns as categories with the z-test", () => {
    const ref = table(
      "ref",
      boolean(
        "flag",
        Array.from({ length: 100 }, (_, i) => i % 2 === 0),
      ),
    );
    const cur = table(
      "cur",
      boolean(
        "flag",
        Array.from({ length: 100 }, (_, i) => i % 10 === 0),
      ),
    );
    const column = compareDatasets(ref, cur).columns[0]!;
    expect(column.type).toBe("categorical");
    expect(column.test).toBe("z");
    expect(column.drift).toBe(true);
    expect(column.effectSizeName).toBe("Cohen's h");
  });
});

describe("a real temporal shift: Seattle weather 2012–2015 (vega-datasets)", () => {
  const month = (t: Table, row: number) => {
    const date = t.columns.find((c) => c.name === "date");
    if (date?.kind !== "categorical") throw new Error("date column");
    return Number(date.categories[date.codes[row] as number]?.slice(5, 7));
  };
  const columns = ["precipitation", "temp_max", "temp_min", "wind", "weather"];

  it("reports winter against the following summer as drifted on the temperature columns", async () => {
    const weather = await readTable(SEATTLE);
    const rows = (months: number[], years: string[]) => {
      const date = weather.columns.find((c) => c.name === "date");
      if (date?.kind !== "categorical") throw new Error("date column");
      const out: number[] = [];
      for (let i = 0; i < weather.rowCount; i++) {
        const text = date.categories[date.codes[i] as number] as string;
        if (months.includes(month(weather, i)) && years.includes(text.slice(0, 4))) out.push(i);
      }
      return out;
    };
    const winter = selectRows(weather, rows([1, 2], ["2013"]));
    const summer = selectRows(weather, rows([7, 8], ["2013"]));
    const report = compareDatasets(winter, summer, { columns });
    const byName = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byName.temp_max?.test).toBe("ks");
    expect(byName.temp_max?.drift).toBe(true);
    expect(byName.temp_min?.drift).toBe(true);
    expect(byName.temp_max?.effectSize).toBeGreaterThan(0.8);
    expect(report.datasetDrift).toBe(true);
  });

  it("reports a random split of one period as not drifted (seeded)", async () => {
    const weather = await readTable(SEATTLE);
    const summerRows: number[] = [];
    for (let i = 0; i < weather.rowCount; i++) if ([6, 7, 8].includes(month(weather, i))) summerRows.push(i);
    const random = seededRandom(2024);
    const a: number[] = [];
    const b: number[] = [];
    for (const row of summerRows) (random() < 0.5 ? a : b).push(row);
    const report = compareDatasets(selectRows(weather, a), selectRows(weather, b), { columns });
    const byName = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byName.temp_max?.drift).toBe(false);
    expect(byName.temp_min?.drift).toBe(false);
    expect(report.datasetDrift).toBe(false);
  });

  it("uses Wasserstein and Jensen–Shannon for 2012–2014 against 2015 (reference over 1000 rows)", async () => {
    const weather = await readTable(SEATTLE);
    const date = weather.columns.find((c) => c.name === "date");
    if (date?.kind !== "categorical") throw new Error("date column");
    const early: number[] = [];
    const late: number[] = [];
    for (let i = 0; i < weather.rowCount; i++) {
      const year = Number((date.categories[date.codes[i] as number] as string).slice(0, 4));
      (year <= 2014 ? early : late).push(i);
    }
    const report = compareDatasets(selectRows(weather, early), selectRows(weather, late), { columns });
    expect(report.reference.rows).toBe(1096);
    const byName = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byName.temp_max?.test).toBe("wasserstein");
    expect(byName.weather?.test).toBe("jensenshannon");
  });
});
