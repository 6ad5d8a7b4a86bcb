import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ActionRun {
  status: number | null;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Run the committed promote bundle the way the runner does: INPUT_* env, GITHUB_* env and the
 * runner's files. Asynchronous: the stand-in it talks to lives in this process.
 */
export function runPromoteAction(options: {
  inputs: Record<string, string>;
  env: Record<string, string>;
  event: Record<string, unknown>;
}): Promise<ActionRun> {
  return runBundle("promote", options);
}

/** Run `dist/<name>/index.js` as a workflow step. */
export async function runBundle(
  name: string,
  options: {
    inputs: Record<string, string>;
    env: Record<string, string>;
    event: Record<string, unknown>;
  },
): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), "kiln-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  const eventFile = join(files, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify(options.event));
  const inputEnv = Object.fromEntries(
    Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const bundle = join(import.meta.dirname, "../../dist", name, "index.js");
  const child = spawn(process.execPath, [bundle], {
    cwd: files,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: files,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: "push",
      ...inputEnv,
      ...options.env,
    },
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(outputFile, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1] as string] = match[3] as string;
  const summary = readFileSync(summaryFile, "utf8");
  rmSync(files, { recursive: true, force: true });
  return { status, log, outputs, summary };
}
