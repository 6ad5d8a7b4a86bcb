import type * as core from "@actions/core";
import { ConfigError, errorMessage, isKilnError } from "../../runtime/errors.js";
import { annotationProperties } from "./action-logger.js";

/**
 * The one place an action fails: a ConfigError becomes an annotation on the offending line of the
 * user's file, any KilnError its message, anything else a bug report with the stack. Called once,
 * from the single `catch` in an action's main.ts.
 */
export function failAction(
  error: unknown,
  log: Pick<typeof core, "error" | "setFailed">,
  workspace: string = process.env.GITHUB_WORKSPACE ?? process.cwd(),
): void {
  if (error instanceof ConfigError) {
    log.error(
      error.message,
      annotationProperties(
        {
          file: error.file,
          ...(error.line === undefined ? {} : { line: error.line }),
          ...(error.column === undefined ? {} : { column: error.column }),
          title: "kiln: configuration error",
        },
        workspace,
      ),
    );
    // setFailed would log the message a second time; the annotation already carries it.
    process.exitCode = 1;
    return;
  }
  if (isKilnError(error)) {
    log.setFailed(error.message);
    return;
  }
  log.setFailed(
    `unexpected internal error (a bug in Kiln, please report it): ${error instanceof Error ? (error.stack ?? error.message) : errorMessage(error)}`,
  );
}
