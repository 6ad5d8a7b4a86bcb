import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../runtime/monitor/benjamini-hochberg.js";
import {
  categoricalShares,
  fillZeroShares,
  numericBinnedShares,
} from "../../runtime/monitor/binned-shares.js";
import {
  chiSquareDetectableW,
  chiSquareTest,
  cramersVTwoSamples,
} from "../../runtime/monitor/chi-square-test.js";
import { histogramCounts, sturgesEdges } from "../../runtime/monitor/histogram-bins.js";
import { jensenShannonDistance } from "../../runtime/monitor/jensen-shannon-distance.js";
import { kullbackLeiblerDivergence } from "../../runtime/monitor/kullback-leibler-divergence.js";
import { populationStabilityIndex } from "../../runtime/monitor/population-stability-index.js";
import { sortedReference, sortSample } from "../../runtime/monitor/sorted-sample.js";
import {
  twoProportionZTest,
  zTestDetectableDifference,
} from "../../runtime/monitor/two-proportion-z-test.js";
import {
  normedWassersteinDistance,
  wassersteinDistance,
} from "../../runtime/monitor/wasserstein-distance.js";
import { normalSample } from "./seeded-random.js";

const f = (values: number[]) => Float64Array.from(values);
const sorted = (values: ArrayLike<number>) => sortSample(values).values;

describe("Wasserstein distance", () => {
  it("matches scipy's documented example: wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5", () => {
    expect(wassersteinDistance(sorted([0, 1, 3]), sorted([5, 6, 8]))).toBeCloseTo(5, 14);
  });

  it("is |c| between a sample and the sample shifted by c", () => {
    const x = normalSample(1000, 5);
    expect(wassersteinDistance(sorted(x), sorted(x.map((v) => v + 0.75)))).toBeCloseTo(0.75, 10);
  });

  it("equals the mean absolute difference of order statistics for equal sizes", () => {
    const a = sorted(normalSample(300, 6));
    const b = sorted(normalSample(300, 7, 0.3, 2));
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
    expect(wassersteinDistance(a, b)).toBeCloseTo(sum / a.length, 12);
  });

  it("handles unequal sizes and ties: W([1, 1, 2], [1, 3]) = 2/3 by the ECDF integral", () => {
    // F_u: 2/3 on [1,2), 1 after; F_v: 1/2 on [1,3), 1 after → ∫|F_u − F_v| = (1)(1/6) + (1)(1/2) = 2/3
    expect(wassersteinDistance(sorted([1, 1, 2]), sorted([1, 3]))).toBeCloseTo(2 / 3, 14);
  });

  it("is normed by the population standard deviation of the reference, at least 0.001", () => {
    const ref = sortedReference([1, 2, 3, 4]); // population std sqrt(1.25)
    expect(ref.std).toBeCloseTo(Math.sqrt(1.25), 15);
    const cur = sorted([2, 3, 4, 5]);
    expect(normedWassersteinDistance(ref.values, cur, ref.std)).toBeCloseTo(1 / Math.sqrt(1.25), 14);
    const constant = sortedReference([2, 2, 2]);
    expect(normedWassersteinDistance(constant.values, sorted([2.01]), constant.std)).toBeCloseTo(10, 10);
  });
});

describe("Jensen–Shannon, PSI and KL", () => {
  it("Jensen–Shannon matches scipy's documented jensenshannon([1, 0], [0.5, 0.5]) = 0.4645", () => {
    expect(jensenShannonDistance(f([1, 0]), f([0.5, 0.5]))).toBeCloseTo(0.46450140402245893, 14);
  });

  it("Jensen–Shannon is sqrt(ln 2) for disjoint supports and 0 for equal shares", () => {
    expect(jensenShannonDistance(f([1, 0, 0]), f([0, 1, 0]))).toBeCloseTo(Math.sqrt(Math.LN2), 14);
    expect(jensenShannonDistance(f([0.2, 0.8]), f([2, 8]))).toBeCloseTo(0, 14);
  });

  it("PSI of [0.5, 0.5] vs [0.25, 0.75] is ln(3)/4 by hand", () => {
    expect(populationStabilityIndex(f([0.5, 0.5]), f([0.25, 0.75]))).toBeCloseTo(Math.log(3) / 4, 14);
  });

  it("KL normalises like scipy.stats.entropy: D([1, 1] ‖ [1, 3]) = ln(4/3)/2", () => {
    expect(kullbackLeiblerDivergence(f([1, 1]), f([1, 3]))).toBeCloseTo(Math.log(4 / 3) / 2, 14);
    expect(kullbackLeiblerDivergence(f([0.5, 0.5]), f([1, 0]))).toBe(Number.POSITIVE_INFINITY);
  });

  it("replaces zero shares as Evidently does: 0.0001, or min/10^6 when the smallest share is tiny", () => {
    expect(Array.from(fillZeroShares(f([0.5, 0, 0.5])))).toEqual([0.5, 0.0001, 0.5]);
    expect(Array.from(fillZeroShares(f([0.99995, 0, 0.00005])))).toEqual([0.99995, 0.00005 / 1e6, 0.00005]);
  });
});

