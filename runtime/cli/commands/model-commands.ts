/**
 * `kiln model …`: the model registry — register, stage, list, show, history, diff, pull, reindex.
 * Every command takes `--store <url>` (default KILN_STORE, then .kiln/store) and `--json`.
 */
import { userInfo } from "node:os";
import { type Command, Option } from "commander";
import { UsageError } from "../../errors.js";
import { parseRepository, repositoryFromEnv } from "../../github/repository.js";
import type { Logger } from "../../logger.js";
import { appendStageEvent } from "../../registry/append-stage-event.js";
import { pullArtifact } from "../../registry/download-artifact.js";
import { listModelNames, listVersions } from "../../registry/list-versions.js";
import { diffModels, renderModelDiff } from "../../registry/model-diff.js";
import { loadModelIndex } from "../../registry/model-index.js";
import { readLineage } from "../../registry/model-lineage.js";
import { assertModelName } from "../../registry/model-name.js";
import { knownStageNames, parseModelStage } from "../../registry/model-stage.js";
import { registerModel } from "../../registry/register-model.js";
import { reindexModel } from "../../registry/reindex-model.js";
import { resolveModel } from "../../registry/resolve-model.js";
import { stagesAt } from "../../registry/stages-at.js";
import { RequestedBump } from "../../registry/version-bump.js";
import type { ObjectStore } from "../../store/object-store.js";
import { openStore } from "../../store/open-store.js";
import { createConsoleLogger } from "../console-logger.js";

interface CommonFlags {
  store?: string;
  json?: boolean;
  quiet?: boolean;
}

const context = () => ({ env: process.env, cwd: process.cwd() });
const open = (flags: CommonFlags): Promise<ObjectStore> => openStore(flags.store, context());
const loggerFor = (flags: CommonFlags): Logger =>
  createConsoleLogger({ quiet: Boolean(flags.json || flags.quiet) });
const print = (text: string): void => {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
};
const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

function actor(): string {
  const fromEnv = process.env.GITHUB_ACTOR;
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

function parseTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw new UsageError(`--at '${text}' is not a date and time; expected ISO 8601, e.g. 2026-03-01T00:00Z.`);
  return new Date(ms);
}

function parseDatasets(values: string[]): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const value of values) {
    const match = /^(.+)=(?:sha256:)?([0-9a-f]{64})$/.exec(value);
    if (match?.[1] === undefined || match[2] === undefined)
      throw new UsageError(`--dataset '${value}': expected <path>=<sha256 hex>.`);
    digests[match[1]] = match[2];
  }
  return digests;
}

const storeOption = () =>
  new Option(
    "--store <url>",
    "store URL (s3://bucket/prefix or a folder); default KILN_STORE, then .kiln/store",
  );
const jsonOption = () => new Option("--json", "print machine-readable JSON");

interface RegisterFlags extends CommonFlags {
  artifact: string;
  metrics?: string;
  params?: string;
  bump?: RequestedBump;
  dataset: string[];
  commit?: string;
  release?: boolean;
  repository?: string;
}

async function register(name: string, flags: RegisterFlags): Promise<void> {
  assertModelName(name);
  const logger = loggerFor(flags);
  const { env, cwd } = context();
  const store = await open(flags);
  const lineage = await readLineage({
    env,
    cwd,
    ...(flags.commit === undefined ? {} : { commit: flags.commit }),
    datasetDigests: parseDatasets(flags.dataset),
  });
  let release: Parameters<typeof registerModel>[1]["release"];
  if (flags.release) {
    const repository =
      flags.repository === undefined
        ? repositoryFromEnv(env)
        : parseRepository(flags.repository, "--repository");
    const commit = flags.commit ?? env.GITHUB_SHA;
    if (!commit)
      throw new UsageError("--release needs the commit to tag: pass --commit <sha> or set GITHUB_SHA.");
    // Loaded only in GitHub mode, so store-only commands do not pay for importing Octokit.
    const [{ createOctokit }, { createOctokitReleasePort }] = await Promise.all([
      import("../../github/octokit-factory.js"),
      import("../../registry/octokit-release-port.js"),
    ]);
    const octokit = createOctokit({ env, logger });
    release = {
      port: createOctokitReleasePort(octokit, repository, { logger }),
      commit,
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    };
    lineage.repository ??= `${repository.owner}/${repository.repo}`;
  }
  const result = await registerModel(
    { store, logger },
    {
      name,
      artifactPath: flags.artifact,
      ...(flags.metrics === undefined ? {} : { metricsPath: flags.metrics }),
      ...(flags.params === undefined ? {} : { paramsPath: flags.params }),
      ...(flags.bump === undefined ? {} : { bump: flags.bump }),
      lineage,
      createdBy: actor(),
      source: { kind: "command", detail: "kiln model register" },
      ...(release === undefined ? {} : { release }),
    },
  );
  const { record } = result;
  if (flags.json) {
    printJson({
      name: record.name,
      version: record.version,
      created: result.created,
      sha256: record.artifact.sha256,
      size: record.artifact.size,
      storeKey: record.artifact.storeKey,
      bump: record.bump,
      releaseUrl: record.release?.url ?? null,
    });
    return;
  }
  print(
    result.created
      ? `registered ${record.name}@${record.version} (${record.bump.kind}: ${record.bump.reason})`
      : `${record.name}@${record.version} already holds this artifact (sha256:${record.artifact.sha256}); nothing registered`,
  );
  if (record.release) print(`release: ${record.release.url}`);
}

