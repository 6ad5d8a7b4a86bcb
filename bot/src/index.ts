// The Kiln bot as a Probot server (`npm run bot`): reads APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
// GHE_HOST/GITHUB_API_URL, PORT and KILN_STORE from the environment (or .env), like any Probot app.
import { run } from "probot";
import { kilnApp } from "./app.js";
import { openBotStore } from "./open-bot-store.js";

await run(
  kilnApp({
    openStore: openBotStore(process.env),
    ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
  }),
);
