/**
 * Reads the input/output signature (names, KServe V2 datatypes, shapes with -1 for variable
 * dimensions) and metadata_props of any ONNX model, Kiln-trained or brought by the user.
 */

import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import { ModelError } from "../errors.js";
import type { ModelSignature, TensorDatatype, TensorSpec } from "./model-signature.js";

const { onnx: proto } = onnxProto;

/** ONNX element types (TensorProto.DataType) and the V2 datatype each maps to. */
const datatypes: Record<number, TensorDatatype> = {
  1: "FP32",
  2: "UINT8",
  3: "INT8",
  4: "UINT16",
  5: "INT16",
  6: "INT32",
  7: "INT64",
  8: "BYTES",
  9: "BOOL",
  10: "FP16",
  11: "FP64",
  12: "UINT32",
  13: "UINT64",
};

const elementTypeNames: Record<number, string> = { 14: "complex64", 15: "complex128", 16: "bfloat16" };

/**
 * Decodes the model and returns its signature. Inputs that are also initializers (older exporters
 * list weights as inputs) are left out. Outputs that are not tensors (sequences or maps, such as a
 * ZipMap of class probabilities) are left out, since onnxruntime-node cannot return them; a model
 * with no tensor output at all is rejected.
 *
 * @param source names the model in error messages (a path, or model@version).
 */
export function readOnnxSignature(bytes: Uint8Array, source = "the model"): ModelSignature {
  const model = decodeModel(bytes, source);
  const graph = model.graph!;
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ""));
  const inputs = (graph.input ?? [])
    .filter((v) => !initializers.has(v.name ?? ""))
    .map((v) => tensorSpec(v, source, "input"));
  const outputs = (graph.output ?? [])
    .filter((v) => v.type?.tensorType != null)
    .map((v) => tensorSpec(v, source, "output"));
  if (outputs.length === 0) {
    throw new ModelError(
      `${source} has no tensor outputs (only sequences or maps), which onnxruntime-node cannot return.`,
      {},
      {
        hint: "Export the model with plain tensor outputs (for scikit-learn via skl2onnx: options zipmap=False).",
      },
    );
  }
  const metadata: Record<string, string> = {};
  for (const entry of model.metadataProps ?? []) metadata[entry.key ?? ""] = entry.value ?? "";
  return { inputs, outputs, metadata };
}

function decodeModel(bytes: Uint8Array, source: string): onnx.ModelProto {
  const notOnnx = (reason: string, cause?: unknown) =>
    new ModelError(
      `${source} is not an ONNX model: ${reason}.`,
      {},
      {
        cause,
        hint: "Give the .onnx file a training stage wrote (an ONNX ModelProto).",
      },
    );
  if (bytes.byteLength === 0) throw notOnnx("the file is empty");
  let model: onnx.ModelProto;
  try {
    model = proto.ModelProto.decode(bytes);
  } catch (error: unknown) {
    throw notOnnx(
      `the bytes are not an ONNX protobuf (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }
  const irVersion = Number(model.irVersion ?? 0);
  if (!model.graph || irVersion <= 0 || (model.opsetImport ?? []).length === 0) {
    throw notOnnx("it has no graph, IR version or opset imports");
  }
  if ((model.graph.output ?? []).length === 0) throw notOnnx("its graph declares no outputs");
  return model;
}

function tensorSpec(value: onnx.IValueInfoProto, source: string, role: "input" | "output"): TensorSpec {
  const name = value.name ?? "";
  const tensor = value.type?.tensorType;
  if (!tensor) {
    throw new ModelError(`${source}: ${role} '${name}' is not a tensor; Kiln serves tensor inputs only.`);
  }
  const elemType = tensor.elemType ?? 0;
  const datatype = datatypes[elemType];
  if (datatype === undefined) {
    throw new ModelError(
      `${source}: ${role} '${name}' has element type ${elementTypeNames[elemType] ?? elemType}, which the KServe V2 protocol cannot carry.`,
    );
  }
  const shape = (tensor.shape?.dim ?? []).map((d) => {
    if (d.dimParam) return -1;
    const size = Number(d.dimValue ?? 0);
    return size > 0 ? size : -1;
  });
  return { name, datatype, shape };
}
