/**
 * Grows one regression tree on gradients and hessians over a binned matrix, leaf-wise (best gain
 * first) within `maxLeaves` and `maxDepth`.
 *
 * - Histograms of (gradient, hessian, count) per feature and bin; a node's histogram is built from
 *   its rows only for the smaller child of a split, the larger child's is the parent's minus it.
 * - Rows are kept ordered by node: each split partitions the node's segment in place, stably, and
 *   moves every row's bins, gradient and hessian with it, so a node's data is contiguous and its
 *   histogram reads memory sequentially (a node holding scattered rows of a large table would
 *   cost a cache miss per row instead).
 * - Missing values have their own bin; each split learns whether missing goes left or right.
 *
 * The bins, row indices, gradients and histograms live in one WebAssembly memory, allocated once
 * per grower and reused for every tree; the hot loops run as WebAssembly (wasm-kernels.ts).
 */

import { DataError } from "../../errors.js";
import type { FeatureBins } from "./feature-bins.js";
import { type BinnedMatrix, MISSING_BIN } from "./feature-bins.js";
import type { GbdtTree } from "./gbdt-tree.js";
import { CONTROL_INTS, HistogramWorker } from "./histogram-worker.js";
import {
  createWasmMemory,
  type GbdtKernels,
  gbdtKernelModule,
  gbdtKernels,
  HISTOGRAM_KERNELS,
  histogramKernelIndex,
  WASM_MAX_PAGES,
  WASM_PAGE_BYTES,
} from "./wasm-kernels.js";

export interface TreeGrowerOptions {
  maxLeaves: number;
  /** Infinity for no limit. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** Minimum sum of hessians in a child. */
  minChildWeight: number;
  l2: number;
  learningRate: number;
  /** True when every row's hessian is 1 (squared error), so histograms count rows instead. */
  constantHessian: boolean;
  /** Build large histograms' second halves on a helper thread when there are two cores. */
  helperThread: boolean;
  /** Memory for kept histograms (default 256 MiB); at least three always fit. */
  histogramBudgetBytes?: number;
}

/** Bins per feature in a histogram: 255 value bins + the missing bin. */
const BINS = 256;
const MIN_GAIN = 1e-12;
/**
 * Nodes with at least this many rows have their histogram built in two halves (in parallel when a
 * helper thread is available), summed afterwards.
 */
const HALVES_FROM_ROWS = 16_384;
/** Histogram builds done without the helper thread once it was found late too often. */
const HELPER_PAUSE_BUILDS = 64;
/** Memory for kept histograms; beyond it a leaf's histogram is dropped and rebuilt if needed. */
const DEFAULT_HISTOGRAM_BUDGET_BYTES = 256 * 1024 * 1024;

interface Split {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  leftGrad: number;
  leftHess: number;
  leftCount: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  sumGrad: number;
  sumHess: number;
  /** The histogram slot holding this leaf's histogram, or -1. */
  slot: number;
  split: Split | undefined;
}

/** A grown tree plus, per leaf, the rows it holds (to update the training scores cheaply). */
export interface GrownTree {
  tree: GbdtTree;
  /** rows[leafStart[j] .. leafEnd[j]) are the rows of leaf node leafNode[j]. */
  rows: Uint32Array;
  leafNode: number[];
  leafStart: number[];
  leafEnd: number[];
}

