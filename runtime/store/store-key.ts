import { StoreError } from "../errors.js";

/**
 * Names a local folder store keeps for itself next to the objects (temporary files, etag sidecars,
 * lock files). A key segment may not start with it, and listings never show such files.
 */
export const reservedNamePrefix = ".kiln-";

const keyExample = "Keys are '/'-separated relative paths such as 'models/iris/versions/1.0.0.json'.";

function invalidKey(key: string, what: string): StoreError {
  return new StoreError(`store key '${key}' is not valid: ${what}. ${keyExample}`, { key });
}

/** Check a key's shape (the same rules for every store kind) and return it. Throws StoreError. */
export function validateStoreKey(key: string): string {
  if (key.length === 0) throw invalidKey(key, "it is empty");
  if (key.startsWith("/")) throw invalidKey(key, "it is absolute (starts with '/')");
  if (key.includes("\\")) throw invalidKey(key, "it contains a backslash");
  if (key.includes("\0")) throw invalidKey(key, "it contains a NUL character");
  for (const segment of key.split("/")) {
    if (segment === "") throw invalidKey(key, "it has an empty segment (a trailing or doubled '/')");
    if (segment === "." || segment === "..") throw invalidKey(key, `it has a '${segment}' segment`);
    if (segment.startsWith(reservedNamePrefix)) {
      throw invalidKey(
        key,
        `segment '${segment}' starts with '${reservedNamePrefix}', which the store reserves`,
      );
    }
  }
  return key;
}

/**
 * Check a listing prefix: empty, or a key's beginning (it may end inside a segment, e.g. `models/ir`,
 * or with `/`). Throws StoreError.
 */
export function validateStorePrefix(prefix: string): string {
  if (prefix === "") return prefix;
  const lastSlash = prefix.lastIndexOf("/");
  // Every complete segment must be valid; the last, partial one only must not escape.
  const complete = prefix.slice(0, lastSlash);
  if (lastSlash >= 0 && complete !== "") validateStoreKey(complete);
  if (lastSlash === 0) throw invalidKey(prefix, "it is absolute (starts with '/')");
  const partial = prefix.slice(lastSlash + 1);
  if (partial.includes("\\") || partial.includes("\0") || partial === "..") {
    throw invalidKey(prefix, "its last segment is not a valid key beginning");
  }
  return prefix;
}

/** Byte-wise (UTF-8) order of keys, the order S3 lists in. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
