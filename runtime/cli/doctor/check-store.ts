import { randomUUID } from "node:crypto";
import { errorMessage, isKilnError } from "../../errors.js";
import type { ObjectStore } from "../../store/object-store.js";
import type { DoctorCheckResult } from "./doctor-check.js";

/**
 * The store is reachable and writable: open it, put a probe object, read it back, delete it, and
 * check it is gone. `storeUrl` is what the user configured (KILN_STORE or the default), for messages.
 */
export async function checkStore(
  storeUrl: string,
  openStore: () => Promise<ObjectStore>,
): Promise<DoctorCheckResult> {
  const probeKey = `doctor/probe-${randomUUID()}.txt`;
  const probe = `kiln doctor probe ${new Date().toISOString()}`;
  let store: ObjectStore | undefined;
  try {
    store = await openStore();
    await store.put(probeKey, probe, { contentType: "text/plain" });
    const readBack = new TextDecoder().decode(await store.getBytes(probeKey));
    if (readBack !== probe) {
      return {
        name: "store",
        status: "fail",
        summary: `${store.url}: the probe object read back differs from what was written`,
        hint: "The store does not return what it stores; check the server or folder.",
        details: { url: store.url },
      };
    }
    await store.delete(probeKey);
    if ((await store.head(probeKey)) !== undefined) {
      return {
        name: "store",
        status: "fail",
        summary: `${store.url}: the probe object is still there after delete`,
        hint: "Check that the credentials may delete objects.",
        details: { url: store.url },
      };
    }
    return {
      name: "store",
      status: "pass",
      summary: `${store.url} is reachable and writable (put, get and delete of a probe object)`,
      details: { url: store.url },
    };
  } catch (error: unknown) {
    const hint =
      (isKilnError(error) ? error.hint : undefined) ??
      "Set KILN_STORE to a writable folder, file:///path or s3://bucket/prefix (with AWS credentials).";
    // Kiln's store errors already name the store; anything else gets its URL in front.
    const summary = isKilnError(error)
      ? error.hint
        ? error.message.slice(0, -error.hint.length - 1)
        : error.message
      : `${store?.url ?? storeUrl}: ${errorMessage(error)}`;
    return {
      name: "store",
      status: "fail",
      summary,
      hint,
      details: { url: store?.url ?? storeUrl },
    };
  }
}
