import { valid } from "semver";
import { ModelError } from "../errors.js";
import { assertModelName } from "./model-name.js";
import { knownStageNames, type ModelStage, parseModelStage } from "./model-stage.js";

/** `name` (the latest version), `name@1.2.0` (that version) or `name:production` (the stage's holder). */
export type ModelRef =
  | { name: string; kind: "latest" }
  | { name: string; kind: "version"; version: string }
  | { name: string; kind: "stage"; stage: ModelStage };

export function parseModelRef(text: string): ModelRef {
  const at = text.indexOf("@");
  const colon = text.indexOf(":");
  if (at !== -1) {
    const name = text.slice(0, at);
    const version = text.slice(at + 1).replace(/^v/, "");
    assertModelName(name);
    if (valid(version) === null)
      throw new ModelError(
        `'${text}': '${version}' is not a semantic version (expected e.g. ${name}@1.2.0).`,
      );
    return { name, kind: "version", version };
  }
  if (colon !== -1) {
    const name = text.slice(0, colon);
    const stageText = text.slice(colon + 1);
    assertModelName(name);
    const stage = parseModelStage(stageText);
    if (stage === undefined)
      throw new ModelError(
        `'${text}': unknown stage '${stageText}'; known stages: ${knownStageNames.join(", ")}.`,
      );
    return { name, kind: "stage", stage };
  }
  assertModelName(text);
  return { name: text, kind: "latest" };
}

export function formatModelRef(ref: ModelRef): string {
  if (ref.kind === "version") return `${ref.name}@${ref.version}`;
  if (ref.kind === "stage") return `${ref.name}:${ref.stage.toLowerCase()}`;
  return ref.name;
}
