import { describe, expect, it } from 'vitest';
import type { CliCommand } from './cliIo';
import { runCli } from './runCli';
import { recordingIo } from '../../../tools/testSupport/recordingIo';

const calls: string[][] = [];
const commands: Record<string, CliCommand> = {
  export: { summary: 'Write annotations', run: async (args) => (calls.push(args), 0) },
  quotes: { summary: 'Find quotes', run: async () => 1 },
};

describe('runCli', () => {
  it('hands the remaining arguments to the named command and returns its exit code', async () => {
    const io = recordingIo('/tmp');
    expect(await runCli(['export', '--out', 'x.json'], commands, io)).toBe(0);
    expect(calls.at(-1)).toEqual(['--out', 'x.json']);
    expect(await runCli(['quotes'], commands, io)).toBe(1);
  });

  it('prints the usage with every command on stderr and exits 2 for an unknown or missing command', async () => {
    for (const argv of [['frobnicate'], [], ['toString']]) {
      const io = recordingIo('/tmp');
      expect(await runCli(argv, commands, io)).toBe(2);
      const text = io.stderr.join('\n');
      expect(text).toContain('Usage: npm run cli -- <command>');
      expect(text).toMatch(/export\s+Write annotations/);
      expect(text).toMatch(/quotes\s+Find quotes/);
      expect(io.stdout).toEqual([]);
    }
  });

  it('prints the usage on stdout for --help', async () => {
    const io = recordingIo('/tmp');
    expect(await runCli(['--help'], commands, io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Commands:');
    expect(io.stderr).toEqual([]);
  });
});
