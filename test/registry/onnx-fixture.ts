import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OnnxModelBuilder } from "../../runtime/train/onnx-writer.js";

/**
 * Tiny real ONNX models for registry tests (they load in onnxruntime-node):
 * - `base`:         x FLOAT[-1,2] → y = x + w
 * - `retyped`:      x DOUBLE[-1,2] → y = x + w (input and output retyped: an incompatible change)
 * - `extra-output`: base plus z = Identity(y) (an added output: compatible)
 * `seed` changes the weights, so every seed is a distinct artifact.
 */
export type OnnxVariant = "base" | "retyped" | "extra-output";

export function tinyOnnxModel(seed = 0, variant: OnnxVariant = "base"): Uint8Array {
  const builder = new OnnxModelBuilder({ graphName: `fixture-${seed}` });
  const type = variant === "retyped" ? "double" : "float";
  builder.addInput("x", type, [-1, 2]);
  const w = builder.addInitializer("w", {
    type: variant === "retyped" ? "double" : "float",
    dims: [2],
    values: [seed, seed + 0.5],
  });
  builder.addNode("Add", ["x", w], ["y"]);
  builder.addOutput("y", type, [-1, 2]);
  if (variant === "extra-output") {
    builder.addNode("Identity", ["y"], ["z"]);
    builder.addOutput("z", type, [-1, 2]);
  }
  return builder.serialize();
}

export async function writeOnnxModel(
  folder: string,
  fileName: string,
  seed = 0,
  variant: OnnxVariant = "base",
) {
  const path = join(folder, fileName);
  await writeFile(path, tinyOnnxModel(seed, variant));
  return path;
}
