/**
 * The logger the runtime writes to. The CLI passes a console logger, the actions adapt it to
 * `core.*` (groups and annotations), tests pass a recording one.
 */
export interface Annotation {
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  /** Run `fn` inside a named, collapsible group (an Actions log group; an indented block elsewhere). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  group: (_name, fn) => fn(),
};
