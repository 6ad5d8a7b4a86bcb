/**
 * The time window of a monitoring run, from `--window 24h` (the last 24 hours up to now or
 * `--until`) or `--since <time> [--until <time>]`, and the periods users type (`90m`, `24h`, `7d`,
 * `2w`) for windows and snoozes. Pure: the clock is passed in.
 */
import { UsageError } from "../errors.js";

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds of a period like `30m`, `24h`, `7d`, `2w`; a UsageError naming `what` otherwise. */
export function parsePeriod(text: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/i.exec(text);
  const ms =
    match === null
      ? Number.NaN
      : Number(match[1]) * unitMs[(match[2] as string).toLowerCase() as keyof typeof unitMs];
  if (!(ms > 0)) {
    throw new UsageError(
      `${what}: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got '${text}'.`,
    );
  }
  return ms;
}

/** A time given as ISO 8601 (`2026-11-28`, `2026-11-28T12:00Z`) or as a period ago (`7d`). */
export function parseTime(text: string, what: string, now: Date): Date {
  if (/^\s*\d+(?:\.\d+)?\s*[smhdw]\s*$/i.test(text)) return new Date(now.getTime() - parsePeriod(text, what));
  const t = Date.parse(text);
  if (Number.isNaN(t)) {
    throw new UsageError(
      `${what}: expected an ISO 8601 time (e.g. 2026-11-28T00:00Z) or a period ago (e.g. 7d), got '${text}'.`,
    );
  }
  return new Date(t);
}

export interface WindowFlags {
  window?: string;
  since?: string;
  until?: string;
}

export const DEFAULT_WINDOW = "24h";

export function resolveWindow(flags: WindowFlags, now: Date): { since: Date; until: Date } {
  if (flags.window !== undefined && flags.since !== undefined) {
    throw new UsageError("give either --window or --since, not both.");
  }
  const until = flags.until === undefined ? now : parseTime(flags.until, "--until", now);
  const since =
    flags.since !== undefined
      ? parseTime(flags.since, "--since", now)
      : new Date(until.getTime() - parsePeriod(flags.window ?? DEFAULT_WINDOW, "--window"));
  if (!(since.getTime() < until.getTime())) {
    throw new UsageError(
      `the window is empty: it starts at ${since.toISOString()} and ends at ${until.toISOString()}; --since must be before --until.`,
    );
  }
  return { since, until };
}
