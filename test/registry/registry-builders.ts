import type { RegisterModelRequest } from "../../runtime/registry/register-model.js";

/** A registration request with defaults; override what a test is about. */
export function registerRequest(
  overrides: Partial<RegisterModelRequest> & { artifactPath: string },
): RegisterModelRequest {
  return {
    name: "iris",
    lineage: { stageKeys: {}, datasetDigests: {} },
    createdBy: "alice",
    source: { kind: "command", detail: "test" },
    ...overrides,
  };
}

/** A clock that returns the given ISO times one after another (then keeps the last). */
export function clockOf(...times: string[]): () => Date {
  let i = 0;
  return () => new Date(times[Math.min(i++, times.length - 1)] ?? "2026-01-01T00:00:00Z");
}
