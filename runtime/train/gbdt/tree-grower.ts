/**
 * Grows one regression tree on gradients and hessians over a binned matrix, leaf-wise (best gain
 * first) within `maxLeaves` and `maxDepth`.
 *
 * - Histograms of (gradient, hessian, count) per feature and bin; a node's histogram is built from
 *   its rows only for the smaller child of a split, the larger child's is the parent's minus it.
 * - Row indices are kept ordered by node: each split partitions the node's index segment in place
 *   (stably, so rows stay ascending and reads of the bin matrix move forward).
 * - Missing values have their own bin; each split learns whether missing goes left or right.
 *
 * All buffers are allocated once per grower and reused for every tree.
 */

import type { FeatureBins } from "./feature-bins.js";
import { type BinnedMatrix, MISSING_BIN } from "./feature-bins.js";
import type { GbdtTree } from "./gbdt-tree.js";

export interface TreeGrowerOptions {
  maxLeaves: number;
  /** Infinity for no limit. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** Minimum sum of hessians in a child. */
  minChildWeight: number;
  l2: number;
  learningRate: number;
  /** Hessian of every row when constant (squared error), so histograms skip it. */
  constantHessian: boolean;
}

/** Bins per feature in a histogram: 255 value bins + the missing bin. */
const BINS = 256;
const MIN_GAIN = 1e-12;

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
  hist: Float64Array | undefined;
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
  private readonly rows: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly pool: Float64Array[] = [];

  constructor(
    private readonly matrix: BinnedMatrix,
    private readonly featureBins: FeatureBins,
    private readonly options: TreeGrowerOptions,
  ) {
    this.n = matrix.rowCount;
    this.featureCount = matrix.featureCount;
    this.stride = options.constantHessian ? 2 : 3;
    this.rows = new Uint32Array(this.n);
    this.scratch = new Uint32Array(this.n);
  }

  private takeHist(): Float64Array {
    const hist = this.pool.pop();
    if (hist) {
      hist.fill(0);
      return hist;
    }
    return new Float64Array(this.featureCount * BINS * this.stride);
  }

  private releaseHist(leaf: Leaf): void {
    if (leaf.hist) this.pool.push(leaf.hist);
    leaf.hist = undefined;
  }

  /** Grow a tree for output `output` from gradients and hessians of the training rows. */
  grow(grad: Float64Array, hess: Float64Array, output: number): GrownTree {
    const { n, rows, options } = this;
    for (let i = 0; i < n; i++) rows[i] = i;

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
      hist: this.takeHist(),
      split: undefined,
    };
    this.buildRootHistogram(root.hist!, grad, hess);
    this.sumsFromHistogram(root);
    root.split = this.canSplit(root) ? this.bestSplit(root) : undefined;

    const leaves: Leaf[] = [root];
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
        hist: undefined,
        split: undefined,
      };
      const r: Leaf = {
        node: rightNode,
        start: mid,
        end: parent.end,
        depth: parent.depth + 1,
        sumGrad: parent.sumGrad - split.leftGrad,
        sumHess: parent.sumHess - split.leftHess,
        hist: undefined,
        split: undefined,
      };
      const splitLeft = this.canSplit(l);
      const splitRight = this.canSplit(r);
      if (splitLeft || splitRight) {
        const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
        small.hist = this.takeHist();
        this.buildHistogram(small.hist, small.start, small.end, grad, hess);
        if (small === l ? splitRight : splitLeft) {
          // The larger child's histogram is the parent's minus the smaller's, computed in place.
          const ph = parent.hist!;
          const sh = small.hist;
          for (let i = 0; i < ph.length; i++) ph[i]! -= sh[i]!;
          large.hist = ph;
          parent.hist = undefined;
        }
        if (splitLeft) l.split = this.bestSplit(l);
        if (splitRight) r.split = this.bestSplit(r);
      }
      this.releaseHist(parent);
      leaves.splice(best, 1, l, r);
      for (const leaf of [l, r]) if (!leaf.split) this.releaseHist(leaf);
    }

    const leafNode: number[] = [];
    const leafStart: number[] = [];
    const leafEnd: number[] = [];
    for (const leaf of leaves) {
      this.releaseHist(leaf);
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
    const hist = leaf.hist!;
    const s = this.stride;
    let g = 0;
    let h = 0;
    for (let b = 0; b < BINS; b++) {
      g += hist[b * s]!;
      h += s === 3 ? hist[b * s + 1]! : hist[b * s + 1]!;
    }
    leaf.sumGrad = g;
    leaf.sumHess = h;
  }

  /** The root's histogram: every row, in order (no index indirection). */
  private buildRootHistogram(hist: Float64Array, grad: Float64Array, hess: Float64Array): void {
    const { n, featureCount: F } = this;
    const bins = this.matrix.bins;
    if (this.stride === 2) {
      for (let row = 0; row < n; row++) {
        const g = grad[row]!;
        const base = row * F;
        for (let f = 0; f < F; f++) {
          const o = ((f << 8) + bins[base + f]!) << 1;
          hist[o]! += g;
          hist[o + 1]! += 1;
        }
      }
    } else {
      for (let row = 0; row < n; row++) {
        const g = grad[row]!;
        const h = hess[row]!;
        const base = row * F;
        for (let f = 0; f < F; f++) {
          const o = ((f << 8) + bins[base + f]!) * 3;
          hist[o]! += g;
          hist[o + 1]! += h;
          hist[o + 2]! += 1;
        }
      }
    }
  }

  /** The histogram of the rows rows[start..end) of a node. */
  private buildHistogram(
    hist: Float64Array,
    start: number,
    end: number,
    grad: Float64Array,
    hess: Float64Array,
  ): void {
    const { featureCount: F, rows } = this;
    const bins = this.matrix.bins;
    if (this.stride === 2) {
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        const g = grad[row]!;
        const base = row * F;
        for (let f = 0; f < F; f++) {
          const o = ((f << 8) + bins[base + f]!) << 1;
          hist[o]! += g;
          hist[o + 1]! += 1;
        }
      }
    } else {
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        const g = grad[row]!;
        const h = hess[row]!;
        const base = row * F;
        for (let f = 0; f < F; f++) {
          const o = ((f << 8) + bins[base + f]!) * 3;
          hist[o]! += g;
          hist[o + 1]! += h;
          hist[o + 2]! += 1;
        }
      }
    }
  }

  private bestSplit(leaf: Leaf): Split | undefined {
    const { featureCount, stride: s } = this;
    const { minSamplesLeaf, minChildWeight, l2 } = this.options;
    const hist = leaf.hist!;
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
      const mh = s === 3 ? hist[mo + 1]! : hist[mo + 1]!;
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
    const { rows, scratch, featureCount } = this;
    const bins = this.matrix.bins;
    const feature = split.feature;
    const t = split.bin;
    // Branch-free: the row is written to both sides and only the side it belongs to advances.
    const missingBit = split.missingLeft ? 1 : 0;
    let l = leaf.start;
    let r = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      const row = rows[i]!;
      const b = bins[row * featureCount + feature]!;
      const goLeft = b === MISSING_BIN ? missingBit : ((t - b) >>> 31) ^ 1;
      rows[l] = row;
      scratch[r] = row;
      l += goLeft;
      r += goLeft ^ 1;
    }
    rows.set(scratch.subarray(0, r), l);
    return l;
  }
}
