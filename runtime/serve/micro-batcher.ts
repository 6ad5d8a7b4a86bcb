/**
 * Adaptive micro-batching for one loaded model: concurrent requests are coalesced into one
 * onnxruntime call, their inputs concatenated along dim 0, and the outputs split back per request.
 *
 * Policy (bounded size, bounded wait):
 * - A request that arrives while a run slot is free is dispatched at the end of the current event
 *   loop turn (`setImmediate`), together with every request parsed in that turn — no added wait
 *   when the server is quiet. With `maxLatencyMs > 0` the batch waits up to that long to fill.
 * - Requests that arrive while all `maxConcurrentRuns` slots are busy queue up; when a run ends,
 *   the queue is dispatched as one batch of up to `maxBatchSize` rows. A request larger than
 *   `maxBatchSize` rows runs alone.
 * - Requests are validated before they are submitted, so a malformed one never enters a batch. If
 *   onnxruntime still fails on a batch (a value the model rejects), each member is run again on
 *   its own, so only the culprit fails.
 */
import type { DecodedInput, InferCall } from "./infer-request.js";
import type { ModelOutputs } from "./loaded-model.js";
import { allocateTensorData } from "./tensor-datatypes.js";
import { elementsPerRow, sliceRows } from "./tensor-rows.js";

export interface MicroBatchOptions {
  /** Most rows in one onnxruntime call (default 64). */
  maxBatchSize: number;
  /** Longest a request waits for a batch to fill while a run slot is free, in ms (default 0). */
  maxLatencyMs: number;
  /** onnxruntime calls in flight at once for this model (default 1). */
  maxConcurrentRuns: number;
}

export const defaultMicroBatchOptions: MicroBatchOptions = {
  maxBatchSize: 64,
  maxLatencyMs: 0,
  maxConcurrentRuns: 1,
};

export interface MicroBatchHooks {
  /** Called with the number of rows of every onnxruntime call. */
  onBatch?(rows: number): void;
}

type Run = (inputs: readonly DecodedInput[]) => Promise<ModelOutputs>;

interface Pending {
  call: InferCall;
  resolve(outputs: ModelOutputs): void;
  reject(error: unknown): void;
}

export class MicroBatcher {
  readonly #run: Run;
  readonly #options: MicroBatchOptions;
  readonly #hooks: MicroBatchHooks;
  #queue: Pending[] = [];
  #queuedRows = 0;
  #running = 0;
  #scheduled = false;
  #idleWaiters: Array<() => void> = [];

  constructor(run: Run, options: Partial<MicroBatchOptions> = {}, hooks: MicroBatchHooks = {}) {
    this.#run = run;
    this.#options = { ...defaultMicroBatchOptions, ...options };
    this.#hooks = hooks;
  }

  /** Rows waiting for a run. */
  get queuedRows(): number {
    return this.#queuedRows;
  }

  /** Run a validated call as part of a batch; resolves with this call's rows of every output. */
  submit(call: InferCall): Promise<ModelOutputs> {
    return new Promise<ModelOutputs>((resolve, reject) => {
      this.#queue.push({ call, resolve, reject });
      this.#queuedRows += call.rows;
      this.#schedule();
    });
  }

  /** Resolves once nothing is queued or running (for draining a model being replaced). */
  idle(): Promise<void> {
    if (this.#queue.length === 0 && this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#running >= this.#options.maxConcurrentRuns)
      return;
    this.#scheduled = true;
    const fire = () => {
      this.#scheduled = false;
      this.#dispatch();
    };
    if (this.#options.maxLatencyMs > 0 && this.#queuedRows < this.#options.maxBatchSize) {
      setTimeout(fire, this.#options.maxLatencyMs);
    } else {
      setImmediate(fire);
    }
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && this.#running < this.#options.maxConcurrentRuns) {
      const batch: Pending[] = [];
      let rows = 0;
      while (this.#queue.length > 0) {
        const next = this.#queue[0]!;
        if (batch.length > 0 && rows + next.call.rows > this.#options.maxBatchSize) break;
        this.#queue.shift();
        batch.push(next);
        rows += next.call.rows;
      }
      this.#queuedRows -= rows;
      this.#running++;
      void this.#runBatch(batch, rows).finally(() => {
        this.#running--;
        if (this.#queue.length > 0) this.#schedule();
        else if (this.#running === 0) this.#notifyIdle();
      });
    }
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async #runBatch(batch: Pending[], rows: number): Promise<void> {
    if (batch.length === 1) {
      const only = batch[0]!;
      this.#hooks.onBatch?.(rows);
      try {
        only.resolve(await this.#run(only.call.inputs));
      } catch (error: unknown) {
        only.reject(error);
      }
      return;
    }
    let outputs: ModelOutputs;
    try {
      this.#hooks.onBatch?.(rows);
      outputs = await this.#run(concatenate(batch.map((p) => p.call)));
      if (!Object.values(outputs).every((o) => o.dims[0] === rows))
        throw new Error("outputs do not follow dim 0");
    } catch {
      // One member may be the culprit: run each alone so only it fails.
      await Promise.all(
        batch.map(async (member) => {
          this.#hooks.onBatch?.(member.call.rows);
          try {
            member.resolve(await this.#run(member.call.inputs));
          } catch (error: unknown) {
            member.reject(error);
          }
        }),
      );
      return;
    }
    const cuts = Object.entries(outputs).map(([name, output]) => ({
      name,
      output,
      perRow: elementsPerRow(output.dims),
      rowShape: output.dims.slice(1),
    }));
    let start = 0;
    for (const member of batch) {
      const end = start + member.call.rows;
      const mine: ModelOutputs = {};
      for (const { name, output, perRow, rowShape } of cuts) {
        mine[name] = {
          datatype: output.datatype,
          dims: [member.call.rows, ...rowShape],
          data: sliceRows(output.data, perRow, start, end),
        };
      }
      member.resolve(mine);
      start = end;
    }
  }
}

/** Stack the inputs of several calls along dim 0 (all calls were validated against one signature). */
function concatenate(calls: readonly InferCall[]): DecodedInput[] {
  const first = calls[0]!;
  let rows = 0;
  for (const call of calls) rows += call.rows;
  return first.inputs.map((input, k) => {
    const rowShape = input.shape.slice(1);
    const perRow = elementsPerRow(input.shape);
    const data = allocateTensorData(input.datatype, rows * perRow);
    let offset = 0;
    for (const call of calls) {
      const part = call.inputs[k]!.data;
      if (Array.isArray(data) || part.length <= 8) {
        // Strings, and the few elements of one request's row (copied faster by hand than by set()).
        for (let i = 0; i < part.length; i++) (data as Float32Array)[offset + i] = (part as Float32Array)[i]!;
      } else {
        (data as Float32Array).set(part as Float32Array, offset);
      }
      offset += part.length;
    }
    return { name: input.name, datatype: input.datatype, shape: [rows, ...rowShape], data };
  });
}
