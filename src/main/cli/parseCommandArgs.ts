/**
 * The argument handling every CLI command shares: parse strictly, answer
 * `--help` with the usage, and on a bad argument print one line naming it
 * plus the usage (exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { oneLine, type CliIo } from './cliIo';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** As shown in messages: "triangulate export". */
  name: string;
  usage: string;
  options: O;
  /** Whether the command takes positional arguments (file names). */
  positionals?: boolean;
}

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

/** The parsed arguments, or the exit code when the command should stop here. */
export function parseCommandArgs<O extends Options>(
  spec: CommandSpec<O>,
  args: string[],
  io: CliIo,
): { values: Parsed<O>['values']; positionals: string[] } | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({
      args,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } } as O,
      strict: true,
      allowPositionals: spec.positionals ?? false,
    }) as Parsed<O>;
  } catch (error) {
    return usageError(spec, oneLine(error), io);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(spec.usage);
    return 0;
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** Prints "<name>: <problem>" and the usage to stderr; returns exit code 2. */
export function usageError(spec: Pick<CommandSpec<Options>, 'name' | 'usage'>, problem: string, io: CliIo): number {
  io.err(`${spec.name}: ${problem}`);
  io.err(spec.usage);
  return 2;
}
