/**
 * The end-to-end test's data, made here with a seeded generator so that every run sees the same
 * rows: two numeric features and a class that depends on them. `shift` moves both features' means
 * (the drifted traffic); without it, rows come from the training distribution.
 */

export interface LoopRow {
  x1: number;
  x2: number;
  label: "high" | "low";
}

/** mulberry32: a small, well-known 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` rows; x1, x2 ~ Normal(shift, 1) (Box–Muller); label `high` when x1 + 0.5·x2 + noise > 0. */
export function loopRows(count: number, seed: number, shift = 0): LoopRow[] {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const rows: LoopRow[] = [];
  for (let i = 0; i < count; i++) {
    const x1 = Math.round((normal() + shift) * 1000) / 1000;
    const x2 = Math.round((normal() + shift) * 1000) / 1000;
    rows.push({ x1, x2, label: x1 + 0.5 * x2 + 0.3 * normal() > 0 ? "high" : "low" });
  }
  return rows;
}

export function loopCsv(rows: readonly LoopRow[]): string {
  return `x1,x2,label\n${rows.map((r) => `${r.x1},${r.x2},${r.label}`).join("\n")}\n`;
}
