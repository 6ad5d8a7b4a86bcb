/**
 * The column kinds a model expects, for reading data to feed it: from `kiln.features` when Kiln
 * trained the model, otherwise from the input datatypes (BYTES → categorical, BOOL → boolean,
 * numbers → numeric).
 */
import type { Schema } from "../data/table.js";
import { KilnMetadataKey } from "./kiln-model-metadata.js";
import type { ModelSignature } from "./model-signature.js";

export function modelInputSchema(signature: ModelSignature): Schema {
  const schema: Schema = {};
  const declared = signature.metadata[KilnMetadataKey.features];
  if (declared !== undefined) {
    try {
      const features = JSON.parse(declared) as { name: string; kind: Schema[string] }[];
      for (const f of features) schema[f.name] = f.kind;
      return schema;
    } catch {
      // fall back to the datatypes
    }
  }
  for (const input of signature.inputs) {
    schema[input.name] =
      input.datatype === "BYTES" ? "categorical" : input.datatype === "BOOL" ? "boolean" : "numeric";
  }
  return schema;
}
