// `npm run bench`: every benchmark in turn (the bench:* scripts in package.json), one at a time so
// they do not compete for the machine's cores. `npm run bench -- serve train` runs a subset.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const scripts = Object.keys(
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts,
)
  .filter((name) => name.startsWith("bench:"))
  .map((name) => name.slice("bench:".length));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scripts.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${scripts.sort().join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : scripts) {
  console.log(`\n### bench:${name}\n`);
  const result = spawnSync("npm", ["run", "--silent", `bench:${name}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
