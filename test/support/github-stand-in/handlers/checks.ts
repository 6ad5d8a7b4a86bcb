/** Check runs: only GitHub Apps (installation tokens) may write them, as on GitHub. */
import { emitCheckRun } from "../events.js";
import { field, HttpError, notFound, paginate, timestamp, validationFailed } from "../http-kit.js";
import { type Route, type RouteContext, route } from "../route.js";
import { checkRunJson } from "../shapes.js";
import type { CheckRunRecord } from "../state.js";

const R = "/repos/{owner}/{repo}";
const STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
const CONCLUSIONS = [
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "success",
  "skipped",
  "stale",
  "timed_out",
];
const TEXT_LIMIT = 65535;

function requireApp(ctx: RouteContext): void {
  if (ctx.identity.kind === "user" && ctx.identity.account.type !== "Bot") {
    throw new HttpError(403, "You must authenticate via a GitHub App.");
  }
}

function applyOutput(run: CheckRunRecord, body: Record<string, unknown>): void {
  const output = body.output;
  if (output === undefined || output === null) return;
  if (typeof output !== "object")
    throw validationFailed({ resource: "CheckRun", field: "output", code: "invalid" });
  const o = output as Record<string, unknown>;
  for (const key of ["summary", "text"] as const) {
    const value = o[key];
    if (typeof value === "string" && value.length > TEXT_LIMIT) {
      throw validationFailed({
        resource: "CheckRun",
        field: `output.${key}`,
        code: "custom",
        message: `Invalid request.\n\nOnly ${TEXT_LIMIT} characters are allowed; ${value.length} were supplied.`,
      });
    }
  }
  const annotations = Array.isArray(o.annotations) ? o.annotations.length : 0;
  if (annotations > 50)
    throw validationFailed({ resource: "CheckRun", field: "output.annotations", code: "too_many" });
  run.output = {
    title: typeof o.title === "string" ? o.title : run.output.title,
    summary: typeof o.summary === "string" ? o.summary : run.output.summary,
    text: typeof o.text === "string" ? o.text : run.output.text,
    annotationsCount: run.output.annotationsCount + annotations,
  };
}

function applyStatus(run: CheckRunRecord, body: Record<string, unknown>): void {
  const status = field(body, "status", "string", "CheckRun", false);
  const conclusion = field(body, "conclusion", "string", "CheckRun", false);
  if (status !== undefined && !STATUSES.includes(status))
    throw validationFailed({ resource: "CheckRun", field: "status", code: "invalid" });
  if (conclusion !== undefined && !CONCLUSIONS.includes(conclusion)) {
    throw validationFailed({ resource: "CheckRun", field: "conclusion", code: "invalid" });
  }
  if (status === "completed" && conclusion === undefined && run.conclusion === null) {
    throw validationFailed({ resource: "CheckRun", field: "conclusion", code: "missing_field" });
  }
  if (status !== undefined) run.status = status;
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = "completed";
  }
  if (run.status === "completed")
    run.completedAt = field(body, "completed_at", "string", "CheckRun", false) ?? timestamp();
  const detailsUrl = field(body, "details_url", "string", "CheckRun", false);
  if (detailsUrl !== undefined) run.detailsUrl = detailsUrl;
  const externalId = field(body, "external_id", "string", "CheckRun", false);
  if (externalId !== undefined) run.externalId = externalId;
  const name = field(body, "name", "string", "CheckRun", false);
  if (name !== undefined) run.name = name;
}

export const checkRoutes: Route[] = [
  route("POST", `${R}/check-runs`, async (ctx) => {
    requireApp(ctx);
    const { repo, world } = ctx;
    const body = await ctx.json();
    const name = field(body, "name", "string", "CheckRun", true)!;
    const headSha = field(body, "head_sha", "string", "CheckRun", true)!;
    if (!repo.git.commits.has(headSha)) throw new HttpError(422, `No commit found for SHA: ${headSha}`);
    const suiteKey = `${headSha}:${ctx.identity.account.id}`;
    let suite = repo.checkSuites.get(suiteKey);
    if (suite === undefined) {
      suite = world.nextId();
      repo.checkSuites.set(suiteKey, suite);
    }
    const run: CheckRunRecord = {
      id: world.nextId(),
      name,
      headSha,
      status: "queued",
      conclusion: null,
      startedAt: field(body, "started_at", "string", "CheckRun", false) ?? timestamp(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null, annotationsCount: 0 },
      app: ctx.identity.account,
      checkSuiteId: suite,
    };
    applyStatus(run, body);
    applyOutput(run, body);
    repo.checkRuns.set(run.id, run);
    emitCheckRun(world, repo, "created", run, ctx.identity.account);
    if (run.status === "completed") emitCheckRun(world, repo, "completed", run, ctx.identity.account);
    return { status: 201, body: checkRunJson(world, repo, run) };
  }),

  route("PATCH", `${R}/check-runs/{check_run_id}`, async (ctx) => {
    requireApp(ctx);
    const run = ctx.repo.checkRuns.get(Number(ctx.params.check_run_id));
    if (run === undefined) throw notFound();
    const body = await ctx.json();
    const wasCompleted = run.status === "completed";
    applyStatus(run, body);
    applyOutput(run, body);
    if (!wasCompleted && run.status === "completed") {
      emitCheckRun(ctx.world, ctx.repo, "completed", run, ctx.identity.account);
    }
    return { status: 200, body: checkRunJson(ctx.world, ctx.repo, run) };
  }),

  route("GET", `${R}/check-runs/{check_run_id}`, (ctx) => {
    const run = ctx.repo.checkRuns.get(Number(ctx.params.check_run_id));
    if (run === undefined) throw notFound();
    return { status: 200, body: checkRunJson(ctx.world, ctx.repo, run) };
  }),

  route("GET", `${R}/commits/{ref}/check-runs`, (ctx) => {
    const sha = ctx.repo.resolve(ctx.params.ref!);
    if (sha === undefined) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
    const name = ctx.url.searchParams.get("check_name");
    const status = ctx.url.searchParams.get("status");
    const runs = [...ctx.repo.checkRuns.values()]
      .filter((r) => r.headSha === sha)
      .filter((r) => name === null || r.name === name)
      .filter((r) => status === null || r.status === status)
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(ctx.url, runs);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: page.map((r) => checkRunJson(ctx.world, ctx.repo, r)) },
      headers,
    };
  }),
];
