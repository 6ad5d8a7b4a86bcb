/**
 * The drift tests, keyed by the names Evidently and `kiln drift --method` use. Each adapter turns a
 * cleaned column pair into a score, a verdict direction, an effect size and the smallest shift it
 * could detect. An unknown name fails with the sorted list of known names.
 */
import { UsageError } from "../errors.js";
import { categoricalShares, numericBinnedShares } from "./binned-shares.js";
import { chiSquareDetectableW, chiSquareTest } from "./chi-square-test.js";
import { type ColumnPair, categoryCounts } from "./column-pair.js";
import type { DriftTest, DriftTestName, DriftTestOutcome } from "./drift-test.js";
import { jensenShannonDistance } from "./jensen-shannon-distance.js";
import { ksCriticalDistance, ksTwoSample } from "./kolmogorov-smirnov-test.js";
import { kullbackLeiblerDivergence } from "./kullback-leibler-divergence.js";
import { populationStabilityIndex } from "./population-stability-index.js";
import { twoProportionZTest, zTestDetectableDifference } from "./two-proportion-z-test.js";
import { normedWassersteinDistance } from "./wasserstein-distance.js";

function shares(pair: ColumnPair, fillZeros: boolean) {
  if (pair.type === "numerical") return numericBinnedShares(pair.reference, pair.current, fillZeros);
  return categoricalShares(pair.reference, pair.current, fillZeros);
}

function distanceOutcome(score: number, name: string, threshold: number): DriftTestOutcome {
  return {
    score,
    statistic: score,
    effectSize: score,
    effectSizeName: name,
    // A distance test flags any shift whose distance reaches the threshold, whatever the sample size.
    minDetectableShift: { value: threshold, measure: name },
  };
}

function numerical(pair: ColumnPair, test: string) {
  if (pair.type !== "numerical") throw new UsageError(`the ${test} test applies to numerical columns only.`);
  return pair;
}

const ks: DriftTest = {
  name: "ks",
  label: "K-S p_value",
  kind: "p_value",
  defaultThreshold: 0.05,
  types: ["numerical"],
  isDrift: (p, t) => p <= t,
  run(pair, threshold) {
    const { reference, current } = numerical(pair, "ks");
    const r = ksTwoSample(reference.values, current.values);
    return {
      score: r.pValue,
      pValue: r.pValue,
      statistic: r.statistic,
      effectSize: r.statistic,
      effectSizeName: "KS D",
      minDetectableShift: {
        value: ksCriticalDistance(reference.values.length, current.values.length, threshold),
        measure: "KS distance D",
      },
    };
  },
};

const wasserstein: DriftTest = {
  name: "wasserstein",
  label: "Wasserstein distance (normed)",
  kind: "distance",
  defaultThreshold: 0.1,
  types: ["numerical"],
  isDrift: (d, t) => d >= t,
  run(pair, threshold) {
    const { reference, current } = numerical(pair, "wasserstein");
    const score = normedWassersteinDistance(reference.values, current.values, reference.std);
    return distanceOutcome(score, "Wasserstein / reference std", threshold);
  },
};

const psi: DriftTest = {
  name: "psi",
  label: "PSI",
  kind: "distance",
  defaultThreshold: 0.1,
  types: ["numerical", "categorical"],
  isDrift: (d, t) => d >= t,
  run(pair, threshold) {
    const s = shares(pair, true);
    return distanceOutcome(populationStabilityIndex(s.reference, s.current), "PSI", threshold);
  },
};

const kl: DriftTest = {
  name: "kl",
  label: "Kullback-Leibler divergence",
  kind: "distance",
  defaultThreshold: 0.1,
  types: ["numerical", "categorical"],
  isDrift: (d, t) => d >= t,
  run(pair, threshold) {
    const s = shares(pair, true);
    return distanceOutcome(
      kullbackLeiblerDivergence(s.reference, s.current),
      "KL divergence (nats)",
      threshold,
    );
  },
};

const jensenshannon: DriftTest = {
  name: "jensenshannon",
  label: "Jensen-Shannon distance",
  kind: "distance",
  defaultThreshold: 0.1,
  types: ["numerical", "categorical"],
  isDrift: (d, t) => d >= t,
  run(pair, threshold) {
    const s = shares(pair, false);
    return distanceOutcome(
      jensenShannonDistance(s.reference, s.current),
      "Jensen-Shannon distance",
      threshold,
    );
  },
};

const chisquare: DriftTest = {
  name: "chisquare",
  label: "chi-square p_value",
  kind: "p_value",
  defaultThreshold: 0.05,
  types: ["numerical", "categorical"],
  isDrift: (p, t) => p < t,
  run(pair, threshold) {
    const counts = categoryCounts(pair);
    const r = chiSquareTest(counts.reference, counts.current);
    let nCur = 0;
    for (const c of counts.current) nCur += c;
    return {
      score: r.pValue,
      pValue: r.pValue,
      statistic: r.statistic,
      effectSize: r.cramersV,
      effectSizeName: "Cramér's V",
      minDetectableShift: {
        value: chiSquareDetectableW(nCur, counts.keys.length, threshold),
        measure: "Cohen's w",
      },
    };
  },
};

const z: DriftTest = {
  name: "z",
  label: "Z-test p_value",
  kind: "p_value",
  defaultThreshold: 0.05,
  types: ["numerical", "categorical"],
  isDrift: (p, t) => p < t,
  run(pair, threshold) {
    // Evidently: the first value in sorted order is 0, every other value 1.
    const counts = categoryCounts(pair);
    let nRef = 0;
    let nCur = 0;
    for (const c of counts.reference) nRef += c;
    for (const c of counts.current) nCur += c;
    const refOthers = nRef - (counts.reference[0] ?? 0);
    const curOthers = nCur - (counts.current[0] ?? 0);
    const r = twoProportionZTest(refOthers, nRef, curOthers, nCur);
    return {
      score: r.pValue,
      pValue: r.pValue,
      statistic: r.z,
      effectSize: r.cohensH,
      effectSizeName: "Cohen's h",
      minDetectableShift: {
        value: zTestDetectableDifference(r.referenceShare, nRef, nCur, threshold),
        measure: "difference in proportions",
      },
    };
  },
};

/** Every drift test by name. */
export const driftTests: Readonly<Record<DriftTestName, DriftTest>> = {
  chisquare,
  jensenshannon,
  kl,
  ks,
  psi,
  wasserstein,
  z,
};

export function isDriftTestName(name: string): name is DriftTestName {
  return Object.hasOwn(driftTests, name);
}

/** The test called `name`; a UsageError listing the known names (sorted) otherwise. */
export function getDriftTest(name: string): DriftTest {
  if (!isDriftTestName(name)) {
    throw new UsageError(
      `unknown drift test '${name}'; known tests: ${Object.keys(driftTests).sort().join(", ")}.`,
    );
  }
  return driftTests[name];
}
