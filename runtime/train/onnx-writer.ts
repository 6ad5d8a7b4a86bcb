/**
 * A small builder for ONNX models over the ONNX protobuf schema (onnx-proto): graph inputs and
 * outputs with shapes, initializers, nodes with attributes, opset imports and metadata_props.
 * Every trainer writes its model through it. The defaults (ir_version 8, ai.onnx 15, ai.onnx.ml 3)
 * are what onnxruntime-node 1.30 loads.
 */

import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";

const { onnx: proto } = onnxProto;

/** ONNX tensor element types (TensorProto.DataType). */
export const OnnxElementType = {
  float: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  double: 11,
  uint32: 12,
  uint64: 13,
} as const;
export type OnnxElementType = keyof typeof OnnxElementType;

/** The ONNX operator set domains. */
export const OnnxDomain = { onnx: "", ml: "ai.onnx.ml" } as const;

export const defaultOpsets: Readonly<Record<string, number>> = { "": 15, "ai.onnx.ml": 3 };
export const defaultIrVersion = 8;

/** A dimension: a size, or -1 / a name for a variable one (written as dim_param). */
export type Dimension = number | string;

/** A constant tensor (an initializer, or a tensor attribute). */
export type TensorValue =
  | { type: "float"; dims: number[]; values: ArrayLike<number> }
  | { type: "double"; dims: number[]; values: ArrayLike<number> }
  | { type: "int64"; dims: number[]; values: ArrayLike<number> | BigInt64Array }
  | { type: "int32"; dims: number[]; values: ArrayLike<number> }
  | { type: "bool"; dims: number[]; values: ArrayLike<boolean | number> }
  | { type: "string"; dims: number[]; values: readonly string[] };

/** An attribute value, tagged with its ONNX attribute type. */
export type AttributeValue =
  | { int: number }
  | { float: number }
  | { string: string }
  | { ints: readonly number[] }
  | { floats: ArrayLike<number> }
  | { strings: readonly string[] }
  | { tensor: TensorValue };

const encoder = new TextEncoder();

export class OnnxModelBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly metadata = new Map<string, string>();
  private readonly names = new Set<string>();
  private counter = 0;
  private readonly graphName: string;
  private readonly producerVersion: string;
  private readonly opsets: Record<string, number>;

  constructor(
    options: { graphName?: string; producerVersion?: string; opsets?: Record<string, number> } = {},
  ) {
    this.graphName = options.graphName ?? "kiln";
    this.producerVersion = options.producerVersion ?? "";
    this.opsets = { ...defaultOpsets, ...options.opsets };
  }

  /** A name not used yet in the graph, starting with `prefix`. */
  uniqueName(prefix: string): string {
    let name = prefix;
    while (this.names.has(name)) name = `${prefix}_${++this.counter}`;
    this.names.add(name);
    return name;
  }

  addInput(name: string, type: OnnxElementType, shape: readonly Dimension[]): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  addOutput(name: string, type: OnnxElementType, shape: readonly Dimension[]): string {
    this.outputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Adds a constant tensor under a fresh name derived from `prefix` and returns the name. */
  addInitializer(prefix: string, tensor: TensorValue): string {
    const name = this.uniqueName(prefix);
    this.initializers.push(tensorProto(name, tensor));
    return name;
  }

  /**
   * Adds a node. `outputs` are names or, when a number, how many fresh output names to make (from
   * the op type). Returns the output names.
   */
  addNode(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[] | number,
    attributes: Record<string, AttributeValue> = {},
    options: { domain?: string; name?: string } = {},
  ): string[] {
    const outputNames =
      typeof outputs === "number"
        ? Array.from({ length: outputs }, () => this.uniqueName(opType.toLowerCase()))
        : outputs.map((o) => {
            this.names.add(o);
            return o;
          });
    this.nodes.push({
      opType,
      domain: options.domain ?? "",
      name: this.uniqueName(options.name ?? `${opType}_node`),
      input: [...inputs],
      output: outputNames,
      attribute: Object.entries(attributes).map(([name, value]) => attributeProto(name, value)),
    });
    return outputNames;
  }

  /** Adds a node with one fresh output and returns its name. */
  op(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, AttributeValue> = {},
    options: { domain?: string; name?: string } = {},
  ): string {
    return this.addNode(opType, inputs, 1, attributes, options)[0]!;
  }

  setMetadata(key: string, value: string): void {
    this.metadata.set(key, value);
  }

  serialize(): Uint8Array {
    const model: onnx.IModelProto = {
      irVersion: defaultIrVersion,
      producerName: "kiln",
      producerVersion: this.producerVersion,
      opsetImport: Object.entries(this.opsets).map(([domain, version]) => ({ domain, version })),
      metadataProps: [...this.metadata].map(([key, value]) => ({ key, value })),
      graph: {
        name: this.graphName,
        node: this.nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    };
    return proto.ModelProto.encode(model).finish();
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`ONNX graph name '${name}' is used twice.`);
    this.names.add(name);
  }
}

function valueInfo(name: string, type: OnnxElementType, shape: readonly Dimension[]): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: OnnxElementType[type],
        shape: {
          dim: shape.map((d) =>
            typeof d === "string" ? { dimParam: d } : d < 0 ? { dimParam: "N" } : { dimValue: d },
          ),
        },
      },
    },
  };
}

function tensorProto(name: string, tensor: TensorValue): onnx.ITensorProto {
  const base = { name, dims: [...tensor.dims], dataType: OnnxElementType[tensor.type] };
  switch (tensor.type) {
    case "float":
      return { ...base, rawData: bytesOf(Float32Array.from(tensor.values)) };
    case "double":
      return { ...base, rawData: bytesOf(Float64Array.from(tensor.values)) };
    case "int32":
      return { ...base, rawData: bytesOf(Int32Array.from(tensor.values)) };
    case "int64": {
      const values =
        tensor.values instanceof BigInt64Array
          ? tensor.values
          : BigInt64Array.from(Array.from(tensor.values, (v) => BigInt(Math.trunc(v))));
      return { ...base, rawData: bytesOf(values) };
    }
    case "bool":
      return { ...base, rawData: Uint8Array.from(Array.from(tensor.values, (v) => (v ? 1 : 0))) };
    case "string":
      return { ...base, stringData: tensor.values.map((s) => encoder.encode(s)) };
  }
}

/** Little-endian bytes of a typed array (ONNX raw_data is little-endian, as is every host Node runs on here). */
function bytesOf(array: Float32Array | Float64Array | Int32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function attributeProto(name: string, value: AttributeValue): onnx.IAttributeProto {
  const types = proto.AttributeProto.AttributeType;
  if ("int" in value) return { name, type: types.INT, i: value.int };
  if ("float" in value) return { name, type: types.FLOAT, f: value.float };
  if ("string" in value) return { name, type: types.STRING, s: encoder.encode(value.string) };
  if ("ints" in value) return { name, type: types.INTS, ints: [...value.ints] };
  if ("floats" in value) return { name, type: types.FLOATS, floats: Array.from(value.floats) };
  if ("strings" in value)
    return { name, type: types.STRINGS, strings: value.strings.map((s) => encoder.encode(s)) };
  return { name, type: types.TENSOR, t: tensorProto(name, value.tensor) };
}
