/**
 * The spellings that mean "no value" in a text cell (CSV, or strings in JSON Lines and Parquet).
 * They are kept as missing in every column kind: NaN for numbers and booleans, code -1 for
 * categories.
 */
export const missingValueTokens: ReadonlySet<string> = new Set([
  "",
  "NA",
  "N/A",
  "na",
  "null",
  "NULL",
  "Null",
  "NaN",
  "nan",
]);

export function isMissingText(text: string): boolean {
  return missingValueTokens.has(text) || (text.length > 0 && text.trim() === "");
}
