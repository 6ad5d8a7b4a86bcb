/**
 * A helper thread that builds half of a large node's histogram while the main thread builds the
 * other half, over the same shared WebAssembly memory. The main thread stays synchronous: it hands
 * the helper its half through a small control block in the shared memory and waits for it with
 * Atomics, so training needs no async plumbing.
 *
 * Splitting a node into halves is decided by the node's size alone, never by whether a helper
 * thread exists, so a model is the same bit for bit with or without one.
 */

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { HISTOGRAM_KERNELS, type WasmMemory } from "./wasm-kernels.js";

/** Control block states. */
const IDLE = 0;
const TASK = 1;
const DONE = 2;
const QUIT = 3;
const FAILED = 4;

/** Int32 cells of the control block: state, 7 task arguments, spare, kernel. */
export const CONTROL_INTS = 16;

/** Runs inside the worker (plain JavaScript, CommonJS, since it is evaluated from a string). */
const workerSource = `
const { workerData } = require("node:worker_threads");
const { memory, module, control } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const histograms = ${JSON.stringify(HISTOGRAM_KERNELS)}.map((name) => kernels[name]);
const c = new Int32Array(memory.buffer, control, ${CONTROL_INTS});
for (;;) {
  let state = Atomics.load(c, 0);
  while (state !== ${TASK} && state !== ${QUIT}) {
    Atomics.wait(c, 0, state);
    state = Atomics.load(c, 0);
  }
  if (state === ${QUIT}) break;
  try {
    const build = histograms[c[9]];
    build(c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    Atomics.store(c, 0, ${DONE});
  } catch (error) {
    Atomics.store(c, 0, ${FAILED});
  }
  Atomics.notify(c, 0);
}
`;

export class HistogramWorker {
  private readonly control: Int32Array;

  private constructor(
    private readonly worker: Worker,
    memory: WasmMemory,
    controlOffset: number,
  ) {
    this.control = new Int32Array(memory.buffer, controlOffset, CONTROL_INTS);
  }

  /** A helper thread, or undefined when the machine has a single core. */
  static start(memory: WasmMemory, module: object, controlOffset: number): HistogramWorker | undefined {
    if (availableParallelism() < 2) return undefined;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { memory, module, control: controlOffset },
    });
    worker.unref();
    return new HistogramWorker(worker, memory, controlOffset);
  }

  /** Starts histogram kernel `kernel` (an index into HISTOGRAM_KERNELS) on the helper thread. */
  begin(kernel: number, args: readonly number[]): void {
    const c = this.control;
    for (let i = 0; i < 7; i++) c[1 + i] = args[i]!;
    c[9] = kernel;
    Atomics.store(c, 0, TASK);
    Atomics.notify(c, 0);
  }

  /** Waits for the task started by `begin`. */
  finish(): void {
    const c = this.control;
    for (;;) {
      const state = Atomics.load(c, 0);
      if (state === DONE) break;
      if (state === FAILED) throw new Error("gbdt: the histogram helper thread failed (a bug in Kiln).");
      Atomics.wait(c, 0, state, 1000);
    }
    Atomics.store(c, 0, IDLE);
  }

  close(): void {
    Atomics.store(this.control, 0, QUIT);
    Atomics.notify(this.control, 0);
    void this.worker.terminate();
  }
}
