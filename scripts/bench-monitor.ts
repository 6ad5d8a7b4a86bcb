/**
 * Monitoring benchmark: KS, Wasserstein and PSI on 1,000,000 vs 1,000,000 floats, each timed with the
 * reference sorted inside the call and with a reference sorted once beforehand (as at registration),
 * then a whole drift report on 20 columns × 1,000,000 rows; wall time (median of runs) and peak RSS.
 * Usage: `npm run bench:monitor [-- --rows N --columns C --runs R]`.
 *
 * Baselines: (1) scipy on this machine kind, measured earlier (scipy is not installable here):
 * ks_2samp 0.35–0.4 s and wasserstein_distance 0.9 s on one 1M-vs-1M column; (2) measured in the
 * same run, scipy's algorithms ported literally to TypeScript (sort both, concatenate, searchsorted
 * every pooled value; for Wasserstein also sort the pooled values), so the ratio of algorithm to
 * algorithm is not skewed by the machine's load. The load average is printed with the figures.
 */
import { loadavg } from "node:os";
import type { Table } from "../runtime/data/table.js";
import { numericBinnedShares } from "../runtime/monitor/binned-shares.js";
import { compareDatasets } from "../runtime/monitor/compare-datasets.js";
import { ksTwoSample, ksTwoSamplePValue } from "../runtime/monitor/kolmogorov-smirnov-test.js";
import { populationStabilityIndex } from "../runtime/monitor/population-stability-index.js";
import { prepareTable } from "../runtime/monitor/prepared-table.js";
import { sortedReference, sortSample } from "../runtime/monitor/sorted-sample.js";
import { normedWassersteinDistance } from "../runtime/monitor/wasserstein-distance.js";

const SCIPY_KS_SECONDS: [number, number] = [0.35, 0.4];
const SCIPY_WASSERSTEIN_SECONDS = 0.9;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const rows = Number(option("rows", "1000000"));
const columnCount = Number(option("columns", "20"));
const runs = Number(option("runs", "3"));

/** mulberry32 + Box–Muller */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function sample(n: number, seed: number, mean = 0, sd = 1): Float64Array {
  const next = gaussian(seed);
  return Float64Array.from({ length: n }, () => mean + sd * next());
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(fn: () => T): { seconds: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: median(times), result: result as T };
}

function ratio(baseline: number, ours: number): string {
  return `${(baseline / ours).toFixed(1)}× faster`;
}