interface StageFlags extends CommonFlags {
  reason: string;
  by?: string;
}

async function stage(name: string, version: string, stageText: string, flags: StageFlags): Promise<void> {
  assertModelName(name);
  const to = parseModelStage(stageText);
  if (to === undefined)
    throw new UsageError(`unknown stage '${stageText}'; known stages: ${knownStageNames.join(", ")}.`);
  const store = await open(flags);
  const event = await appendStageEvent(store, {
    name,
    version: version.replace(/^v/, ""),
    to,
    by: flags.by ?? actor(),
    source: { kind: "command", detail: "kiln model stage" },
    reason: flags.reason,
  });
  if (flags.json) return printJson(event);
  const archived = event.archived.map((a) => `; ${name}@${a.version} archived (was ${a.from})`).join("");
  print(`${name}@${event.version}: ${event.from} → ${event.to}${archived}`);
}

async function list(name: string | undefined, flags: CommonFlags): Promise<void> {
  const store = await open(flags);
  if (name === undefined) {
    const names = await listModelNames(store);
    if (flags.json) return printJson(names);
    print(names.length === 0 ? `no models in ${store.url}` : names.join("\n"));
    return;
  }
  assertModelName(name);
  const versions = await listVersions(store, name);
  if (flags.json) return printJson(versions);
  if (versions.length === 0) return print(`model '${name}' has no versions in ${store.url}`);
  const rows = versions.map((v) => [v.version, v.stage, v.createdAt, v.sha256.slice(0, 12), String(v.size)]);
  print(table(["version", "stage", "created", "sha256", "bytes"], rows));
}

async function show(ref: string, flags: CommonFlags & { at?: string }): Promise<void> {
  const store = await open(flags);
  const at = parseTime(flags.at);
  const { record, stage } = await resolveModel(store, ref, at === undefined ? {} : { at });
  if (flags.json) return printJson({ ...record, stage });
  const lines = [
    `${record.name}@${record.version}  (${stage}${at === undefined ? "" : ` at ${at.toISOString()}`})`,
    `created   ${record.createdAt} by ${record.createdBy}`,
    `artifact  sha256:${record.artifact.sha256} (${record.artifact.size} bytes) ${record.artifact.storeKey}`,
    `bump      ${record.bump.kind}: ${record.bump.reason}`,
  ];
  if (record.release) lines.push(`release   ${record.release.url}`);
  for (const [metric, value] of Object.entries(record.metrics)) lines.push(`metric    ${metric} = ${value}`);
  for (const t of record.signature.inputs)
    lines.push(`input     ${t.name} ${t.datatype}[${t.shape.join(", ")}]`);
  for (const t of record.signature.outputs)
    lines.push(`output    ${t.name} ${t.datatype}[${t.shape.join(", ")}]`);
  if (record.lineage.commit) lines.push(`commit    ${record.lineage.commit}`);
  if (record.lineage.parentVersion) lines.push(`parent    ${record.lineage.parentVersion}`);
  print(lines.join("\n"));
}

async function history(name: string, flags: CommonFlags): Promise<void> {
  assertModelName(name);
  const store = await open(flags);
  const { index } = await loadModelIndex(store, name);
  if (flags.json) return printJson(index.events.map(({ id: _id, ...event }) => event));
  if (index.events.length === 0) return print(`model '${name}' has no history in ${store.url}`);
  const rows = index.events.map((e) => {
    const source =
      e.source.pullRequest === undefined ? (e.source.detail ?? e.source.kind) : `PR #${e.source.pullRequest}`;
    if (e.kind === "register") return [String(e.seq), e.at, e.version, "registered", e.by, source, ""];
    const archived = e.archived.map((a) => ` (archived ${a.version})`).join("");
    return [String(e.seq), e.at, e.version, `${e.from} → ${e.to}${archived}`, e.by, source, e.reason];
  });
  print(table(["#", "at", "version", "change", "by", "source", "reason"], rows));
  const now = stagesAt(index.events);
  print(`\nnow: Production ${now.production ?? "—"}, Staging ${now.staging ?? "—"}`);
}

