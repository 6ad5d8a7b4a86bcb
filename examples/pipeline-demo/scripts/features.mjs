// features: standardise the inputs with the train rows' mean and deviation, split train/test.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node:querystring";
import { readCsv, writeCsv } from "./csv.mjs";

const [input, outputFolder] = process.argv.slice(2);
// params.yaml is tiny and flat under `features:`; read its two numbers without a YAML library.
const params = parse(
  readFileSync("params.yaml", "utf8")
    .replace(/^\s+(\w+):\s*(\S+)$/gm, "$1=$2")
    .replaceAll("\n", "&"),
);
const testShare = Number(params.test_share);
const seed = Number(params.seed);
const rows = readCsv(input).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
// Deterministic shuffle (a linear congruential generator seeded from params).
let state = seed;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const order = rows
  .map((row) => ({ row, key: random() }))
  .sort((a, b) => a.key - b.key)
  .map((x) => x.row);
const testCount = Math.round(order.length * testShare);
const test = order.slice(0, testCount);
const train = order.slice(testCount);
const inputs = Object.keys(rows[0]).filter((c) => c !== "price");
const scale = {};
for (const column of inputs) {
  const values = train.map((r) => r[column]);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
  scale[column] = { mean, sd };
}
const standardise = (row) => ({
  ...Object.fromEntries(inputs.map((c) => [c, ((row[c] - scale[c].mean) / scale[c].sd).toFixed(6)])),
  price: row.price,
});
mkdirSync(outputFolder, { recursive: true });
writeCsv(join(outputFolder, "train.csv"), train.map(standardise));
writeCsv(join(outputFolder, "test.csv"), test.map(standardise));
console.log(`train ${train.length} rows, test ${test.length} rows`);
