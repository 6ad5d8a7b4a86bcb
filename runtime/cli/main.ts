/**
 * The `kiln` command line. Each area adds its commands from runtime/cli/commands/<area>-commands.ts;
 * this file only assembles them and turns errors into messages and exit codes.
 */
import { Command, CommanderError } from "commander";
import { ExitCode, errorMessage, isKilnError } from "../errors.js";
import { kilnVersion } from "../version.js";
import { registerPipelineCommands } from "./commands/pipeline-commands.js";
import { registerModelCommands } from "./commands/model-commands.js";
import { registerServeCommands } from "./commands/serve-commands.js";
import { registerDriftCommand } from "./commands/drift-command.js";
import { registerDoctorCommand } from "./commands/doctor-command.js";
import { registerTrainCommands } from "./commands/train-commands.js";
import { registerMonitorCommand } from "./commands/monitor-command.js";

export function buildProgram(): Command {
  const program = new Command("kiln")
    .description("GitHub-native MLOps: pipelines, registry, promotion, serving and monitoring.")
    .version(kilnVersion, "-V, --version")
    .showHelpAfterError()
    .exitOverride();
  // Area commands are registered here, one line each:
  registerPipelineCommands(program);
  registerModelCommands(program);
  registerServeCommands(program);
  registerDriftCommand(program);
  registerDoctorCommand(program);
  registerTrainCommands(program);
  registerMonitorCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : ExitCode.ok;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (isKilnError(error)) {
      process.stderr.write(`kiln: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `kiln: unexpected internal error (a bug in Kiln, please report it):\n${error instanceof Error ? (error.stack ?? error.message) : errorMessage(error)}\n`,
    );
    return ExitCode.failure;
  }
}
