/**
 * Small inline SVG charts for the HTML drift report: grouped vertical bars (reference vs current
 * distributions) and horizontal bars with an optional marker line (drift strength, missing shares).
 * Pure functions returning SVG markup; every text is escaped; no scripts, no external resources.
 */
import { escapeHtml } from "./escape-html.js";

export interface BarSeries {
  name: string;
  values: readonly number[];
  /** CSS colour. */
  color: string;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(2))) : "0";
}

function shortLabel(text: string, max = 14): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Vertical grouped bars: one group per label, one bar per series; y from 0 to the largest value. */
export function groupedBarChart(options: {
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  width?: number;
  height?: number;
  /** Format of the y-axis values (default: percentages of shares). */
  formatValue?: (v: number) => string;
}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const format = options.formatValue ?? ((v: number) => `${Number((v * 100).toFixed(1))}%`);
  const left = 48;
  const bottom = 56;
  const top = 24;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  let max = 0;
  for (const s of options.series) for (const v of s.values) if (Number.isFinite(v) && v > max) max = v;
  if (max === 0) max = 1;
  const groups = Math.max(options.labels.length, 1);
  const groupW = plotW / groups;
  const barW = Math.max(1, (groupW * 0.8) / Math.max(options.series.length, 1));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 8}" y2="${top + plotH}" class="axis"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" class="axis"/>`,
    `<text x="${left - 4}" y="${top + 4}" class="tick" text-anchor="end">${escapeHtml(format(max))}</text>`,
    `<text x="${left - 4}" y="${top + plotH}" class="tick" text-anchor="end">${escapeHtml(format(0))}</text>`,
  );
  const labelEvery = Math.ceil(groups / 12);
  options.labels.forEach((label, g) => {
    const x0 = left + g * groupW + groupW * 0.1;
    options.series.forEach((s, k) => {
      const v = s.values[g] ?? 0;
      const h = Number.isFinite(v) ? (v / max) * plotH : 0;
      parts.push(
        `<rect x="${fmt(x0 + k * barW)}" y="${fmt(top + plotH - h)}" width="${fmt(barW)}" height="${fmt(h)}" fill="${s.color}"><title>${escapeHtml(`${s.name}, ${label}: ${format(v)}`)}</title></rect>`,
      );
    });
    if (g % labelEvery === 0) {
      const cx = left + g * groupW + groupW / 2;
      parts.push(
        `<text x="${fmt(cx)}" y="${top + plotH + 14}" class="tick" text-anchor="end" transform="rotate(-35 ${fmt(cx)} ${top + plotH + 14})">${escapeHtml(shortLabel(label))}</text>`,
      );
    }
  });
  options.series.forEach((s, k) => {
    const x = left + k * 110;
    parts.push(
      `<rect x="${x}" y="4" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${x + 14}" y="13" class="legend">${escapeHtml(s.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

export interface HorizontalBar {
  label: string;
  value: number;
  /** Text shown after the bar (defaults to the value). */
  text?: string;
  color: string;
}

/** Horizontal bars from 0 to `max` (default: the largest value), with an optional vertical marker. */
export function horizontalBarChart(options: {
  title: string;
  bars: readonly HorizontalBar[];
  max?: number;
  marker?: { value: number; label: string };
  width?: number;
}): string {
  const width = options.width ?? 640;
  const rowH = 22;
  const left = 200;
  const right = 120;
  const top = 24;
  const height = top + options.bars.length * rowH + 12;
  const plotW = width - left - right;
  let max = options.max ?? 0;
  if (options.max === undefined)
    for (const b of options.bars) if (Number.isFinite(b.value) && b.value > max) max = b.value;
  if (options.marker && options.marker.value > max) max = options.marker.value;
  if (max <= 0) max = 1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<title>${escapeHtml(options.title)}</title>`,
  ];
  options.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const v = Number.isFinite(b.value) ? Math.min(Math.max(b.value, 0), max) : 0;
    const w = (v / max) * plotW;
    parts.push(
      `<text x="${left - 6}" y="${y + 14}" class="label" text-anchor="end">${escapeHtml(shortLabel(b.label, 30))}</text>`,
      `<rect x="${left}" y="${y + 3}" width="${fmt(w)}" height="${rowH - 8}" fill="${b.color}"><title>${escapeHtml(`${b.label}: ${b.text ?? String(b.value)}`)}</title></rect>`,
      `<text x="${fmt(left + w + 4)}" y="${y + 14}" class="tick">${escapeHtml(b.text ?? String(b.value))}</text>`,
    );
  });
  if (options.marker) {
    const x = left + (options.marker.value / max) * plotW;
    parts.push(
      `<line x1="${fmt(x)}" y1="${top - 4}" x2="${fmt(x)}" y2="${height - 8}" class="marker"/>`,
      `<text x="${fmt(x)}" y="${top - 8}" class="tick" text-anchor="middle">${escapeHtml(options.marker.label)}</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
