import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PreconditionFailedError, StoreError } from "../../runtime/errors.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function keys(store: LocalFolderStore, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const info of store.list(prefix)) out.push(info.key);
  return out;
}

/** The pid of a process that has exited (so a lock naming it is stale). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(result.stdout);
}

describe("the local folder store's files", () => {
  let folder: string;
  let store: LocalFolderStore;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "kiln-local-store-"));
    store = new LocalFolderStore(join(folder, "store"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("keeps objects as plain files at their key's path, and names itself with a file URL", async () => {
    await store.put("models/iris/versions/1.0.0.json", "{}");
    expect(await readdir(join(folder, "store/models/iris/versions"))).toContain("1.0.0.json");
    expect(store.url).toBe(`file://${join(folder, "store")}`);
  });

  it("uses the sha256 of the bytes as the etag", async () => {
    const { etag } = await store.put("a.txt", "hello kiln");
    expect(etag).toBe(sha256("hello kiln"));
    expect((await store.head("a.txt"))?.etag).toBe(sha256("hello kiln"));
  });

  it("recomputes the etag when a file was changed behind the store's back", async () => {
    await store.put("edited.txt", "original");
    await writeFile(join(folder, "store/edited.txt"), "edited by hand");
    expect((await store.head("edited.txt"))?.etag).toBe(sha256("edited by hand"));
    await expect(store.put("edited.txt", "x", { ifMatch: sha256("original") })).rejects.toThrow(
      PreconditionFailedError,
    );
  });

  it("never lists its temporary, lock and etag files, even ones left by a crash", async () => {
    await store.put("data/one.csv", "a,b\n1,2\n");
    await writeFile(join(folder, "store/data/.kiln-tmp-0b1c"), "half-written");
    await writeFile(join(folder, "store/data/.kiln-lock-two.csv"), "");
    expect(await keys(store)).toEqual(["data/one.csv"]);
    const names = await readdir(join(folder, "store/data"));
    expect(names).toContain(".kiln-etag-one.csv");
  });

  it("refuses keys whose segments use the store's reserved '.kiln-' names", async () => {
    await expect(store.put("data/.kiln-tmp-x", "x")).rejects.toThrow(
      /starts with '\.kiln-', which the store reserves/,
    );
  });

  it("says why a key cannot be stored when a key of the same name is a folder of keys", async () => {
    await store.put("runs/latest/metrics.json", "{}");
    const attempt = store.put("runs/latest", "x");
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(store.put("runs/latest", "x")).rejects.toThrow(/a key and keys under it cannot both exist/);
  });

  it("removes folders a delete leaves empty, so their name can become a key", async () => {
    await store.put("runs/latest/metrics.json", "{}");
    await store.delete("runs/latest/metrics.json");
    await store.put("runs/latest", "now a file");
    expect(new TextDecoder().decode(await store.getBytes("runs/latest"))).toBe("now a file");
  });

  it("works on a folder that does not exist yet: lists nothing, then creates it on the first put", async () => {
    expect(await keys(store)).toEqual([]);
    expect(await store.head("x")).toBeUndefined();
    await store.put("x", "1");
    expect(await keys(store)).toEqual(["x"]);
  });

  it("breaks a lock left by a process that no longer runs", async () => {
    const { etag } = await store.put("locked.json", "v1");
    const lock = { pid: deadPid(), host: hostname(), token: "left-by-a-crash", at: Date.now() };
    await writeFile(join(folder, "store/.kiln-lock-locked.json"), JSON.stringify(lock));
    await store.put("locked.json", "v2", { ifMatch: etag });
    expect(new TextDecoder().decode(await store.getBytes("locked.json"))).toBe("v2");
    expect((await readdir(join(folder, "store"))).filter((n) => n.startsWith(".kiln-lock"))).toEqual([]);
  });

  it("waits for a live lock and gives up with a StoreError naming the lock and its holder", async () => {
    const impatient = new LocalFolderStore(join(folder, "store"), { lockTimeoutMs: 150 });
    await impatient.put("busy.json", "v1");
    const lock = { pid: process.pid, host: hostname(), token: "held", at: Date.now() };
    await mkdir(join(folder, "store"), { recursive: true });
    await writeFile(join(folder, "store/.kiln-lock-busy.json"), JSON.stringify(lock));
    await expect(impatient.put("busy.json", "v2")).rejects.toThrow(
      new RegExp(
        `timed out after 150 ms waiting for the lock .*\\.kiln-lock-busy\\.json held by process ${process.pid}`,
      ),
    );
    expect(new TextDecoder().decode(await impatient.getBytes("busy.json"))).toBe("v1");
  });

  it("leaves no temporary file behind when a write loses its condition", async () => {
    await store.put("once.json", "first", { ifNoneMatch: "*" });
    await expect(store.put("once.json", "second", { ifNoneMatch: "*" })).rejects.toThrow(
      PreconditionFailedError,
    );
    expect((await readdir(join(folder, "store"))).sort()).toEqual([".kiln-etag-once.json", "once.json"]);
  });
});
