/** What happened to a stage in one `kiln run`. */
export const StageStatus = {
  /** The command ran and succeeded. */
  ran: "ran",
  /** Key and outs matched kiln.lock; nothing to do. */
  upToDate: "up-to-date",
  /** Outs were restored from the store's run cache without running. */
  restored: "restored",
  failed: "failed",
  /** Not run because a stage it depends on failed. */
  skipped: "skipped",
  /** Stopped by --fail-fast or an interrupt. */
  cancelled: "cancelled",
  /** --dry: would run. */
  wouldRun: "would-run",
  /** --dry: would be restored from the run cache. */
  wouldRestore: "would-restore",
} as const;
export type StageStatus = (typeof StageStatus)[keyof typeof StageStatus];

export interface StageResult {
  name: string;
  status: StageStatus;
  /** Why it ran, was skipped or failed (e.g. "dep 'data/raw.csv' changed"). */
  reasons: string[];
  durationMs: number;
  attempts: number;
  /** The stage key, when it was computed. */
  key: string | undefined;
  /** Values of the stage's metrics files after it ran or was restored, by file. */
  metrics: Record<string, unknown>;
}

/** A cache hit: the stage's work was already done, here or on another machine. */
export function isCacheHit(status: StageStatus): boolean {
  return status === StageStatus.upToDate || status === StageStatus.restored;
}
