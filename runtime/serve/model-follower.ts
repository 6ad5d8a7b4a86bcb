/**
 * Hot swap: poll a model source and, when the reference it follows moves to another version,
 * load that version beside the one being served and switch to it (ServedModel.swap). A failed
 * poll or load is logged and retried at the next poll; the served version stays in place.
 */
import { errorMessage } from "../errors.js";
import type { Logger } from "../logger.js";
import type { LoadedModel } from "./loaded-model.js";
import type { ModelSource, ResolvedModel } from "./model-source.js";
import type { ServedModel } from "./served-model.js";

export interface ModelFollowerOptions {
  source: ModelSource;
  served: ServedModel;
  load: (resolved: ResolvedModel) => Promise<LoadedModel>;
  logger: Logger;
  /** Time between polls, ms. */
  intervalMs: number;
  /** Called after each completed swap (for tests and logs). */
  onSwap?: (from: string, to: string) => void;
}

export interface ModelFollower {
  /** Check once now; resolves when any swap it started has switched. */
  poll(): Promise<void>;
  stop(): Promise<void>;
}

export function followModel(options: ModelFollowerOptions): ModelFollower {
  const { source, served, load, logger } = options;
  let busy: Promise<void> | undefined;
  let stopped = false;
  const drains = new Set<Promise<void>>();

  async function check(): Promise<void> {
    const serving = served.current.model.version;
    const wanted = await source.currentVersion();
    if (wanted === serving || stopped) return;
    const resolved = await source.resolve();
    if (resolved.version === serving || stopped) return;
    logger.info(`${source.description}: loading version ${resolved.version} (serving ${serving}).`);
    const next = await load(resolved);
    if (stopped) {
      await next.release();
      return;
    }
    const drain = served.swap(next);
    drains.add(drain);
    void drain.finally(() => drains.delete(drain));
    logger.info(`${source.description}: now serving version ${next.version} (was ${serving}).`);
    options.onSwap?.(serving, next.version);
  }

  function poll(): Promise<void> {
    busy ??= check()
      .catch((error: unknown) => {
        logger.warn(`${source.description}: cannot check for a new version: ${errorMessage(error)}`);
      })
      .finally(() => {
        busy = undefined;
      });
    return busy;
  }

  const timer = setInterval(() => void poll(), options.intervalMs);
  timer.unref();

  return {
    poll,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
      await Promise.all([...drains]);
    },
  };
}
