/**
 * The `kiln` command line. Each area adds its commands from runtime/cli/commands/<area>-commands.ts;
 * this file only assembles them and turns errors into messages and exit codes.
 */
import { Command, CommanderError } from "commander";
import { ExitCode, errorMessage, isKilnError } from "../errors.js";
import { kilnVersion } from "../version.js";

/**
 * The areas of the CLI and the top-level commands each one adds. Only the area of the command being
 * run is imported, so `kiln run` does not pay for loading the server, the registry or onnxruntime;
 * help, a bare `kiln` and unknown commands load them all.
 */
const areas: ReadonlyArray<{ commands: readonly string[]; load: () => Promise<(program: Command) => void> }> =
  [
    {
      commands: ["run", "status", "dag", "compile"],
      load: async () => (await import("./commands/pipeline-commands.js")).registerPipelineCommands,
    },
    {
      commands: ["model"],
      load: async () => (await import("./commands/model-commands.js")).registerModelCommands,
    },
    {
      commands: ["serve", "deploy"],
      load: async () => (await import("./commands/serve-commands.js")).registerServeCommands,
    },
    {
      commands: ["drift"],
      load: async () => (await import("./commands/drift-command.js")).registerDriftCommand,
    },
    {
      commands: ["doctor"],
      load: async () => (await import("./commands/doctor-command.js")).registerDoctorCommand,
    },
    {
      commands: ["train", "predict"],
      load: async () => (await import("./commands/train-commands.js")).registerTrainCommands,
    },
    {
      commands: ["monitor"],
      load: async () => (await import("./commands/monitor-command.js")).registerMonitorCommand,
    },
  ];

/** The program with every area's commands, or only the area of `argv`'s command when it names one. */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("kiln")
    .description("GitHub-native MLOps: pipelines, registry, promotion, serving and monitoring.")
    .version(kilnVersion, "-V, --version")
    .showHelpAfterError()
    .exitOverride();
  const args = argv.slice(2);
  const commandName = args.find((arg) => !arg.startsWith("-"));
  const versionOnly = commandName === undefined && (args.includes("-V") || args.includes("--version"));
  const named = areas.filter((area) => commandName !== undefined && area.commands.includes(commandName));
  const wanted = versionOnly ? [] : named.length > 0 ? named : areas;
  for (const register of await Promise.all(wanted.map((area) => area.load()))) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
