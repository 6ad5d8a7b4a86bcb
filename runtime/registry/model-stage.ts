/**
 * The stages a model version can be in. Staging and Production hold at most one version each;
 * moving a version there archives the previous holder in the same event.
 */
export const ModelStage = {
  None: "None",
  Staging: "Staging",
  Production: "Production",
  Archived: "Archived",
} as const;
export type ModelStage = (typeof ModelStage)[keyof typeof ModelStage];

/** The stages that one version at a time may hold. */
export const exclusiveStages: readonly ModelStage[] = [ModelStage.Staging, ModelStage.Production];

const byLowerCase = new Map<string, ModelStage>(
  Object.values(ModelStage).map((stage) => [stage.toLowerCase(), stage]),
);

/** `production`, `Production` and `PRODUCTION` all name the Production stage. */
export function parseModelStage(text: string): ModelStage | undefined {
  return byLowerCase.get(text.toLowerCase());
}

export const knownStageNames = Object.values(ModelStage)
  .map((stage) => stage.toLowerCase())
  .sort();
