import type { SourcePosition } from "../errors.js";
import { evaluateStage } from "../train/evaluate-stage.js";
import { trainStage } from "../train/train-stage.js";
import type { BuiltinStage } from "./builtin-stage.js";
import { fetchStage } from "./fetch-stage.js";
import { lookupBuiltinStage as lookupIn } from "./lookup-builtin-stage.js";

/**
 * The built-in stages, by the name after `kiln/` (`uses: kiln/fetch`). Areas add theirs here,
 * one line each.
 */
export const builtinStages: Record<string, BuiltinStage> = {
  fetch: fetchStage,
  train: trainStage,
  evaluate: evaluateStage,
};

/** The built-in stage named by `uses: kiln/<name>`; an unknown name lists the known ones. */
export function lookupBuiltinStage(
  uses: string,
  position: SourcePosition,
  stages: Record<string, BuiltinStage> = builtinStages,
): BuiltinStage {
  return lookupIn(uses, position, stages);
}
