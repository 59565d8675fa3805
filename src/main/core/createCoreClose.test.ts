// close() in a process that nothing else keeps alive (a CLI command): it returns, so what the command does
// after it (printing an import's summary) happens.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestWorker } from '../../../tools/testSupport/buildTestWorker';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const run = promisify(execFile);
const tmp = useTempDir('close-');
let script = '';
let removeScript: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ workerFile: script, remove: removeScript } = await buildTestWorker('tools/testSupport/startAndCloseCore.ts'));
}, 120_000);
afterAll(() => removeScript());

it('returns from close right after a start, while the start clean-up still waits for its turn', async () => {
  const dataDir = join(tmp(), 'data');
  // The first start creates the library from the corpus, the second opens it: close() returns both times.
  for (let start = 0; start < 2; start++) {
    const { stdout } = await run(process.execPath, [script, dataDir, resolve('corpus')], { timeout: 60_000 });
    expect(stdout.trim()).toBe('closed');
  }
}, 120_000);
