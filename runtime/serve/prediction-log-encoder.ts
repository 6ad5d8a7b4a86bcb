/**
 * The main thread's side of the prediction log's encoder thread (prediction-log-worker.ts):
 * serializing and compressing predictions costs as much as validating a request, so it happens on
 * another core, like pino's transports. Rows go over in columns (prediction-log-columns.ts); `end`
 * resolves with an object's gzip bytes. If the thread dies, the objects it held are reported lost
 * (their `end` rejects) and the next rows start a new thread.
 */
import { Worker } from "node:worker_threads";
import { type ColumnBatch, encodeColumns } from "./prediction-log-columns.js";
import type { PredictionLogEntry } from "./prediction-log-lines.js";

/**
 * The worker beside this module: built, `prediction-log-worker.js`; run from source (tests,
 * `node --import tsx`), the .ts file, loaded through tsx in the thread too.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const url = new URL("./prediction-log-worker.ts", here).href;
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL("./prediction-log-worker.js", here));
}

/** Rows queued before they are posted at once, and the longest they wait. */
const postRows = 512;
const postDelayMs = 20;

interface Thread {
  worker: Worker;
  /** Objects with rows on this thread. */
  objects: Set<number>;
  ends: Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>;
  dead: Error | undefined;
}

export class PredictionLogEncoder {
  #thread: Thread | undefined;
  /** Objects whose rows were on a thread that died: later rows for them are dropped too. */
  readonly #lost = new Set<number>();

  /** Column batches not yet posted: a message wakes the thread, so they go in bunches. */
  #queue: Array<{ object: number; batches: ColumnBatch[]; transfer: ArrayBuffer[] }> = [];
  #queuedRows = 0;
  #timer: NodeJS.Timeout | undefined;

  /** Append entries to log object `object`. */
  write(object: number, entries: readonly PredictionLogEntry[]): void {
    if (this.#lost.has(object)) return;
    const { batches, transfer } = encodeColumns(entries);
    this.#queue.push({ object, batches, transfer });
    for (const entry of entries) this.#queuedRows += entry.rows;
    if (this.#queuedRows >= postRows) this.#post();
    else this.#timer ??= setTimeout(() => this.#post(), postDelayMs).unref();
  }

  #post(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const queue = this.#queue;
    this.#queue = [];
    this.#queuedRows = 0;
    if (queue.length === 0) return;
    const thread = this.#live();
    for (const { object } of queue) thread.objects.add(object);
    thread.worker.postMessage(
      { kind: "rows", parts: queue.map(({ object, batches }) => ({ object, batches })) },
      queue.flatMap((q) => q.transfer),
    );
  }

  /** End log object `object`: its whole gzip member. Rejects if the thread holding its rows died. */
  end(object: number): Promise<Uint8Array> {
    this.#post();
    const thread = this.#thread;
    if (this.#lost.delete(object) || thread === undefined || !thread.objects.has(object)) {
      return Promise.reject(new Error("the encoder thread holding these rows stopped"));
    }
    thread.objects.delete(object);
    // While an answer is awaited the thread keeps the process alive (a flush on shutdown waits for it).
    thread.worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      thread.ends.set(object, { resolve, reject });
      thread.worker.postMessage({ kind: "end", object });
    }).finally(() => {
      if (thread.ends.size === 0 && !thread.dead) thread.worker.unref();
    });
  }

  /** Stop the thread (once every object has ended). */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const thread = this.#thread;
    this.#thread = undefined;
    if (thread !== undefined && !thread.dead) await thread.worker.terminate();
  }

  #live(): Thread {
    if (this.#thread !== undefined && this.#thread.dead === undefined) return this.#thread;
    const worker = startWorker();
    // The thread never keeps the server alive: the log is flushed on shutdown before close().
    worker.unref();
    const thread: Thread = { worker, objects: new Set(), ends: new Map(), dead: undefined };
    worker.on(
      "message",
      (
        message:
          | { kind: "ended"; object: number; bytes: Uint8Array }
          | { kind: "failed"; object: number; error: string },
      ) => {
        const waiting = thread.ends.get(message.object);
        thread.ends.delete(message.object);
        if (message.kind === "ended") waiting?.resolve(message.bytes);
        else waiting?.reject(new Error(message.error));
      },
    );
    const die = (error: Error) => {
      thread.dead ??= error;
      for (const waiting of thread.ends.values()) waiting.reject(error);
      thread.ends.clear();
      for (const object of thread.objects) this.#lost.add(object);
      thread.objects.clear();
    };
    worker.on("error", die);
    worker.on("exit", (code) => die(new Error(`the encoder thread exited (code ${code})`)));
    this.#thread = thread;
    return thread;
  }
}
