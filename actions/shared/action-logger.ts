import type * as core from "@actions/core";
import type { Annotation, Logger } from "../../runtime/logger.js";

/** The parts of @actions/core the logger uses (the module itself at the edge). */
export type CoreLog = Pick<typeof core, "debug" | "info" | "warning" | "error" | "group">;

/** Annotations must name files relative to the repository root for GitHub to attach them. */
export function annotationProperties(
  annotation: Annotation | undefined,
  workspace: string,
): core.AnnotationProperties {
  if (!annotation) return {};
  const file = annotation.file === undefined ? undefined : relativeTo(workspace, annotation.file);
  return {
    ...(annotation.title === undefined ? {} : { title: annotation.title }),
    ...(file === undefined ? {} : { file }),
    ...(annotation.line === undefined ? {} : { startLine: annotation.line }),
    ...(annotation.column === undefined ? {} : { startColumn: annotation.column }),
  };
}

function relativeTo(workspace: string, file: string): string {
  const absolute = file.startsWith("/") ? file : `${process.cwd()}/${file}`;
  const base = workspace.endsWith("/") ? workspace : `${workspace}/`;
  return absolute.startsWith(base) ? absolute.slice(base.length) : file;
}

/** Kiln's Logger on top of the Actions log: levels, annotations on file lines, collapsible groups. */
export function createActionLogger(
  log: CoreLog,
  workspace: string = process.env.GITHUB_WORKSPACE ?? process.cwd(),
): Logger {
  return {
    debug: (message) => log.debug(message),
    info: (message) => log.info(message),
    warn: (message, annotation) => log.warning(message, annotationProperties(annotation, workspace)),
    error: (message, annotation) => log.error(message, annotationProperties(annotation, workspace)),
    group: (name, fn) => log.group(name, fn),
  };
}
