import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../runtime/errors.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { S3Store } from "../../runtime/store/s3-store.js";

const cwd = "/work/project";

describe("openStore", () => {
  describe.each([
    ["a file URL", "file:///data/kiln-store", {}, "/data/kiln-store"],
    ["a relative path, against the working folder", "shared/store", {}, join(cwd, "shared/store")],
    ["an absolute path", "/srv/kiln", {}, "/srv/kiln"],
    ["KILN_STORE when no URL is given", undefined, { KILN_STORE: "/from/env" }, "/from/env"],
    ["the default .kiln/store without URL or KILN_STORE", undefined, {}, join(cwd, ".kiln/store")],
  ])("given %s", (_what, url, env, root) => {
    it(`opens a local folder store at ${root}`, async () => {
      const store = await openStore(url, { env, cwd });
      expect(store).toBeInstanceOf(LocalFolderStore);
      expect((store as LocalFolderStore).root).toBe(root);
    });
  });

  it("prefers the URL it is given over KILN_STORE", async () => {
    const store = await openStore("/given", { env: { KILN_STORE: "/from/env" }, cwd });
    expect((store as LocalFolderStore).root).toBe("/given");
  });

  it.each([
    ["s3://models-bucket/team/kiln", "s3://models-bucket/team/kiln/", "team/kiln/"],
    ["s3://models-bucket", "s3://models-bucket/", ""],
    ["s3://models-bucket/", "s3://models-bucket/", ""],
  ])("opens %s as an S3 store with URL %s", async (url, expectedUrl, prefix) => {
    const store = await openStore(url, { env: { AWS_REGION: "eu-west-1" }, cwd });
    expect(store).toBeInstanceOf(S3Store);
    expect(store.url).toBe(expectedUrl);
    expect((store as S3Store).prefix).toBe(prefix);
  });

  it("fails on an unknown scheme, listing the known store kinds in order", async () => {
    const attempt = openStore("gs://bucket/path", { env: {}, cwd });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(openStore("gs://bucket/path", { env: {}, cwd })).rejects.toThrow(
      "store URL 'gs://bucket/path' uses an unknown store kind 'gs'; known kinds: file, s3.",
    );
  });

  it("fails on an S3 URL without a valid bucket name, saying what a bucket name looks like", async () => {
    await expect(openStore("s3://Bad_Bucket/x", { env: {}, cwd })).rejects.toThrow(
      /store URL 's3:\/\/Bad_Bucket\/x' does not name a valid S3 bucket.*3-63 lowercase letters/,
    );
  });
});
