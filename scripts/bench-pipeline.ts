/**
 * Pipeline benchmark (`npm run bench:pipeline`): Kiln against GNU make on the same random DAG,
 * measured in the same run on the same machine.
 *
 * 1. Full run of a random 1,000-stage DAG whose commands are `true`: `kiln run --jobs 2` (the
 *    bundled CLI, as users run it: Node start included) vs `make -j2`.
 * 2. No-change re-run (everything cached): `kiln run` vs make's up-to-date check.
 * 3. Planning a 10,000-stage DAG (parse and validate kiln.yaml, expand, link, order): in process,
 *    and through the CLI (`kiln dag`) the first time and with kiln.yaml unchanged (the parsed
 *    pipeline cached in .kiln/), vs `make -n` on the same DAG.
 *
 * make's targets are stamp files written by make itself (`$(file >$@)`), so each make recipe runs
 * exactly one `true`, like each Kiln stage; Kiln links the same edges with `needs:`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadPipeline } from "../runtime/pipeline/load-pipeline.js";
import { buildDag } from "../runtime/pipeline/pipeline-dag.js";

const repo = join(import.meta.dirname, "..");
const cli = join(repo, "dist/kiln/index.js");
if (!existsSync(cli)) {
  process.stderr.write("bench-pipeline: dist/kiln/index.js is missing; run `npm run bundle` first.\n");
  process.exit(1);
}

/** A seeded random DAG: stage i depends on up to 3 distinct earlier stages. */
function randomDag(size: number, seed: number): number[][] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: size }, (_, i) => {
    if (i === 0) return [];
    const count = Math.floor(random() * 4);
    const ups = new Set<number>();
    for (let k = 0; k < count; k++) ups.add(Math.floor(random() * i));
    return [...ups].sort((a, b) => a - b);
  });
}

function kilnYaml(dag: number[][]): string {
  const lines = ["stages:"];
  dag.forEach((ups, i) => {
    lines.push(`  s${i}:`, '    cmd: "true"');
    if (ups.length > 0) lines.push(`    needs: [${ups.map((u) => `s${u}`).join(", ")}]`);
  });
  return `${lines.join("\n")}\n`;
}

function makefile(dag: number[][]): string {
  const lines = [`all: ${dag.map((_, i) => `s${i}`).join(" ")}`, ""];
  dag.forEach((ups, i) => {
    lines.push(`s${i}:${ups.map((u) => ` s${u}`).join("")}`, "\t@true$(file >$@)");
  });
  return `${lines.join("\n")}\n`;
}

function project(dag: number[][]): string {
  const folder = mkdtempSync(join(tmpdir(), "kiln-bench-"));
  writeFileSync(join(folder, "kiln.yaml"), kilnYaml(dag));
  writeFileSync(join(folder, "Makefile"), makefile(dag));
  return folder;
}

function timed(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const ratio = (kiln: number, base: number) => `${(kiln / base).toFixed(2)}×`;

function clean(folder: string): void {
  for (const name of ["kiln.lock", ".kiln"]) rmSync(join(folder, name), { recursive: true, force: true });
  spawnSync("sh", ["-c", "rm -f s[0-9]*"], { cwd: folder });
}

const kilnRun = ["run", "--jobs", "2", "--progress", "plain"];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const dag1k = randomDag(1000, 42);
const folder = project(dag1k);
const edges = dag1k.reduce((n, ups) => n + ups.length, 0);
process.stdout.write(
  `random DAG: 1,000 stages, ${edges} edges, commands \`true\`, ${rounds} rounds (median); ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores\n\n`,
);

const full = { kiln: [] as number[], make: [] as number[] };
const cached = { kiln: [] as number[], make: [] as number[] };
for (let round = 0; round < rounds; round++) {
  clean(folder);
  full.make.push(timed("make", ["-j2", "-s"], folder));
  full.kiln.push(timed(process.execPath, [cli, ...kilnRun], folder));
  for (let i = 0; i < 3; i++) {
    cached.make.push(timed("make", ["-j2", "-s"], folder));
    cached.kiln.push(timed(process.execPath, [cli, ...kilnRun], folder));
  }
}
const nodeStart = median(Array.from({ length: 5 }, () => timed(process.execPath, ["-e", "0"], folder)));
// The CLI's start alone (loading the bundle with every area's commands), to see what the run adds.
const cliStart = median(Array.from({ length: 5 }, () => timed(process.execPath, [cli, "--version"], folder)));

const dag10k = randomDag(10_000, 7);
const big = project(dag10k);
const inProcess: number[] = [];
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  const pipeline = await loadPipeline(join(big, "kiln.yaml"));
  buildDag(pipeline);
  inProcess.push(performance.now() - started);
}
const planCold = median(
  Array.from({ length: rounds }, () => {
    rmSync(join(big, ".kiln"), { recursive: true, force: true });
    return timed(process.execPath, [cli, "dag"], big);
  }),
);
// With .kiln/pipeline-cache.json from the previous call: kiln.yaml unchanged, no YAML parsing.
const planWarm = median(Array.from({ length: rounds }, () => timed(process.execPath, [cli, "dag"], big)));
const planMake = median(Array.from({ length: rounds }, () => timed("make", ["-n", "-j2"], big)));

const rows: [string, number, number][] = [
  ["full run, 1,000 stages (kiln run --jobs 2 | make -j2)", median(full.kiln), median(full.make)],
  ["no-change re-run, 1,000 stages (kiln run | make -j2)", median(cached.kiln), median(cached.make)],
  ["planning 10,000 stages, CLI, first time (kiln dag | make -n)", planCold, planMake],
  ["planning 10,000 stages, CLI, kiln.yaml unchanged (kiln dag | make -n)", planWarm, planMake],
];
process.stdout.write("| measurement | kiln | make | kiln / make |\n| --- | ---: | ---: | ---: |\n");
for (const [name, kiln, make] of rows)
  process.stdout.write(`| ${name} | ${ms(kiln)} | ${ms(make)} | ${ratio(kiln, make)} |\n`);
process.stdout.write(
  `\nplanning 10,000 stages in process (load + validate + link + order): ${ms(median(inProcess))}\n`,
);
process.stdout.write(
  `node start alone (node -e 0): ${ms(nodeStart)}; kiln CLI start alone (kiln --version): ${ms(cliStart)}\n`,
);
process.stdout.write(
  `no-change re-run beyond the CLI's start: ${ms(median(cached.kiln) - cliStart)} for 1,000 stages\n`,
);
process.stdout.write(
  `\ntargets: full run within 1.5× of make (${ratio(median(full.kiln), median(full.make))}); ` +
    `cached re-run under 500 ms (${ms(median(cached.kiln))}); 10,000-stage planning under 1 s (${ms(median(inProcess))} in process; CLI ${ms(planCold)} first, ${ms(planWarm)} unchanged)\n`,
);
rmSync(folder, { recursive: true, force: true });
rmSync(big, { recursive: true, force: true });
