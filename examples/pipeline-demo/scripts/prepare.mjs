// prepare: keep the rows whose every value is a number.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readCsv, writeCsv } from "./csv.mjs";

const [input, output] = process.argv.slice(2);
const rows = readCsv(input);
const clean = rows.filter((row) => Object.values(row).every((v) => v !== "" && Number.isFinite(Number(v))));
mkdirSync(dirname(output), { recursive: true });
writeCsv(output, clean);
console.log(`kept ${clean.length} of ${rows.length} rows`);
