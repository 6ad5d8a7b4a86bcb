import type { ModelIndex, VersionSummary } from "./model-index.js";
import type { ModelRecord } from "./model-record.js";

export interface ModelCardOptions {
  /** GitHub web root for links (GITHUB_SERVER_URL); default https://github.com. */
  serverUrl?: string;
  /** The metric to chart across versions; default the record's first metric. */
  chartMetric?: string;
  /** How many recent versions the chart shows; default 20. */
  chartVersions?: number;
}

const maxTableRows = 200;

/**
 * The model card: the body of the GitHub release and the action's job summary. Pure: the record,
 * the version now in Production (to compare metrics with) and the recent versions (for the chart).
 */
export function renderModelCard(
  record: ModelRecord,
  production: ModelRecord | undefined,
  history: readonly VersionSummary[],
  options: ModelCardOptions = {},
): string {
  const server = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  const lines: string[] = [];
  lines.push(`# ${record.name}@${record.version}`, "");
  const commit = record.lineage.commit ? ` at commit \`${record.lineage.commit.slice(0, 7)}\`` : "";
  lines.push(`Registered ${record.createdAt} by ${record.createdBy}${commit}.`, "");
  lines.push(`**Version bump:** ${record.bump.kind} — ${record.bump.reason}.`, "");

  lines.push("## Metrics", "");
  const metricNames = Object.keys(record.metrics);
  if (metricNames.length === 0) lines.push("_No metrics were recorded._", "");
  else {
    const against = production && production.version !== record.version ? production : undefined;
    if (against) {
      lines.push(
        `| metric | ${record.version} | Production (${against.version}) | change |`,
        "|---|---:|---:|---:|",
      );
      for (const name of metricNames.slice(0, maxTableRows)) {
        const value = record.metrics[name] as number;
        const before = against.metrics[name];
        lines.push(
          `| ${cell(name)} | ${formatNumber(value)} | ${before === undefined ? "—" : formatNumber(before)} | ${before === undefined ? "new" : formatChange(value, before)} |`,
        );
      }
    } else {
      const note =
        production === undefined ? "No version is in Production yet." : "This version is in Production.";
      lines.push(`| metric | ${record.version} |`, "|---|---:|");
      for (const name of metricNames.slice(0, maxTableRows))
        lines.push(`| ${cell(name)} | ${formatNumber(record.metrics[name] as number)} |`);
      lines.push("", `_${note}_`);
    }
    lines.push(...trimmedNote(metricNames.length, "metrics"), "");
    lines.push(...metricChart(record, history, options));
  }

  lines.push("## Parameters", "");
  const params = flatten(record.params);
  if (params.length === 0) lines.push("_No parameters were recorded._", "");
  else {
    lines.push("| parameter | value |", "|---|---|");
    for (const [name, value] of params.slice(0, maxTableRows))
      lines.push(`| ${cell(name)} | ${cell(value)} |`);
    lines.push(...trimmedNote(params.length, "parameters"), "");
  }

  lines.push("## Signature", "");
  lines.push("| | name | datatype | shape |", "|---|---|---|---|");
  for (const t of record.signature.inputs)
    lines.push(`| input | ${cell(t.name)} | ${t.datatype} | [${t.shape.join(", ")}] |`);
  for (const t of record.signature.outputs)
    lines.push(`| output | ${cell(t.name)} | ${t.datatype} | [${t.shape.join(", ")}] |`);
  lines.push("");

  lines.push("## Lineage", "");
  const { lineage } = record;
  const repoUrl = lineage.repository ? `${server}/${lineage.repository}` : undefined;
  if (lineage.repository) lines.push(`- Repository: [${lineage.repository}](${repoUrl})`);
  if (lineage.commit)
    lines.push(
      `- Commit: ${repoUrl ? `[\`${lineage.commit}\`](${repoUrl}/commit/${lineage.commit})` : `\`${lineage.commit}\``}`,
    );
  if (lineage.branch) lines.push(`- Branch: \`${lineage.branch}\``);
  if (lineage.workflowRunUrl) lines.push(`- Workflow run: ${lineage.workflowRunUrl}`);
  if (lineage.parentVersion) {
    const parentTag = `${record.name}@v${lineage.parentVersion}`;
    lines.push(
      `- Parent version: ${repoUrl ? `[${lineage.parentVersion}](${repoUrl}/releases/tag/${encodeURIComponent(parentTag)})` : lineage.parentVersion}`,
    );
  } else lines.push("- Parent version: none (first version)");
  const stageKeys = Object.entries(lineage.stageKeys);
  if (stageKeys.length > 0) {
    lines.push("", "| pipeline stage | stage key |", "|---|---|");
    for (const [stage, key] of stageKeys.slice(0, maxTableRows))
      lines.push(`| ${cell(stage)} | \`${key}\` |`);
  }
  const datasets = Object.entries(lineage.datasetDigests);
  if (datasets.length > 0) {
    lines.push("", "| dataset | sha256 |", "|---|---|");
    for (const [path, digest] of datasets.slice(0, maxTableRows))
      lines.push(`| ${cell(path)} | \`${digest}\` |`);
  }
  lines.push("");

  lines.push("## Artifact", "");
  lines.push(`- \`model.onnx\`: ${record.artifact.size} bytes, sha256 \`${record.artifact.sha256}\``);
  lines.push(`- Store key: \`${record.artifact.storeKey}\``);
  if (record.artifact.releaseAssetUrl) lines.push(`- Release asset: ${record.artifact.releaseAssetUrl}`);
  lines.push("");
  return lines.join("\n");
}

