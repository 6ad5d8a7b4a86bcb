/**
 * The shortest decimal text of a float32 value: the fewest significant digits that read back (as a
 * double, rounded to float32) to the same value, the way numpy prints a float32. A float32 read
 * from a Float32Array is a double such as 0.10000000149011612; printed with `String` it takes 17
 * digits and the engine's slow double-to-text path, where "0.1" says the same float32 exactly.
 *
 * Magnitudes from 1e-6 to 1e9 are done with integer arithmetic (a binary search over 1–9 digits,
 * since a float32 needs at most 9); other magnitudes, rare in features and scores, try
 * `toPrecision` with 1–9 digits; zero keeps its sign; non-finite values are `String`'s.
 */

/** 10^-30 … 10^30 as doubles, for scaling. */
const powers = Array.from({ length: 61 }, (_, k) => 10 ** (k - 30));

function power(exponent: number): number {
  return powers[exponent + 30]!;
}

/** `n` × 10^(exponent − p + 1), p being n's digit count, written in plain decimal notation. */
function placeDecimalPoint(n: number, exponent: number, negative: boolean): string {
  let digits = String(n);
  const p = digits.length;
  // Trailing zeros of the integer are not significant digits.
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 0x30) end--;
  const sign = negative ? "-" : "";
  if (exponent >= p - 1) return sign + digits + "0".repeat(exponent - p + 1);
  digits = digits.slice(0, end);
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = exponent + 1;
  if (digits.length <= whole) return sign + digits + "0".repeat(whole - digits.length);
  return `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}`;
}

/** The shortest decimal text that reads back to the float32 value `v` (a double holding a float32). */
export function float32Text(v: number): string {
  const a = v < 0 ? -v : v;
  if (a === 0) return Object.is(v, -0) ? "-0" : "0";
  if (!Number.isFinite(a)) return String(v);
  if (!(a >= 1e-6 && a < 1e9)) return byPrecision(v);
  let exponent = Math.floor(Math.log10(a));
  // log10 can be one off next to a power of ten.
  if (power(exponent) > a) exponent--;
  else if (power(exponent + 1) <= a) exponent++;
  // Binary search for the fewest digits that round-trip (more digits never stop round-tripping).
  let low = 1;
  let high = 9;
  let best = 0;
  let bestExponent = exponent;
  while (low <= high) {
    const p = (low + high) >> 1;
    const shift = p - 1 - exponent;
    let n = Math.round(shift >= 0 ? a * power(shift) : a / power(-shift));
    let e = exponent;
    if (n >= power(p)) {
      // Rounding carried into a new digit (9.96 → 10.0).
      n /= 10;
      e++;
    }
    const back = e - p + 1 >= 0 ? n * power(e - p + 1) : n / power(p - 1 - e);
    if (Math.fround(back) === a) {
      best = n;
      bestExponent = e;
      high = p - 1;
    } else low = p + 1;
  }
  if (best === 0) return byPrecision(v);
  return placeDecimalPoint(best, bestExponent, v < 0);
}

/** The same by trying `toPrecision` with 1–9 digits: exact for every float32, and slow. */
function byPrecision(v: number): string {
  for (let p = 1; p < 9; p++) {
    const text = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(Number(v.toPrecision(9)));
}
