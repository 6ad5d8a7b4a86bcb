import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { defineObjectStoreConformance } from "./object-store-conformance.js";

defineObjectStoreConformance({
  name: "local folder",
  async start() {
    const folder = await mkdtemp(join(tmpdir(), "kiln-store-"));
    return {
      url: pathToFileURL(folder).href,
      env: {},
      stop: () => rm(folder, { recursive: true, force: true }),
    };
  },
  largeObject: { bytes: 200 * 1024 * 1024, measureMemory: true },
});
