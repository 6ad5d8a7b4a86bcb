/**
 * Reading and validating an inference request against the served model's signature, before it can
 * reach onnxruntime or share a batch with other requests.
 *
 * Two forms are accepted at `POST /v2/models/{name}[/versions/{v}]/infer`:
 *
 * 1. The KServe V2 tensor form:
 *    `{"id"?, "parameters"?, "inputs": [{"name", "datatype", "shape", "data"}], "outputs"?: [{"name"}]}`
 *    with `data` flat or nested, row-major, covering `shape`.
 * 2. The records form, for people and scripts:
 *    `{"id"?, "instances": [{"<input name>": value, …}, …]}` — one object per row, one field per
 *    model input (a scalar for inputs of shape [-1] or [-1, 1], an array of the row's elements
 *    otherwise). The answer is `{"model_name", "model_version", "id"?, "predictions": [...]}`,
 *    see infer-response.ts.
 *
 * Every mistake is a RequestError (400) naming the field and what was expected.
 */
import { RequestError } from "../errors.js";
import type { ModelSignature, TensorDatatype, TensorSpec } from "../train/model-signature.js";
import { allocateTensorData, expectedValueText, type TensorData, writeElement } from "./tensor-datatypes.js";
import { elementCount } from "./tensor-rows.js";

/** One input of a validated request, ready to become an onnxruntime tensor. */
export interface DecodedInput {
  name: string;
  datatype: TensorDatatype;
  shape: number[];
  data: TensorData;
}

export const RequestForm = { tensors: "tensors", records: "records" } as const;
export type RequestForm = (typeof RequestForm)[keyof typeof RequestForm];

/** Where the text of each input element of a request is in its body. */
export interface ElementText {
  body: Uint8Array;
  /** Start and end (byte offsets in `body`) of hole h's text, at 2h and 2h + 1. */
  bounds: Int32Array;
  /** The hole of flat element j of input k: `holeOf[k][j]`. */
  holeOf: readonly Int32Array[];
}

