import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, PreconditionFailedError, StoreError } from "../../runtime/errors.js";
import { createS3Client, s3ClientSettingsFromEnv } from "../../runtime/store/s3-client-factory.js";
import { S3Store } from "../../runtime/store/s3-store.js";
import { findMotoServer, freePort, type LocalS3, startMoto, startS3rver } from "../support/s3-harness.js";

describe("S3 store errors, as a user sees them", () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startS3rver({ bucket: "kiln-errors" });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  const storeWith = (env: Record<string, string>, bucket: string) => {
    const settings = s3ClientSettingsFromEnv(env);
    return new S3Store(createS3Client(settings), {
      bucket,
      prefix: "p",
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    });
  };

  it("names the key and the store when an object is missing", async () => {
    const store = storeWith(s3.env, "kiln-errors");
    const attempt = store.getBytes("models/absent.json");
    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(store.getBytes("models/absent.json")).rejects.toThrow(
      /^store key 'models\/absent\.json' in s3:\/\/kiln-errors\/p\/ not found( \(request id [^)]+\))?\.$/,
    );
  });

  it.skipIf("reason" in findMotoServer())(
    "keeps the key and S3's request id on a refused write (moto)",
    async () => {
      const moto = await startMoto({ bucket: "kiln-errors" });
      try {
        const store = storeWith(moto.env, "kiln-errors");
        await store.put("once.json", "1", { ifNoneMatch: "*" });
        const error = await store.put("once.json", "2", { ifNoneMatch: "*" }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PreconditionFailedError);
        expect((error as PreconditionFailedError).requestId).toMatch(/\S+/);
        expect((error as PreconditionFailedError).key).toBe("once.json");
      } finally {
        await moto.stop();
      }
    },
  );

  it("says the bucket does not exist and what to do", async () => {
    const store = storeWith(s3.env, "no-such-bucket");
    await expect(store.put("x.json", "{}")).rejects.toThrow(
      /cannot write 'x\.json' in s3:\/\/no-such-bucket\/p\/: the bucket does not exist.*Create the bucket, or fix the bucket name in KILN_STORE\./,
    );
  });

  it("points at the credentials when the server refuses them", async () => {
    const store = storeWith(
      { ...s3.env, AWS_ACCESS_KEY_ID: "WRONG", AWS_SECRET_ACCESS_KEY: "WRONG" },
      "kiln-errors",
    );
    const attempt = store.put("x.json", "{}");
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(store.put("x.json", "{}")).rejects.toThrow(/access denied .*Check the AWS credentials/);
  });

  it("retries a throttled or failing request and succeeds within the configured attempts", async () => {
    const store = storeWith({ ...s3.env, AWS_MAX_ATTEMPTS: "3" }, "kiln-errors");
    s3.failNext?.(2, 503);
    await store.put("retried.json", "{}");
    s3.failNext?.(2, 500);
    expect(new TextDecoder().decode(await store.getBytes("retried.json"))).toBe("{}");
  });

  it("gives up after the configured attempts with a StoreError naming the status", async () => {
    const store = storeWith({ ...s3.env, AWS_MAX_ATTEMPTS: "2" }, "kiln-errors");
    s3.failNext?.(2, 500);
    await expect(store.put("given-up.json", "{}")).rejects.toThrow(
      /^cannot write 'given-up\.json' in s3:\/\/kiln-errors\/p\/: InternalError: .*HTTP 500/,
    );
    s3.failNext?.(0);
    expect(await store.head("given-up.json")).toBeUndefined();
  });

  it("names the endpoint when nothing answers there, after the configured attempts", async () => {
    const port = await freePort();
    const store = storeWith(
      { ...s3.env, AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_MAX_ATTEMPTS: "1" },
      "kiln-errors",
    );
    await expect(store.head("x.json")).rejects.toThrow(
      `cannot inspect 'x.json' in s3://kiln-errors/p/: could not reach http://127.0.0.1:${port} (ECONNREFUSED).`,
    );
  });
});

describe("S3 client settings from the environment", () => {
  it.each([
    [{}, { endpoint: undefined, forcePathStyle: false, region: "us-east-1", maxAttempts: 3 }],
    [
      { AWS_ENDPOINT_URL: "http://minio:9000", AWS_REGION: "eu-central-1" },
      { endpoint: "http://minio:9000", forcePathStyle: true, region: "eu-central-1" },
    ],
    [
      { AWS_ENDPOINT_URL: "http://generic:1", AWS_ENDPOINT_URL_S3: "http://s3-only:2" },
      { endpoint: "http://s3-only:2", forcePathStyle: true },
    ],
    [
      { AWS_ENDPOINT_URL: "https://acct.r2.cloudflarestorage.com", KILN_S3_FORCE_PATH_STYLE: "false" },
      { forcePathStyle: false },
    ],
    [
      { AWS_DEFAULT_REGION: "ap-south-1", AWS_MAX_ATTEMPTS: "7" },
      { region: "ap-south-1", maxAttempts: 7 },
    ],
    [{ AWS_REQUEST_CHECKSUM_CALCULATION: "when_required" }, { requestChecksumCalculation: "WHEN_REQUIRED" }],
  ])("reads %j as %j", (env, expected) => {
    expect(s3ClientSettingsFromEnv(env)).toMatchObject(expected);
  });

  it("uses static credentials only when both key variables are set", () => {
    expect(s3ClientSettingsFromEnv({ AWS_ACCESS_KEY_ID: "a" }).credentials).toBeUndefined();
    expect(
      s3ClientSettingsFromEnv({ AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b" }).credentials,
    ).toEqual({
      accessKeyId: "a",
      secretAccessKey: "b",
    });
  });
});
