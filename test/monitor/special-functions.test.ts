import { describe, expect, it } from "vitest";
import { chiSquareCritical, chiSquareSurvival } from "../../runtime/monitor/chi-square-distribution.js";
import { kolmogorovSurvival } from "../../runtime/monitor/kolmogorov-distribution.js";
import { logGamma } from "../../runtime/monitor/log-gamma.js";
import {
  erfc,
  normalCdf,
  normalSurvival,
  normalSurvivalInverse,
} from "../../runtime/monitor/normal-distribution.js";
import { regularizedGammaP, regularizedGammaQ } from "../../runtime/monitor/regularized-gamma.js";
import { smirnov } from "../../runtime/monitor/smirnov-distribution.js";
import { seededRandom } from "./seeded-random.js";

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("logGamma", () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [11, Math.log(3628800)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
  ])("ln Γ(%d) matches the factorial / √π closed form", (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 13);
  });
});

describe("regularizedGammaQ", () => {
  // For integer a, Q(a, x) = e^{-x} Σ_{j<a} x^j / j! (the Poisson tail), an independent closed form.
  const poissonTail = (a: number, x: number) => {
    let term = Math.exp(-x);
    let sum = term;
    for (let j = 1; j < a; j++) {
      term *= x / j;
      sum += term;
    }
    return sum;
  };
  it.each([
    [1, 0.5],
    [1, 30],
    [3, 0.1],
    [3, 2.5],
    [5, 5],
    [10, 3],
    [10, 25],
    [40, 60],
  ])("Q(%d, %d) equals the Poisson tail sum", (a, x) => {
    expect(relative(regularizedGammaQ(a, x), poissonTail(a, x))).toBeLessThan(1e-12);
    expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
  });

  it("keeps relative precision deep in the upper tail", () => {
    expect(relative(regularizedGammaQ(2, 200), poissonTail(2, 200))).toBeLessThan(1e-12);
  });

  it("returns NaN for arguments outside its domain", () => {
    expect(regularizedGammaQ(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
    expect(regularizedGammaQ(1, Number.NaN)).toBeNaN();
  });
});

describe("erfc and the normal distribution", () => {
  it.each([
    // published values (Abramowitz & Stegun table 7.1; DLMF)
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
  ])("erfc(%d) matches the published value", (x, expected) => {
    expect(relative(erfc(x), expected)).toBeLessThan(1e-13);
    expect(erfc(-x)).toBeCloseTo(2 - expected, 14);
  });

  it("gives the familiar normal tail probabilities", () => {
    expect(normalSurvival(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(2 * normalSurvival(2)).toBeCloseTo(0.0455002638963584, 15);
    expect(relative(normalSurvival(10), 7.619853024160527e-24)).toBeLessThan(1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("inverts the survival function", () => {
    expect(normalSurvivalInverse(0.025)).toBeCloseTo(1.959963984540054, 12);
    expect(normalSurvivalInverse(0.005)).toBeCloseTo(2.5758293035489004, 12);
  });
});

describe("chi-square distribution", () => {
  it("with two degrees of freedom equals exp(-x/2)", () => {
    for (const x of [0.1, 1, 5.991464547107979, 20, 100]) {
      expect(relative(chiSquareSurvival(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-13);
    }
  });

  it.each([
    // critical values at alpha = 0.05 from the standard chi-square table
    [1, 3.841],
    [2, 5.991],
    [3, 7.815],
    [5, 11.07],
    [10, 18.307],
    [30, 43.773],
  ])("with %d degrees of freedom has the tabulated 5%% critical value", (df, table) => {
    expect(chiSquareCritical(0.05, df)).toBeCloseTo(table, 2);
    expect(chiSquareSurvival(chiSquareCritical(0.05, df), df)).toBeCloseTo(0.05, 10);
  });
});

describe("Kolmogorov distribution (kstwo.sf)", () => {
  it.each([
    // two-sided one-sample critical values at alpha = 0.05 (Miller 1956, J. Am. Stat. Assoc. 51, table 1)
    [5, 0.56328],
    [10, 0.40925],
    [20, 0.29408],
    [30, 0.2417],
    [40, 0.21012],
  ])("for n = %d is 0.05 at the tabulated critical value %d", (n, critical) => {
    expect(kolmogorovSurvival(n, critical)).toBeCloseTo(0.05, 3);
  });

  it("follows the Ruben–Gambino closed forms at the ends of its range", () => {
    // P(D_n >= x) = 1 - n!/n^n (2nx - 1)^n for 1/(2n) <= x <= 1/n; = 2(1-x)^n for x >= 1 - 1/n
    const n = 6;
    const x = 0.15;
    let factorial = 1;
    for (let i = 2; i <= n; i++) factorial *= i;
    expect(kolmogorovSurvival(n, x)).toBeCloseTo(1 - (factorial / n ** n) * (2 * n * x - 1) ** n, 14);
    expect(kolmogorovSurvival(n, 0.9)).toBeCloseTo(2 * 0.1 ** n, 15);
    expect(kolmogorovSurvival(n, 0.05)).toBe(1);
    expect(kolmogorovSurvival(n, 1)).toBe(0);
  });

  it.each([
    [3, 0.4],
    [10, 0.3],
    [200, 0.05],
    [200, 0.11],
  ])("for n = %d at x = %d agrees with a seeded simulation of D_n", (n, x) => {
    const uniform = seededRandom(n * 7919);
    const trials = n > 100 ? 8_000 : 20_000;
    let hits = 0;
    const u = new Float64Array(n);
    for (let t = 0; t < trials; t++) {
      for (let i = 0; i < n; i++) u[i] = uniform();
      u.sort();
      let d = 0;
      for (let i = 0; i < n; i++) {
        const v = u[i] as number;
        d = Math.max(d, (i + 1) / n - v, v - i / n);
      }
      if (d >= x) hits++;
    }
    const p = kolmogorovSurvival(n, x);
    const se = Math.sqrt((p * (1 - p)) / trials);
    expect(Math.abs(hits / trials - p)).toBeLessThan(4 * se + 1e-9);
  });
});

describe("smirnov (one-sided)", () => {
  it("matches the Birnbaum–Tingey sum by hand for n = 5, x = 0.5 (0.056)", () => {
    // 0.5 * [(0.5)^5/0.5 + 5(0.3)^4 + 10(0.1)^3(0.9)] = 0.056
    expect(smirnov(5, 0.5)).toBeCloseTo(0.056, 14);
  });

  it("is 1 at x = 0, 0 at x = 1 and (1-x)^n above 1 - 1/n", () => {
    expect(smirnov(7, 0)).toBe(1);
    expect(smirnov(7, 1)).toBe(0);
    expect(smirnov(7, 0.9)).toBeCloseTo(0.1 ** 7, 15);
  });
});
