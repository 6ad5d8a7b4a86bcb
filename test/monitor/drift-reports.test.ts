import { describe, expect, it } from "vitest";
import { compareDatasets } from "../../runtime/monitor/compare-datasets.js";
import { driftReportJson } from "../../runtime/monitor/drift-report-json.js";
import { renderDriftHtml } from "../../runtime/monitor/render-drift-html.js";
import { renderDriftMarkdown } from "../../runtime/monitor/render-drift-markdown.js";
import { normalSample } from "./seeded-random.js";
import { categorical, cycle, numeric, table } from "./table-builder.js";

const hostile = 'evil|<script>alert("x")</script>';

function sampleReport() {
  const reference = table(
    "train <v1>.csv",
    numeric("age", normalSample(300, 1, 40, 10)),
    numeric(hostile, normalSample(300, 2)),
    categorical("plan", cycle(300, ["basic", "pro", "<b>team</b>"])),
  );
  const current = table(
    "window.csv",
    numeric("age", [...normalSample(240, 3, 48, 10), ...Array<number>(10).fill(Number.NaN)]),
    numeric(hostile, normalSample(250, 4)),
    categorical("plan", cycle(250, ["basic", "basic", "pro", "enterprise"])),
  );
  return compareDatasets(reference, current);
}

describe("driftReportJson", () => {
  it("has the issue's shape, with p_value only for tests that have one", () => {
    const forced = compareDatasets(
      table("r", numeric("a", normalSample(100, 1)), categorical("c", cycle(100, ["x", "y", "z"]))),
      table("c", numeric("a", normalSample(100, 2)), categorical("c", cycle(100, ["x", "y", "z"]))),
      { method: "wasserstein" },
    );
    const json = driftReportJson(forced);
    expect(Object.keys(json).slice(0, 3)).toEqual(["dataset_drift", "drift_share", "columns"]);
    const [a, c] = json.columns as Record<string, unknown>[];
    expect(Object.keys(a ?? {}).slice(0, 9)).toEqual([
      "column",
      "type",
      "test",
      "score",
      "threshold",
      "drift",
      "effect_size",
      "n_reference",
      "n_current",
    ]);
    expect(a).not.toHaveProperty("p_value");
    expect(c).toMatchObject({
      column: "c",
      type: "categorical",
      test: "chisquare",
      threshold: 0.05,
      n_reference: 100,
    });
    expect(c?.p_value).toBe(c?.score);
  });

  it("turns non-finite numbers into null so the output is valid JSON", () => {
    const report = compareDatasets(table("r", numeric("x", [1, 2])), table("c", numeric("x", [Number.NaN])));
    const text = JSON.stringify(driftReportJson(report));
    expect(JSON.parse(text).columns[0].score).toBeNull();
  });
});

describe("renderDriftMarkdown", () => {
  it("summarises the verdict and has one escaped table row per column", () => {
    const report = sampleReport();
    const md = renderDriftMarkdown(report);
    expect(md).toContain(`### Data drift: ${report.datasetDrift ? "detected" : "not detected"}`);
    expect(md).toContain("| column | type | test | score | threshold | verdict | effect size |");
    expect(md).toMatch(
      /\| age \| numerical \| K-S p_value \| p = [0-9.e-]+ \| p ≤ 0\.05 \| \*\*drift\*\* \|/,
    );
    expect(md).toContain("evil\\|&lt;script&gt;");
    expect(md).not.toContain("<script>");
    expect(md).toContain("Benjamini–Hochberg");
    expect(md).toContain("1 category never seen in the reference (enterprise)");
    expect(md).not.toContain("```mermaid");
  });

  it("adds a mermaid xychart of the drifted share over recent windows when given history", () => {
    const report = sampleReport();
    const md = renderDriftMarkdown(report, [
      { label: "06-01", driftShare: 0, scores: { age: 0.4 } },
      { label: "06-02", driftShare: 0.33, scores: { age: 0.01 } },
      { label: 'say "hi"', driftShare: 0.67, scores: { age: 1e-9 } },
    ]);
    expect(md).toContain("```mermaid\nxychart-beta");
    expect(md).toContain(`x-axis ["06-01", "06-02", "say 'hi'"]`);
    expect(md).toContain("line [0, 0.33, 0.67]");
    expect(md).toContain('title "age: K-S p_value over recent windows"');
  });

  it("stays under the size limit, keeping drifted columns and saying what it left out", () => {
    const columns = Array.from({ length: 400 }, (_, i) =>
      numeric(`feature_${i}_${"x".repeat(40)}`, normalSample(50, i)),
    );
    const shifted = Array.from({ length: 400 }, (_, i) =>
      numeric(`feature_${i}_${"x".repeat(40)}`, normalSample(50, 1000 + i, i === 399 ? 5 : 0)),
    );
    const report = compareDatasets(table("r", ...columns), table("c", ...shifted));
    const md = renderDriftMarkdown(report, undefined, { maxLength: 8000 });
    expect(md.length).toBeLessThanOrEqual(8001);
    expect(md).toContain(`feature_399_`);
    expect(md).toMatch(/_\d+ more columns not shown to stay within GitHub's size limit/);
  });
});

describe("renderDriftHtml", () => {
  it("is one self-contained document: inline CSS and SVG, no scripts or external resources", () => {
    const html = renderDriftHtml(sampleReport());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link /i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).not.toMatch(/@import|url\(/);
    const urls = html.match(/https?:\/\/[^\s"']+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });

  it("says so instead of drawing empty bars when no column has missing values", () => {
    const report = compareDatasets(table("r", numeric("a", [1, 2, 3])), table("c", numeric("a", [2, 3, 4])));
    const html = renderDriftHtml(report);
    expect(html).toContain("No missing values in any compared column, in either dataset.");
    expect(html).not.toContain('aria-label="Missing share by column"');
  });

  it("escapes every text that comes from the data", () => {
    const html = renderDriftHtml(sampleReport());
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("evil|&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<b>team</b>");
    expect(html).toContain("&lt;b&gt;team&lt;/b&gt;");
    expect(html).toContain("train &lt;v1&gt;.csv");
  });

  it("draws a distribution chart per column, the drift scores and the missing shares", () => {
    const report = sampleReport();
    const html = renderDriftHtml(report);
    const svgs = html.match(/<svg /g) ?? [];
    expect(svgs.length).toBe(report.columns.length + 2);
    expect(html).toContain('aria-label="age: distribution, reference vs current"');
    expect(html).toContain('aria-label="plan: category shares, reference vs current"');
    expect(html).toContain('aria-label="Drift strength by column"');
    expect(html).toContain('aria-label="Missing share by column"');
    // one bar per histogram bin and series for the numerical column
    const age = report.columns.find((c) => c.column === "age")!;
    if (age.distribution.kind !== "histogram") throw new Error("histogram expected");
    const section = html.slice(
      html.indexOf('aria-label="age: distribution'),
      html.indexOf("</svg>", html.indexOf('aria-label="age: distribution')),
    );
    expect((section.match(/<rect x=/g) ?? []).length).toBe(2 * age.distribution.reference.length + 2);
  });
});
