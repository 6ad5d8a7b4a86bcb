import { ModelError } from "../errors.js";

/**
 * A model name: what goes before `@` in a release tag (`iris@v1.2.0`) and after `models/` in the
 * store. Letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit, at most 64
 * characters, so that it is a valid git ref component and a safe store key on every backend.
 */
const modelNamePattern = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;

export function isModelName(name: string): boolean {
  return modelNamePattern.test(name) && !name.includes("..");
}

/** Throws a ModelError saying what a model name may contain when `name` is not one. */
export function assertModelName(name: string): void {
  if (isModelName(name)) return;
  throw new ModelError(
    `invalid model name '${name}': expected 1-64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit (no '@', ':', '/', '#', spaces or '..').`,
    {},
    { hint: "Rename the model, e.g. 'iris-classifier'." },
  );
}
