import { describe, expect, it } from "vitest";
import { float32Text } from "../../runtime/serve/float32-text.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";

/** The obvious, slow definition: the fewest significant digits whose number rounds to the same float32. */
function reference(v: number): string {
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p <= 9; p++) {
    const text = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(v);
}

describe("float32Text", () => {
  it("reads back to the same float32, with as few digits as the slow definition, for random values of every magnitude", () => {
    const random = seededRandom(5);
    const words = new Uint32Array(1);
    const asFloat = new Float32Array(words.buffer);
    let differentTies = 0;
    for (let n = 0; n < 40_000; n++) {
      // Random bit patterns cover every exponent; scaled decimals cover values typed by people.
      let v: number;
      if (n % 2 === 0) {
        words[0] = Math.floor(random() * 2 ** 32);
        v = asFloat[0]!;
      } else {
        v = Math.fround(
          Math.round((random() * 2 - 1) * 10 ** Math.floor(random() * 9)) / 10 ** Math.floor(random() * 12),
        );
      }
      const text = float32Text(v);
      if (Number.isNaN(v)) {
        expect(text).toBe("NaN");
        continue;
      }
      expect(Object.is(Math.fround(Number(text)), v), `${v} → ${text}`).toBe(true);
      const slow = reference(v);
      if (text !== slow) {
        // Only a different last digit in a tie is allowed: same length, same value as float32.
        expect(text.length, `${v}: ${text} vs ${slow}`).toBe(slow.length);
        differentTies++;
      }
    }
    expect(differentTies).toBeLessThan(20);
  });

  it("writes the values people type as they typed them", () => {
    const cases: Array<[number, string]> = [
      [0.1, "0.1"],
      [-1.2345, "-1.2345"],
      [3, "3"],
      [1e-5, "0.00001"],
      [1e-7, "1e-7"],
      [3e9, "3000000000"],
      [123456789, "123456790"],
      [100, "100"],
      [9.96, "9.96"],
      [0.5, "0.5"],
      [2500000, "2500000"],
    ];
    for (const [value, text] of cases) expect(float32Text(Math.fround(value))).toBe(text);
  });

  it("keeps the sign of zero, and leaves non-finite values to String", () => {
    expect(float32Text(0)).toBe("0");
    expect(float32Text(-0)).toBe("-0");
    for (const v of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])
      expect(float32Text(v)).toBe(String(v));
  });
});
