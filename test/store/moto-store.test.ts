import { describe, it } from "vitest";
import { findMotoServer, startMoto } from "../support/s3-harness.js";
import { defineObjectStoreConformance } from "./object-store-conformance.js";

const moto = findMotoServer();
if ("reason" in moto) {
  process.stdout.write(`skipping the moto object store suite: ${moto.reason}\n`);
  describe("the moto object store", () => {
    it.skip(`runs only when moto_server is on PATH (${moto.reason})`, () => {});
  });
} else {
  defineObjectStoreConformance({
    name: "moto_server",
    async start() {
      const s3 = await startMoto({ bucket: "kiln-moto", prefix: "kiln/" });
      return { url: s3.storeUrl, env: s3.env, stop: s3.stop };
    },
    largeObject: { bytes: 200 * 1024 * 1024, measureMemory: true },
  });
}
