/** Releases and their assets; assets stream to and from files on disk, so sizes are not capped by memory. */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { emitRelease } from "../events.js";
import { field, HttpError, notFound, paginate, STREAMED, timestamp, validationFailed } from "../http-kit.js";
import { updateRef } from "../ref-updates.js";
import { type Route, type RouteContext, route } from "../route.js";
import { assetJson, releaseJson } from "../shapes.js";
import type { ReleaseRecord, RepositoryState } from "../state.js";

const R = "/repos/{owner}/{repo}";

function releaseById(repo: RepositoryState, id: string): ReleaseRecord {
  const release = repo.releases.get(Number(id));
  if (release === undefined) throw notFound();
  return release;
}

/** Publishing creates the tag at target_commitish when it does not exist yet. */
function ensureTag(ctx: RouteContext, release: ReleaseRecord): void {
  const ref = `refs/tags/${release.tagName}`;
  if (ctx.repo.refs.has(ref)) return;
  const sha = ctx.repo.resolve(release.targetCommitish);
  if (sha === undefined) {
    throw validationFailed({ resource: "Release", code: "invalid", field: "target_commitish" });
  }
  updateRef(ctx.world, ctx.repo, ref, sha, ctx.identity.account);
}

function publish(ctx: RouteContext, release: ReleaseRecord): void {
  ensureTag(ctx, release);
  release.draft = false;
  release.publishedAt = timestamp();
  emitRelease(ctx.world, ctx.repo, release, ctx.identity.account);
}

function newestFirst(a: ReleaseRecord, b: ReleaseRecord): number {
  return b.id - a.id;
}

export const releaseRoutes: Route[] = [
  route("POST", `${R}/releases`, async (ctx) => {
    const { repo, world } = ctx;
    const body = await ctx.json();
    const tagName = field(body, "tag_name", "string", "Release", true)!;
    if (tagName.trim() === "")
      throw validationFailed({ resource: "Release", code: "missing_field", field: "tag_name" });
    if ([...repo.releases.values()].some((r) => r.tagName === tagName)) {
      throw validationFailed({ resource: "Release", code: "already_exists", field: "tag_name" });
    }
    const targetCommitish = field(body, "target_commitish", "string", "Release", false) ?? repo.defaultBranch;
    if (!repo.refs.has(`refs/tags/${tagName}`) && repo.resolve(targetCommitish) === undefined) {
      throw validationFailed({ resource: "Release", code: "invalid", field: "target_commitish" });
    }
    const release: ReleaseRecord = {
      id: world.nextId(),
      tagName,
      targetCommitish,
      name: field(body, "name", "string", "Release", false) ?? null,
      body: field(body, "body", "string", "Release", false) ?? null,
      draft: field(body, "draft", "boolean", "Release", false) ?? false,
      prerelease: field(body, "prerelease", "boolean", "Release", false) ?? false,
      makeLatest: field(body, "make_latest", "string", "Release", false) ?? "true",
      author: ctx.identity.account,
      createdAt: timestamp(),
      publishedAt: null,
      assetIds: [],
    };
    repo.releases.set(release.id, release);
    if (!release.draft) publish(ctx, release);
    return { status: 201, body: releaseJson(world, repo, release) };
  }),

  route("GET", `${R}/releases/{release_id}`, ({ world, repo, params }) => ({
    status: 200,
    body: releaseJson(world, repo, releaseById(repo, params.release_id!)),
  })),

  route("GET", `${R}/releases/tags/{tag}`, ({ world, repo, params }) => {
    const release = [...repo.releases.values()].find((r) => r.tagName === params.tag && !r.draft);
    if (release === undefined) throw notFound();
    return { status: 200, body: releaseJson(world, repo, release) };
  }),

  route("GET", `${R}/releases/latest`, ({ world, repo }) => {
    // GitHub's latest: the most recent published, non-prerelease release
    const latest = [...repo.releases.values()]
      .filter((r) => !r.draft && !r.prerelease && r.makeLatest !== "false")
      .sort(newestFirst)[0];
    if (latest === undefined) throw notFound();
    return { status: 200, body: releaseJson(world, repo, latest) };
  }),

  route("GET", `${R}/releases`, ({ world, repo, url }) => {
    const all = [...repo.releases.values()].sort(newestFirst);
    const { page, headers } = paginate(url, all);
    return { status: 200, body: page.map((r) => releaseJson(world, repo, r)), headers };
  }),

  route("PATCH", `${R}/releases/{release_id}`, async (ctx) => {
    const release = releaseById(ctx.repo, ctx.params.release_id!);
    const body = await ctx.json();
    const tagName = field(body, "tag_name", "string", "Release", false);
    if (tagName !== undefined && tagName !== release.tagName) {
      if ([...ctx.repo.releases.values()].some((r) => r.tagName === tagName)) {
        throw validationFailed({ resource: "Release", code: "already_exists", field: "tag_name" });
      }
      release.tagName = tagName;
    }
    release.targetCommitish =
      field(body, "target_commitish", "string", "Release", false) ?? release.targetCommitish;
    if ("name" in body) release.name = field(body, "name", "string", "Release", false) ?? null;
    if ("body" in body) release.body = field(body, "body", "string", "Release", false) ?? null;
    release.prerelease = field(body, "prerelease", "boolean", "Release", false) ?? release.prerelease;
    release.makeLatest = field(body, "make_latest", "string", "Release", false) ?? release.makeLatest;
    const draft = field(body, "draft", "boolean", "Release", false);
    if (draft === false && release.draft) publish(ctx, release);
    else if (!release.draft) ensureTag(ctx, release);
    if (draft === true) release.draft = true;
    return { status: 200, body: releaseJson(ctx.world, ctx.repo, release) };
  }),

  route("DELETE", `${R}/releases/{release_id}`, async ({ world, repo, params }) => {
    const release = releaseById(repo, params.release_id!);
    for (const id of release.assetIds) {
      const asset = repo.assets.get(id);
      repo.assets.delete(id);
      if (asset !== undefined) await rm(asset.file, { force: true });
    }
    repo.releases.delete(release.id);
    void world;
    return { status: 204 };
  }),

  route(
    "POST",
    `/uploads${R}/releases/{release_id}/assets`,
    async (ctx) => {
      const { world, repo, params, url, req } = ctx;
      const release = releaseById(repo, params.release_id!);
      const name = url.searchParams.get("name");
      if (name === null || name === "") {
        req.resume();
        throw validationFailed({ resource: "ReleaseAsset", code: "missing_field", field: "name" });
      }
      const taken = release.assetIds.some((id) => repo.assets.get(id)?.name === name);
      if (taken) {
        req.resume();
        throw validationFailed({ resource: "ReleaseAsset", code: "already_exists", field: "name" });
      }
      const id = world.nextId();
      const file = join(world.assetsDir, String(id));
      const hash = createHash("sha256");
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(req, meter, createWriteStream(file));
      const declared = req.headers["content-length"];
      if (declared !== undefined && Number(declared) !== size) {
        await rm(file, { force: true });
        throw new HttpError(400, `Bad Content-Length: got ${size} bytes, expected ${declared}`);
      }
      const now = timestamp();
      repo.assets.set(id, {
        id,
        releaseId: release.id,
        name,
        label: url.searchParams.get("label"),
        contentType: req.headers["content-type"] ?? "application/octet-stream",
        size,
        digest: `sha256:${hash.digest("hex")}`,
        file,
        uploader: ctx.identity.account,
        createdAt: now,
        updatedAt: now,
        downloadCount: 0,
      });
      release.assetIds.push(id);
      return { status: 201, body: assetJson(world, repo, release, repo.assets.get(id)!) };
    },
    { openapi: `${R}/releases/{release_id}/assets` },
  ),

  route("GET", `${R}/releases/{release_id}/assets`, ({ world, repo, params, url }) => {
    const release = releaseById(repo, params.release_id!);
    const assets = release.assetIds.map((id) => repo.assets.get(id)!).filter((a) => a !== undefined);
    const { page, headers } = paginate(url, assets);
    return { status: 200, body: page.map((a) => assetJson(world, repo, release, a)), headers };
  }),

  route("GET", `${R}/releases/assets/{asset_id}`, ({ world, repo, params, req }) => {
    const asset = repo.assets.get(Number(params.asset_id));
    if (asset === undefined) throw notFound();
    if ((req.headers.accept ?? "").includes("application/octet-stream")) {
      // GitHub answers with a redirect to a short-lived download URL on another host
      return { status: 302, headers: { location: `${world.baseUrl}/_downloads/assets/${asset.id}` } };
    }
    return { status: 200, body: assetJson(world, repo, repo.releases.get(asset.releaseId)!, asset) };
  }),

  route("DELETE", `${R}/releases/assets/{asset_id}`, async ({ repo, params }) => {
    const asset = repo.assets.get(Number(params.asset_id));
    if (asset === undefined) throw notFound();
    repo.assets.delete(asset.id);
    const release = repo.releases.get(asset.releaseId);
    if (release !== undefined) release.assetIds = release.assetIds.filter((id) => id !== asset.id);
    await rm(asset.file, { force: true });
    return { status: 204 };
  }),
];

