/**
 * The metadata_props every model from `kiln train` carries (see model-signature.ts), written by the
 * trainers and read back by evaluate and predict.
 */
import type { FeatureSpec } from "./feature-preprocessing.js";
import type { ModelTask } from "./model-signature.js";
import type { OnnxModelBuilder } from "./onnx-writer.js";

export const KilnMetadataKey = {
  task: "kiln.task",
  classes: "kiln.classes",
  features: "kiln.features",
  algorithm: "kiln.algorithm",
  target: "kiln.target",
} as const;

export const KilnOutput = {
  prediction: "prediction",
  label: "label",
  probabilities: "probabilities",
} as const;

export interface KilnModelMetadata {
  task: ModelTask;
  algorithm: string;
  features: FeatureSpec[];
  target: string;
  classes?: string[];
}

export function writeKilnMetadata(builder: OnnxModelBuilder, metadata: KilnModelMetadata): void {
  builder.setMetadata(KilnMetadataKey.task, metadata.task);
  builder.setMetadata(KilnMetadataKey.algorithm, metadata.algorithm);
  builder.setMetadata(KilnMetadataKey.features, JSON.stringify(metadata.features));
  builder.setMetadata(KilnMetadataKey.target, metadata.target);
  if (metadata.classes) builder.setMetadata(KilnMetadataKey.classes, JSON.stringify(metadata.classes));
}
