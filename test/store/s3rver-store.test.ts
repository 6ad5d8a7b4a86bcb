import { startS3rver } from "../support/s3-harness.js";
import { defineObjectStoreConformance } from "./object-store-conformance.js";

// s3rver ignores If-None-Match/If-Match; the harness's conditional-write shim enforces them (see
// conditionalWriteShim in test/support/s3-harness.ts), so these conditional tests exercise the shim
// plus our S3 store's mapping of 412 responses, while the moto suite checks them against a server
// that implements conditions itself.
defineObjectStoreConformance({
  name: "s3rver (with the conditional-write shim)",
  async start() {
    const s3 = await startS3rver({ bucket: "kiln-s3rver" });
    return { url: s3.storeUrl, env: s3.env, stop: s3.stop };
  },
  partialReads: "s3rver writes objects in place, so a reader can catch one half-written",
  unorderedAcrossFolders:
    "s3rver walks its storage folders and lists 'a/b' before 'a-z'; AWS and moto do not",
  largeObject: {
    bytes: 48 * 1024 * 1024,
    measureMemory: false,
    reason: "48 MB, memory not measured: s3rver runs in this process, so its own buffers and CPU count too",
  },
});
