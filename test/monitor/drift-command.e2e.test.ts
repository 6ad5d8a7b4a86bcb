import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const SEATTLE = "node_modules/vega-datasets/data/seattle-weather.csv";

function kiln(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "runtime/cli/kiln.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let winter: string;
let summer: string;
let summerJsonl: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kiln-drift-"));
  const lines = readFileSync(SEATTLE, "utf8").trim().split("\n");
  const header = lines[0] as string;
  const pick = (months: string[]) => lines.slice(1).filter((l) => months.includes(l.slice(5, 7)));
  winter = join(dir, "winter.csv");
  summer = join(dir, "summer.csv");
  writeFileSync(winter, [header, ...pick(["12", "01", "02"])].join("\n"));
  writeFileSync(summer, [header, ...pick(["06", "07", "08"])].join("\n"));
  summerJsonl = join(dir, "summer.jsonl");
  const names = header.split(",");
  writeFileSync(
    summerJsonl,
    pick(["06", "07", "08"])
      .map((l) => {
        const cells = l.split(",");
        return JSON.stringify(
          Object.fromEntries(names.map((n, i) => [n, i === 0 || i === 5 ? cells[i] : Number(cells[i])])),
        );
      })
      .join("\n"),
  );
});

describe("kiln drift", () => {
  it("prints the --json shape and exits 1 when the dataset drifted", () => {
    const r = kiln("drift", winter, summer, "--columns", "temp_max,temp_min,wind,weather", "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.dataset_drift).toBe(true);
    expect(json.drift_share).toBe(1);
    expect(json.columns.map((c: { column: string }) => c.column)).toEqual([
      "temp_max",
      "temp_min",
      "wind",
      "weather",
    ]);
    const tempMax = json.columns[0];
    expect(tempMax).toMatchObject({
      column: "temp_max",
      type: "numerical",
      test: "ks",
      threshold: 0.05,
      drift: true,
    });
    expect(tempMax.p_value).toBe(tempMax.score);
    expect(tempMax.n_reference).toBe(361);
    expect(tempMax.n_current).toBe(368);
    expect(typeof tempMax.effect_size).toBe("number");
  });

  it("exits 0 with a readable table when comparing a file with itself, and reads JSON Lines too", () => {
    const r = kiln("drift", summer, summerJsonl, "--columns", "temp_max,wind,weather");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^column\s+type\s+test\s+score\s+threshold\s+verdict/);
    expect(r.stdout).toMatch(/temp_max\s+numerical\s+ks\s+p=1\s+p<=0.05\s+ok/);
    expect(r.stdout).toContain("No dataset drift: 0 of 3 columns drifted");
  });

  it("forces one test with --method and --threshold, and --exit-zero keeps the exit code 0", () => {
    const r = kiln(
      "drift",
      winter,
      summer,
      "--columns",
      "temp_max,weather",
      "--method",
      "psi",
      "--threshold",
      "0.2",
      "--json",
      "--exit-zero",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.columns.map((c: { test: string; threshold: number }) => [c.test, c.threshold])).toEqual([
      ["psi", 0.2],
      ["psi", 0.2],
    ]);
    expect(json.columns[0]).not.toHaveProperty("p_value");
  });

  it("writes the HTML and markdown reports", () => {
    const html = join(dir, "report.html");
    const md = join(dir, "summary.md");
    const r = kiln(
      "drift",
      winter,
      summer,
      "--columns",
      "temp_max,weather",
      "--html",
      html,
      "--markdown",
      md,
    );
    expect(r.code).toBe(1);
    expect(readFileSync(html, "utf8")).toContain("<!DOCTYPE html>");
    expect(readFileSync(md, "utf8")).toContain("### Data drift: detected");
    expect(r.stderr).toContain(`wrote ${html}`);
  });

  it("exits 2 with the sorted list of tests for an unknown --method", () => {
    const r = kiln("drift", winter, summer, "--method", "anderson");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "kiln: unknown drift test 'anderson'; known tests: chisquare, jensenshannon, kl, ks, psi, wasserstein, z.\n",
    );
  });

  it("exits 2 naming the problem for a bad threshold, an unknown column or a missing file", () => {
    expect(kiln("drift", winter, summer, "--threshold", "abc").stderr).toContain(
      "--threshold: expected a positive number, got 'abc'.",
    );
    const column = kiln("drift", winter, summer, "--columns", "humidity");
    expect(column.code).toBe(2);
    expect(column.stderr).toContain("column 'humidity' is not in the reference");
    const missing = kiln("drift", join(dir, "nope.csv"), summer);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.csv");
    expect(missing.stderr).not.toContain("    at ");
  });
});
