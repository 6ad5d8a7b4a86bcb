/**
 * A model loaded in onnxruntime-node and ready to answer: its identity (name, version, digest),
 * its signature, and `run`, the one place onnxruntime errors are turned into Kiln errors.
 */
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { errorMessage, ModelError } from "../errors.js";
import type { ModelSignature } from "../train/model-signature.js";
import type { DecodedInput } from "./infer-request.js";
import { hasBatchDimension } from "./infer-request.js";
import {
  graphNames,
  type InputPacking,
  maxPackedModelBytes,
  packInputs,
  packModelInputs,
  planInputPacking,
} from "./input-packing.js";
import { sessionSignature } from "./session-signature.js";
import { datatypeOfOrtType, ortTypeOfDatatype } from "./tensor-datatypes.js";
import type { OutputTensor } from "./tensor-rows.js";

export type ModelOutputs = Record<string, OutputTensor>;

export interface LoadedModel {
  readonly name: string;
  readonly version: string;
  /** sha256 of the ONNX bytes, hex. */
  readonly sha256: string;
  readonly signature: ModelSignature;
  /** Whether every input and output has a variable dim 0, so requests can share a run. */
  readonly batchable: boolean;
  /** Inputs fed to onnxruntime packed into fewer tensors (see input-packing.ts): how many, into how many. */
  readonly packed: { inputs: number; tensors: number } | undefined;
  /** One onnxruntime call. Throws ModelError when onnxruntime fails. */
  run(inputs: readonly DecodedInput[]): Promise<ModelOutputs>;
  /** Free the session; call once nothing runs on it any more. */
  release(): Promise<void>;
}

export interface LoadModelOptions {
  name: string;
  version: string;
  sha256: string;
  /** onnxruntime intra-op threads (default 1: many small requests beat one wide one). */
  threads?: number;
  /** Pack narrow inputs of one datatype into one tensor for onnxruntime (default true). */
  packInputs?: boolean;
}

/** Load ONNX bytes into an onnxruntime session. Throws ModelError when the bytes are not a usable model. */
export async function loadModel(bytes: Uint8Array, options: LoadModelOptions): Promise<LoadedModel> {
  const where = { model: options.name, version: options.version };
  const create = (model: Uint8Array) =>
    ort.InferenceSession.create(model, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
      // Failures come back as errors and are logged by the server; keep onnxruntime quiet.
      logSeverityLevel: 4,
    });
  let session: ort.InferenceSession;
  try {
    session = await create(bytes);
  } catch (error: unknown) {
    throw new ModelError(`onnxruntime cannot load the model: ${errorMessage(error)}`, where, {
      cause: error,
    });
  }
  // Decoded once: for the metadata, and for input packing's rewrite.
  const model = onnxProto.onnx.ModelProto.decode(bytes);
  const signature = sessionSignature(session, model, where);
  let packing: InputPacking | undefined;
  if ((options.packInputs ?? true) && bytes.length <= maxPackedModelBytes) {
    packing = planInputPacking(signature, graphNames(model));
    if (packing !== undefined) {
      try {
        const packed = await create(packModelInputs(model, signature, packing));
        await session.release();
        session = packed;
      } catch {
        // Packing only saves time: a graph onnxruntime will not take rewritten is served as it is.
        packing = undefined;
      }
    }
  }
  const outputTypes = new Map(signature.outputs.map((o) => [o.name, o.datatype]));
  return {
    name: options.name,
    version: options.version,
    sha256: options.sha256,
    signature,
    batchable: hasBatchDimension(signature),
    packed:
      packing === undefined
        ? undefined
        : {
            inputs: packing.groups.reduce((n, g) => n + g.members.length, 0),
            tensors: packing.groups.length,
          },
    async run(inputs) {
      const feeds: Record<string, ort.Tensor> = {};
      for (const input of packing === undefined ? inputs : packInputs(inputs, packing)) {
        feeds[input.name] = new ort.Tensor(
          ortTypeOfDatatype[input.datatype],
          input.data as ort.Tensor.DataType,
          input.shape,
        );
      }
      let results: ort.InferenceSession.OnnxValueMapType;
      try {
        results = await session.run(feeds);
      } catch (error: unknown) {
        throw new ModelError(`onnxruntime failed on this request: ${errorMessage(error)}`, where, {
          cause: error,
        });
      }
      const outputs: ModelOutputs = {};
      for (const [name, value] of Object.entries(results)) {
        outputs[name] = {
          datatype: outputTypes.get(name) ?? datatypeOfOrtType(value.type),
          dims: [...value.dims],
          data: value.data,
        };
      }
      return outputs;
    },
    async release() {
      await session.release();
    },
  };
}
