/** Git data: refs, blobs, trees, commits, and the branch and commit views over them. */
import { diffTrees, lineChanges } from "../git-objects.js";
import { field, HttpError, nodeId, notFound, paginate, validationFailed } from "../http-kit.js";
import { personOf, updateRef } from "../ref-updates.js";
import { type Route, route } from "../route.js";
import { commitJson, gitCommitJson, refJson } from "../shapes.js";
import type { RepositoryState } from "../state.js";
import type { World } from "../world.js";

const R = "/repos/{owner}/{repo}";

function refName(ref: string): string {
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

function treeJson(world: World, repo: RepositoryState, sha: string): Record<string, unknown> {
  const tree = repo.git.tree(sha);
  if (tree === undefined) throw notFound();
  return {
    sha,
    url: world.api(`/repos/${repo.fullName}/git/trees/${sha}`),
    truncated: false,
    tree: [...tree].map(([path, blob]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha: blob,
      size: repo.git.blobs.get(blob)?.length ?? 0,
      url: world.api(`/repos/${repo.fullName}/git/blobs/${blob}`),
    })),
  };
}

export function commitFiles(world: World, repo: RepositoryState, sha: string): Record<string, unknown>[] {
  const commit = repo.git.commits.get(sha)!;
  const parent = commit.parents[0];
  const changes = diffTrees(
    parent === undefined ? new Map() : repo.git.treeOfCommit(parent),
    repo.git.treeOfCommit(sha),
  );
  return changes.map((c) => {
    const { additions, deletions } = lineChanges(
      c.before === undefined ? undefined : repo.git.blobs.get(c.before),
      c.after === undefined ? undefined : repo.git.blobs.get(c.after),
    );
    return {
      sha: c.after ?? c.before ?? null,
      filename: c.path,
      status: c.status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: world.html(`/${repo.fullName}/blob/${sha}/${c.path}`),
      raw_url: `${world.baseUrl}/_raw/${repo.fullName}/${sha}/${c.path}`,
      contents_url: world.api(`/repos/${repo.fullName}/contents/${c.path}?ref=${sha}`),
    };
  });
}