export class TreeGrower {
  private readonly n: number;
  private readonly featureCount: number;
  private readonly stride: number;
  private readonly kernels: GbdtKernels;
  /** The training rows' bins, row-major, in row order (each tree starts from them). */
  private readonly sourceBins: Uint8Array;
  /** Per position (node order): row index, its bins (row-major), gradient and hessian. */
  private readonly rows: Uint32Array;
  private readonly bins: Uint8Array;
  private readonly grad: Float64Array;
  private readonly hess: Float64Array;
  /** Where partition puts a node's right rows before they are copied back after the left ones. */
  private readonly scratch: Uint32Array;
  private readonly scratchBins: Uint8Array;
  private readonly scratchGrad: Float64Array;
  private readonly scratchHess: Float64Array;
  /** Byte offsets of the arrays in the WebAssembly memory. */
  private readonly at: {
    bins: number;
    rows: number;
    grad: number;
    hess: number;
    scratchBins: number;
    scratch: number;
    scratchGrad: number;
    scratchHess: number;
  };
  private readonly slotBytes: number;
  private readonly hists: Float64Array[];
  private readonly freeSlots: number[];
  /** The slot the second half of a large node's histogram goes to. */
  private readonly halfSlot: number;
  private readonly worker: HistogramWorker | undefined;
  /** Moving share of recent builds where the helper finished later than this thread's own half. */
  private helperLateness = 0;
  /** Builds left to do without the helper after it was found late too often. */
  private helperPause = 0;
  private leaves: Leaf[] = [];
  /** The root's histogram with only the counts (gradient and hessian cells zero), after tree one. */
  private rootCounts: Float64Array | undefined;

  constructor(
    matrix: BinnedMatrix,
    private readonly featureBins: FeatureBins,
    private readonly options: TreeGrowerOptions,
  ) {
    const n = matrix.rowCount;
    const F = matrix.featureCount;
    this.n = n;
    this.featureCount = F;
    this.stride = options.constantHessian ? 2 : 3;
    const slotLength = F * BINS * this.stride;
    this.slotBytes = slotLength * 8;
    const slots = Math.max(
      3,
      Math.min(
        options.maxLeaves + 1,
        Math.floor((options.histogramBudgetBytes ?? DEFAULT_HISTOGRAM_BUDGET_BYTES) / this.slotBytes),
      ),
    );
    const align = (bytes: number) => Math.ceil(bytes / 8) * 8;
    // Layout: histogram slots (the pool, then the half slot), control block, arrays.
    const control = (slots + 1) * this.slotBytes;
    const hessBytes = options.constantHessian ? 0 : align(n * 8);
    const grad = control + CONTROL_INTS * 4;
    const hess = grad + align(n * 8);
    const scratchGrad = hess + hessBytes;
    const scratchHess = scratchGrad + align(n * 8);
    const rows = scratchHess + hessBytes;
    const scratch = rows + align(n * 4);
    const bins = scratch + align(n * 4);
    const scratchBins = bins + align(n * F);
    const total = scratchBins + align(n * F);
    const pages = Math.ceil(total / WASM_PAGE_BYTES);
    if (pages > WASM_MAX_PAGES) {
      throw new DataError(
        {},
        `gbdt needs ${(total / 2 ** 30).toFixed(1)} GiB of working memory for ${n} rows × ${F} features; its limit is 4 GiB.`,
        { hint: "Train on fewer rows (a sample) or fewer features." },
      );
    }
    const memory = createWasmMemory(pages);
    this.kernels = gbdtKernels(memory, F);
    const buffer = memory.buffer;
    this.at = { bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess };
    this.hists = Array.from(
      { length: slots + 1 },
      (_, i) => new Float64Array(buffer, i * this.slotBytes, slotLength),
    );
    this.freeSlots = Array.from({ length: slots }, (_, i) => slots - 1 - i);
    this.halfSlot = slots;
    this.sourceBins = matrix.bins;
    this.rows = new Uint32Array(buffer, rows, n);
    this.bins = new Uint8Array(buffer, bins, n * F);
    this.grad = new Float64Array(buffer, grad, n);
    this.hess = options.constantHessian ? this.grad : new Float64Array(buffer, hess, n);
    this.scratch = new Uint32Array(buffer, scratch, n);
    this.scratchBins = new Uint8Array(buffer, scratchBins, n * F);
    this.scratchGrad = new Float64Array(buffer, scratchGrad, n);
    this.scratchHess = options.constantHessian ? this.scratchGrad : new Float64Array(buffer, scratchHess, n);
    this.worker =
      options.helperThread && n >= 2 * HALVES_FROM_ROWS
        ? HistogramWorker.start(memory, gbdtKernelModule(F), control)
        : undefined;
  }

