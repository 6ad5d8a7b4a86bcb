// The Kiln bot inside a workflow step (bundled to dist/bot-workflow/index.js; see
// bot/workflows/kiln-bot.yml).
import { errorMessage } from "../../runtime/errors.js";
import { runInWorkflow } from "./run-in-workflow.js";

try {
  await runInWorkflow(process.env);
} catch (error: unknown) {
  process.stdout.write(`::error::kiln bot: ${errorMessage(error)}\n`);
  process.exitCode = 1;
}