export const gitRoutes: Route[] = [
  route("GET", `${R}/git/ref/{ref}`, ({ world, repo, params }) => {
    const full = refName(params.ref!);
    const sha = repo.refs.get(full);
    if (sha === undefined) throw notFound();
    return { status: 200, body: refJson(world, repo, full, sha) };
  }),

  route("GET", `${R}/git/matching-refs/{ref}`, ({ world, repo, params }) => {
    const prefix = refName(params.ref ?? "");
    const refs = [...repo.refs]
      .filter(([name]) => name.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return { status: 200, body: refs.map(([name, sha]) => refJson(world, repo, name, sha)) };
  }),

  route("POST", `${R}/git/refs`, async (ctx) => {
    const body = await ctx.json();
    const ref = field(body, "ref", "string", "Reference", true)!;
    const sha = field(body, "sha", "string", "Reference", true)!;
    if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
      throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!ctx.repo.git.commits.has(sha)) throw new HttpError(422, "Object does not exist");
    if (ctx.repo.refs.has(ref)) throw new HttpError(422, "Reference already exists");
    updateRef(ctx.world, ctx.repo, ref, sha, ctx.identity.account);
    return { status: 201, body: refJson(ctx.world, ctx.repo, ref, sha) };
  }),

  route("PATCH", `${R}/git/refs/{ref}`, async (ctx) => {
    const body = await ctx.json();
    const sha = field(body, "sha", "string", "Reference", true)!;
    const force = field(body, "force", "boolean", "Reference", false) ?? false;
    const full = refName(ctx.params.ref!);
    const current = ctx.repo.refs.get(full);
    if (current === undefined) throw new HttpError(422, "Reference does not exist");
    if (!ctx.repo.git.commits.has(sha)) throw new HttpError(422, "Object does not exist");
    const fastForward = ctx.repo.git.isAncestor(current, sha);
    if (!fastForward && !force) throw new HttpError(422, "Update is not a fast forward");
    updateRef(ctx.world, ctx.repo, full, sha, ctx.identity.account, !fastForward);
    return { status: 200, body: refJson(ctx.world, ctx.repo, full, sha) };
  }),

  route("DELETE", `${R}/git/refs/{ref}`, (ctx) => {
    const full = refName(ctx.params.ref!);
    if (!ctx.repo.refs.has(full)) throw new HttpError(422, "Reference does not exist");
    updateRef(ctx.world, ctx.repo, full, undefined, ctx.identity.account);
    return { status: 204 };
  }),

  route("POST", `${R}/git/blobs`, async ({ world, repo, json }) => {
    const body = await json();
    const content = field(body, "content", "string", "Blob", true)!;
    const encoding = field(body, "encoding", "string", "Blob", false) ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "base64") {
      throw validationFailed({ resource: "Blob", field: "encoding", code: "invalid" });
    }
    const sha = repo.git.putBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
    return { status: 201, body: { sha, url: world.api(`/repos/${repo.fullName}/git/blobs/${sha}`) } };
  }),

  route("GET", `${R}/git/blobs/{file_sha}`, ({ world, repo, params }) => {
    const content = repo.git.blobs.get(params.file_sha!);
    if (content === undefined) throw notFound();
    return {
      status: 200,
      body: {
        sha: params.file_sha,
        node_id: nodeId("Blob", params.file_sha!),
        size: content.length,
        url: world.api(`/repos/${repo.fullName}/git/blobs/${params.file_sha}`),
        content: content.toString("base64"),
        encoding: "base64",
      },
    };
  }),

  route("POST", `${R}/git/trees`, async ({ world, repo, json }) => {
    const body = await json();
    const entries = body.tree;
    if (!Array.isArray(entries))
      throw validationFailed({ resource: "Tree", field: "tree", code: "missing_field" });
    const baseTree = field(body, "base_tree", "string", "Tree", false);
    const tree = new Map(baseTree === undefined ? [] : (repo.git.tree(baseTree) ?? []));
    if (baseTree !== undefined && repo.git.tree(baseTree) === undefined)
      throw new HttpError(422, "Invalid tree info");
    for (const entry of entries as unknown[]) {
      if (typeof entry !== "object" || entry === null) throw new HttpError(422, "Invalid tree info");
      const e = entry as Record<string, unknown>;
      if (typeof e.path !== "string" || e.path === "") throw new HttpError(422, "Invalid tree info");
      if (typeof e.content === "string") tree.set(e.path, repo.git.putBlob(Buffer.from(e.content, "utf8")));
      else if (e.sha === null) tree.delete(e.path);
      else if (typeof e.sha === "string" && repo.git.blobs.has(e.sha)) tree.set(e.path, e.sha);
      else throw new HttpError(422, `Invalid tree info: ${e.path} has neither content nor a known blob sha`);
    }
    const sha = repo.git.putTree(tree);
    return { status: 201, body: treeJson(world, repo, sha) };
  }),

  route("GET", `${R}/git/trees/{tree_sha}`, ({ world, repo, params }) => {
    const sha = repo.git.commits.get(params.tree_sha!)?.tree ?? repo.resolve(params.tree_sha!);
    const treeSha =
      sha !== undefined && repo.git.commits.has(sha) ? repo.git.commits.get(sha)!.tree : params.tree_sha!;
    return { status: 200, body: treeJson(world, repo, treeSha) };
  }),

  route("POST", `${R}/git/commits`, async (ctx) => {
    const body = await ctx.json();
    const message = field(body, "message", "string", "Commit", true)!;
    const tree = field(body, "tree", "string", "Commit", true)!;
    const parents = Array.isArray(body.parents) ? (body.parents as unknown[]).map(String) : [];
    if (ctx.repo.git.tree(tree) === undefined) throw new HttpError(422, "Tree SHA does not exist");
    for (const parent of parents)
      if (!ctx.repo.git.commits.has(parent))
        throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
    const who = (value: unknown): ReturnType<typeof personOf> | undefined => {
      if (typeof value !== "object" || value === null) return undefined;
      const v = value as Record<string, unknown>;
      if (typeof v.name !== "string" || typeof v.email !== "string") return undefined;
      return {
        name: v.name,
        email: v.email,
        date: typeof v.date === "string" ? v.date : personOf(ctx.identity.account).date,
      };
    };
    const author = who(body.author) ?? personOf(ctx.identity.account);
    const commit = ctx.repo.git.putCommit({
      tree,
      parents,
      message,
      author,
      committer: who(body.committer) ?? author,
    });
    return { status: 201, body: gitCommitJson(ctx.world, ctx.repo, commit) };
  }),

  route("GET", `${R}/git/commits/{commit_sha}`, ({ world, repo, params }) => {
    const commit = repo.git.commits.get(params.commit_sha!);
    if (commit === undefined) throw notFound();
    return { status: 200, body: gitCommitJson(world, repo, commit) };
  }),

  route("GET", `${R}/commits/{ref}`, ({ world, repo, params }) => {
    const sha = repo.resolve(params.ref!);
    if (sha === undefined) throw new HttpError(422, `No commit found for SHA: ${params.ref}`);
    return {
      status: 200,
      body: commitJson(world, repo, repo.git.commits.get(sha)!, commitFiles(world, repo, sha)),
    };
  }),

  route("GET", `${R}/tags`, ({ world, repo, url }) => {
    const tags = [...repo.refs]
      .filter(([name]) => name.startsWith("refs/tags/"))
      .map(([name, sha]) => ({ name: name.slice("refs/tags/".length), sha }))
      .sort((a, b) => (a.name < b.name ? 1 : -1));
    const { page, headers } = paginate(url, tags);
    return {
      status: 200,
      body: page.map((t) => ({
        name: t.name,
        commit: { sha: t.sha, url: world.api(`/repos/${repo.fullName}/commits/${t.sha}`) },
        zipball_url: world.api(`/repos/${repo.fullName}/zipball/refs/tags/${encodeURIComponent(t.name)}`),
        tarball_url: world.api(`/repos/${repo.fullName}/tarball/refs/tags/${encodeURIComponent(t.name)}`),
        node_id: nodeId("Ref", `${repo.id}:refs/tags/${t.name}`),
      })),
      headers,
    };
  }),

  route("GET", `${R}/branches/{branch}`, ({ world, repo, params }) => {
    const sha = repo.branchSha(params.branch!);
    if (sha === undefined) throw new HttpError(404, "Branch not found");
    const url = world.api(`/repos/${repo.fullName}/branches/${params.branch}`);
    return {
      status: 200,
      body: {
        name: params.branch,
        commit: commitJson(world, repo, repo.git.commits.get(sha)!),
        _links: { html: world.html(`/${repo.fullName}/tree/${params.branch}`), self: url },
        protected: false,
        protection: {
          enabled: false,
          required_status_checks: { enforcement_level: "off", contexts: [], checks: [] },
        },
        protection_url: `${url}/protection`,
      },
    };
  }),
];
