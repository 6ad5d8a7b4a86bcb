import { describe, expect, it } from "vitest";
import {
  ksCriticalDistance,
  ksStatistic,
  ksTwoSample,
  ksTwoSamplePValue,
} from "../../runtime/monitor/kolmogorov-smirnov-test.js";
import { sortedReference, sortSample } from "../../runtime/monitor/sorted-sample.js";
import { normalSample } from "./seeded-random.js";

const sorted = (values: number[]) => sortSample(values).values;

/**
 * The exact permutation p-value of the two-sided two-sample KS statistic by brute force: every way of
 * choosing which n1 of the n1 + n2 ranks belong to the first sample is equally likely under H0 (no
 * ties); count the arrangements whose D is at least the observed one.
 */
function bruteForcePValue(n1: number, n2: number, observedD: number): number {
  const total = n1 + n2;
  let atLeast = 0;
  let arrangements = 0;
  const visit = (start: number, chosen: number[]) => {
    if (chosen.length === n1) {
      arrangements++;
      const first = new Set(chosen);
      let i = 0;
      let j = 0;
      let d = 0;
      for (let r = 0; r < total; r++) {
        if (first.has(r)) i++;
        else j++;
        d = Math.max(d, Math.abs(i * n2 - j * n1));
      }
      // compare on the integer lattice: D·n1·n2
      if (d >= Math.round(observedD * n1 * n2)) atLeast++;
      return;
    }
    for (let r = start; r < total; r++) visit(r + 1, [...chosen, r]);
  };
  visit(0, []);
  return atLeast / arrangements;
}

const linspace = (a: number, b: number, n: number) =>
  Array.from({ length: n }, (_, i) => a + (i * (b - a)) / (n - 1));

describe("two-sample Kolmogorov–Smirnov, exact p-values", () => {
  it.each([
    [3, 4, [0.1, 0.5, 0.9], [0.2, 0.3, 0.4, 0.6]],
    [4, 4, [1, 2, 3, 4], [2.5, 5, 6, 7]],
    [2, 5, [10, 11], [1, 2, 3, 4, 5]],
    [5, 6, [0.3, 1.2, 2.2, 3.1, 4.4], [0.5, 0.9, 1.1, 1.8, 2.0, 2.4]],
    [6, 3, [1, 2, 3, 4, 5, 6], [3.5, 4.5, 7]],
  ])("for n1 = %d, n2 = %d equal the brute-force enumeration of rank arrangements", (n1, n2, a, b) => {
    const result = ksTwoSample(sorted(a), sorted(b));
    expect(result.method).toBe("exact");
    expect(result.pValue).toBeCloseTo(bruteForcePValue(n1, n2, result.statistic), 12);
  });

  // Expected numbers from scipy's own test suite: scipy/stats/tests/test_stats.py, class
  // TestKSTwoSamples (asserted there to 6 decimals with assert_array_almost_equal).
  it.each([
    ["testSmall", [0], [1], 1, 1],
    ["testTwoVsThree (data1 + 0.01)", [1.01, 2.01], [1, 2, 3], 1 / 3, 1],
    ["testTwoVsThree (data1 - 0.01)", [0.99, 1.99], [1, 2, 3], 2 / 3, 0.6],
    ["testTwoVsFour (data1 + 0.01)", [1.01, 2.01], [1, 2, 3, 4], 2 / 4, 14 / 15],
    ["testTwoVsFour (data1 - 0.01)", [0.99, 1.99], [1, 2, 3, 4], 3 / 4, 6 / 15],
    ["testEqualSizes", [1, 2, 3], [2, 3, 4], 1 / 3, 1],
    [
      "test100_100",
      linspace(1, 100, 100),
      linspace(1, 100, 100).map((v) => v + 2.1),
      3 / 100,
      0.9999999999962055,
    ],
    [
      "test100_110 (+0.1)",
      linspace(1, 100, 100),
      linspace(1, 100, 110).map((v) => v + 20.1),
      232 / 1100,
      0.015739183865607353,
    ],
    [
      "test100_110 (-0.1)",
      linspace(1, 100, 100),
      linspace(1, 100, 110).map((v) => v + 19.9),
      229 / 1100,
      0.017803803861026313,
    ],
  ])("match scipy's %s", (_name, a, b, statistic, pValue) => {
    const result = ksTwoSample(sorted(a as number[]), sorted(b as number[]));
    expect(result.statistic).toBeCloseTo(statistic as number, 12);
    expect(result.pValue).toBeCloseTo(pValue as number, 6);
  });

  it("matches scipy's repeated-values cases, where ties move both ECDFs together", () => {
    const rep = (pairs: [number, number][]) => pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
    const x2233 = rep([
      [2, 3],
      [3, 4],
      [5, 5],
      [6, 4],
    ]);
    const x3344 = x2233.map((v) => v + 1);
    const x2356 = rep([
      [2, 3],
      [3, 4],
      [5, 10],
      [6, 4],
    ]);
    const x3467 = rep([
      [3, 10],
      [4, 2],
      [6, 10],
      [7, 4],
    ]);
    const a = ksTwoSample(sorted(x2233), sorted(x3344));
    expect(a.statistic).toBeCloseTo(5 / 16, 12);
    expect(a.pValue).toBeCloseTo(0.4262934613454952, 6);
    const b = ksTwoSample(sorted(x2356), sorted(x3467));
    expect(b.statistic).toBeCloseTo(190 / 21 / 26, 12);
    expect(b.pValue).toBeCloseTo(0.0919245790168125, 6);
  });

  it("matches the p-values printed in scipy's ks_2samp documentation to 13 digits", () => {
    // scipy.stats.ks_2samp docstring examples (sizes 100 vs 110 and 105 vs 95, exact method)
    expect(ksTwoSamplePValue(100, 110, 0.5454545454545454).pValue / 7.37417839555191e-15).toBeCloseTo(1, 12);
    expect(ksTwoSamplePValue(105, 95, 0.10927318295739348).pValue).toBeCloseTo(0.5438289009927495, 13);
    expect(ksTwoSamplePValue(105, 95, 0.11779448621553884).pValue).toBeCloseTo(0.4494256912629795, 13);
  });

  it("is exact up to 10,000 values per sample (scipy's testLarge, 10,000 vs 110)", () => {
    const n1 = 10_000;
    const n2 = 110;
    const delta = 1 / n1 / n2 / 4;
    const x = sortSample(linspace(1, 200, n1).map((v) => v - delta)).values;
    const y = sortSample(linspace(2, 100, n2)).values;
    const result = ksTwoSample(x, y);
    expect(result.method).toBe("exact");
    expect(result.statistic).toBeCloseTo(55275 / (n1 * 11), 12);
    expect(result.pValue).toBeCloseTo(4.218847493575595e-15, 6);
  });
});

