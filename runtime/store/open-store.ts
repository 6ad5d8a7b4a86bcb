import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";
import { LocalFolderStore } from "./local-folder-store.js";
import type { ObjectStore } from "./object-store.js";

/**
 * Open the store a URL names — the edge's one way to get an ObjectStore:
 * - `file:///abs/path` or a plain path (relative to `cwd`): a local folder store;
 * - `s3://bucket/prefix`: S3, or an S3-compatible server through AWS_ENDPOINT_URL(_S3).
 * With no URL, KILN_STORE from `env` is used, and without it `.kiln/store` in `cwd`.
 */
export interface OpenStoreContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The default store, relative to the project folder. */
export const defaultStorePath = ".kiln/store";

type StoreOpener = (url: string, context: OpenStoreContext) => Promise<ObjectStore>;

async function openLocalFolder(url: string, context: OpenStoreContext): Promise<ObjectStore> {
  let path: string;
  if (url.startsWith("file:")) {
    try {
      path = fileURLToPath(url);
    } catch (error: unknown) {
      throw new UsageError(`store URL '${url}' is not a valid file URL (${String(error)}).`, {
        hint: "Use file:///absolute/path or a plain path.",
      });
    }
  } else {
    path = isAbsolute(url) ? url : resolve(context.cwd, url);
  }
  return new LocalFolderStore(path);
}

async function openS3(url: string, context: OpenStoreContext): Promise<ObjectStore> {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  const bucket = match?.[1];
  if (bucket === undefined || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new UsageError(`store URL '${url}' does not name a valid S3 bucket.`, {
      hint: "Use s3://bucket or s3://bucket/prefix (bucket names are 3-63 lowercase letters, digits, dots and hyphens).",
    });
  }
  // Loaded on demand, so local-folder users do not pay for importing the AWS SDK.
  const [{ createS3Client, s3ClientSettingsFromEnv }, { S3Store }] = await Promise.all([
    import("./s3-client-factory.js"),
    import("./s3-store.js"),
  ]);
  const settings = s3ClientSettingsFromEnv(context.env);
  return new S3Store(createS3Client(settings), {
    bucket,
    prefix: match?.[2] ?? "",
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
  });
}

/** Store kinds by URL scheme. */
const storeKinds: Readonly<Record<string, StoreOpener>> = {
  file: openLocalFolder,
  s3: openS3,
};

/** The store URL that openStore would use: the given one, KILN_STORE, or the default folder. */
export function resolveStoreUrl(url: string | undefined, context: OpenStoreContext): string {
  const chosen = url || context.env.KILN_STORE || defaultStorePath;
  return chosen;
}

export async function openStore(url: string | undefined, context: OpenStoreContext): Promise<ObjectStore> {
  const chosen = resolveStoreUrl(url, context);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(chosen)?.[1]?.toLowerCase();
  // A plain path (including Windows drive letters, whose "scheme" is one letter) is a local folder.
  const opener = scheme === undefined ? openLocalFolder : storeKinds[scheme];
  if (opener === undefined) {
    throw new UsageError(
      `store URL '${chosen}' uses an unknown store kind '${scheme}'; known kinds: ${Object.keys(storeKinds).sort().join(", ")}.`,
      { hint: "Set KILN_STORE to s3://bucket/prefix, file:///path or a folder path." },
    );
  }
  return opener(chosen, context);
}
