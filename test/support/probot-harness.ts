/**
 * A real Probot server for tests: Probot 14's node middleware on node:http at 127.0.0.1, talking
 * to the GitHub stand-in as a GitHub App (JWT → installation token), with throttling and retries
 * off so tests stay fast. By default it subscribes itself to the stand-in's webhooks.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import { type ApplicationFunction, createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import type { GitHubStandIn } from "./github-stand-in/index.js";

export interface AppKeyPair {
  /** PKCS#8 PEM, for Probot (`privateKey`). */
  privateKey: string;
  /** SPKI PEM, for the stand-in (`app.publicKey`). */
  publicKey: string;
}

/** A fresh RSA key pair for a test GitHub App. */
export function generateAppKeyPair(): AppKeyPair {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** Probot's Octokit with the throttling (3 s between writes) and retry (~14 s on a 5xx) plugins off. */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as Record<string, unknown> | undefined), enabled: false },
  retry: { enabled: false },
}));

export interface ProbotAppOptions {
  standIn: GitHubStandIn;
  /** The private key whose public half the stand-in was started with (`app.publicKey`). */
  privateKey: string;
  /** The webhook secret; default "test-webhook-secret". */
  secret?: string;
  /** Point the stand-in's webhooks at this app. Default true. */
  subscribe?: boolean;
}

export interface RunningProbotApp {
  /** Where GitHub (the stand-in, or a test) POSTs deliveries: http://127.0.0.1:PORT/api/github/webhooks */
  webhookUrl: string;
  secret: string;
  probot: Probot;
  /**
   * POST a delivery straight to the app, signed with its secret (or `options.secret`, to forge one),
   * for events the stand-in does not raise (e.g. payloads from @octokit/webhooks-examples). Adds the
   * stand-in's `installation` when the payload has none. Answers the HTTP status after the handlers ran.
   */
  sendWebhook(
    event: string,
    payload: Record<string, unknown>,
    options?: { secret?: string },
  ): Promise<number>;
  stop(): Promise<void>;
}

export async function startProbotApp(
  appFn: ApplicationFunction,
  options: ProbotAppOptions,
): Promise<RunningProbotApp> {
  const { standIn } = options;
  if (standIn.app === undefined)
    throw new Error("probot harness: start the stand-in with `app` (id and public key)");
  const secret = options.secret ?? "test-webhook-secret";
  const probot = new Probot({
    appId: standIn.app.id,
    privateKey: options.privateKey,
    secret,
    baseUrl: standIn.baseUrl,
    Octokit: TestOctokit,
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
  if (options.subscribe !== false) standIn.setWebhook({ url: webhookUrl, secret });
  const installationId = standIn.app.installationId;
  return {
    webhookUrl,
    secret,
    probot,
    async sendWebhook(event, payload, sendOptions = {}) {
      const body = JSON.stringify({ installation: { id: installationId }, ...payload });
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(sendOptions.secret ?? secret, body),
        },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    },
    async stop() {
      if (options.subscribe !== false) standIn.setWebhook(undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
