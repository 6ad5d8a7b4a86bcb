import type { Logger } from "../logger.js";
import type { ObjectStore } from "../store/object-store.js";

/**
 * A stage Kiln ships, used in kiln.yaml as `uses: kiln/<name>` with `with:` settings, instead of a
 * shell `cmd`. Built-in stages are looked up by name in the map in builtin-stages.ts.
 */
export interface BuiltinStage {
  /** The name after `kiln/`, e.g. `train`. */
  name: string;
  /** One line for `kiln --help` and errors listing the known stages. */
  description: string;
  /**
   * Check `with` and return the files it reads and writes (relative to the project folder), so the
   * pipeline can add them to the stage's deps and outs. Throws ConfigError naming the field.
   */
  plan(settings: BuiltinStageSettings): { deps: string[]; outs: string[]; metrics?: string[] };
  /** Do the work. Paths in `with` are relative to `cwd`. */
  run(context: BuiltinStageContext): Promise<void>;
}

export interface BuiltinStageSettings {
  /** The stage's `with:` map as written in kiln.yaml. */
  with: Record<string, unknown>;
  /** The stage's name in kiln.yaml, for messages. */
  stage: string;
  /** kiln.yaml path, line and column of the `with:` key, for ConfigError positions. */
  file: string;
  line?: number;
  column?: number;
}

export interface BuiltinStageContext extends BuiltinStageSettings {
  cwd: string;
  logger: Logger;
  store: ObjectStore;
  signal: AbortSignal;
}
