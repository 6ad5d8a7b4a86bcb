// train: ridge regression by the normal equations, (XᵀX + λI)⁻¹ Xᵀy, on the standardised inputs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "./csv.mjs";

const [featureFolder, lambdaText, outputFolder] = process.argv.slice(2);
const lambda = Number(lambdaText);
const load = (file) =>
  readCsv(join(featureFolder, file)).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])),
  );
const train = load("train.csv");
const test = load("test.csv");
const inputs = Object.keys(train[0]).filter((c) => c !== "price");
const design = (row) => [1, ...inputs.map((c) => row[c])];
const n = inputs.length + 1;
const a = Array.from({ length: n }, () => new Array(n).fill(0));
const b = new Array(n).fill(0);
for (const row of train) {
  const x = design(row);
  for (let i = 0; i < n; i++) {
    b[i] += x[i] * row.price;
    for (let j = 0; j < n; j++) a[i][j] += x[i] * x[j];
  }
}
for (let i = 1; i < n; i++) a[i][i] += lambda;
// Gaussian elimination with partial pivoting.
for (let col = 0; col < n; col++) {
  let pivot = col;
  for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
  [a[col], a[pivot]] = [a[pivot], a[col]];
  [b[col], b[pivot]] = [b[pivot], b[col]];
  for (let r = 0; r < n; r++) {
    if (r === col) continue;
    const f = a[r][col] / a[col][col];
    for (let c = col; c < n; c++) a[r][c] -= f * a[col][c];
    b[r] -= f * b[col];
  }
}
const weights = b.map((v, i) => v / a[i][i]);
const predict = (row) => design(row).reduce((s, x, i) => s + x * weights[i], 0);
const rmse = (rows) => Math.sqrt(rows.reduce((s, r) => s + (predict(r) - r.price) ** 2, 0) / rows.length);
mkdirSync(outputFolder, { recursive: true });
writeFileSync(join(outputFolder, "model.json"), `${JSON.stringify({ inputs, weights, lambda }, null, 2)}\n`);
const metrics = {
  rmse_train: Number(rmse(train).toFixed(4)),
  rmse_test: Number(rmse(test).toFixed(4)),
  rows: train.length,
};
writeFileSync(join(outputFolder, "metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
console.log(`lambda ${lambda}: test rmse ${metrics.rmse_test}`);
