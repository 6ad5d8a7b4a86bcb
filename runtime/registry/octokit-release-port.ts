import type { Octokit } from "@octokit/rest";
import { GitHubApiError } from "../errors.js";
import { callGitHub, toGitHubError } from "../github/github-error.js";
import type { Repository } from "../github/repository.js";
import type { Logger } from "../logger.js";
import type { ReleaseAssetInfo, ReleaseInfo, ReleasePort } from "./release-port.js";

interface ReleaseData {
  id: number;
  tag_name: string;
  html_url: string;
  upload_url: string;
}

const toInfo = (data: ReleaseData): ReleaseInfo => ({
  id: data.id,
  tag: data.tag_name,
  url: data.html_url,
  uploadUrl: data.upload_url.replace(/\{.*\}$/, ""),
});

/**
 * The ReleasePort over an Octokit client (made at the edge by `createOctokit`). Streamed asset
 * uploads are retried here with a fresh stream (the retry plugin cannot replay a stream body).
 */
export function createOctokitReleasePort(
  octokit: Octokit,
  repository: Repository,
  options: { logger: Logger; uploadAttempts?: number },
): ReleasePort {
  const { owner, repo } = repository;
  const uploadAttempts = options.uploadAttempts ?? 3;
  return {
    repository: `${owner}/${repo}`,

    async createTagRef(tag, sha) {
      try {
        await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha });
        return true;
      } catch (error: unknown) {
        const converted = toGitHubError(error, { endpoint: "POST /repos/{owner}/{repo}/git/refs" });
        if (converted instanceof GitHubApiError && converted.status === 422) {
          // "Reference already exists" — or a bad sha; tell them apart by reading the ref.
          const exists = await callGitHub(
            () => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }).then(() => true),
            { notFound: "absent" },
          ).catch(() => false);
          if (exists) return false;
        }
        throw converted;
      }
    },

    async deleteTagRef(tag) {
      await callGitHub(() => octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${tag}` }), {
        endpoint: "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
      });
    },

    async createRelease({ tag, name, body, sha }) {
      const { data } = await callGitHub(
        () =>
          octokit.rest.repos.createRelease({ owner, repo, tag_name: tag, name, body, target_commitish: sha }),
        { endpoint: "POST /repos/{owner}/{repo}/releases" },
      );
      return toInfo(data);
    },

    async uploadAsset(release, asset) {
      const endpoint = "POST /repos/{owner}/{repo}/releases/{release_id}/assets";
      for (let attempt = 1; ; attempt++) {
        try {
          const { data } = await octokit.request({
            method: "POST",
            url: `${release.uploadUrl}?name=${encodeURIComponent(asset.name)}`,
            headers: { "content-type": asset.contentType, "content-length": asset.size },
            data: asset.open(),
            request: { retries: 0 },
          });
          const uploaded = data as { id: number; name: string; browser_download_url: string };
          return { id: uploaded.id, name: uploaded.name, downloadUrl: uploaded.browser_download_url };
        } catch (error: unknown) {
          const converted = toGitHubError(error, { endpoint });
          const status = converted instanceof GitHubApiError ? converted.status : undefined;
          // A retried upload whose first attempt landed: the asset is already there.
          if (status === 422) {
            const existing = await findAsset(release, asset.name);
            if (existing !== undefined) return existing;
          }
          const transient = status === undefined || status >= 500;
          if (!transient || attempt >= uploadAttempts) throw converted;
          options.logger.warn(
            `upload of ${asset.name} to ${release.tag} failed (${converted.message}); retrying.`,
          );
          const stale = await findAsset(release, asset.name).catch(() => undefined);
          if (stale !== undefined)
            await octokit.rest.repos
              .deleteReleaseAsset({ owner, repo, asset_id: stale.id })
              .catch(() => undefined);
        }
      }
    },

    async getReleaseByTag(tag) {
      try {
        const { data } = await callGitHub(() => octokit.rest.repos.getReleaseByTag({ owner, repo, tag }), {
          notFound: `no release ${tag}`,
          endpoint: "GET /repos/{owner}/{repo}/releases/tags/{tag}",
        });
        return toInfo(data);
      } catch (error: unknown) {
        if (error instanceof GitHubApiError) throw error;
        return undefined;
      }
    },

    async deleteRelease(release) {
      await callGitHub(() => octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id }), {
        endpoint: "DELETE /repos/{owner}/{repo}/releases/{release_id}",
      });
    },
  };

  async function findAsset(release: ReleaseInfo, name: string): Promise<ReleaseAssetInfo | undefined> {
    const { data } = await callGitHub(
      () => octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: release.id, per_page: 100 }),
      { endpoint: "GET /repos/{owner}/{repo}/releases/{release_id}/assets" },
    );
    const found = data.find((a) => a.name === name);
    return found === undefined
      ? undefined
      : { id: found.id, name: found.name, downloadUrl: found.browser_download_url };
  }
}
