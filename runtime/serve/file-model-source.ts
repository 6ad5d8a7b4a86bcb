/**
 * A model source reading one ONNX file: `kiln serve --model-file model.onnx --name iris`.
 * The version is the first 12 hex digits of the file's sha256, so replacing the file (write a new
 * file beside it and rename it over the old one) is a new version, picked up by the poller.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { errorMessage, NotFoundError } from "../errors.js";
import type { ModelSource, ResolvedModel } from "./model-source.js";

export function fileModelSource(path: string, name: string): ModelSource {
  let seen: { mtimeMs: number; size: number; ino: number; version: string } | undefined;

  async function read(): Promise<ResolvedModel> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error: unknown) {
      throw new NotFoundError(`cannot read model file '${path}': ${errorMessage(error)}`, { cause: error });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { name, version: sha256.slice(0, 12), sha256, bytes };
  }

  return {
    name,
    description: `${name} (file ${path})`,
    async currentVersion() {
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(path);
      } catch (error: unknown) {
        throw new NotFoundError(`cannot read model file '${path}': ${errorMessage(error)}`, { cause: error });
      }
      if (seen && seen.mtimeMs === info.mtimeMs && seen.size === info.size && seen.ino === info.ino) {
        return seen.version;
      }
      const { version } = await read();
      seen = { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, version };
      return version;
    },
    resolve: read,
  };
}
