import type { RetryPolicy } from "./pipeline.js";

/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential backoff
 * (backoff × 2^(retry-1), capped at maxDelay) with "equal jitter" — half fixed, half random —
 * so runners retrying together spread out. `random` returns a number in [0, 1).
 */
export function retryDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const capped = Math.min(policy.maxDelayMs, policy.backoffMs * 2 ** (retry - 1));
  return capped / 2 + (random() * capped) / 2;
}