describe("two-sample Kolmogorov–Smirnov, asymptotic p-values", () => {
  it("switches to kstwo.sf(D, round(n1·n2/(n1+n2))) beyond 10,000 values (scipy's testLargeBoth)", () => {
    const n1 = 10_000;
    const n2 = 11_000;
    const delta = 1 / n1 / n2 / 4;
    const x = sortSample(linspace(1, 200, n1).map((v) => v - delta)).values;
    const y = sortSample(linspace(2, 200, n2)).values;
    const result = ksTwoSample(x, y);
    expect(result.method).toBe("asymptotic");
    expect(result.statistic).toBeCloseTo(563 / (n1 * 11), 12);
    expect(result.pValue).toBeCloseTo(0.9990660108966576, 12);
    // and the exact method on the same statistic gives scipy's exact value
    expect(ksTwoSamplePValue(n1, n2, 563 / (n1 * 11), "exact").pValue).toBeCloseTo(0.9990456491488628, 12);
  });

  it("gives p = 1 for scipy's testMediumBoth and testMiddlingBoth statistics", () => {
    expect(ksTwoSamplePValue(1000, 1100, 6600 / 1000 / 1100, "asymptotic").pValue).toBeCloseTo(1, 6);
    expect(ksTwoSamplePValue(500, 600, 2000 / 500 / 600, "asymptotic").pValue).toBeCloseTo(1, 6);
  });

  it("flags a half-standard-deviation shift in 20,000 vs 20,000 normals and not a null sample", () => {
    const ref = sortedReference(normalSample(20_000, 1));
    const same = sortSample(normalSample(20_000, 2)).values;
    const shifted = sortSample(normalSample(20_000, 3, 0.5)).values;
    expect(ksTwoSample(ref.values, shifted).pValue).toBeLessThan(1e-100);
    expect(ksTwoSample(ref.values, same).pValue).toBeGreaterThan(0.01);
  });
});

describe("KS statistic and samples", () => {
  it("drops NaN and infinite values before testing and counts them", () => {
    const sample = sortSample([3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2, Number.NEGATIVE_INFINITY]);
    expect(Array.from(sample.values)).toEqual([1, 2, 3]);
    expect(sample.missing).toBe(1);
    expect(sample.infinite).toBe(2);
  });

  it("is 0 with p = 1 for two identical constant samples", () => {
    const result = ksTwoSample(sorted([4, 4, 4]), sorted([4, 4, 4, 4]));
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it("is 1 for two constant samples with different values", () => {
    expect(ksStatistic(sorted([1, 1, 1]), sorted([2, 2])).statistic).toBe(1);
  });

  it("reports where the ECDFs differ most, with scipy's sign convention", () => {
    // scipy test_location_sign: x = 0..9 with x[6] = 5.9 vs y = 0..9: D = 0.1 at 5.9, sign +1
    const x = [0, 1, 2, 3, 4, 5, 5.9, 7, 8, 9];
    const y = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const s = ksStatistic(sorted(x), sorted(y));
    expect(s.statistic).toBeCloseTo(0.1, 15);
    expect(s.location).toBe(5.9);
    expect(s.sign).toBe(1);
    const t = ksStatistic(sorted(y.map((v, i) => (i === 6 ? 6.1 : v))), sorted(y));
    expect(t.location).toBe(6);
    expect(t.sign).toBe(-1);
  });

  it("gives the same answer from a reference sorted once as from raw values", () => {
    const raw = normalSample(500, 11);
    const ref = sortedReference(raw);
    const cur = sortSample(normalSample(400, 12, 0.2)).values;
    const fromRaw = ksTwoSample(sortSample(Array.from(raw)).values, cur);
    expect(ksTwoSample(ref.values, cur)).toEqual(fromRaw);
  });

  it("has the large-sample critical distance c(α)·sqrt((n+m)/(nm)) with c(0.05) = 1.358", () => {
    expect(ksCriticalDistance(100, 100, 0.05)).toBeCloseTo(1.3581 * Math.sqrt(2 / 100), 4);
    expect(ksCriticalDistance(1000, 1000, 0.01)).toBeCloseTo(1.6276 * Math.sqrt(2 / 1000), 4);
  });
});
