// Tiny CSV helpers for the demo (numbers only, header row first).
import { readFileSync, writeFileSync } from "node:fs";

export function readCsv(file) {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
}

export function writeCsv(file, rows) {
  const columns = Object.keys(rows[0]);
  writeFileSync(
    file,
    `${[columns.join(","), ...rows.map((r) => columns.map((c) => r[c]).join(","))].join("\n")}\n`,
  );
}
