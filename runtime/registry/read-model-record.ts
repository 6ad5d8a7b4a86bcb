import { NotFoundError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";
import { type ModelRecord, parseModelRecord } from "./model-record.js";
import { registryKeys } from "./registry-keys.js";

/** The record of `name@version`, or undefined when that version does not exist. */
export async function findModelRecord(
  store: ObjectStore,
  name: string,
  version: string,
): Promise<ModelRecord | undefined> {
  const key = registryKeys.record(name, version);
  try {
    return parseModelRecord(await store.getBytes(key), key);
  } catch (error: unknown) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
