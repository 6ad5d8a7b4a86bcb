/**
 * One model name as the server answers for it: the version being served now, and the versions
 * being drained after a swap. Switching is one reference assignment: a request takes the current
 * version when it arrives and keeps it to the end, so no request is cut off by a swap; the old
 * version is released once its last request is answered.
 */
import { type InferCall, readInferRequest } from "./infer-request.js";
import type { LoadedModel, ModelOutputs } from "./loaded-model.js";
import { MicroBatcher, type MicroBatchOptions } from "./micro-batcher.js";
import { parseJsonBody } from "./read-json-body.js";
import { RequestTemplates } from "./request-templates.js";
import type { ServeMetrics } from "./serve-metrics.js";

/** A loaded version with its batcher and the count of requests using it. */
export class ServedVersion {
  readonly model: LoadedModel;
  readonly #batcher: MicroBatcher | undefined;
  readonly #metrics: ServeMetrics | undefined;
  readonly #unwatchQueue: () => void;
  readonly #templates = new RequestTemplates();
  #inFlight = 0;
  #drained: Array<() => void> = [];

  constructor(
    model: LoadedModel,
    batching: MicroBatchOptions | undefined,
    metrics: ServeMetrics | undefined,
  ) {
    this.model = model;
    this.#metrics = metrics;
    const batcher =
      batching && model.batchable
        ? new MicroBatcher((inputs) => model.run(inputs), batching, {
            onBatch: (rows) => metrics?.observeBatch(model.name, model.version, rows),
          })
        : undefined;
    this.#batcher = batcher;
    this.#unwatchQueue =
      batcher && metrics ? metrics.watchQueue(model.name, model.version, () => batcher.queuedRows) : () => {};
  }

  /** Stop reporting this version's queue (once it is released). */
  forget(): void {
    this.#unwatchQueue();
  }

  get batching(): boolean {
    return this.#batcher !== undefined;
  }

  /**
   * Read and validate a request body against this version's signature: by a learned layout when
   * the body has one (see request-templates.ts), else as JSON. Throws RequestError (400).
   */
  readRequest(body: Buffer): InferCall {
    const known = this.#templates.match(body);
    if (known !== undefined) return known;
    const call = readInferRequest(parseJsonBody(body), this.model.signature);
    this.#templates.learn(body, call);
    return call;
  }

  /** Run a validated call on this version (batched when the model allows). */
  async infer(call: InferCall): Promise<ModelOutputs> {
    this.#inFlight++;
    try {
      if (this.#batcher) return await this.#batcher.submit(call);
      this.#metrics?.observeBatch(this.model.name, this.model.version, call.rows);
      return await this.model.run(call.inputs);
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) {
        const waiters = this.#drained;
        this.#drained = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  /** Resolves once no request is using this version. */
  drained(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drained.push(resolve));
  }
}

export class ServedModel {
  readonly name: string;
  #current: ServedVersion;
  readonly #draining = new Set<ServedVersion>();
  readonly #batching: MicroBatchOptions | undefined;
  readonly #metrics: ServeMetrics | undefined;

  constructor(first: LoadedModel, batching: MicroBatchOptions | undefined, metrics?: ServeMetrics) {
    this.name = first.name;
    this.#batching = batching;
    this.#metrics = metrics;
    this.#current = this.#wrap(first);
    metrics?.setServed(first.name, first.version, first.sha256, true);
  }

  #wrap(model: LoadedModel): ServedVersion {
    return new ServedVersion(model, this.#batching, this.#metrics);
  }

  /** The version new requests go to. */
  get current(): ServedVersion {
    return this.#current;
  }

  /** The version with this name, if it takes new requests (only the current one does). */
  version(version: string): ServedVersion | undefined {
    return this.#current.model.version === version ? this.#current : undefined;
  }

  /** Versions still loaded: the current one first, then any being drained. */
  get loadedVersions(): string[] {
    return [this.#current.model.version, ...[...this.#draining].map((v) => v.model.version)];
  }

  /**
   * Serve `next` from now on; the previous version finishes its requests and is released.
   * Resolves when the previous version has been released.
   */
  async swap(next: LoadedModel): Promise<void> {
    const previous = this.#current;
    this.#current = this.#wrap(next);
    this.#metrics?.setServed(next.name, next.version, next.sha256, true);
    this.#draining.add(previous);
    try {
      await previous.drained();
      previous.forget();
      await previous.model.release();
    } finally {
      this.#draining.delete(previous);
      if (previous.model.version !== next.version) {
        this.#metrics?.setServed(previous.model.name, previous.model.version, previous.model.sha256, false);
      }
    }
  }

  /** Wait for every request on every loaded version (for shutdown). */
  async drained(): Promise<void> {
    await Promise.all([this.#current.drained(), ...[...this.#draining].map((v) => v.drained())]);
  }
}
