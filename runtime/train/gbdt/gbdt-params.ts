/**
 * The parameters of the `gbdt` trainer (`--param key=value`, `with: { params }`), checked by
 * resolveParams (trainer-params.ts), and their translation into fit settings. Defaults follow
 * scikit-learn's HistGradientBoosting: leaf-wise growth, 31 leaves, 20 rows per leaf, 255 bins.
 */

import type { ParamSpec, ParamValues } from "../trainer-params.js";
import { MAX_BINS_LIMIT } from "./feature-bins.js";
import type { GbdtFitSettings } from "./fit-gbdt.js";

export const gbdtParams = {
  n_estimators: {
    kind: "number",
    default: 100,
    min: 1,
    max: 100_000,
    integer: true,
    description: "boosting rounds (one tree per round, or one per class and round for several classes)",
  },
  learning_rate: {
    kind: "number",
    default: 0.1,
    min: 0,
    exclusiveMin: true,
    max: 1,
    description: "shrinkage applied to every leaf value",
  },
  max_depth: {
    kind: "number",
    default: 0,
    min: 0,
    max: 64,
    integer: true,
    description: "deepest level a tree may reach (0 = no limit; max_leaves still applies)",
  },
  max_leaves: {
    kind: "number",
    default: 31,
    min: 2,
    max: 65_536,
    integer: true,
    description: "leaves per tree",
  },
  min_samples_leaf: {
    kind: "number",
    default: 20,
    min: 1,
    integer: true,
    description: "fewest training rows in a leaf",
  },
  min_child_weight: {
    kind: "number",
    default: 1e-3,
    min: 0,
    description: "smallest sum of hessians in a leaf",
  },
  l2: { kind: "number", default: 0, min: 0, description: "L2 regularisation of the leaf values" },
  max_bins: {
    kind: "number",
    default: MAX_BINS_LIMIT,
    min: 2,
    max: MAX_BINS_LIMIT,
    integer: true,
    description: "histogram bins per feature (missing values have their own bin besides)",
  },
  early_stopping_rounds: {
    kind: "number",
    default: 0,
    min: 0,
    integer: true,
    description: "stop when the validation loss has not improved for this many rounds (0 = off)",
  },
} as const satisfies Record<string, ParamSpec>;

/** Fit settings from checked parameter values. */
export function gbdtFitSettings(values: ParamValues): GbdtFitSettings {
  const number = (key: keyof typeof gbdtParams) => Number(values[key] ?? gbdtParams[key].default);
  const maxDepth = number("max_depth");
  return {
    nEstimators: number("n_estimators"),
    learningRate: number("learning_rate"),
    maxDepth: maxDepth === 0 ? Number.POSITIVE_INFINITY : maxDepth,
    maxLeaves: number("max_leaves"),
    minSamplesLeaf: number("min_samples_leaf"),
    minChildWeight: number("min_child_weight"),
    l2: number("l2"),
    maxBins: number("max_bins"),
    earlyStoppingRounds: number("early_stopping_rounds"),
  };
}
