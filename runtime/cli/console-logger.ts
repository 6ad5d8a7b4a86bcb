import type { Annotation, Logger } from "../logger.js";

/** The CLI's logger: info to stdout, warnings and errors to stderr, groups as indented blocks. */
export function createConsoleLogger(options: { verbose?: boolean; quiet?: boolean } = {}): Logger {
  let indent = "";
  const where = (a?: Annotation) =>
    a?.file ? `${a.file}${a.line ? `:${a.line}${a.column ? `:${a.column}` : ""}` : ""}: ` : "";
  return {
    debug(message) {
      if (options.verbose) process.stderr.write(`${indent}${message}\n`);
    },
    info(message) {
      if (!options.quiet) process.stdout.write(`${indent}${message}\n`);
    },
    warn(message, annotation) {
      process.stderr.write(`${indent}warning: ${where(annotation)}${message}\n`);
    },
    error(message, annotation) {
      process.stderr.write(`${indent}error: ${where(annotation)}${message}\n`);
    },
    async group(name, fn) {
      if (!options.quiet) process.stdout.write(`${indent}${name}\n`);
      const outer = indent;
      indent = `${indent}  `;
      try {
        return await fn();
      } finally {
        indent = outer;
      }
    },
  };
}
