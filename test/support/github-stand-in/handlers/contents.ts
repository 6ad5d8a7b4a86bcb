/** The contents API: read, create, update and delete files on a branch (each write is a commit). */

import type { GitPerson } from "../git-objects.js";
import { field, HttpError, notFound, validationFailed } from "../http-kit.js";
import { commitToBranch, personOf } from "../ref-updates.js";
import { type Route, route } from "../route.js";
import { contentFileJson, gitCommitJson } from "../shapes.js";

const R = "/repos/{owner}/{repo}";

function person(value: unknown, fallback: GitPerson): GitPerson {
  if (typeof value !== "object" || value === null) return fallback;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== "string" || typeof v.email !== "string") return fallback;
  return { name: v.name, email: v.email, date: typeof v.date === "string" ? v.date : fallback.date };
}

export const contentsRoutes: Route[] = [
  route("GET", `${R}/contents/{path}`, ({ world, repo, params, url, req }) => {
    const ref = url.searchParams.get("ref") ?? repo.defaultBranch;
    const sha = repo.resolve(ref);
    if (sha === undefined) throw new HttpError(404, `No commit found for the ref ${ref}`);
    const tree = repo.git.treeOfCommit(sha);
    const path = params.path!.replace(/^\/+|\/+$/g, "");
    const blob = tree.get(path);
    if (blob !== undefined) {
      const content = repo.git.blobs.get(blob)!;
      if (/application\/vnd\.github(?:\.v3)?\.raw(?!\+json)/.test(req.headers.accept ?? "")) {
        return {
          status: 200,
          raw: { bytes: content, contentType: "application/vnd.github.raw; charset=utf-8" },
        };
      }
      return { status: 200, body: contentFileJson(world, repo, path, blob, content, ref) };
    }
    const prefix = path === "" ? "" : `${path}/`;
    const children = new Map<string, { type: "file" | "dir"; sha: string; size: number }>();
    for (const [file, fileBlob] of tree) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const [first, ...more] = rest.split("/");
      if (more.length === 0)
        children.set(first!, {
          type: "file",
          sha: fileBlob,
          size: repo.git.blobs.get(fileBlob)?.length ?? 0,
        });
      else if (!children.has(first!))
        children.set(first!, { type: "dir", sha: repo.git.putTree(new Map()), size: 0 });
    }
    if (children.size === 0) throw notFound();
    const entries = [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, child]) => {
        const childPath = `${prefix}${name}`;
        const base = contentFileJson(world, repo, childPath, child.sha, undefined, ref);
        return {
          ...base,
          type: child.type,
          size: child.size,
          download_url: child.type === "dir" ? null : base.download_url,
        };
      });
    return { status: 200, body: entries };
  }),

  route("PUT", `${R}/contents/{path}`, async (ctx) => {
    const { world, repo, params } = ctx;
    const body = await ctx.json();
    const message = field(body, "message", "string", "Commit", true)!;
    const content = field(body, "content", "string", "Commit", true)!;
    const branch = field(body, "branch", "string", "Commit", false) ?? repo.defaultBranch;
    const expected = field(body, "sha", "string", "Commit", false);
    if (!/^[A-Za-z0-9+/=\s]*$/.test(content)) throw new HttpError(422, "content is not valid Base64");
    const head = repo.branchSha(branch);
    if (head === undefined) throw new HttpError(404, `Branch ${branch} not found`);
    const path = params.path!.replace(/^\/+|\/+$/g, "");
    const existing = repo.git.treeOfCommit(head).get(path);
    if (existing !== undefined && expected === undefined) {
      throw new HttpError(422, `Invalid request.\n\n"sha" wasn't supplied.`);
    }
    if (existing !== undefined && expected !== existing)
      throw new HttpError(409, `${path} does not match ${expected}`);
    if (existing === undefined && expected !== undefined && expected !== "") {
      throw new HttpError(409, `${path} does not match ${expected}`);
    }
    const bytes = Buffer.from(content, "base64");
    const fallback = personOf(ctx.identity.account);
    const committer = person(body.committer, fallback);
    const commit = commitToBranch(
      world,
      repo,
      branch,
      new Map([[path, bytes]]),
      message,
      ctx.identity.account,
      {
        committer,
        author: person(body.author, committer),
      },
    );
    const blob = repo.git.treeOfCommit(commit.sha).get(path)!;
    const file = contentFileJson(world, repo, path, blob, undefined, branch);
    return {
      status: existing === undefined ? 201 : 200,
      body: { content: file, commit: gitCommitJson(world, repo, commit) },
    };
  }),

  route("DELETE", `${R}/contents/{path}`, async (ctx) => {
    const { world, repo, params } = ctx;
    const body = await ctx.json();
    const message = field(body, "message", "string", "Commit", true)!;
    const expected = field(body, "sha", "string", "Commit", true)!;
    const branch = field(body, "branch", "string", "Commit", false) ?? repo.defaultBranch;
    const head = repo.branchSha(branch);
    if (head === undefined) throw new HttpError(404, `Branch ${branch} not found`);
    const path = params.path!.replace(/^\/+|\/+$/g, "");
    const existing = repo.git.treeOfCommit(head).get(path);
    if (existing === undefined) throw notFound();
    if (existing !== expected) throw new HttpError(409, `${path} does not match ${expected}`);
    if (message.trim() === "")
      throw validationFailed({ resource: "Commit", field: "message", code: "missing_field" });
    const commit = commitToBranch(
      world,
      repo,
      branch,
      new Map([[path, null]]),
      message,
      ctx.identity.account,
    );
    return { status: 200, body: { content: null, commit: gitCommitJson(world, repo, commit) } };
  }),
];
