// Feature engineering and the time split for the weather example.
//
//   node scripts/features.mjs <raw.csv> <out-folder>
//
// Reads NOAA daily weather (location,date,precipitation,temp_max,temp_min,wind,weather), adds
// month, temp_range and a season category, and writes three files to <out-folder>:
//   train.csv   — split.city, every day up to split.train_until (the training period)
//   test.csv    — split.city, the days after that up to split.test_until (held-out evaluation)
//   traffic.csv — every row not trained on: the "future" that the served model will see (the
//                 later period of split.city and the whole history of the other city)
// The split comes from params.yaml (key `split`), read here the way a DVC stage reads its params.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/features.mjs <raw.csv> <out-folder>");
  process.exit(2);
}
const { split } = parse(readFileSync("params.yaml", "utf8"));
for (const key of ["city", "train_until", "test_until"]) {
  if (typeof split?.[key] !== "string") {
    console.error(
      `params.yaml: split.${key} must be a string (e.g. city: Seattle, train_until: "2013-12-31").`,
    );
    process.exit(2);
  }
}

const expected = ["location", "date", "precipitation", "temp_max", "temp_min", "wind", "weather"];
const lines = readFileSync(input, "utf8").trim().split(/\r?\n/);
const header = lines[0]?.split(",") ?? [];
if (header.join(",") !== expected.join(",")) {
  console.error(`${input}:1: expected the header ${expected.join(",")}, found ${header.join(",")}.`);
  process.exit(1);
}

const SEASONS = [
  "winter",
  "winter",
  "spring",
  "spring",
  "spring",
  "summer",
  "summer",
  "summer",
  "autumn",
  "autumn",
  "autumn",
  "winter",
];
const columns = [
  "location",
  "date",
  "precipitation",
  "temp_max",
  "temp_min",
  "wind",
  "month",
  "temp_range",
  "season",
  "weather",
];
const out = { train: [], test: [], traffic: [] };
lines.slice(1).forEach((line, index) => {
  const [location, date, precipitation, tempMax, tempMin, wind, weather] = line.split(",");
  const month = Number(date?.slice(5, 7));
  const numbers = [precipitation, tempMax, tempMin, wind].map(Number);
  if (!(month >= 1 && month <= 12) || numbers.some((n) => !Number.isFinite(n)) || !weather) {
    console.error(
      `${input}:${index + 2}: expected a date (YYYY-MM-DD), four numbers and a weather label: '${line}'.`,
    );
    process.exit(1);
  }
  const row = [
    location,
    date,
    precipitation,
    tempMax,
    tempMin,
    wind,
    month,
    (numbers[1] - numbers[2]).toFixed(1),
    SEASONS[month - 1],
    weather,
  ].join(",");
  const trainingCity = location === split.city;
  if (trainingCity && date <= split.train_until) {
    out.train.push(row);
    return;
  }
  out.traffic.push(row);
  if (trainingCity && date <= split.test_until) out.test.push(row);
});

mkdirSync(output, { recursive: true });
for (const [name, rows] of Object.entries(out)) {
  writeFileSync(join(output, `${name}.csv`), `${columns.join(",")}\n${rows.join("\n")}\n`);
}
console.log(
  `features: ${out.train.length} training rows, ${out.test.length} held-out rows (${split.city}), ` +
    `${out.traffic.length} rows of traffic (${split.city} after ${split.train_until}, and the other city)`,
);