/** The versions the model card's chart is drawn from: the index's summaries up to this version. */
export function chartHistory(index: ModelIndex, record: ModelRecord): VersionSummary[] {
  const earlier = index.versions.filter((v) => v.version !== record.version);
  return [
    ...earlier,
    {
      version: record.version,
      sha256: record.artifact.sha256,
      size: record.artifact.size,
      bump: record.bump.kind,
      metrics: record.metrics,
      createdAt: record.createdAt,
    },
  ];
}

function metricChart(
  record: ModelRecord,
  history: readonly VersionSummary[],
  options: ModelCardOptions,
): string[] {
  const metric = options.chartMetric ?? Object.keys(record.metrics)[0];
  if (metric === undefined) return [];
  const points = history
    .filter((v) => typeof v.metrics[metric] === "number")
    .slice(-(options.chartVersions ?? 20));
  if (points.length < 2) return [];
  const values = points.map((v) => v.metrics[metric] as number);
  return [
    `### ${metric} across recent versions`,
    "",
    "```mermaid",
    "xychart-beta",
    `  title "${metric.replaceAll('"', "'")} by version"`,
    `  x-axis [${points.map((v) => `"${v.version}"`).join(", ")}]`,
    `  y-axis "${metric.replaceAll('"', "'")}"`,
    `  line [${values.map((v) => formatNumber(v)).join(", ")}]`,
    "```",
    "",
  ];
}

/** Parameters as dotted names and printable values, in file order. */
export function flatten(value: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === "object" && inner !== null && !Array.isArray(inner))
      out.push(...flatten(inner as Record<string, unknown>, name));
    else out.push([name, typeof inner === "string" ? inner : JSON.stringify(inner)]);
  }
  return out;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

export function formatChange(value: number, before: number): string {
  const delta = value - before;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const absolute = formatNumber(Math.abs(delta));
  if (before === 0) return `${sign}${absolute}`;
  const relative = (Math.abs(delta) / Math.abs(before)) * 100;
  return `${sign}${absolute} (${sign}${relative.toFixed(2)}%)`;
}

function cell(text: string): string {
  const flat = text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function trimmedNote(total: number, what: string): string[] {
  return total > maxTableRows
    ? ["", `_${total - maxTableRows} more ${what} left out; see kiln-model.json._`]
    : [];
}
