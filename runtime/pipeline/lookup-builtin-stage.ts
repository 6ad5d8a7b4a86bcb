import { ConfigError, type SourcePosition } from "../errors.js";
import type { BuiltinStage } from "./builtin-stage.js";

/** The built-in stage named by `uses: kiln/<name>`; an unknown name lists the known ones, sorted. */
export function lookupBuiltinStage(
  uses: string,
  position: SourcePosition,
  stages: Record<string, BuiltinStage>,
): BuiltinStage {
  const name = uses.replace(/^kiln\//, "");
  const stage = Object.hasOwn(stages, name) ? stages[name] : undefined;
  if (!stage) {
    const known = Object.keys(stages)
      .sort()
      .map((n) => `kiln/${n}`)
      .join(", ");
    throw new ConfigError(position, `unknown built-in stage '${uses}'. Known built-in stages: ${known}.`);
  }
  return stage;
}

/**
 * Kiln's built-in stages, imported only when a pipeline uses one: some (kiln/train, kiln/evaluate)
 * load onnxruntime, which pipelines of shell commands should not pay for at every start.
 */
export async function loadBuiltinStages(): Promise<Record<string, BuiltinStage>> {
  return (await import("./builtin-stages.js")).builtinStages;
}
