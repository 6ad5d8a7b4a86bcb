/**
 * The Kiln bot inside a workflow: the same app, given the event the runner provides
 * (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and authenticated with GITHUB_TOKEN.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Probot } from "probot";
import { UsageError } from "../../runtime/errors.js";
import { kilnApp } from "./app.js";
import { openBotStore } from "./open-bot-store.js";

/** `pull_request_target` carries the same payload as `pull_request`, with a token that may write. */
const eventAliases: Record<string, string> = { pull_request_target: "pull_request" };

export async function runInWorkflow(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const token = env["INPUT_GITHUB-TOKEN"] || env.GITHUB_TOKEN;
  const name = env.GITHUB_EVENT_NAME;
  const path = env.GITHUB_EVENT_PATH;
  if (!token || !name || !path)
    throw new UsageError(
      "GITHUB_TOKEN, GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must be set (run it in a workflow step).",
    );
  const payload = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  const probot = new Probot({
    githubToken: token,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    logLevel: env.RUNNER_DEBUG === "1" ? "debug" : "info",
  });
  await probot.load(
    kilnApp({
      openStore: openBotStore(env.INPUT_STORE ? { ...env, KILN_STORE: env.INPUT_STORE } : env),
      appLogin: "github-actions[bot]",
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    }),
  );
  await probot.receive({
    id: env.GITHUB_RUN_ID ?? randomUUID(),
    name: (eventAliases[name] ?? name) as never,
    payload: payload as never,
  });
}