async function diff(a: string, b: string, flags: CommonFlags): Promise<void> {
  const store = await open(flags);
  const left = await resolveModel(store, a);
  const right = await resolveModel(store, b.startsWith("@") ? `${left.record.name}${b}` : b);
  const result = diffModels(left.record, right.record);
  if (flags.json) return printJson(result);
  print(renderModelDiff(result));
}

async function pull(ref: string, flags: CommonFlags & { output: string; at?: string }): Promise<void> {
  const store = await open(flags);
  const at = parseTime(flags.at);
  const { record } = await resolveModel(store, ref, at === undefined ? {} : { at });
  await pullArtifact(store, record, flags.output);
  if (flags.json)
    return printJson({
      name: record.name,
      version: record.version,
      sha256: record.artifact.sha256,
      path: flags.output,
    });
  print(
    `wrote ${record.name}@${record.version} to ${flags.output} (sha256:${record.artifact.sha256} verified)`,
  );
}

async function reindex(name: string, flags: CommonFlags): Promise<void> {
  assertModelName(name);
  const store = await open(flags);
  const result = await reindexModel(store, name);
  const summary = {
    name,
    versions: result.index.versions.length,
    events: result.index.events.length,
    recordsWithoutEvent: result.recordsWithoutEvent,
  };
  if (flags.json) return printJson(summary);
  print(`rebuilt the index of '${name}': ${summary.versions} versions, ${summary.events} events`);
  if (summary.recordsWithoutEvent.length > 0)
    print(`versions with a record but no register event: ${summary.recordsWithoutEvent.join(", ")}`);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function registerModelCommands(program: Command): void {
  const model = program.command("model").description("the model registry: versions, stages, artifacts");

  model
    .command("register <name>")
    .description(
      "register an ONNX model as the next version (minor by default, major on an incompatible signature)",
    )
    .requiredOption("--artifact <file>", "the ONNX model file")
    .option("--metrics <file>", "metrics (JSON or YAML, numbers)")
    .option("--params <file>", "params (JSON or YAML)")
    .addOption(
      new Option("--bump <kind>", "version bump when the signature is compatible").choices(
        Object.values(RequestedBump),
      ),
    )
    .option(
      "--dataset <path=sha256>",
      "a dataset digest for the lineage (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--commit <sha>", "the commit the model was trained at (default GITHUB_SHA)")
    .option(
      "--release",
      "GitHub mode: tag <name>@v<version> and publish a release with the model (needs GITHUB_TOKEN)",
    )
    .option("--repository <owner/repo>", "the repository for --release (default GITHUB_REPOSITORY)")
    .addOption(storeOption())
    .addOption(jsonOption())
    .option("-q, --quiet", "no progress output")
    .action(register);

  model
    .command("stage <name> <version> <stage>")
    .description(
      `move a version to a stage (${knownStageNames.join(", ")}); Staging and Production hold one version`,
    )
    .requiredOption("--reason <text>", "why (kept in the stage history)")
    .option("--by <who>", "who decided (default GITHUB_ACTOR or the local user)")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(stage);

  model
    .command("list [name]")
    .description("list the models, or the versions of one model with their stages")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(list);

  model
    .command("show <ref>")
    .description("show a version: <name> (latest), <name>@<version> or <name>:<stage>")
    .option("--at <time>", "resolve a stage as it was at this time (ISO 8601)")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(show);

  model
    .command("history <name>")
    .description("the registrations and stage moves of a model, oldest first")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(history);

  model
    .command("diff <a> <b>")
    .description(
      "compare two versions (metrics, params, signature, lineage) as markdown; <b> may be @<version>",
    )
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(diff);

  model
    .command("pull <ref>")
    .description("download a version's artifact, verified against its recorded sha256")
    .requiredOption("-o, --output <file>", "where to write the model")
    .option("--at <time>", "resolve a stage as it was at this time (ISO 8601)")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(pull);

  model
    .command("reindex <name>")
    .description("rebuild a model's index from its records and events")
    .addOption(storeOption())
    .addOption(jsonOption())
    .action(reindex);
}
