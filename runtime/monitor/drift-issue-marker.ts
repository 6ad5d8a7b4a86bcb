/**
 * The hidden markers of a drift issue's body. The identity marker
 * `<!-- kiln:drift model=<name> env=<environment> -->` is how the monitor finds the one issue of a
 * model and environment (never by title, which people edit). The state marker
 * `<!-- kiln:drift-state {...} -->` carries what the next run needs: consecutive healthy runs, the
 * snooze date, and the recent windows' drift shares for the trend chart.
 */

export interface DriftIssueKey {
  model: string;
  environment: string;
}

export interface DriftHistoryPoint {
  /** Window end, ISO 8601. */
  until: string;
  driftShare: number;
}

export interface DriftIssueState {
  /** Consecutive healthy runs since the last drifting one. */
  healthyRuns: number;
  /** ISO 8601 date-time until which the issue gets no comments. */
  snoozedUntil?: string;
  /** Recent windows, oldest first (at most `HISTORY_LENGTH`). */
  history: DriftHistoryPoint[];
}

export const HISTORY_LENGTH = 20;

/** Model names and environments are plain words; anything else would break the marker. */
function markerValue(value: string): string {
  return value.replace(/[^A-Za-z0-9._:/-]/g, "_");
}

export function driftIssueMarker(key: DriftIssueKey): string {
  return `<!-- kiln:drift model=${markerValue(key.model)} env=${markerValue(key.environment)} -->`;
}

/** Whether a body carries exactly this model's and environment's marker. */
export function hasDriftIssueMarker(body: string, key: DriftIssueKey): boolean {
  return body.includes(driftIssueMarker(key));
}

const stateMarker = /<!-- kiln:drift-state (\{.*?\}) -->/;

export function renderDriftIssueState(state: DriftIssueState): string {
  return `<!-- kiln:drift-state ${JSON.stringify(state).replace(/--/g, "\\u002d\\u002d")} -->`;
}

/** The state in a body; a missing or damaged marker reads as a fresh state. */
export function parseDriftIssueState(body: string): DriftIssueState {
  const match = stateMarker.exec(body);
  const fresh: DriftIssueState = { healthyRuns: 0, history: [] };
  if (match?.[1] === undefined) return fresh;
  try {
    const value = JSON.parse(match[1]) as Partial<DriftIssueState>;
    const state: DriftIssueState = {
      healthyRuns: Number.isInteger(value.healthyRuns) ? (value.healthyRuns as number) : 0,
      history: Array.isArray(value.history)
        ? value.history.filter(
            (h): h is DriftHistoryPoint => typeof h?.until === "string" && typeof h.driftShare === "number",
          )
        : [],
    };
    if (typeof value.snoozedUntil === "string" && !Number.isNaN(Date.parse(value.snoozedUntil)))
      state.snoozedUntil = value.snoozedUntil;
    return state;
  } catch {
    return fresh;
  }
}

/** The body with its state marker replaced (or added at the top when it has none). */
export function withDriftIssueState(body: string, state: DriftIssueState): string {
  const marker = renderDriftIssueState(state);
  return stateMarker.test(body) ? body.replace(stateMarker, () => marker) : `${marker}\n${body}`;
}

/** The identity key of a body, when it has a drift marker. */
export function parseDriftIssueKey(body: string): DriftIssueKey | undefined {
  const match = /<!-- kiln:drift model=(\S+) env=(\S+) -->/.exec(body);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { model: match[1], environment: match[2] };
}
