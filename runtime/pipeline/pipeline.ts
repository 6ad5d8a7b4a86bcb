import type { SourcePosition } from "../errors.js";

/**
 * A pipeline as loaded from kiln.yaml: stages after foreach/matrix expansion, with the source
 * position of every field so later checks (the DAG, built-in stages) can name file:line:col.
 */
export interface Pipeline {
  /** Absolute path of kiln.yaml. */
  file: string;
  /** The folder holding kiln.yaml; commands run here and paths are relative to it. */
  root: string;
  /** Stages by name, in file order (expanded stages in item order). */
  stages: Map<string, Stage>;
  /** The `models:` section as written (typed by the schema; used by the registry). */
  models: Record<string, ModelSpec>;
  /** The `monitor:` section as written. */
  monitor: MonitorSpec | undefined;
}

export interface Stage {
  /** Unique name; expanded stages are `<base>@<item>`. */
  name: string;
  /** The name written in kiln.yaml (differs from `name` for foreach/matrix stages). */
  base: string;
  /** Set for expanded stages: the values this copy was made for. */
  expansion: ExpansionValues | undefined;
  desc: string | undefined;
  /** Exactly one of `cmd` and `uses` is set. */
  cmd: string | undefined;
  uses: string | undefined;
  with: Record<string, unknown>;
  /**
   * Set when `cmd` or `with` used `${params.…}`: the params file they read and the fields as
   * written (`cmd` and `with` above hold the values after replacement).
   */
  paramTemplates: ParamTemplates | undefined;
  deps: Dep[];
  outs: Out[];
  params: ParamRef[];
  metrics: string[];
  needs: NeedRef[];
  env: Record<string, string>;
  /** Milliseconds; undefined means no limit. */
  timeoutMs: number | undefined;
  retry: RetryPolicy;
  alwaysRun: boolean;
  runsOn: string | string[] | undefined;
  /** Where the stage is declared (its key in `stages:`). */
  position: SourcePosition;
  /** Positions of fields, by field name (e.g. `cmd`, `with`). */
  fieldPositions: Partial<Record<string, SourcePosition>>;
}

export interface ParamTemplates {
  file: string;
  cmd?: string;
  with?: Record<string, unknown>;
}

export interface ExpansionValues {
  /** The label used in the stage name after `@`. */
  label: string;
  /** The values for interpolation: `item`, `key`, `matrix.<name>`. */
  values: Record<string, unknown>;
}

export const DepKind = { path: "path", glob: "glob", remote: "remote" } as const;
export type DepKind = (typeof DepKind)[keyof typeof DepKind];

export interface Dep {
  /** As written (after interpolation): a relative path, a glob, `s3://…` or `store://…`. */
  path: string;
  kind: DepKind;
  position: SourcePosition;
}

export interface Out {
  /** Relative to the project folder, without a trailing slash. */
  path: string;
  /** False keeps the out away from the run cache (it cannot be restored, only re-made). */
  cache: boolean;
  position: SourcePosition;
}

export interface ParamRef {
  /** The params file, relative to the project folder. */
  file: string;
  /** Dotted key inside it; undefined for the whole file. */
  key: string | undefined;
  /** Where kiln.yaml asks for it: the `params:` entry, or the `cmd`/`with` value using `${params.…}`. */
  position: SourcePosition;
}

export interface NeedRef {
  stage: string;
  position: SourcePosition;
}

export interface RetryPolicy {
  /** Extra attempts after the first one fails. */
  count: number;
  /** Delay before the first retry, in ms; doubles each retry. */
  backoffMs: number;
  /** Upper bound of one delay, in ms. */
  maxDelayMs: number;
}

export interface ModelSpec {
  artifact: string;
  metrics?: string;
  params?: string | string[];
  stage?: string;
  data?: string;
  description?: string;
}

export interface MonitorSpec {
  schedule?: string;
  window?: string;
  reference?: string;
  columns?: string[];
  method?: string;
  threshold?: number;
  drift_share?: number;
  close_after?: number;
}
