import { isAbsolute, relative, resolve } from "node:path";

/** A file's path as messages show it: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), resolve(file));
  return fromCwd.startsWith("..") || isAbsolute(fromCwd) ? resolve(file) : fromCwd;
}
