/**
 * Reading a built-in stage's `with:` map (kiln/train, kiln/evaluate): typed fields, and ConfigError
 * at the `with:` position of kiln.yaml naming the stage and the field for anything wrong.
 */
import { ConfigError, type SourcePosition } from "../errors.js";
import type { BuiltinStageSettings } from "../pipeline/builtin-stage.js";

export class StageSettings {
  readonly values: Record<string, unknown>;
  private readonly settings: BuiltinStageSettings;
  private readonly uses: string;

  constructor(settings: BuiltinStageSettings, uses: string, known: readonly string[]) {
    this.settings = settings;
    this.uses = uses;
    this.values = settings.with;
    const unknown = Object.keys(settings.with).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      throw this.error(
        `${uses} has no setting '${unknown[0]}'; its settings are ${[...known].sort().join(", ")}.`,
      );
    }
  }

  get position(): SourcePosition {
    const { file, line, column } = this.settings;
    return { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) };
  }

  error(message: string): ConfigError {
    return new ConfigError(this.position, `stage '${this.settings.stage}': ${message}`);
  }

  string(field: string, example: string): string;
  string(field: string, example: string, fallback: string): string;
  string(field: string, example: string, fallback: string | undefined): string | undefined;
  string(field: string, example: string, ...rest: [string | undefined] | []): string | undefined {
    const value = this.values[field];
    if (value === undefined && rest.length > 0) return rest[0];
    if (typeof value !== "string" || value === "") {
      throw this.error(`${this.uses} needs 'with.${field}' (a string), e.g. ${field}: ${example}.`);
    }
    return value;
  }

  number(field: string, fallback: number, check: (n: number) => boolean, expected: string): number {
    const value = this.values[field];
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !check(value)) {
      throw this.error(`'with.${field}' is ${JSON.stringify(value)}; expected ${expected}.`);
    }
    return value;
  }

  /** A list given as a YAML sequence of strings or a comma-separated string. */
  list(field: string): string[] | undefined {
    const value = this.values[field];
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      return value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
    }
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
    throw this.error(`'with.${field}' must be a list of column names (or a comma-separated string).`);
  }

  map(field: string): Record<string, unknown> | undefined {
    const value = this.values[field];
    if (value === undefined) return undefined;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw this.error(`'with.${field}' must be a map of key: value, e.g. ${field}: { alpha: 0.5 }.`);
    }
    return value as Record<string, unknown>;
  }
}