describe("Sturges binning (numpy's histogram_bin_edges(bins='sturges'))", () => {
  it("cuts 0..9 into five bins of 1.8", () => {
    // ptp 9, width 9/(log2(10)+1) = 2.08 → ceil(9/2.08) = 5 bins: np.linspace(0, 9, 6)
    const edges = sturgesEdges(0, 9, 10);
    expect(Array.from(edges)).toEqual([0, 1.8, 3.6, 5.4, 7.2, 9]);
    expect(Array.from(histogramCounts(f([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), edges))).toEqual([2, 2, 2, 2, 2]);
  });

  it("puts the maximum in the last bin and a value on an inner edge in the upper bin", () => {
    const edges = f([0, 1, 2]);
    expect(Array.from(histogramCounts(f([0, 1, 2, 2]), edges))).toEqual([1, 3]);
  });

  it("bins numerical columns with more than 20 distinct reference values, else compares values", () => {
    const many = sortedReference(Array.from({ length: 50 }, (_, i) => i));
    const binned = numericBinnedShares(many, sortSample([0, 49]), false);
    expect(binned.edges).toBeDefined();
    const few = sortedReference([1, 1, 2, 3]);
    const byValue = numericBinnedShares(few, sortSample([3, 4]), true);
    expect(byValue.labels).toEqual(["1", "2", "3", "4"]);
    expect(Array.from(byValue.reference)).toEqual([0.5, 0.25, 0.25, 0.0001]);
    expect(Array.from(byValue.current)).toEqual([0.0001, 0.0001, 0.5, 0.5]);
  });

  it("compares categories by share of each sample", () => {
    const s = categoricalShares(
      new Map([
        ["a", 3],
        ["b", 1],
      ]),
      new Map([
        ["b", 2],
        ["c", 2],
      ]),
      false,
    );
    expect(s.labels).toEqual(["a", "b", "c"]);
    expect(Array.from(s.reference)).toEqual([0.75, 0.25, 0]);
    expect(Array.from(s.current)).toEqual([0, 0.5, 0.5]);
  });
});

describe("chi-square test", () => {
  it("matches scipy.stats.chisquare's documented examples", () => {
    // chisquare([16, 18, 16, 14, 12, 12]) → (2.0, 0.84914503608460956): uniform expectation
    const uniform = chiSquareTest(f([1, 1, 1, 1, 1, 1]), f([16, 18, 16, 14, 12, 12]));
    expect(uniform.statistic).toBeCloseTo(2, 12);
    expect(uniform.pValue).toBeCloseTo(0.84914503608460956, 13);
    expect(uniform.degreesOfFreedom).toBe(5);
    // chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8]) → (3.5, 0.62338762774958223)
    const weighted = chiSquareTest(f([16, 16, 16, 16, 16, 8]), f([16, 18, 16, 14, 12, 12]));
    expect(weighted.statistic).toBeCloseTo(3.5, 12);
    expect(weighted.pValue).toBeCloseTo(0.62338762774958223, 13);
  });

  it("scales the reference counts to the current size", () => {
    // reference 100/300 → expected 20, 60 for 80 current rows with 30, 50 observed: 100/20 + 100/60
    const r = chiSquareTest(f([100, 300]), f([30, 50]));
    expect(r.statistic).toBeCloseTo(5 + 100 / 60, 12);
  });

  it("gives p = 0 when the current data has a category the reference never had", () => {
    const r = chiSquareTest(f([10, 10, 0]), f([5, 5, 1]));
    expect(r.statistic).toBe(Number.POSITIVE_INFINITY);
    expect(r.pValue).toBe(0);
    expect(r.cramersV).toBeGreaterThan(0);
    expect(r.cramersV).toBeLessThan(1);
  });

  it("has Cramér's V of 0 for equal shares and 1 for disjoint categories", () => {
    expect(cramersVTwoSamples(f([10, 20]), f([1, 2]))).toBeCloseTo(0, 14);
    expect(cramersVTwoSamples(f([10, 0]), f([0, 7]))).toBeCloseTo(1, 14);
  });

  it("states the detectable Cohen's w as sqrt(critical / n)", () => {
    expect(chiSquareDetectableW(100, 2, 0.05)).toBeCloseTo(Math.sqrt(3.841458820694124 / 100), 8);
  });
});

describe("two-proportion z-test", () => {
  it("gives z = -2 and p = 0.0455 for 20/50 vs 30/50 (pooled share 0.5)", () => {
    const r = twoProportionZTest(20, 50, 30, 50);
    expect(r.z).toBeCloseTo(-2, 13);
    expect(r.pValue).toBeCloseTo(0.0455002638963584, 13);
    // Cohen's h = |2 asin √0.4 − 2 asin √0.6|
    expect(r.cohensH).toBeCloseTo(
      Math.abs(2 * Math.asin(Math.sqrt(0.4)) - 2 * Math.asin(Math.sqrt(0.6))),
      14,
    );
  });

  it("gives p = 1 when both samples hold one and the same value", () => {
    expect(twoProportionZTest(0, 10, 0, 20).pValue).toBe(1);
  });

  it("keeps tiny p-values instead of rounding them to 0", () => {
    const r = twoProportionZTest(100, 1000, 900, 1000);
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-100);
  });

  it("states the smallest detectable difference z_{α/2}·sqrt(p(1−p)(1/n1+1/n2))", () => {
    expect(zTestDetectableDifference(0.5, 100, 100, 0.05)).toBeCloseTo(
      1.959963984540054 * Math.sqrt(0.25 * 0.02),
      12,
    );
  });
});

describe("Benjamini–Hochberg", () => {
  it("adjusts p-values by the step-up rule (R's p.adjust 'BH')", () => {
    // sorted 0.005, 0.01, 0.03, 0.04 with m = 4: 0.02, 0.02, 0.04, 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q[0]).toBeCloseTo(0.02, 15);
    expect(q[1]).toBeCloseTo(0.04, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
    expect(q[3]).toBeCloseTo(0.02, 15);
  });

  it("leaves NaN out of the count and caps at 1", () => {
    const q = benjaminiHochberg([0.9, Number.NaN, 0.8]);
    expect(q[1]).toBeNaN();
    expect(q[0]).toBeCloseTo(0.9, 15);
    expect(q[2]).toBeCloseTo(0.9, 15);
  });
});