/** numpy.searchsorted(sorted, x, side="right") */
function searchsortedRight(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** scipy.stats.ks_2samp's steps, literally: sort, concatenate, searchsorted each pooled value. */
function scipyStyleKs(data1: Float64Array, data2: Float64Array): { d: number; p: number } {
  const a = data1.slice().sort();
  const b = data2.slice().sort();
  const n1 = a.length;
  const n2 = b.length;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  const pooled = new Float64Array(n1 + n2);
  pooled.set(a);
  pooled.set(b, n1);
  for (const v of pooled) {
    const diff = searchsortedRight(a, v) / n1 - searchsortedRight(b, v) / n2;
    if (diff > max) max = diff;
    if (diff < min) min = diff;
  }
  const d = Math.max(max, Math.min(Math.max(-min, 0), 1));
  return { d, p: ksTwoSamplePValue(n1, n2, d).pValue };
}

/** scipy.stats.wasserstein_distance's steps (_cdf_distance with p = 1), literally. */
function scipyStyleWasserstein(u: Float64Array, v: Float64Array): number {
  const us = u.slice().sort();
  const vs = v.slice().sort();
  const all = new Float64Array(u.length + v.length);
  all.set(u);
  all.set(v, u.length);
  all.sort();
  let total = 0;
  for (let i = 0; i + 1 < all.length; i++) {
    const x = all[i] as number;
    const uCdf = searchsortedRight(us, x) / us.length;
    const vCdf = searchsortedRight(vs, x) / vs.length;
    total += Math.abs(uCdf - vCdf) * ((all[i + 1] as number) - x);
  }
  return total;
}

/**
 * One line: name, seconds, ratio to scipy's earlier figure (when there is one) and to the same-run
 * port of scipy's algorithm (when there is one).
 */
function report(name: string, seconds: number, scipy?: number, port?: number, note = ""): void {
  const vsScipy = scipy === undefined ? "" : ratio(scipy, seconds);
  const vsPort = port === undefined ? "" : ratio(port, seconds);
  console.log(
    `${name.padEnd(48)} ${seconds.toFixed(3).padStart(7)} s  ${vsScipy.padEnd(14)} ${vsPort.padEnd(14)} ${note}`,
  );
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
console.log(
  `Kiln monitoring benchmark: ${rows.toLocaleString("en")} vs ${rows.toLocaleString("en")} floats, median of ${runs} runs, node ${process.version}`,
);
console.log(
  "Baseline: scipy measured earlier on this machine kind (ks_2samp 0.35–0.4 s, wasserstein_distance 0.9 s),",
);
console.log("and scipy's algorithms ported literally to TypeScript, measured in this run.");
console.log(`Load average at start: ${load()} (2 cores, shared)\n`);
console.log(`${"".padEnd(48)} ${"time".padStart(9)}  ${"vs scipy".padEnd(14)} ${"vs same-run".padEnd(14)}`);

const referenceValues = sample(rows, 1);
const currentValues = sample(rows, 2, 0.01, 1.01);

const registration = time(() => sortedReference(referenceValues));
const ref = registration.result;
report("sort reference once (registration)", registration.seconds);
const sortCurrent = time(() => sortSample(currentValues));
const cur = sortCurrent.result;
report("sort current window", sortCurrent.seconds);

const ksScipy = (SCIPY_KS_SECONDS[0] + SCIPY_KS_SECONDS[1]) / 2;
const ksPort = time(() => scipyStyleKs(referenceValues, currentValues));
report(
  "KS: scipy's algorithm ported (same run)",
  ksPort.seconds,
  ksScipy,
  undefined,
  `D=${ksPort.result.d.toFixed(5)}`,
);
const ksCold = time(() =>
  ksTwoSample(sortedReference(referenceValues).values, sortSample(currentValues).values),
);
const ksNote = `D=${ksCold.result.statistic.toFixed(5)} p=${ksCold.result.pValue.toExponential(3)}`;
report("KS, sorting both samples", ksCold.seconds, ksScipy, ksPort.seconds, ksNote);
const ksWarm = time(() => ksTwoSample(ref.values, sortSample(currentValues).values));
report("KS, pre-sorted reference", ksWarm.seconds, ksScipy, ksPort.seconds, "sorts the window only");
const ksHot = time(() => ksTwoSample(ref.values, cur.values));
report("KS on two sorted samples", ksHot.seconds, ksScipy, ksPort.seconds);

const wPort = time(() => scipyStyleWasserstein(referenceValues, currentValues) / Math.max(ref.std, 0.001));
const wNote = `W/std=${wPort.result.toFixed(5)}`;
report(
  "Wasserstein: scipy's algorithm ported (same run)",
  wPort.seconds,
  SCIPY_WASSERSTEIN_SECONDS,
  undefined,
  wNote,
);
const wCold = time(() => {
  const r = sortedReference(referenceValues);
  return normedWassersteinDistance(r.values, sortSample(currentValues).values, r.std);
});
const wColdNote = `W/std=${wCold.result.toFixed(5)}`;
report(
  "Wasserstein, sorting both samples",
  wCold.seconds,
  SCIPY_WASSERSTEIN_SECONDS,
  wPort.seconds,
  wColdNote,
);
const wWarm = time(() => normedWassersteinDistance(ref.values, sortSample(currentValues).values, ref.std));
report(
  "Wasserstein, pre-sorted reference",
  wWarm.seconds,
  SCIPY_WASSERSTEIN_SECONDS,
  wPort.seconds,
  "sorts the window only",
);
const wHot = time(() => normedWassersteinDistance(ref.values, cur.values, ref.std));
report("Wasserstein on two sorted samples", wHot.seconds, SCIPY_WASSERSTEIN_SECONDS, wPort.seconds);

const psiCold = time(() => {
  const s = numericBinnedShares(sortedReference(referenceValues), sortSample(currentValues), true);
  return populationStabilityIndex(s.reference, s.current);
});
report(
  "PSI (Sturges bins), sorting both samples",
  psiCold.seconds,
  undefined,
  undefined,
  `PSI=${psiCold.result.toExponential(3)}`,
);
const psiWarm = time(() => {
  const s = numericBinnedShares(ref, sortSample(currentValues), true);
  return populationStabilityIndex(s.reference, s.current);
});
report("PSI, pre-sorted reference", psiWarm.seconds, undefined, undefined, "sorts the window only");
console.log(`peak RSS after the single-column figures: ${peakRssMb().toFixed(0)} MB\n`);

// A whole report: numerical columns, every other one shifted by 0.3 standard deviations.
function syntheticTable(source: string, seed: number, shifted: boolean): Table {
  return {
    source,
    rowCount: rows,
    columns: Array.from({ length: columnCount }, (_, c) => ({
      kind: "numeric" as const,
      name: `f${c}`,
      values: sample(rows, seed * 100 + c, shifted && c % 2 === 0 ? 0.3 : 0),
    })),
  };
}
const referenceTable = syntheticTable("reference", 3, false);
const currentTable = syntheticTable("current", 4, true);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
let start = process.hrtime.bigint();
const whole = compareDatasets(referenceTable, currentTable);
report(
  `whole report, ${columnCount} cols × ${rows.toLocaleString("en")} rows`,
  seconds(start),
  undefined,
  undefined,
  `drift share ${whole.driftShare} (${whole.columns[0]?.test})`,
);
start = process.hrtime.bigint();
const prepared = prepareTable(referenceTable);
report("prepare the reference table once (registration)", seconds(start));
start = process.hrtime.bigint();
const warm = compareDatasets(prepared, currentTable);
report(
  "whole report, prepared reference",
  seconds(start),
  undefined,
  undefined,
  `drift share ${warm.driftShare}`,
);
const valuesMb = (2 * columnCount * rows * 8) / 2 ** 20;
console.log(
  `\npeak RSS: ${peakRssMb().toFixed(0)} MB (the two tables hold ${valuesMb.toFixed(0)} MB of values)`,
);
console.log("The whole-report figures are single runs.");
console.log(`Load average at end: ${load()}`);
