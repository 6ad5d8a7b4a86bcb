import type { ModelRecord } from "./model-record.js";
import { flatten, formatChange, formatNumber } from "./render-model-card.js";
import { signatureChanges } from "./signature-changes.js";

export interface ModelDiff {
  from: string;
  to: string;
  metrics: { name: string; from?: number; to?: number }[];
  params: { name: string; from?: string; to?: string }[];
  signature: { incompatible: string[]; compatible: string[] };
  lineage: { field: string; from?: string; to?: string }[];
}

/** What differs between two versions: metrics (all), params, signature and lineage (changed only). */
export function diffModels(a: ModelRecord, b: ModelRecord): ModelDiff {
  const metricNames = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])];
  const metrics = metricNames.map((name) => ({
    name,
    ...(a.metrics[name] === undefined ? {} : { from: a.metrics[name] }),
    ...(b.metrics[name] === undefined ? {} : { to: b.metrics[name] }),
  }));
  const changed = (left: Map<string, string>, right: Map<string, string>) =>
    [...new Set([...left.keys(), ...right.keys()])]
      .filter((k) => left.get(k) !== right.get(k))
      .map((k) => ({ k, from: left.get(k), to: right.get(k) }));
  const params = changed(new Map(flatten(a.params)), new Map(flatten(b.params))).map(({ k, from, to }) => ({
    name: k,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  }));
  const lineageEntries = (r: ModelRecord) =>
    new Map<string, string>([
      ...(["repository", "commit", "branch", "workflowRunUrl", "parentVersion"] as const)
        .filter((f) => r.lineage[f] !== undefined)
        .map((f): [string, string] => [f, String(r.lineage[f])]),
      ...Object.entries(r.lineage.stageKeys).map(([s, k]): [string, string] => [`stage ${s}`, k]),
      ...Object.entries(r.lineage.datasetDigests).map(([p, d]): [string, string] => [`dataset ${p}`, d]),
      ["artifact sha256", r.artifact.sha256],
    ]);
  const lineage = changed(lineageEntries(a), lineageEntries(b)).map(({ k, from, to }) => ({
    field: k,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  }));
  return {
    from: `${a.name}@${a.version}`,
    to: `${b.name}@${b.version}`,
    metrics,
    params,
    signature: signatureChanges(a.signature, b.signature),
    lineage,
  };
}

/** The diff as markdown (like `dvc metrics diff --md`), for terminals, PR comments and summaries. */
export function renderModelDiff(diff: ModelDiff): string {
  const lines = [`## ${diff.from} → ${diff.to}`, "", "### Metrics", ""];
  const show = (v: number | undefined) => (v === undefined ? "—" : formatNumber(v));
  if (diff.metrics.length === 0) lines.push("_Neither version has metrics._");
  else {
    lines.push(`| metric | ${diff.from} | ${diff.to} | change |`, "|---|---:|---:|---:|");
    for (const m of diff.metrics) {
      const change =
        m.from !== undefined && m.to !== undefined
          ? formatChange(m.to, m.from)
          : m.to === undefined
            ? "removed"
            : "new";
      lines.push(`| ${m.name} | ${show(m.from)} | ${show(m.to)} | ${change} |`);
    }
  }
  lines.push("", "### Params", "");
  if (diff.params.length === 0) lines.push("_No parameter changed._");
  else {
    lines.push(`| param | ${diff.from} | ${diff.to} |`, "|---|---|---|");
    for (const p of diff.params) lines.push(`| ${p.name} | ${p.from ?? "—"} | ${p.to ?? "—"} |`);
  }
  lines.push("", "### Signature", "");
  const { incompatible, compatible } = diff.signature;
  if (incompatible.length === 0 && compatible.length === 0) lines.push("_Unchanged._");
  for (const change of incompatible) lines.push(`- **incompatible:** ${change}`);
  for (const change of compatible) lines.push(`- compatible: ${change}`);
  lines.push("", "### Lineage", "");
  if (diff.lineage.length === 0) lines.push("_Unchanged._");
  else {
    lines.push(`| | ${diff.from} | ${diff.to} |`, "|---|---|---|");
    for (const l of diff.lineage) lines.push(`| ${l.field} | ${l.from ?? "—"} | ${l.to ?? "—"} |`);
  }
  lines.push("");
  return lines.join("\n");
}
