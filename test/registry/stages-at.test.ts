import { describe, expect, it } from "vitest";
import { ModelStage } from "../../runtime/registry/model-stage.js";
import type { RegistryEvent } from "../../runtime/registry/registry-event.js";
import { stagesAt } from "../../runtime/registry/stages-at.js";

const source = { kind: "command", detail: "test" } as const;
let seq = 0;
const register = (version: string, at: string): RegistryEvent => ({
  kind: "register",
  seq: ++seq,
  id: `e${seq}`,
  version,
  at,
  by: "alice",
  source,
  summary: { sha256: "0".repeat(64), size: 1, bump: "minor", metrics: {}, createdAt: at },
});
const move = (
  version: string,
  from: ModelStage,
  to: ModelStage,
  at: string,
  archived: { version: string; from: ModelStage }[] = [],
): RegistryEvent => ({
  kind: "stage",
  seq: ++seq,
  id: `e${seq}`,
  version,
  from,
  to,
  at,
  by: "bob",
  source,
  reason: "test",
  archived,
});

// A history written by hand: 1.0.0 → Production on 1 Feb, 1.1.0 → Staging on 10 Feb,
// 1.1.0 → Production on 1 Mar (1.0.0 archived), 1.2.0 → Production on 15 Mar (1.1.0 archived).
const events: RegistryEvent[] = [
  register("1.0.0", "2026-01-10T00:00:00Z"),
  move("1.0.0", "None", "Production", "2026-02-01T00:00:00Z"),
  register("1.1.0", "2026-02-05T00:00:00Z"),
  move("1.1.0", "None", "Staging", "2026-02-10T00:00:00Z"),
  register("1.2.0", "2026-02-20T00:00:00Z"),
  move("1.1.0", "Staging", "Production", "2026-03-01T00:00:00Z", [{ version: "1.0.0", from: "Production" }]),
  move("1.2.0", "None", "Production", "2026-03-15T00:00:00Z", [{ version: "1.1.0", from: "Production" }]),
];

describe("stagesAt answers what was in each stage at a moment", () => {
  describe.each([
    ["2026-01-05T00:00Z", undefined, undefined, 0],
    ["2026-01-31T23:59Z", undefined, undefined, 1],
    ["2026-02-01T00:00Z", "1.0.0", undefined, 1],
    ["2026-02-15T00:00Z", "1.0.0", "1.1.0", 2],
    ["2026-03-01T00:00Z", "1.1.0", undefined, 3],
    ["2026-03-10T12:00Z", "1.1.0", undefined, 3],
    ["2026-04-01T00:00Z", "1.2.0", undefined, 3],
  ])("at %s", (time, production, staging, registered) => {
    const at = stagesAt(events, new Date(time));
    it(`Production holds ${production ?? "nothing"}`, () => expect(at.production).toBe(production));
    it(`Staging holds ${staging ?? "nothing"}`, () => expect(at.staging).toBe(staging));
    it(`${registered} version(s) are registered`, () => expect(at.versions.size).toBe(registered));
  });

  it("archives the displaced Production version in the same event", () => {
    const after = stagesAt(events, new Date("2026-03-02T00:00Z"));
    expect(after.versions.get("1.0.0")).toBe(ModelStage.Archived);
    expect(after.versions.get("1.1.0")).toBe(ModelStage.Production);
  });

  it("folds every event when no time is given, whatever order they are passed in", () => {
    const now = stagesAt([...events].reverse());
    expect(now.production).toBe("1.2.0");
    expect(Object.fromEntries(now.versions)).toEqual({
      "1.0.0": "Archived",
      "1.1.0": "Archived",
      "1.2.0": "Production",
    });
  });
});
