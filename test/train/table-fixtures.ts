/** Builders for small tables and synthetic datasets used by the training tests. */
import type { Column, Table } from "../../runtime/data/table.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";

/** A Table from plain arrays: numbers (null = missing) become numeric columns, strings categorical. */
export function tableOf(
  columns: Record<string, (number | null)[] | (string | null)[]>,
  source = "memory.csv",
): Table {
  const entries = Object.entries(columns);
  const rowCount = entries[0]?.[1].length ?? 0;
  return {
    source,
    rowCount,
    columns: entries.map(([name, values]): Column => {
      if (values.some((v) => typeof v === "string")) {
        const categories: string[] = [];
        const codes = Int32Array.from(values as (number | string | null)[], (v: number | string | null) => {
          if (v === null) return -1;
          let code = categories.indexOf(String(v));
          if (code < 0) code = categories.push(String(v)) - 1;
          return code;
        });
        return { kind: "categorical", name, codes, categories };
      }
      return {
        kind: "numeric",
        name,
        values: Float64Array.from(values as (number | string | null)[], (v: number | string | null) =>
          v === null ? Number.NaN : Number(v),
        ),
      };
    }),
  };
}

/** A standard normal sample (Box–Muller) from a seeded generator. */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Rows with numeric features x1, x2 (some missing), a colour category and a target from a noisy
 * linear (regression) or logistic (classes) rule, so no class is separable.
 */
export function syntheticRows(
  rows: number,
  options: { seed?: number; task: "regression" | "binary" | "multiclass"; missingEvery?: number },
): {
  x1: (number | null)[];
  x2: (number | null)[];
  colour: (string | null)[];
  y: (number | null)[] | (string | null)[];
} {
  const random = seededRandom(options.seed ?? 7);
  const colours = ["red", "green", "blue"];
  const x1: (number | null)[] = [];
  const x2: (number | null)[] = [];
  const colour: (string | null)[] = [];
  const y: (number | null)[] | (string | null)[] = [];
  for (let i = 0; i < rows; i++) {
    const a = gaussian(random) * 2 + 1;
    const b = gaussian(random) * 0.5 - 3;
    const c = Math.floor(random() * 3);
    const effect = [0, 1.5, -1][c]!;
    const missing = options.missingEvery !== undefined && i % options.missingEvery === 3;
    x1.push(missing ? null : a);
    x2.push(b);
    colour.push(missing && i % 2 === 0 ? null : colours[c]!);
    const z = 0.8 * a - 1.2 * (b + 3) + effect + gaussian(random) * 0.7;
    if (options.task === "regression") (y as (number | null)[]).push(3 + 2 * z);
    else if (options.task === "binary") (y as (string | null)[]).push(z > 0.8 ? "yes" : "no");
    else (y as (string | null)[]).push(z < -0.5 ? "low" : z < 1.5 ? "mid" : "high");
  }
  return { x1, x2, colour, y };
}
