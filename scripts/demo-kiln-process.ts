/**
 * The `kiln` CLI as child processes of the demo: each command is printed as a user would type it,
 * its output is shown indented as it arrives, and every child still running when the demo ends —
 * normally, on an error or on Ctrl-C — is stopped by its pid.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const kilnEntry = fileURLToPath(new URL("../runtime/cli/kiln.ts", import.meta.url));
// Resolved from this file, so the children find tsx even when the project is a temporary copy.
const tsxLoader = import.meta.resolve("tsx");

const running = new Set<ChildProcess>();

export interface KilnRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface KilnOptions {
  cwd: string;
  /** Show each output line, indented (default true). */
  echo?: boolean;
  /** Called with each complete stdout line. */
  onLine?: (line: string) => void;
  env?: Record<string, string>;
}

/** How the demo shows a command: `kiln <args>`, quoting what needs it. */
export function displayCommand(args: readonly string[]): string {
  return ["kiln", ...args.map((a) => (/^[\w@:./=,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))].join(
    " ",
  );
}

/** Start `kiln <args>`; the child is tracked until it exits. */
export function startKiln(args: readonly string[], options: KilnOptions): ChildProcess {
  const child = spawn(process.execPath, ["--import", tsxLoader, kilnEntry, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const echo = options.echo ?? true;
  const relay = (stream: NodeJS.ReadableStream, isStdout: boolean) => {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (echo) process.stdout.write(`      │ ${line}\n`);
        if (isStdout) options.onLine?.(line);
      }
    });
  };
  if (child.stdout) relay(child.stdout, true);
  if (child.stderr) relay(child.stderr, false);
  return child;
}

/** Run `kiln <args>` to the end and return its exit status and output. */
export function runKiln(args: readonly string[], options: KilnOptions): Promise<KilnRun> {
  const child = startKiln(args, options);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Wait for a child to exit; SIGKILL it after `graceMs`. Resolves with its exit code. */
export function waitForExit(child: ChildProcess, graceMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Stop every child still running (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopAllKiln(graceMs = 10_000): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => waitForExit(child, graceMs)));
}

/** Stop the children synchronously, for `process.on("exit")`, where nothing can be awaited. */
export function killAllKilnNow(): void {
  for (const child of running) child.kill("SIGKILL");
}
