/**
 * A container image reference pinned by digest: `registry/repository[:tag]@sha256:<64 hex>`.
 * Manifests Kiln writes never name an image by tag alone, so what runs is exactly what was built.
 */
import { UsageError } from "../errors.js";

export interface PinnedImage {
  /** `ghcr.io/acme/kiln-serve` */
  repository: string;
  /** The tag written beside the digest, for people (ignored by Kubernetes when a digest is given). */
  tag: string | undefined;
  /** `sha256:<64 hex>` */
  digest: string;
}

const pattern =
  /^([a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?@(sha256:[0-9a-f]{64})$/;

export function parsePinnedImage(text: string, where = "--image"): PinnedImage {
  const match = pattern.exec(text);
  if (match === null) {
    const hint = text.includes("@")
      ? "The digest must be sha256: followed by 64 lowercase hex digits."
      : "Pin it by digest, e.g. ghcr.io/acme/kiln-serve:1.4.0@sha256:<digest> (docker/build-push-action outputs the digest).";
    throw new UsageError(`${where}: '${text}' is not an image reference pinned by digest.`, { hint });
  }
  return { repository: match[1]!, tag: match[2], digest: match[3]! };
}

export function formatPinnedImage(image: PinnedImage): string {
  return `${image.repository}${image.tag === undefined ? "" : `:${image.tag}`}@${image.digest}`;
}
