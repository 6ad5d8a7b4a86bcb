/**
 * The ONNX side of the preprocessing: declares one graph input per raw feature column ([-1, 1],
 * float for numeric and boolean features, string for categorical ones; a missing number is NaN, a
 * missing category the empty string) and adds the nodes that turn them into the [-1, F] float
 * feature matrix, exactly as encode-features.ts does in TypeScript.
 */
import type { Preprocessing } from "./feature-preprocessing.js";
import { OnnxDomain, type OnnxModelBuilder } from "./onnx-writer.js";

/** Adds the feature inputs and preprocessing nodes; returns the name of the [-1, F] float matrix. */
export function buildFeatureGraph(builder: OnnxModelBuilder, preprocessing: Preprocessing): string {
  const blocks: string[] = [];
  for (const feature of preprocessing.features) {
    if (feature.kind === "categorical") {
      const input = builder.addInput(feature.name, "string", [-1, 1]);
      const k = feature.categories.length;
      if (k === 0) continue;
      const keys = { strings: feature.categories };
      if (feature.encoding === "ordinal") {
        blocks.push(
          builder.op(
            "LabelEncoder",
            [input],
            {
              keys_strings: keys,
              values_floats: { floats: feature.categories.map((_, i) => i) },
              default_float: { float: Number.NaN },
            },
            { domain: OnnxDomain.ml },
          ),
        );
        continue;
      }
      const codes = builder.op(
        "LabelEncoder",
        [input],
        {
          keys_strings: keys,
          values_int64s: { ints: feature.categories.map((_, i) => i) },
          default_int64: { int: -1 },
        },
        { domain: OnnxDomain.ml },
      );
      const range = builder.addInitializer(`${feature.name}_categories`, {
        type: "int64",
        dims: [1, k],
        values: feature.categories.map((_, i) => i),
      });
      const matches = builder.op("Equal", [codes, range]);
      blocks.push(builder.op("Cast", [matches], { to: { int: 1 } }));
      continue;
    }
    let x = builder.addInput(feature.name, "float", [-1, 1]);
    if (feature.impute !== null) {
      const missing = builder.op("IsNaN", [x]);
      const fill = builder.addInitializer(`${feature.name}_impute`, {
        type: "float",
        dims: [1],
        values: [feature.impute],
      });
      x = builder.op("Where", [missing, fill, x]);
    }
    if (feature.center !== 0) {
      const center = builder.addInitializer(`${feature.name}_center`, {
        type: "float",
        dims: [1],
        values: [feature.center],
      });
      x = builder.op("Sub", [x, center]);
    }
    if (feature.scale !== 1) {
      const scale = builder.addInitializer(`${feature.name}_scale`, {
        type: "float",
        dims: [1],
        values: [feature.scale],
      });
      x = builder.op("Div", [x, scale]);
    }
    blocks.push(x);
  }
  return builder.op("Concat", blocks, { axis: { int: 1 } }, { name: "features" });
}
