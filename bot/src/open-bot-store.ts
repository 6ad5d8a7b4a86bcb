import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";

/** The registry store the bot reads: KILN_STORE (s3://… or a folder), else `.kiln/store` here. */
export function openBotStore(env: Readonly<Record<string, string | undefined>>): () => Promise<ObjectStore> {
  return () => openStore(env.KILN_STORE, { env, cwd: process.cwd() });
}
