import { DataError } from "../errors.js";
import { GrowableFloat64Array, GrowableInt32Array } from "./growable-array.js";
import { isMissingText } from "./missing-value.js";
import type { Column, ColumnKind } from "./table.js";

/** Beyond this many distinct values an inferred numeric column stops keeping a category dictionary. */
const maxInferenceCategories = 4096;

type InferredKind = "unknown" | ColumnKind;

/** Where a cell came from, for error messages. */
export interface CellPosition {
  /** 1-based data row (the header is not counted). */
  row: number;
  /** 1-based line in a text file, when it differs from the row. */
  line?: number;
}

/**
 * Collects one column's values as rows stream in, into growable typed arrays, and turns them into a
 * typed Column at the end. With a declared kind every value must fit it (DataError naming the row and
 * column otherwise); without one the kind is inferred: boolean if every value is true/false, numeric
 * if every value is a number, categorical otherwise. Missing values stay missing.
 */
export class ColumnBuilder {
  readonly name: string;
  private readonly declared: ColumnKind | undefined;
  private readonly file: string;
  private kind: InferredKind;
  private numbers: GrowableFloat64Array | undefined;
  private codes: GrowableInt32Array | undefined;
  private dictionary: Map<string, number> | undefined;
  private categories: string[] = [];
  private count = 0;

  constructor(name: string, declared: ColumnKind | undefined, file: string) {
    this.name = name;
    this.declared = declared;
    this.file = file;
    this.kind = declared ?? "unknown";
    if (declared === "categorical") {
      this.codes = new GrowableInt32Array();
      this.dictionary = new Map();
    } else {
      this.numbers = new GrowableFloat64Array();
      if (declared === undefined) {
        this.codes = new GrowableInt32Array();
        this.dictionary = new Map();
      }
    }
  }

  get length(): number {
    return this.count;
  }

  /** Append missing values until the column has `rows` values (for keys absent from earlier rows). */
  padTo(rows: number): void {
    while (this.count < rows) this.pushMissing();
  }

  push(value: unknown, position: CellPosition): void {
    if (value === null || value === undefined) this.pushMissing();
    else if (this.declared === "numeric") this.pushNumber(this.toNumber(value, position));
    else if (this.declared === "boolean") this.pushNumber(this.toBoolean(value, position));
    else if (this.declared === "categorical") this.pushCategory(this.toText(value, position));
    else this.pushInferred(value, position);
  }

  finish(): Column {
    const kind: ColumnKind = this.kind === "unknown" ? "numeric" : this.kind;
    if (kind === "categorical") {
      return { kind, name: this.name, codes: this.codes!.toArray(), categories: this.categories };
    }
    return { kind, name: this.name, values: this.numbers!.toArray() };
  }

  private pushMissing(): void {
    this.numbers?.push(Number.NaN);
    this.codes?.push(-1);
    this.count++;
  }

  private pushNumber(value: number): void {
    this.numbers!.push(value);
    this.count++;
  }

  private pushCategory(text: string | undefined): void {
    this.codes!.push(text === undefined ? -1 : this.codeOf(text));
    this.count++;
  }

  private codeOf(text: string): number {
    let code = this.dictionary!.get(text);
    if (code === undefined) {
      code = this.categories.length;
      this.dictionary!.set(text, code);
      this.categories.push(text);
    }
    return code;
  }

  private pushInferred(value: unknown, position: CellPosition): void {
    let number: number;
    let text: string;
    let seen: "numeric" | "boolean" | "categorical";
    if (typeof value === "number") {
      if (Number.isNaN(value)) {
        this.pushMissing();
        return;
      }
      number = value;
      text = String(value);
      seen = "numeric";
    } else if (typeof value === "bigint") {
      number = Number(value);
      text = String(value);
      seen = "numeric";
    } else if (typeof value === "boolean") {
      number = value ? 1 : 0;
      text = String(value);
      seen = "boolean";
    } else if (value instanceof Date) {
      number = value.getTime();
      text = value.toISOString();
      seen = "numeric";
    } else if (typeof value === "string") {
      if (isMissingText(value)) {
        this.pushMissing();
        return;
      }
      text = value;
      const lower = value.toLowerCase();
      if (lower === "true" || lower === "false") {
        number = lower === "true" ? 1 : 0;
        seen = "boolean";
      } else {
        number = Number(value);
        seen = Number.isNaN(number) ? "categorical" : "numeric";
      }
    } else {
      throw this.cellError(position, `expected a single value but found ${describe(value)}`);
    }

    if (this.kind === "unknown") this.kind = seen;
    else if (this.kind !== seen && this.kind !== "categorical") this.becomeCategorical();

    if (this.kind === "categorical") {
      this.codes!.push(this.codeOf(text));
      this.count++;
      return;
    }
    this.numbers!.push(number);
    if (this.dictionary) {
      this.codes!.push(this.codeOf(text));
      if (this.categories.length > maxInferenceCategories) {
        this.dictionary = undefined;
        this.codes = undefined;
      }
    }
    this.count++;
  }

  /** An inferred numeric or boolean column met a value of another kind: re-encode what it holds. */
  private becomeCategorical(): void {
    const previous = this.kind;
    this.kind = "categorical";
    const numbers = this.numbers!;
    this.numbers = undefined;
    if (this.dictionary && this.codes) return;
    this.dictionary = new Map();
    this.categories = [];
    this.codes = new GrowableInt32Array(numbers.length);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers.get(i);
      if (Number.isNaN(n)) this.codes.push(-1);
      else this.codes.push(this.codeOf(previous === "boolean" ? String(n === 1) : String(n)));
    }
  }

  private toNumber(value: unknown, position: CellPosition): number {
    if (typeof value === "number") return value;
    if (typeof value === "bigint") return Number(value);
    if (typeof value === "boolean") return value ? 1 : 0;
    if (value instanceof Date) return value.getTime();
    if (typeof value === "string") {
      if (isMissingText(value)) return Number.NaN;
      const n = Number(value);
      if (!Number.isNaN(n)) return n;
    }
    throw this.cellError(position, `expected a number but found ${describe(value)}`, {
      hint: "Fix the value, leave the cell empty for a missing value, or declare the column categorical.",
    });
  }

  private toBoolean(value: unknown, position: CellPosition): number {
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "number" || typeof value === "bigint") {
      if (Number(value) === 0 || Number(value) === 1) return Number(value);
    }
    if (typeof value === "string") {
      if (isMissingText(value)) return Number.NaN;
      const lower = value.trim().toLowerCase();
      if (lower === "true" || lower === "1" || lower === "yes") return 1;
      if (lower === "false" || lower === "0" || lower === "no") return 0;
    }
    throw this.cellError(
      position,
      `expected a boolean (true/false, 1/0, yes/no) but found ${describe(value)}`,
    );
  }

  private toText(value: unknown, position: CellPosition): string | undefined {
    if (typeof value === "string") return isMissingText(value) ? undefined : value;
    if (typeof value === "number") return Number.isNaN(value) ? undefined : String(value);
    if (typeof value === "bigint" || typeof value === "boolean") return String(value);
    if (value instanceof Date) return value.toISOString();
    throw this.cellError(position, `expected a single value but found ${describe(value)}`);
  }

  private cellError(position: CellPosition, message: string, options: { hint?: string } = {}): DataError {
    const line = position.line === undefined ? "" : ` (line ${position.line})`;
    return new DataError(
      { file: this.file, row: position.row, column: this.name },
      `${message}${line}.`,
      options,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}
