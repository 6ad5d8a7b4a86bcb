import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/**
 * The smallest useful ONNX model, built in memory: `sum = a + b` over float vectors of any length
 * (one Add node, opset 15, IR version 8). `kiln doctor` runs it to prove onnxruntime works here.
 */
export function tinyAddModel(): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const vector = (name: string) => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: "n" }] } } },
  });
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    producerName: "kiln-doctor",
    opsetImport: [{ domain: "", version: 15 }],
    graph: {
      name: "add",
      node: [{ opType: "Add", input: ["a", "b"], output: ["sum"], name: "add" }],
      input: [vector("a"), vector("b")],
      output: [vector("sum")],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
