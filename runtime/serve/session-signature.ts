/**
 * The signature a loaded model is served with: its inputs and outputs as onnxruntime reports them,
 * in V2 vocabulary, plus the model's metadata_props (read from the decoded ONNX model, since
 * onnxruntime-node does not expose them). Works for any ONNX model, not only the ones Kiln trained.
 */
import type onnxProto from "onnx-proto";
import type { InferenceSession } from "onnxruntime-node";
import { ModelError } from "../errors.js";
import type { ModelSignature, TensorSpec } from "../train/model-signature.js";
import { datatypeOfOrtType } from "./tensor-datatypes.js";

/** `metadata_props` of a decoded ONNX model. */
export function metadataProps(model: onnxProto.onnx.IModelProto): Record<string, string> {
  const props: Record<string, string> = {};
  for (const prop of model.metadataProps ?? []) {
    if (prop.key) props[prop.key] = prop.value ?? "";
  }
  return props;
}

function tensorSpecs(
  list: readonly InferenceSession.ValueMetadata[],
  direction: "input" | "output",
  where: { model: string; version: string },
): TensorSpec[] {
  return list.map((meta) => {
    if (!meta.isTensor) {
      throw new ModelError(
        `${direction} '${meta.name}' is not a tensor (a sequence or map, e.g. ZipMap).`,
        where,
        {
          hint: "Serve models whose inputs and outputs are tensors; replace ZipMap by a probabilities tensor.",
        },
      );
    }
    const datatype = datatypeOfOrtType(meta.type);
    if (datatype === undefined) {
      throw new ModelError(
        `${direction} '${meta.name}' has element type ${meta.type}, which KServe V2 cannot carry.`,
        where,
      );
    }
    return {
      name: meta.name,
      datatype,
      shape: meta.shape.map((d) => (typeof d === "number" && d >= 0 ? d : -1)),
    };
  });
}

/** The V2 signature of a loaded session. */
export function sessionSignature(
  session: InferenceSession,
  model: onnxProto.onnx.IModelProto,
  where: { model: string; version: string },
): ModelSignature {
  return {
    inputs: tensorSpecs(session.inputMetadata, "input", where),
    outputs: tensorSpecs(session.outputMetadata, "output", where),
    metadata: metadataProps(model),
  };
}
