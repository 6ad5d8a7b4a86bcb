import { describe, expect, it } from "vitest";
import { ModelError } from "../../runtime/errors.js";
import { readInferRequest } from "../../runtime/serve/infer-request.js";
import { loadModel } from "../../runtime/serve/loaded-model.js";
import { MicroBatcher } from "../../runtime/serve/micro-batcher.js";
import { gatherModel, logisticModel, multiDimensionalModel } from "./onnx-fixtures.js";

const logistic = logisticModel({ features: 4, weights: [0.5, -1, 2, 0.25], bias: 0.1 });

function rowOf(seed: number): number[] {
  return [seed / 10, 1 - seed / 20, (seed % 3) - 1, seed % 2];
}

async function logisticSetup(options: { maxBatchSize?: number } = {}) {
  const model = await loadModel(logistic.bytes, { name: "churn", version: "1.0.0", sha256: "x" });
  const batches: number[] = [];
  const batcher = new MicroBatcher((inputs) => model.run(inputs), options, {
    onBatch: (rows) => batches.push(rows),
  });
  const call = (row: number[]) =>
    readInferRequest(
      { instances: [Object.fromEntries(logistic.features.map((f, i) => [f, row[i]]))] },
      model.signature,
    );
  return { model, batcher, batches, call };
}

describe("the micro-batcher", () => {
  it("coalesces requests that arrive together into one onnxruntime call and gives each its own rows", async () => {
    const { batcher, batches, call } = await logisticSetup();
    const rows = Array.from({ length: 10 }, (_, i) => rowOf(i));
    const results = await Promise.all(rows.map((row) => batcher.submit(call(row))));
    expect(batches).toEqual([10]);
    results.forEach((outputs, i) => {
      const p = logistic.probability(rows[i]!);
      expect(outputs.probabilities!.dims).toEqual([1, 2]);
      const probabilities = outputs.probabilities!.data as Float32Array;
      expect(probabilities[1]).toBeCloseTo(p, 5);
      expect(probabilities[0]).toBeCloseTo(1 - p, 5);
      expect(outputs.label!.data).toEqual([p > 0.5 ? "yes" : "no"]);
    });
  });

  it("stacks multi-element rows and requests of several rows in order, and splits the outputs back", async () => {
    const model = await loadModel(multiDimensionalModel(), { name: "multi", version: "1", sha256: "x" });
    const batches: number[] = [];
    const batcher = new MicroBatcher(
      (inputs) => model.run(inputs),
      {},
      { onBatch: (rows) => batches.push(rows) },
    );
    // Requests of 1, 2 and 3 rows; row r of request q has image elements 100q + 10r + (0…5).
    const calls = [1, 2, 3, 1].map((rows, q) =>
      readInferRequest(
        {
          inputs: [
            {
              name: "image",
              datatype: "INT64",
              shape: [rows, 2, 3],
              data: Array.from({ length: rows * 6 }, (_, i) => 100 * q + 10 * Math.floor(i / 6) + (i % 6)),
            },
            {
              name: "flag",
              datatype: "BOOL",
              shape: [rows],
              data: Array.from({ length: rows }, (_, r) => r % 2 === 0),
            },
          ],
        },
        model.signature,
      ),
    );
    const together = await Promise.all(calls.map((call) => batcher.submit(call)));
    expect(batches).toEqual([7]);
    const alone = await Promise.all(calls.map((call) => model.run(call.inputs)));
    expect(together).toEqual(alone);
    expect(Array.from(together[1]!.total!.data as BigInt64Array)).toEqual([615n, 675n]);
  });

  it("never puts more than maxBatchSize rows in one call", async () => {
    const { batcher, batches, call } = await logisticSetup({ maxBatchSize: 4 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(call(rowOf(i)))));
    expect(batches).toEqual([4, 4, 2]);
    await batcher.idle();
    expect(batcher.queuedRows).toBe(0);
  });

  it("reruns a failed batch member by member, so only the request onnxruntime rejects fails", async () => {
    const model = await loadModel(gatherModel(), { name: "lookup", version: "1", sha256: "x" });
    const batches: number[] = [];
    const batcher = new MicroBatcher(
      (inputs) => model.run(inputs),
      {},
      { onBatch: (rows) => batches.push(rows) },
    );
    const indices = [0, 2, 7, 1, -1];
    const settled = await Promise.allSettled(
      indices.map((i) => batcher.submit(readInferRequest({ instances: [{ i }] }, model.signature))),
    );
    const table = [10, 20, 30];
    settled.forEach((result, k) => {
      const i = indices[k]!;
      if (i === 7) {
        expect(result.status).toBe("rejected");
        const reason = (result as PromiseRejectedResult).reason;
        expect(reason).toBeInstanceOf(ModelError);
        expect((reason as Error).message).toContain("lookup@1: onnxruntime failed on this request");
        expect((reason as Error).message).toContain("idx=7");
      } else {
        expect(result.status).toBe("fulfilled");
        const outputs = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof batcher.submit>>>).value;
        expect([...(outputs.v!.data as Float32Array)]).toEqual([table[(i + 3) % 3]]);
      }
    });
    expect(batches[0]).toBe(5);
    expect(batches.slice(1).sort()).toEqual([1, 1, 1, 1, 1]);
  });
});
