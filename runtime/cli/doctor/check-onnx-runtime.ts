import { errorMessage } from "../../errors.js";
import type { DoctorCheckResult } from "./doctor-check.js";
import { tinyAddModel } from "./tiny-onnx-model.js";

/** The parts of onnxruntime-node the check uses (so a test could pass another build). */
export interface OnnxRuntimeModule {
  InferenceSession: {
    create(model: Uint8Array): Promise<{
      run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown }>>;
      release?(): Promise<void>;
    }>;
  };
  Tensor: new (type: "float32", data: Float32Array, dims: readonly number[]) => unknown;
  env?: { versions?: { node?: string; common?: string } };
}

/** onnxruntime-node loads, creates a session from a model built in memory, and computes 1+10, 2+20, 3+30. */
export async function checkOnnxRuntime(load: () => Promise<OnnxRuntimeModule>): Promise<DoctorCheckResult> {
  const hint =
    "Reinstall onnxruntime-node (npm ci); its CPU binaries ship in the package for linux/macOS/windows x64 and arm64.";
  let ort: OnnxRuntimeModule;
  try {
    ort = await load();
  } catch (error: unknown) {
    return {
      name: "onnxruntime",
      status: "fail",
      summary: `onnxruntime-node does not load: ${errorMessage(error)}`,
      hint,
    };
  }
  try {
    const session = await ort.InferenceSession.create(tinyAddModel());
    const a = new ort.Tensor("float32", Float32Array.from([1, 2, 3]), [3]);
    const b = new ort.Tensor("float32", Float32Array.from([10, 20, 30]), [3]);
    const result = await session.run({ a, b });
    await session.release?.();
    const sum = Array.from((result.sum?.data as Float32Array | undefined) ?? []);
    if (sum.join(",") !== "11,22,33") {
      return {
        name: "onnxruntime",
        status: "fail",
        summary: `onnxruntime-node computed [${sum.join(", ")}] for [1, 2, 3] + [10, 20, 30]`,
        hint,
      };
    }
    const version = ort.env?.versions?.node ?? ort.env?.versions?.common;
    return {
      name: "onnxruntime",
      status: "pass",
      summary: `onnxruntime-node${version ? ` ${version}` : ""} loads and runs a model`,
      details: version === undefined ? {} : { version },
    };
  } catch (error: unknown) {
    return {
      name: "onnxruntime",
      status: "fail",
      summary: `onnxruntime-node cannot run a model: ${errorMessage(error)}`,
      hint,
    };
  }
}
