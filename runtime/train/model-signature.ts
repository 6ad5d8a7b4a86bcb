/**
 * The input/output signature of an ONNX model, in the KServe V2 vocabulary, and the conventions
 * Kiln's built-in trainers follow so that a served model takes the raw feature columns by name.
 *
 * Convention for models made by `kiln train` (bring-your-own models may differ; the signature
 * reader reports whatever the file declares):
 * - one input per raw feature column, named as the column, shape [-1, 1]:
 *   numeric and boolean columns FP32 (NaN = missing), categorical columns BYTES (ONNX string);
 * - regression: output `prediction`, FP32, shape [-1, 1];
 * - classification: outputs `label` (BYTES, shape [-1], the class label as text) and
 *   `probabilities` (FP32, shape [-1, C], columns in the order of the model's classes);
 * - model metadata_props: `kiln.task` (`regression` | `classification`), `kiln.classes`
 *   (JSON array of class labels, classification only), `kiln.features` (JSON array of
 *   `{name, kind}` in input order), `kiln.algorithm`.
 */

/** KServe V2 tensor datatypes. */
export const TensorDatatype = {
  BOOL: "BOOL",
  UINT8: "UINT8",
  UINT16: "UINT16",
  UINT32: "UINT32",
  UINT64: "UINT64",
  INT8: "INT8",
  INT16: "INT16",
  INT32: "INT32",
  INT64: "INT64",
  FP16: "FP16",
  FP32: "FP32",
  FP64: "FP64",
  BYTES: "BYTES",
} as const;
export type TensorDatatype = (typeof TensorDatatype)[keyof typeof TensorDatatype];

export interface TensorSpec {
  name: string;
  datatype: TensorDatatype;
  /** -1 marks a variable dimension (usually the batch). */
  shape: number[];
}

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  /** The model's metadata_props (`kiln.*` keys for models Kiln trained). */
  metadata: Record<string, string>;
}

export const ModelTask = { regression: "regression", classification: "classification" } as const;
export type ModelTask = (typeof ModelTask)[keyof typeof ModelTask];
