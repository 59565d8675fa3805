/**
 * Test support for CLI commands: a CliIo that records what a command printed
 * to stdout and stderr, with relative paths resolved against `cwd`.
 */
import type { CliIo } from '../../src/main/cli/cliIo';

export type RecordingIo = CliIo & { stdout: string[]; stderr: string[] };

export function recordingIo(cwd: string): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), cwd };
}
