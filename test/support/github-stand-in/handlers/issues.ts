/** Issues (pull requests are issues too: one numbering), comments and labels. */
import { emitIssueComment, emitIssues, emitPullRequest } from "../events.js";
import {
  field,
  HttpError,
  notFound,
  paginate,
  stringArray,
  timestamp,
  validationFailed,
} from "../http-kit.js";
import { type Route, type RouteContext, route } from "../route.js";
import { commentJson, issueJson, labelJson } from "../shapes.js";
import type { CommentRecord, IssueRecord, LabelRecord, RepositoryState } from "../state.js";
import type { World } from "../world.js";

const R = "/repos/{owner}/{repo}";
const BODY_LIMIT = 65536;

function issueByNumber(repo: RepositoryState, number: string): IssueRecord {
  const issue = repo.issues.get(Number(number));
  if (issue === undefined) throw notFound();
  return issue;
}

function checkBody(body: string | undefined, resource: string): void {
  if (body !== undefined && body.length > BODY_LIMIT) {
    throw validationFailed({
      resource,
      field: "body",
      code: "custom",
      message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
    });
  }
}

/** GitHub creates labels named on an issue that the repository does not have yet. */
function ensureLabel(world: World, repo: RepositoryState, name: string): LabelRecord {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing !== undefined) return existing;
  const label: LabelRecord = { id: world.nextId(), name, color: "ededed", description: null, default: false };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

function addLabels(ctx: RouteContext, issue: IssueRecord, names: readonly string[]): void {
  for (const name of names) {
    const label = ensureLabel(ctx.world, ctx.repo, name);
    if (issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) continue;
    issue.labels.push(label.name);
    if (issue.pull === undefined)
      emitIssues(ctx.world, ctx.repo, "labeled", issue, ctx.identity.account, label);
  }
}

function setState(ctx: RouteContext, issue: IssueRecord, state: string, reason: string | undefined): void {
  if (state === issue.state) return;
  issue.updatedAt = timestamp();
  if (state === "closed") {
    issue.state = "closed";
    issue.stateReason = reason === "not_planned" ? "not_planned" : "completed";
    issue.closedAt = timestamp();
    issue.closedBy = ctx.identity.account;
  } else {
    if (issue.pull?.merged) throw validationFailed({ resource: "Issue", field: "state", code: "invalid" });
    issue.state = "open";
    issue.stateReason = "reopened";
    issue.closedAt = null;
    issue.closedBy = null;
  }
  const action = state === "closed" ? "closed" : "reopened";
  if (issue.pull === undefined) emitIssues(ctx.world, ctx.repo, action, issue, ctx.identity.account);
  else emitPullRequest(ctx.world, ctx.repo, action, issue, ctx.identity.account);
}

