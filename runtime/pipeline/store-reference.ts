import { UsageError } from "../errors.js";

/**
 * The store key a pipeline reference names: `store://key` is a key of the store; `s3://bucket/key`
 * must lie inside the store's own `s3://bucket/prefix`.
 */
export function storeKeyOf(reference: string, storeUrl: string): string {
  if (reference.startsWith("store://")) return reference.slice("store://".length);
  if (reference.startsWith("s3://")) {
    const base = storeUrl.replace(/\/+$/, "");
    if (reference.startsWith(`${base}/`)) return reference.slice(base.length + 1);
    throw new UsageError(
      `'${reference}' lies outside the store '${storeUrl}'. Point the store (--store or KILN_STORE) at its bucket, or use store://key.`,
    );
  }
  throw new UsageError(`'${reference}' is not a store reference (store://key or s3://bucket/key).`);
}