async function streamAsset(ctx: RouteContext, file: string, size: number, name: string): Promise<void> {
  ctx.res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(size),
    "content-disposition": `attachment; filename=${JSON.stringify(name)}`,
  });
  // resolve on "finish": with keep-alive, "close" (which pipeline waits for) comes only when the socket does
  await new Promise<void>((resolve, reject) => {
    const source = createReadStream(file);
    source.on("error", reject);
    ctx.res.on("finish", resolve);
    ctx.res.on("close", resolve);
    source.pipe(ctx.res);
  });
}

/** The download hosts GitHub redirects to (objects.githubusercontent.com, github.com/.../releases/download). */
export const downloadRoutes: Route[] = [
  route(
    "GET",
    "/_downloads/assets/{asset_id}",
    async (ctx) => {
      for (const repo of ctx.world.repos.values()) {
        const asset = repo.assets.get(Number(ctx.params.asset_id));
        if (asset === undefined) continue;
        asset.downloadCount++;
        await streamAsset(ctx, asset.file, asset.size, asset.name);
        return STREAMED;
      }
      throw notFound();
    },
    { openapi: false, auth: "none" },
  ),
  route(
    "GET",
    "/_downloads/{owner}/{repo}/releases/download/{tag}/{name}",
    async (ctx) => {
      const release = [...ctx.repo.releases.values()].find((r) => r.tagName === ctx.params.tag && !r.draft);
      const asset = release?.assetIds
        .map((id) => ctx.repo.assets.get(id))
        .find((a) => a?.name === ctx.params.name);
      if (asset === undefined) throw notFound();
      asset.downloadCount++;
      await streamAsset(ctx, asset.file, asset.size, asset.name);
      return STREAMED;
    },
    { openapi: false, auth: "none" },
  ),
];
