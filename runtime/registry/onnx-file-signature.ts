import type { ModelSignature } from "../train/model-signature.js";
import { readOnnxSignature } from "../train/read-onnx-signature.js";
import { readOnnxModelHeader } from "./onnx-model-header.js";

/**
 * The input/output signature of the ONNX model in a file, read from its header only (the weights
 * are skipped unread, so memory stays small for any model size).
 */
export async function readOnnxFileSignature(path: string): Promise<ModelSignature> {
  return readOnnxSignature(await readOnnxModelHeader(path), `'${path}'`);
}
