import type { Readable } from "node:stream";

/** A GitHub release as the registry needs it. */
export interface ReleaseInfo {
  id: number;
  tag: string;
  /** The release page. */
  url: string;
  /** Where assets are uploaded (GitHub's `upload_url`, without its `{?name,label}` template). */
  uploadUrl: string;
}

export interface ReleaseAssetInfo {
  id: number;
  name: string;
  /** Where a browser (or curl with a token) downloads it. */
  downloadUrl: string;
}

/**
 * What the registry asks of GitHub in GitHub mode: a tag ref that allocates a version (creating an
 * existing ref fails), a release with assets, and the deletes that roll a half-done registration
 * back. The Octokit implementation is `createOctokitReleasePort`; errors are Kiln errors.
 */
export interface ReleasePort {
  /** `owner/name`. */
  readonly repository: string;
  /** Create `refs/tags/<tag>` at `sha`. Returns false when the tag already exists. */
  createTagRef(tag: string, sha: string): Promise<boolean>;
  deleteTagRef(tag: string): Promise<void>;
  createRelease(release: { tag: string; name: string; body: string; sha: string }): Promise<ReleaseInfo>;
  /** Upload an asset, streamed from `open()` (called once per attempt). */
  uploadAsset(
    release: ReleaseInfo,
    asset: { name: string; contentType: string; size: number; open: () => Readable },
  ): Promise<ReleaseAssetInfo>;
  /** The release with this tag, or undefined. */
  getReleaseByTag(tag: string): Promise<ReleaseInfo | undefined>;
  deleteRelease(release: ReleaseInfo): Promise<void>;
}
