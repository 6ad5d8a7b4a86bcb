import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import picomatch from "picomatch";
import { globSync } from "tinyglobby";
import { ConfigError, type SourcePosition } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { DepKind, type Pipeline, type Stage } from "./pipeline.js";

/** Why one stage comes after another. */
export interface Edge {
  from: string;
  to: string;
  /** The dep path that links them, or undefined for an explicit `needs`. */
  via: string | undefined;
  position: SourcePosition;
}

/** The pipeline's stages as a graph: edges from outs to deps, plus `needs`. */
export interface PipelineDag {
  /** Stages in a topological order (file order among independent stages). */
  order: Stage[];
  upstream: Map<string, Set<string>>;
  downstream: Map<string, Set<string>>;
  edges: Edge[];
}

export interface BuildDagOptions {
  /** Whether a dep no stage writes exists; defaults to looking on disk under the project folder. */
  exists?: (path: string, kind: "path" | "glob") => boolean;
}

/**
 * Link the stages. Errors (ConfigError, positioned): two stages writing one out, a dep no stage
 * writes and no file provides, `needs` naming an unknown stage, and a cycle (with its path).
 */
export function buildDag(pipeline: Pipeline, options: BuildDagOptions = {}): PipelineDag {
  const exists =
    options.exists ??
    ((path: string, kind: "path" | "glob") =>
      kind === "path"
        ? existsSync(join(pipeline.root, path))
        : globSync(path, { cwd: pipeline.root, onlyFiles: false, expandDirectories: false }).length > 0);
  const stages = [...pipeline.stages.values()];
  const producers = new Map<string, { stage: Stage; position: SourcePosition }>();
  /** Folders that hold outs → the stages writing inside them. */
  const insideFolder = new Map<string, Set<string>>();
  for (const stage of stages) {
    for (const out of stage.outs) {
      const other = producers.get(out.path);
      if (other) {
        throw new ConfigError(
          out.position,
          `stages '${other.stage.name}' and '${stage.name}' both write '${out.path}' (also at line ${other.position.line}). Each out must have one stage that writes it.`,
        );
      }
      producers.set(out.path, { stage, position: out.position });
      for (let folder = dirname(out.path); folder !== "." && folder !== "/"; folder = dirname(folder)) {
        const set = insideFolder.get(folder) ?? new Set<string>();
        set.add(stage.name);
        insideFolder.set(folder, set);
      }
    }
  }
  const byBase = new Map<string, string[]>();
  for (const stage of stages) {
    const list = byBase.get(stage.base) ?? [];
    list.push(stage.name);
    byBase.set(stage.base, list);
  }

  const upstream = new Map<string, Set<string>>(stages.map((s) => [s.name, new Set<string>()]));
  const downstream = new Map<string, Set<string>>(stages.map((s) => [s.name, new Set<string>()]));
  const edges: Edge[] = [];
  const link = (from: string, to: string, via: string | undefined, position: SourcePosition) => {
    if (upstream.get(to)?.has(from)) return;
    upstream.get(to)?.add(from);
    downstream.get(from)?.add(to);
    edges.push({ from, to, via, position });
  };

  for (const stage of stages) {
    for (const dep of stage.deps) {
      if (dep.kind === DepKind.remote) continue;
      const found = new Set<string>();
      if (dep.kind === DepKind.glob) {
        const matches = picomatch(dep.path, { dot: true });
        for (const [outPath, producer] of producers) if (matches(outPath)) found.add(producer.stage.name);
      } else {
        for (let path = dep.path; path !== "." && path !== "/"; path = dirname(path)) {
          const producer = producers.get(path);
          if (producer) found.add(producer.stage.name);
        }
        for (const name of insideFolder.get(dep.path) ?? []) found.add(name);
      }
      if (found.size === 0 && !exists(dep.path, dep.kind)) {
        throw new ConfigError(
          dep.position,
          `stage '${stage.name}' needs '${dep.path}', which no stage writes and no file provides. Add it to a stage's outs or create it.`,
        );
      }
      for (const from of found) link(from, stage.name, dep.path, dep.position);
    }
    for (const need of stage.needs) {
      const targets = pipeline.stages.has(need.stage) ? [need.stage] : byBase.get(need.stage);
      if (!targets) {
        throw new ConfigError(
          need.position,
          `stage '${stage.name}' needs stage '${need.stage}', which does not exist.${didYouMean(need.stage, byBase.keys())}`,
        );
      }
      for (const from of targets) link(from, stage.name, undefined, need.position);
    }
  }
  const order = topologicalOrder(stages, upstream, downstream, edges);
  return { order, upstream, downstream, edges };
}

function topologicalOrder(
  stages: Stage[],
  upstream: Map<string, Set<string>>,
  downstream: Map<string, Set<string>>,
  edges: Edge[],
): Stage[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const remaining = new Map(stages.map((s) => [s.name, upstream.get(s.name)?.size ?? 0]));
  const ready = stages.filter((s) => remaining.get(s.name) === 0).map((s) => s.name);
  const order: Stage[] = [];
  for (let i = 0; i < ready.length; i++) {
    const name = ready[i] as string;
    order.push(byName.get(name) as Stage);
    for (const next of downstream.get(name) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length < stages.length) throw cycleError(stages, remaining, upstream, edges);
  return order;
}

/** Find one cycle among the stages left over and report it as a path. */
function cycleError(
  stages: Stage[],
  remaining: Map<string, number>,
  upstream: Map<string, Set<string>>,
  edges: Edge[],
): ConfigError {
  const stuck = stages.filter((s) => (remaining.get(s.name) ?? 0) > 0).map((s) => s.name);
  const stuckSet = new Set(stuck);
  // Walk upstream from a stuck stage until a stage repeats: that stretch is a cycle.
  const seen = new Map<string, number>();
  const walk: string[] = [];
  let current = stuck[0] as string;
  while (!seen.has(current)) {
    seen.set(current, walk.length);
    walk.push(current);
    const next = [...(upstream.get(current) ?? [])].find((u) => stuckSet.has(u));
    if (next === undefined) break;
    current = next;
  }
  const loop = walk.slice(seen.get(current) ?? 0).reverse();
  // Start the cycle at the stage written first in kiln.yaml, so the report reads in file order.
  const fileOrder = new Map(stages.map((s, i) => [s.name, i]));
  const start = loop.reduce(
    (best, name, i) => ((fileOrder.get(name) ?? 0) < (fileOrder.get(loop[best] as string) ?? 0) ? i : best),
    0,
  );
  const cycle = [...loop.slice(start), ...loop.slice(0, start)];
  cycle.push(cycle[0] as string);
  const [first, second] = cycle;
  const edge = edges.find((e) => e.from === first && e.to === second);
  const links = cycle
    .slice(0, -1)
    .map((from, i) => {
      const to = cycle[i + 1] as string;
      const e = edges.find((x) => x.from === from && x.to === to);
      return e?.via === undefined ? `${to} needs ${from}` : `${to} reads '${e.via}' from ${from}`;
    })
    .join("; ");
  return new ConfigError(
    edge?.position ?? { file: "kiln.yaml" },
    `the stages form a cycle: ${cycle.join(" -> ")} (${links}). Remove one of these deps or needs.`,
  );
}
