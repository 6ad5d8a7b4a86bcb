import { describe, expect, it } from "vitest";
import { parsePeriod, resolveWindow } from "../../runtime/monitor/monitor-window.js";

const now = new Date("2026-11-28T12:00:00.000Z");

describe.each([
  { text: "90s", ms: 90_000 },
  { text: "30m", ms: 1_800_000 },
  { text: "24h", ms: 86_400_000 },
  { text: "7d", ms: 604_800_000 },
  { text: "2w", ms: 1_209_600_000 },
  { text: "1.5h", ms: 5_400_000 },
])("the period $text", ({ text, ms }) => {
  it(`is ${ms} ms`, () => {
    expect(parsePeriod(text, "--window")).toBe(ms);
  });
});

describe("monitoring windows", () => {
  it("--window is the period up to now, or up to --until", () => {
    expect(resolveWindow({ window: "24h" }, now)).toEqual({
      since: new Date("2026-11-27T12:00:00.000Z"),
      until: now,
    });
    expect(resolveWindow({ window: "1h", until: "2026-11-28T06:00Z" }, now)).toEqual({
      since: new Date("2026-11-28T05:00:00.000Z"),
      until: new Date("2026-11-28T06:00:00.000Z"),
    });
  });

  it("--since takes a time or a period ago; the default window is 24 hours", () => {
    expect(resolveWindow({ since: "2026-11-20" }, now).since).toEqual(new Date("2026-11-20T00:00:00.000Z"));
    expect(resolveWindow({ since: "7d" }, now).since).toEqual(new Date("2026-11-21T12:00:00.000Z"));
    expect(resolveWindow({}, now).since).toEqual(new Date("2026-11-27T12:00:00.000Z"));
  });

  it.each([
    [{ window: "0h" }, "--window: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got '0h'."],
    [{ window: "1y" }, "--window: expected a period like 30m, 24h, 7d or 2w (s, m, h, d, w), got '1y'."],
    [
      { since: "last tuesday" },
      "--since: expected an ISO 8601 time (e.g. 2026-11-28T00:00Z) or a period ago (e.g. 7d), got 'last tuesday'.",
    ],
    [
      { since: "2026-11-29" },
      "the window is empty: it starts at 2026-11-29T00:00:00.000Z and ends at 2026-11-28T12:00:00.000Z; --since must be before --until.",
    ],
    [{ window: "1h", since: "2h" }, "give either --window or --since, not both."],
  ])("refuses %o: %s", (flags, message) => {
    expect(() => resolveWindow(flags, now)).toThrow(message);
  });
});