export const issueRoutes: Route[] = [
  route(
    "POST",
    `${R}/issues`,
    async (ctx) => {
      const { repo, world } = ctx;
      const body = await ctx.json();
      const title = field(body, "title", "string", "Issue", true)!;
      if (title.trim() === "")
        throw validationFailed({ resource: "Issue", field: "title", code: "missing_field" });
      const text = field(body, "body", "string", "Issue", false);
      checkBody(text, "Issue");
      const now = timestamp();
      const issue: IssueRecord = {
        number: repo.nextNumber++,
        id: world.nextId(),
        title,
        body: text ?? null,
        state: "open",
        stateReason: null,
        labels: [],
        assignees: stringArray(body, "assignees") ?? [],
        user: ctx.identity.account,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        closedBy: null,
        locked: false,
      };
      for (const name of stringArray(body, "labels") ?? [])
        issue.labels.push(ensureLabel(world, repo, name).name);
      repo.issues.set(issue.number, issue);
      emitIssues(world, repo, "opened", issue, ctx.identity.account);
      return { status: 201, body: issueJson(world, repo, issue) };
    },
    { permission: "read" },
  ),

  route("GET", `${R}/issues/{issue_number}`, ({ world, repo, params }) => ({
    status: 200,
    body: issueJson(world, repo, issueByNumber(repo, params.issue_number!)),
  })),

  route(
    "PATCH",
    `${R}/issues/{issue_number}`,
    async (ctx) => {
      const issue = issueByNumber(ctx.repo, ctx.params.issue_number!);
      const isAuthor = issue.user.id === ctx.identity.account.id;
      if (!isAuthor && ctx.world.permissionOf(ctx.repo, ctx.identity) === "read") {
        throw new HttpError(403, "Must have triage access to repository");
      }
      const body = await ctx.json();
      const changes: Record<string, { from: unknown }> = {};
      const title = field(body, "title", "string", "Issue", false);
      if (title !== undefined && title !== issue.title) {
        changes.title = { from: issue.title };
        issue.title = title;
      }
      if ("body" in body) {
        const text = field(body, "body", "string", "Issue", false) ?? null;
        checkBody(text ?? undefined, "Issue");
        if (text !== issue.body) {
          changes.body = { from: issue.body ?? "" };
          issue.body = text;
        }
      }
      const assignees = stringArray(body, "assignees");
      if (assignees !== undefined) issue.assignees = assignees;
      issue.updatedAt = timestamp();
      if (Object.keys(changes).length > 0 && issue.pull === undefined) {
        emitIssues(ctx.world, ctx.repo, "edited", issue, ctx.identity.account, undefined, changes);
      }
      const labels = stringArray(body, "labels");
      if (labels !== undefined) {
        issue.labels = issue.labels.filter((l) => labels.some((n) => n.toLowerCase() === l.toLowerCase()));
        addLabels(ctx, issue, labels);
      }
      const state = field(body, "state", "string", "Issue", false);
      if (state !== undefined && state !== "open" && state !== "closed") {
        throw validationFailed({ resource: "Issue", field: "state", code: "invalid" });
      }
      if (state !== undefined)
        setState(ctx, issue, state, field(body, "state_reason", "string", "Issue", false));
      return { status: 200, body: issueJson(ctx.world, ctx.repo, issue) };
    },
    { permission: "read" },
  ),

  route("GET", `${R}/issues`, ({ world, repo, url }) => {
    const state = url.searchParams.get("state") ?? "open";
    const labels = (url.searchParams.get("labels") ?? "")
      .split(",")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const creator = url.searchParams.get("creator");
    const direction = url.searchParams.get("direction") ?? "desc";
    const issues = [...repo.issues.values()]
      .filter((i) => state === "all" || i.state === state)
      .filter((i) => labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)))
      .filter((i) => creator === null || i.user.login.toLowerCase() === creator.toLowerCase())
      .sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    const { page, headers } = paginate(url, issues);
    return { status: 200, body: page.map((i) => issueJson(world, repo, i)), headers };
  }),

  route(
    "POST",
    `${R}/issues/{issue_number}/comments`,
    async (ctx) => {
      const issue = issueByNumber(ctx.repo, ctx.params.issue_number!);
      const body = await ctx.json();
      const text = field(body, "body", "string", "IssueComment", true)!;
      checkBody(text, "IssueComment");
      const now = timestamp();
      const comment: CommentRecord = {
        id: ctx.world.nextId(),
        issueNumber: issue.number,
        body: text,
        user: ctx.identity.account,
        createdAt: now,
        updatedAt: now,
      };
      ctx.repo.comments.set(comment.id, comment);
      issue.updatedAt = now;
      emitIssueComment(ctx.world, ctx.repo, issue, comment, ctx.identity.account);
      return { status: 201, body: commentJson(ctx.world, ctx.repo, comment) };
    },
    { permission: "read" },
  ),

  route("GET", `${R}/issues/{issue_number}/comments`, ({ world, repo, params, url }) => {
    const issue = issueByNumber(repo, params.issue_number!);
    const comments = [...repo.comments.values()]
      .filter((c) => c.issueNumber === issue.number)
      .sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(url, comments);
    return { status: 200, body: page.map((c) => commentJson(world, repo, c)), headers };
  }),

  route(
    "PATCH",
    `${R}/issues/comments/{comment_id}`,
    async (ctx) => {
      const comment = ctx.repo.comments.get(Number(ctx.params.comment_id));
      if (comment === undefined) throw notFound();
      if (
        comment.user.id !== ctx.identity.account.id &&
        ctx.world.permissionOf(ctx.repo, ctx.identity) === "read"
      ) {
        throw new HttpError(403, "Must have push access to repository");
      }
      const body = await ctx.json();
      const text = field(body, "body", "string", "IssueComment", true)!;
      checkBody(text, "IssueComment");
      comment.body = text;
      comment.updatedAt = timestamp();
      return { status: 200, body: commentJson(ctx.world, ctx.repo, comment) };
    },
    { permission: "read" },
  ),

  route("POST", `${R}/labels`, async ({ world, repo, json }) => {
    const body = await json();
    const name = field(body, "name", "string", "Label", true)!;
    const color = (field(body, "color", "string", "Label", false) ?? "ededed").replace(/^#/, "");
    if (!/^[0-9a-fA-F]{6}$/.test(color))
      throw validationFailed({ resource: "Label", field: "color", code: "invalid" });
    if (repo.labels.has(name.toLowerCase()))
      throw validationFailed({ resource: "Label", field: "name", code: "already_exists" });
    const label: LabelRecord = {
      id: world.nextId(),
      name,
      color: color.toLowerCase(),
      description: field(body, "description", "string", "Label", false) ?? null,
      default: false,
    };
    repo.labels.set(name.toLowerCase(), label);
    return { status: 201, body: labelJson(world, repo, label) };
  }),

  route("GET", `${R}/labels/{name}`, ({ world, repo, params }) => {
    const label = repo.labels.get(params.name!.toLowerCase());
    if (label === undefined) throw notFound();
    return { status: 200, body: labelJson(world, repo, label) };
  }),

  route(
    "DELETE",
    `${R}/issues/{issue_number}/labels/{name}`,
    (ctx) => {
      const issue = issueByNumber(ctx.repo, ctx.params.issue_number!);
      const name = ctx.params.name!.toLowerCase();
      if (!issue.labels.some((l) => l.toLowerCase() === name))
        throw new HttpError(404, "Label does not exist");
      issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
      issue.updatedAt = timestamp();
      const labels = issue.labels
        .map((n) => ctx.repo.labels.get(n.toLowerCase())!)
        .map((l) => labelJson(ctx.world, ctx.repo, l));
      return { status: 200, body: labels };
    },
    { permission: "triage" },
  ),

  route(
    "POST",
    `${R}/issues/{issue_number}/labels`,
    async (ctx) => {
      const issue = issueByNumber(ctx.repo, ctx.params.issue_number!);
      const value = await ctx.jsonValue();
      const names = Array.isArray(value)
        ? stringArray({ labels: value }, "labels")
        : stringArray((value ?? {}) as Record<string, unknown>, "labels");
      if (names === undefined || names.length === 0) {
        throw validationFailed({ resource: "Label", field: "labels", code: "missing_field" });
      }
      addLabels(ctx, issue, names);
      issue.updatedAt = timestamp();
      const labels = issue.labels
        .map((n) => ctx.repo.labels.get(n.toLowerCase())!)
        .map((l) => labelJson(ctx.world, ctx.repo, l));
      return { status: 200, body: labels };
    },
    { permission: "triage" },
  ),
];
