import type { Logger as PinoLogger } from "probot";
import type { Logger } from "../../runtime/logger.js";

/** Kiln's Logger over Probot's pino logger (Probot's server log, or the workflow's). */
export function probotLogger(log: PinoLogger): Logger {
  return {
    debug: (message) => log.debug(message),
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
    group: (_name, fn) => fn(),
  };
}
