import { spawn } from "node:child_process";

export interface CommandResult {
  /** Exit code, or undefined when killed by a signal. */
  exitCode: number | undefined;
  signal: NodeJS.Signals | undefined;
  timedOut: boolean;
  cancelled: boolean;
  /** Set when the command could not be started (e.g. not found). */
  spawnError: string | undefined;
}

export interface RunCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Kill the process group after this many ms. */
  timeoutMs?: number | undefined;
  /** How long SIGTERM has to work before SIGKILL. */
  killGraceMs?: number;
  /** Aborting kills the process group (fail-fast, interrupt). */
  signal?: AbortSignal;
  /** Each complete line of output, without its newline. */
  onLine(line: string, stream: "stdout" | "stderr"): void;
}

/** Characters that need a shell; a command without them is run directly, as make does. */
const shellSyntax = /[^A-Za-z0-9_\-./:,@+%= ]/;

/** argv for a command: split on spaces when no shell syntax is present, else `/bin/sh -c`. */
export function commandArgv(cmd: string): [string, string[]] {
  const words = cmd.trim().split(/ +/);
  const [first, ...rest] = words;
  if (!shellSyntax.test(cmd) && first !== undefined && !first.includes("=")) return [first, rest];
  return ["/bin/sh", ["-c", cmd]];
}

/**
 * Run one stage command in its own process group, streaming output line by line. On timeout or
 * abort the whole group gets SIGTERM, then SIGKILL after the grace period.
 */
export function runCommand(cmd: string, options: RunCommandOptions): Promise<CommandResult> {
  const [file, args] = commandArgv(cmd);
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let spawnError: string | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const killGroup = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // The group is already gone.
      }
      killTimer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        } catch {
          // The group is already gone.
        }
      }, options.killGraceMs ?? 5000);
      killTimer.unref();
    };
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup();
          }, options.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killGroup();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    for (const stream of ["stdout", "stderr"] as const) {
      let pending = "";
      child[stream].setEncoding("utf8");
      child[stream].on("data", (chunk: string) => {
        pending += chunk;
        let newline = pending.indexOf("\n");
        while (newline !== -1) {
          options.onLine(pending.slice(0, newline), stream);
          pending = pending.slice(newline + 1);
          newline = pending.indexOf("\n");
        }
      });
      child[stream].on("end", () => {
        if (pending !== "") options.onLine(pending, stream);
        pending = "";
      });
    }
    child.on("error", (error) => {
      spawnError = error.message;
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", onAbort);
      // Whatever the command left running in its group goes with it.
      if (child.pid !== undefined && (timedOut || cancelled)) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Nothing left.
        }
      }
      resolve({ exitCode: code ?? undefined, signal: signal ?? undefined, timedOut, cancelled, spawnError });
    });
  });
}