/** A request that passed validation. */
export interface InferCall {
  form: RequestForm;
  /** The client's `id`, echoed in the answer. */
  id: string | undefined;
  /** Size of the batch dimension (dim 0) shared by all inputs; 1 for models without one. */
  rows: number;
  /** Inputs in the model's input order. */
  inputs: DecodedInput[];
  /** Outputs the client asked for (tensor form `outputs`), or undefined for all. */
  outputNames: string[] | undefined;
  /**
   * Where the client's text of each input element is, when the request was read by a template
   * (request-templates.ts): the prediction log copies it rather than formatting the number again.
   */
  elementText?: ElementText;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

function specText(spec: TensorSpec): string {
  return `${spec.datatype}, shape ${shapeText(spec.shape)}`;
}

function namesText(specs: readonly TensorSpec[]): string {
  const names = specs.map((s) => s.name);
  return names.length > 25
    ? `${names.slice(0, 25).join(", ")}, … (${names.length} in all)`
    : names.join(", ");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The request field of tensor data: `inputs[i].data` for the tensor form, the record field otherwise. */
function fieldOf(where: number | string): string {
  return typeof where === "number" ? `inputs[${where}].data` : where;
}

/**
 * Write nested-or-flat JSON `data` for a tensor of `shape` into `out`, checking every element.
 * Returns the number of elements written; throws RequestError naming the field (built only then).
 */
function writeTensorData(
  where: number | string,
  datatype: TensorDatatype,
  shape: readonly number[],
  data: unknown,
  out: TensorData,
  offset: number,
  total: number,
): number {
  if (!Array.isArray(data)) {
    if (total === 1 && shape.length === 0) {
      if (!writeElement(datatype, out, offset, data)) {
        throw new RequestError(
          400,
          `${fieldOf(where)}: expected ${expectedValueText(datatype)}, got ${describe(data)}.`,
          { field: fieldOf(where) },
        );
      }
      return 1;
    }
    throw new RequestError(
      400,
      `${fieldOf(where)}: expected an array of ${total} ${datatype} values, got ${describe(data)}.`,
      { field: fieldOf(where) },
    );
  }
  // Flat: row-major elements.
  if (data.length === total && (total === 0 || !Array.isArray(data[0]))) {
    for (let i = 0; i < total; i++) {
      if (!writeElement(datatype, out, offset + i, data[i])) {
        throw new RequestError(
          400,
          `${fieldOf(where)}[${i}]: expected ${expectedValueText(datatype)}, got ${describe(data[i])}.`,
          { field: `${fieldOf(where)}[${i}]` },
        );
      }
    }
    return total;
  }
  // Nested: each level must match the shape.
  let written = 0;
  const walk = (path: string, level: number, value: unknown): void => {
    if (level === shape.length) {
      if (!writeElement(datatype, out, offset + written, value)) {
        throw new RequestError(
          400,
          `${path}: expected ${expectedValueText(datatype)}, got ${describe(value)}.`,
          {
            field: path,
          },
        );
      }
      written++;
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[level]) {
      throw new RequestError(
        400,
        `${path}: expected ${total} values (flat) or nested arrays matching shape ${shapeText(shape)}; ` +
          `${Array.isArray(value) ? `found ${value.length} at depth ${level}` : `got ${describe(value)}`}.`,
        { field: path },
      );
    }
    for (let i = 0; i < value.length; i++) walk(`${path}[${i}]`, level + 1, value[i]);
  };
  walk(fieldOf(where), 0, data);
  return written;
}

/** Whether every input and output has a variable first dimension, so rows of requests can be stacked. */
export function hasBatchDimension(signature: ModelSignature): boolean {
  return lookupOf(signature).batchable;
}

interface SignatureLookup {
  inputIndex: Map<string, number>;
  batchable: boolean;
}

/** Per-signature lookups, computed once per loaded model rather than once per request. */
const lookups = new WeakMap<ModelSignature, SignatureLookup>();

function lookupOf(signature: ModelSignature): SignatureLookup {
  let lookup = lookups.get(signature);
  if (lookup === undefined) {
    const all = [...signature.inputs, ...signature.outputs];
    lookup = {
      inputIndex: new Map(signature.inputs.map((spec, k) => [spec.name, k])),
      batchable: all.length > 0 && all.every((t) => t.shape.length > 0 && t.shape[0] === -1),
    };
    lookups.set(signature, lookup);
  }
  return lookup;
}

function readId(body: Record<string, unknown>): string | undefined {
  const id = body.id;
  if (id === undefined) return undefined;
  if (typeof id !== "string")
    throw new RequestError(400, `id: expected a string, got ${describe(id)}.`, { field: "id" });
  return id;
}

function readOutputNames(body: Record<string, unknown>, signature: ModelSignature): string[] | undefined {
  const outputs = body.outputs;
  if (outputs === undefined) return undefined;
  if (!Array.isArray(outputs)) {
    throw new RequestError(400, `outputs: expected an array of {"name": …}, got ${describe(outputs)}.`, {
      field: "outputs",
    });
  }
  return outputs.map((o, i) => {
    const name = isPlainObject(o) ? o.name : undefined;
    if (typeof name !== "string" || !signature.outputs.some((s) => s.name === name)) {
      throw new RequestError(
        400,
        `outputs[${i}].name: expected one of the model's outputs (${namesText(signature.outputs)}), got ${describe(name)}.`,
        { field: `outputs[${i}].name` },
      );
    }
    return name;
  });
}

/** Validate a KServe V2 tensor-form request body. */
export function readTensorRequest(body: Record<string, unknown>, signature: ModelSignature): InferCall {
  const id = readId(body);
  const inputs = body.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new RequestError(
      400,
      `inputs: expected a non-empty array of {"name", "datatype", "shape", "data"}, got ${describe(inputs)}.`,
      { field: "inputs" },
    );
  }
  const lookup = lookupOf(signature);
  const found: Array<DecodedInput | undefined> = new Array(signature.inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const entry: unknown = inputs[i];
    if (!isPlainObject(entry)) {
      throw new RequestError(
        400,
        `inputs[${i}]: expected an object {"name", "datatype", "shape", "data"}, got ${describe(entry)}.`,
        { field: `inputs[${i}]` },
      );
    }
    const name = entry.name;
    if (typeof name !== "string") {
      throw new RequestError(400, `inputs[${i}].name: expected a string, got ${describe(name)}.`, {
        field: `inputs[${i}].name`,
      });
    }
    const index = lookup.inputIndex.get(name);
    if (index === undefined) {
      throw new RequestError(
        400,
        `inputs[${i}].name: the model has no input '${name}'; its inputs are: ${namesText(signature.inputs)}.`,
        { field: `inputs[${i}].name` },
      );
    }
    const spec = signature.inputs[index]!;
    if (found[index] !== undefined) {
      throw new RequestError(400, `inputs[${i}].name: input '${name}' is given twice.`, {
        field: `inputs[${i}].name`,
      });
    }
    if (entry.datatype !== spec.datatype) {
      throw new RequestError(
        400,
        `inputs[${i}].datatype: input '${name}' expects "${spec.datatype}", got ${describe(entry.datatype)}.`,
        { field: `inputs[${i}].datatype` },
      );
    }
    const shape = entry.shape;
    let size = 1;
    let shapeOk = Array.isArray(shape);
    if (shapeOk) {
      for (const d of shape as unknown[]) {
        if (!Number.isSafeInteger(d) || (d as number) < 0) {
          shapeOk = false;
          break;
        }
        size *= d as number;
      }
    }
    if (!shapeOk) {
      throw new RequestError(
        400,
        `inputs[${i}].shape: expected an array of non-negative integers like ${shapeText(spec.shape.map((d) => (d < 0 ? 1 : d)))}, got ${describe(shape)}.`,
        { field: `inputs[${i}].shape` },
      );
    }
    const dims = shape as number[];
    if (spec.shape.length > 0) {
      let fits = dims.length === spec.shape.length;
      for (let k = 0; fits && k < dims.length; k++) {
        const want = spec.shape[k]!;
        if (want >= 0 && want !== dims[k]) fits = false;
      }
      if (!fits) {
        throw new RequestError(
          400,
          `inputs[${i}].shape: input '${name}' expects shape ${shapeText(spec.shape)} (-1: any size), got ${shapeText(dims)}.`,
          { field: `inputs[${i}].shape` },
        );
      }
    }
    const values = entry.data;
    if (values === undefined) {
      throw new RequestError(400, `inputs[${i}].data: missing; expected ${size} ${spec.datatype} values.`, {
        field: `inputs[${i}].data`,
      });
    }
    const count = Array.isArray(values) ? flatLength(values) : 1;
    if (count !== size) {
      throw new RequestError(
        400,
        `inputs[${i}].data: shape ${shapeText(dims)} needs ${size} values, got ${count}.`,
        {
          field: `inputs[${i}].data`,
        },
      );
    }
    const data = allocateTensorData(spec.datatype, size);
    writeTensorData(i, spec.datatype, dims, values, data, 0, size);
    found[index] = { name, datatype: spec.datatype, shape: dims, data };
  }
  for (let k = 0; k < found.length; k++) {
    if (found[k] === undefined) {
      const spec = signature.inputs[k]!;
      throw new RequestError(400, `inputs: missing input '${spec.name}' (${specText(spec)}).`, {
        field: "inputs",
      });
    }
  }
  const ordered = found as DecodedInput[];
  let rows = 1;
  if (lookup.batchable) {
    rows = ordered[0]!.shape[0]!;
    const other = ordered.find((input) => input.shape[0] !== rows);
    if (other !== undefined) {
      throw new RequestError(
        400,
        `inputs: all inputs must have the same batch size (dim 0); '${ordered[0]!.name}' has ${rows}, '${other.name}' has ${other.shape[0]}.`,
        { field: "inputs" },
      );
    }
  }
  return {
    form: RequestForm.tensors,
    id,
    rows,
    inputs: ordered,
    outputNames: readOutputNames(body, signature),
  };
}

function flatLength(data: unknown[]): number {
  let n = 0;
  for (const v of data) n += Array.isArray(v) ? flatLength(v) : 1;
  return n;
}

/** Validate a records-form request body (`instances`). */
export function readRecordsRequest(body: Record<string, unknown>, signature: ModelSignature): InferCall {
  const id = readId(body);
  const instances = body.instances;
  if (!Array.isArray(instances) || instances.length === 0) {
    throw new RequestError(
      400,
      `instances: expected a non-empty array of objects {"<input>": value}, got ${describe(instances)}.`,
      {
        field: "instances",
      },
    );
  }
  const rows = instances.length;
  const columns = signature.inputs.map((spec) => {
    const rowShape = spec.shape.slice(1);
    const fixedBatch = spec.shape[0] !== undefined && spec.shape[0] >= 0 ? spec.shape[0] : undefined;
    if (
      spec.shape.length === 0 ||
      rowShape.some((d) => d < 0) ||
      (fixedBatch !== undefined && fixedBatch !== rows)
    ) {
      throw new RequestError(
        400,
        `instances: input '${spec.name}' has shape ${shapeText(spec.shape)}, which the records form cannot fill` +
          `${fixedBatch !== undefined ? ` with ${rows} instance(s)` : ""}; send the V2 tensor form ("inputs") instead.`,
        { field: "instances" },
      );
    }
    const perRow = elementCount(rowShape);
    return { spec, rowShape, perRow, data: allocateTensorData(spec.datatype, rows * perRow) };
  });
  for (let r = 0; r < rows; r++) {
    const instance: unknown = instances[r];
    const at = `instances[${r}]`;
    if (!isPlainObject(instance)) {
      throw new RequestError(
        400,
        `${at}: expected an object {"<input>": value}, got ${describe(instance)}.`,
        { field: at },
      );
    }
    let seen = 0;
    for (const column of columns) {
      const { spec, perRow, data } = column;
      const value = instance[spec.name];
      const field = `${at}.${spec.name}`;
      if (value === undefined) {
        throw new RequestError(
          400,
          `${at}: missing field '${spec.name}' (${expectedValueText(spec.datatype)}).`,
          {
            field,
          },
        );
      }
      seen++;
      if (perRow === 1 && !Array.isArray(value)) {
        if (!writeElement(spec.datatype, data, r, value)) {
          throw new RequestError(
            400,
            `${field}: expected ${expectedValueText(spec.datatype)}, got ${describe(value)}.`,
            {
              field,
            },
          );
        }
      } else {
        const count = Array.isArray(value) ? flatLength(value) : 1;
        if (count !== perRow) {
          throw new RequestError(
            400,
            `${field}: expected ${perRow} value(s) per instance (row shape ${shapeText(column.rowShape)}), got ${count}.`,
            { field },
          );
        }
        writeTensorData(field, spec.datatype, column.rowShape, value, data, r * perRow, perRow);
      }
    }
    if (seen !== Object.keys(instance).length) {
      const extra = Object.keys(instance).find((k) => !signature.inputs.some((s) => s.name === k));
      throw new RequestError(
        400,
        `${at}: unknown field '${extra}'; the model's inputs are: ${namesText(signature.inputs)}.`,
        { field: `${at}.${extra}` },
      );
    }
  }
  return {
    form: RequestForm.records,
    id,
    rows,
    inputs: columns.map(({ spec, rowShape, data }) => ({
      name: spec.name,
      datatype: spec.datatype,
      shape: [rows, ...rowShape],
      data,
    })),
    outputNames: undefined,
  };
}

/** Validate a parsed JSON body in either form. */
export function readInferRequest(body: unknown, signature: ModelSignature): InferCall {
  if (!isPlainObject(body)) {
    throw new RequestError(
      400,
      `body: expected a JSON object with "inputs" (V2 tensors) or "instances" (records), got ${describe(body)}.`,
      {
        field: "body",
      },
    );
  }
  if ("instances" in body) {
    if ("inputs" in body) {
      throw new RequestError(
        400,
        `body: give either "inputs" (V2 tensors) or "instances" (records), not both.`,
        {
          field: "body",
        },
      );
    }
    return readRecordsRequest(body, signature);
  }
  return readTensorRequest(body, signature);
}
