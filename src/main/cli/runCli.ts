/**
 * Runs `<command> [args…]` against a table of commands. No command or an
 * unknown one prints the usage to stderr and gives exit code 2; `help`,
 * `--help` and `-h` print it to stdout.
 */
import type { CliCommand, CliIo } from './cliIo';

export function cliUsage(commands: Readonly<Record<string, CliCommand>>): string {
  const names = Object.keys(commands);
  const width = names.reduce((w, n) => Math.max(w, n.length), 0);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`),
    '',
    'Run "npm run cli -- <command> --help" for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[], commands: Readonly<Record<string, CliCommand>>, io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(cliUsage(commands));
    return 0;
  }
  if (name === undefined) {
    io.err(cliUsage(commands));
    return 2;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`triangulate: unknown command "${name}"`);
    io.err(cliUsage(commands));
    return 2;
  }
  return command.run(args, io);
}
