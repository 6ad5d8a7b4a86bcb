import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { NotFoundError, UsageError } from "../errors.js";

export interface FileDigest {
  /** Hex sha256 of the file's bytes. */
  sha256: string;
  size: number;
}

/** Hash a file by streaming it (constant memory, whatever its size). */
export async function sha256OfFile(path: string, what = "artifact"): Promise<FileDigest> {
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
    }
  } catch (error: unknown) {
    throw fileError(error, path, what);
  }
  return { sha256: hash.digest("hex"), size };
}

/** A file-system error on a file the user named, as a Kiln error. */
export function fileError(error: unknown, path: string, what: string): Error {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return new NotFoundError(`${what} '${path}' does not exist.`, { cause: error });
  if (code === "EISDIR")
    return new UsageError(`${what} '${path}' is a directory; expected a file.`, { cause: error });
  if (code === "EACCES" || code === "EPERM")
    return new UsageError(`${what} '${path}' cannot be read (permission denied).`, { cause: error });
  return new UsageError(
    `${what} '${path}' cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
    { cause: error },
  );
}
