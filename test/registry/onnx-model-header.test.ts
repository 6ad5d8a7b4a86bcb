import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelError } from "../../runtime/errors.js";
import { readOnnxFileSignature } from "../../runtime/registry/onnx-file-signature.js";
import { readOnnxModelHeader } from "../../runtime/registry/onnx-model-header.js";
import { OnnxModelBuilder } from "../../runtime/train/onnx-writer.js";
import { readOnnxSignature } from "../../runtime/train/read-onnx-signature.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kiln-onnx-header-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A model whose weights (4 MB) dwarf its signature, with a weight also listed as a graph input. */
function heavyModel(): Uint8Array {
  const builder = new OnnxModelBuilder({ graphName: "heavy" });
  builder.addInput("features", "float", [-1, 1_000_000]);
  builder.addInput("segment", "string", [-1, 1]);
  const weights = builder.addInitializer("weights", {
    type: "float",
    dims: [1_000_000],
    values: Float32Array.from({ length: 1_000_000 }, (_, i) => i % 7),
  });
  builder.addNode("Mul", ["features", weights], ["scaled"]);
  builder.addNode("ReduceSum", ["scaled"], ["score"], { keepdims: { int: 1 } });
  builder.addOutput("score", "float", [-1, 1]);
  builder.setMetadata("kiln.task", "regression");
  return builder.serialize();
}

describe("reading an ONNX file's signature from its header", () => {
  it("gives the same signature as decoding the whole model, from a fraction of its bytes", async () => {
    const bytes = heavyModel();
    const path = join(folder, "heavy.onnx");
    await writeFile(path, bytes);
    const header = await readOnnxModelHeader(path);
    expect(header.length).toBeLessThan(bytes.length / 100);
    const expected = readOnnxSignature(bytes);
    expect(await readOnnxFileSignature(path)).toEqual(expected);
    expect(expected.inputs.map((i) => i.name)).toEqual(["features", "segment"]);
    expect(expected.metadata["kiln.task"]).toBe("regression");
  });

  describe.each([
    ["an empty file", () => new Uint8Array(0), "the file is empty"],
    ["a JSON file", () => new TextEncoder().encode('{"accuracy": 0.9}\n'), "is not an ONNX model"],
    ["random bytes", () => Uint8Array.from(randomBytes(4096)), "is not an ONNX model"],
    ["a model cut in half", () => heavyModel().slice(0, 2_000_000), "runs past the end"],
  ])("%s", (what, bytes, expected) => {
    it("is refused as not an ONNX model, naming the file", async () => {
      const path = join(folder, `${what.replaceAll(" ", "-")}.bin`);
      await writeFile(path, bytes());
      const error = await readOnnxFileSignature(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain(expected);
    });
  });

  it("names a missing file", async () => {
    const path = join(folder, "missing.onnx");
    await expect(readOnnxFileSignature(path)).rejects.toThrow(`artifact '${path}' does not exist.`);
  });

  it("reads a model that onnxruntime itself accepts unchanged", async () => {
    const path = join(folder, "heavy2.onnx");
    await writeFile(path, heavyModel());
    const ort = await import("onnxruntime-node");
    const session = await ort.InferenceSession.create(await readFile(path));
    const signature = await readOnnxFileSignature(path);
    expect(signature.inputs.map((i) => i.name)).toEqual([...session.inputNames]);
    expect(signature.outputs.map((o) => o.name)).toEqual([...session.outputNames]);
  });
});
