/**
 * Adds a trained GBDT ensemble to an ONNX graph as one `ai.onnx.ml` TreeEnsembleRegressor (opset 3)
 * that outputs the raw scores [-1, scoresPerRow].
 *
 * The float feature matrix is cast to double first, and thresholds, leaf weights and base scores
 * are given as double tensors (`*_as_tensor`): onnxruntime then sums the trees in double, like the
 * in-process prediction, instead of in float32. The comparisons are unchanged by the cast, since a
 * float32 input compared with a float32 threshold held in a double gives the same answer as the
 * float32 comparison (BRANCH_LEQ). A missing value follows `nodes_missing_value_tracks_true`.
 */

import { OnnxDomain, type OnnxModelBuilder } from "../onnx-writer.js";
import type { GbdtEnsemble } from "./gbdt-tree.js";

/** Returns the name of the float [-1, scoresPerRow] raw-score tensor. */
export function addTreeEnsembleRawScores(
  builder: OnnxModelBuilder,
  features: string,
  ensemble: GbdtEnsemble,
): string {
  const nodesTreeIds: number[] = [];
  const nodesNodeIds: number[] = [];
  const nodesFeatureIds: number[] = [];
  const nodesModes: string[] = [];
  const nodesValues: number[] = [];
  const nodesTrue: number[] = [];
  const nodesFalse: number[] = [];
  const nodesMissingTrue: number[] = [];
  const targetTreeIds: number[] = [];
  const targetNodeIds: number[] = [];
  const targetIds: number[] = [];
  const targetWeights: number[] = [];

  ensemble.trees.forEach((tree, t) => {
    for (let node = 0; node < tree.feature.length; node++) {
      const leaf = tree.feature[node]! < 0;
      nodesTreeIds.push(t);
      nodesNodeIds.push(node);
      nodesFeatureIds.push(leaf ? 0 : tree.feature[node]!);
      nodesModes.push(leaf ? "LEAF" : "BRANCH_LEQ");
      nodesValues.push(leaf ? 0 : tree.threshold[node]!);
      nodesTrue.push(leaf ? 0 : tree.left[node]!);
      nodesFalse.push(leaf ? 0 : tree.right[node]!);
      nodesMissingTrue.push(leaf ? 0 : tree.missingLeft[node]!);
      if (leaf) {
        targetTreeIds.push(t);
        targetNodeIds.push(node);
        targetIds.push(tree.output);
        targetWeights.push(tree.value[node]!);
      }
    }
  });

  const asDouble = builder.op("Cast", [features], { to: { int: 11 } }, { name: "features_as_double" });
  return builder.op(
    "TreeEnsembleRegressor",
    [asDouble],
    {
      n_targets: { int: ensemble.scoresPerRow },
      aggregate_function: { string: "SUM" },
      post_transform: { string: "NONE" },
      nodes_treeids: { ints: nodesTreeIds },
      nodes_nodeids: { ints: nodesNodeIds },
      nodes_featureids: { ints: nodesFeatureIds },
      nodes_modes: { strings: nodesModes },
      nodes_values_as_tensor: { tensor: { type: "double", dims: [nodesValues.length], values: nodesValues } },
      nodes_truenodeids: { ints: nodesTrue },
      nodes_falsenodeids: { ints: nodesFalse },
      nodes_missing_value_tracks_true: { ints: nodesMissingTrue },
      target_treeids: { ints: targetTreeIds },
      target_nodeids: { ints: targetNodeIds },
      target_ids: { ints: targetIds },
      target_weights_as_tensor: {
        tensor: { type: "double", dims: [targetWeights.length], values: targetWeights },
      },
      base_values_as_tensor: {
        tensor: { type: "double", dims: [ensemble.baseScores.length], values: ensemble.baseScores },
      },
    },
    { domain: OnnxDomain.ml, name: "gbdt_trees" },
  );
}