  /** Stops the helper thread, if any. */
  close(): void {
    this.worker?.close();
  }

  /** A zeroed histogram slot, taken from a leaf that keeps one (not `keep`) when none is free. */
  private acquireSlot(keep: readonly Leaf[]): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      const victim = this.leaves.find((leaf) => leaf.slot >= 0 && !keep.includes(leaf))!;
      slot = victim.slot;
      victim.slot = -1;
    }
    this.hists[slot]!.fill(0);
    return slot;
  }

  private releaseSlot(leaf: Leaf): void {
    if (leaf.slot >= 0) this.freeSlots.push(leaf.slot);
    leaf.slot = -1;
  }

  /** Fills the leaf's slot; with `counts` false the slot already holds the right counts. */
  private buildHistogram(leaf: Leaf, counts = true): void {
    const { at, kernels, worker, featureCount: F } = this;
    const kernel = histogramKernelIndex(this.stride === 2, counts);
    const build = kernels[HISTOGRAM_KERNELS[kernel]!];
    const target = leaf.slot * this.slotBytes;
    if (leaf.end - leaf.start < HALVES_FROM_ROWS) {
      build(at.bins, leaf.start, leaf.end, F, at.grad, at.hess, target);
      return;
    }
    const mid = leaf.start + ((leaf.end - leaf.start) >>> 1);
    const half = this.hists[this.halfSlot]!;
    half.fill(0);
    const halfAt = this.halfSlot * this.slotBytes;
    if (worker && this.helperPause === 0) {
      const start = performance.now();
      worker.begin(kernel, [at.bins, mid, leaf.end, F, at.grad, at.hess, halfAt]);
      build(at.bins, leaf.start, mid, F, at.grad, at.hess, target);
      const own = performance.now();
      worker.finish();
      // On a busy machine the helper may get no core: when it keeps finishing later than this
      // thread could have done its half itself, do both halves here for a while.
      const late = performance.now() - own > own - start ? 1 : 0;
      this.helperLateness = 0.9 * this.helperLateness + 0.1 * late;
      if (this.helperLateness > 0.5) {
        this.helperPause = HELPER_PAUSE_BUILDS;
        this.helperLateness = 0.4;
      }
    } else {
      if (this.helperPause > 0) this.helperPause--;
      build(at.bins, leaf.start, mid, F, at.grad, at.hess, target);
      build(at.bins, mid, leaf.end, F, at.grad, at.hess, halfAt);
    }
    const hist = this.hists[leaf.slot]!;
    for (let i = 0; i < hist.length; i++) hist[i]! += half[i]!;
  }

  /** Grow a tree for output `output` from gradients and hessians of the training rows. */
  grow(grad: Float64Array, hess: Float64Array, output: number): GrownTree {
    const { n, rows, options } = this;
    for (let i = 0; i < n; i++) rows[i] = i;
    this.bins.set(this.sourceBins);
    this.grad.set(grad);
    if (this.stride === 3) this.hess.set(hess);

    const feature: number[] = [-1];
    const thresholdBin: number[] = [0];
    const missingLeft: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const value: number[] = [0];

    const root: Leaf = {
      node: 0,
      start: 0,
      end: n,
      depth: 0,
      sumGrad: 0,
      sumHess: 0,
      slot: -1,
      split: undefined,
    };
    const leaves: Leaf[] = [root];
    this.leaves = leaves;
    root.slot = this.acquireSlot([]);
    if (this.rootCounts) {
      // Every tree's root holds all rows: its counts are known, only gradients need adding.
      this.hists[root.slot]!.set(this.rootCounts);
      this.buildHistogram(root, false);
    } else {
      this.buildHistogram(root);
      const counts = this.hists[root.slot]!.slice();
      for (let i = 0; i < counts.length; i += this.stride) counts.fill(0, i, i + this.stride - 1);
      this.rootCounts = counts;
    }
    this.sumsFromHistogram(root);
    root.split = this.canSplit(root) ? this.bestSplit(root) : undefined;

    while (leaves.length < options.maxLeaves) {
      let best = -1;
      let bestGain = MIN_GAIN;
      for (let j = 0; j < leaves.length; j++) {
        const split = leaves[j]!.split;
        if (split && split.gain > bestGain) {
          bestGain = split.gain;
          best = j;
        }
      }
      if (best < 0) break;
      const parent = leaves[best]!;
      const split = parent.split!;
      const mid = this.partition(parent, split);

      const leftNode = feature.length;
      const rightNode = leftNode + 1;
      feature[parent.node] = split.feature;
      thresholdBin[parent.node] = split.bin;
      missingLeft[parent.node] = split.missingLeft ? 1 : 0;
      left[parent.node] = leftNode;
      right[parent.node] = rightNode;
      for (let c = 0; c < 2; c++) {
        feature.push(-1);
        thresholdBin.push(0);
        missingLeft.push(0);
        left.push(-1);
        right.push(-1);
        value.push(0);
      }
      const l: Leaf = {
        node: leftNode,
        start: parent.start,
        end: mid,
        depth: parent.depth + 1,
        sumGrad: split.leftGrad,
        sumHess: split.leftHess,
        slot: -1,
        split: undefined,
      };
      const r: Leaf = {
        node: rightNode,
        start: mid,
        end: parent.end,
        depth: parent.depth + 1,
        sumGrad: parent.sumGrad - split.leftGrad,
        sumHess: parent.sumHess - split.leftHess,
        slot: -1,
        split: undefined,
      };
      // After the split that makes the last allowed leaf, no child is split: skip their histograms.
      const more = leaves.length + 1 < options.maxLeaves;
      const splitLeft = more && this.canSplit(l);
      const splitRight = more && this.canSplit(r);
      if (splitLeft || splitRight) {
        const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
        const largeSplits = small === l ? splitRight : splitLeft;
        small.slot = this.acquireSlot([parent, small, large]);
        this.buildHistogram(small);
        if (largeSplits) {
          if (parent.slot >= 0) {
            // The larger child's histogram is the parent's minus the smaller's, computed in place.
            const ph = this.hists[parent.slot]!;
            const sh = this.hists[small.slot]!;
            for (let i = 0; i < ph.length; i++) ph[i]! -= sh[i]!;
            large.slot = parent.slot;
            parent.slot = -1;
          } else {
            // The parent's histogram was dropped for memory: build the larger child's too.
            large.slot = this.acquireSlot([parent, small, large]);
            this.buildHistogram(large);
          }
        }
        if (splitLeft) l.split = this.bestSplit(l);
        if (splitRight) r.split = this.bestSplit(r);
      }
      this.releaseSlot(parent);
      leaves.splice(best, 1, l, r);
      for (const leaf of [l, r]) if (!leaf.split) this.releaseSlot(leaf);
    }

    const leafNode: number[] = [];
    const leafStart: number[] = [];
    const leafEnd: number[] = [];
    for (const leaf of leaves) {
      this.releaseSlot(leaf);
      value[leaf.node] = (-options.learningRate * leaf.sumGrad) / (leaf.sumHess + options.l2);
      leafNode.push(leaf.node);
      leafStart.push(leaf.start);
      leafEnd.push(leaf.end);
    }

    const tree: GbdtTree = {
      output,
      feature: Int32Array.from(feature),
      threshold: Float32Array.from(feature, (f, node) => {
        if (f < 0) return 0;
        const edges = this.featureBins.thresholds[f]!;
        const bin = thresholdBin[node]!;
        return bin < edges.length ? edges[bin]! : Number.POSITIVE_INFINITY;
      }),
      thresholdBin: Uint8Array.from(thresholdBin),
      missingLeft: Uint8Array.from(missingLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    };
    this.leaves = [];
    return { tree, rows, leafNode, leafStart, leafEnd };
  }

  private canSplit(leaf: Leaf): boolean {
    const o = this.options;
    return (
      leaf.depth < o.maxDepth &&
      leaf.end - leaf.start >= 2 * o.minSamplesLeaf &&
      leaf.sumHess >= 2 * o.minChildWeight
    );
  }

  private sumsFromHistogram(leaf: Leaf): void {
    // Every row falls in exactly one bin of feature 0.
    const hist = this.hists[leaf.slot]!;
    const s = this.stride;
    let g = 0;
    let h = 0;
    for (let b = 0; b < BINS; b++) {
      g += hist[b * s]!;
      h += hist[b * s + 1]!;
    }
    leaf.sumGrad = g;
    leaf.sumHess = h;
  }

  private bestSplit(leaf: Leaf): Split | undefined {
    const { featureCount, stride: s } = this;
    const { minSamplesLeaf, minChildWeight, l2 } = this.options;
    const hist = this.hists[leaf.slot]!;
    const count = leaf.end - leaf.start;
    const G = leaf.sumGrad;
    const H = leaf.sumHess;
    const parentScore = (G * G) / (H + l2);
    const binCounts = this.featureBins.binCounts;
    let best: Split | undefined;
    let bestGain = MIN_GAIN;
    for (let f = 0; f < featureCount; f++) {
      const off = f * BINS * s;
      const mo = off + MISSING_BIN * s;
      const mg = hist[mo]!;
      const mh = hist[mo + 1]!;
      const mc = hist[mo + s - 1]!;
      const nb = binCounts[f]!;
      const lastBin = mc > 0 ? nb - 1 : nb - 2;
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b <= lastBin; b++) {
        const o = off + b * s;
        gl += hist[o]!;
        hl += hist[o + 1]!;
        cl += hist[o + s - 1]!;
        // Missing values to the right (or, with none in this node, to the larger side later).
        let lc = cl;
        let rc = count - cl;
        if (lc >= minSamplesLeaf && rc >= minSamplesLeaf) {
          const gr = G - gl;
          const hr = H - hl;
          if (hl >= minChildWeight && hr >= minChildWeight) {
            const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore;
            if (gain > bestGain) {
              bestGain = gain;
              best = {
                gain,
                feature: f,
                bin: b,
                missingLeft: mc > 0 ? false : cl >= count - cl,
                leftGrad: gl,
                leftHess: hl,
                leftCount: cl,
              };
            }
          }
        }
        if (mc > 0) {
          // Missing values to the left.
          lc = cl + mc;
          rc = count - lc;
          if (lc >= minSamplesLeaf && rc >= minSamplesLeaf) {
            const glm = gl + mg;
            const hlm = hl + mh;
            const gr = G - glm;
            const hr = H - hlm;
            if (hlm >= minChildWeight && hr >= minChildWeight) {
              const gain = (glm * glm) / (hlm + l2) + (gr * gr) / (hr + l2) - parentScore;
              if (gain > bestGain) {
                bestGain = gain;
                best = {
                  gain,
                  feature: f,
                  bin: b,
                  missingLeft: true,
                  leftGrad: glm,
                  leftHess: hlm,
                  leftCount: lc,
                };
              }
            }
          }
        }
      }
    }
    return best;
  }

  /** Stable in-place partition of the leaf's rows; returns the index where the right child starts. */
  private partition(leaf: Leaf, split: Split): number {
    const { at } = this;
    const unitHessian = this.stride === 2;
    const partition = unitHessian ? this.kernels.partitionUnitHessian : this.kernels.partition;
    const F = this.featureCount;
    const mid = partition(
      at.bins,
      at.rows,
      at.grad,
      at.hess,
      at.scratchBins,
      at.scratch,
      at.scratchGrad,
      at.scratchHess,
      leaf.start,
      leaf.end,
      F,
      split.feature,
      split.bin,
      split.missingLeft ? 1 : 0,
    );
    const right = leaf.end - mid;
    this.rows.set(this.scratch.subarray(0, right), mid);
    this.bins.set(this.scratchBins.subarray(0, right * F), mid * F);
    this.grad.set(this.scratchGrad.subarray(0, right), mid);
    if (!unitHessian) this.hess.set(this.scratchHess.subarray(0, right), mid);
    return mid;
  }
}
