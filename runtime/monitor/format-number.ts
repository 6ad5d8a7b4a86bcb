/**
 * Numbers as the reports print them: p-values with three significant digits (scientific below
 * 0.001), other scores with up to four significant digits, shares as percentages; NaN as "–".
 */
export function formatScore(x: number): string {
  if (Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a < 0.001 || a >= 1e6) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return "–";
  if (p === 0) return "0";
  if (p < 0.001) return p.toExponential(2);
  return String(Number(p.toPrecision(3)));
}

export function formatPercent(share: number): string {
  if (Number.isNaN(share)) return "–";
  return `${Number((share * 100).toFixed(1))}%`;
}
