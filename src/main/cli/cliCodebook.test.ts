import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodebook } from './cliCodebook';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();
const NOW = () => new Date(Date.UTC(2026, 0, 2));

describe('npm run cli -- codebook', () => {
  it('exports the codebook from one library and merges it into another', async () => {
    const source = await lib.open({ dataDir: join(lib.dir(), 'source') });
    await source.saveTag({ tag: { name: 'Number', color: '#aa3366', key: 4, description: '', attributes: [] } });
    await source.close();
    const io = recordingIo(lib.dir());
    expect(await runCodebook(['--data', 'source', '--export', 'team.json'], io, { now: NOW })).toBe(0);
    expect(io.stdout).toEqual([`Exported 4 tags to ${join(lib.dir(), 'team.json')}`]);
    const file = JSON.parse(await fs.readFile(join(lib.dir(), 'team.json'), 'utf8'));
    expect(file).toMatchObject({ format: 'triangulate-codebook', version: 1, exported: '2026-01-02T00:00:00.000Z' });

    const target = await lib.open({ dataDir: join(lib.dir(), 'target') });
    await target.close();
    const imported = recordingIo(lib.dir());
    expect(await runCodebook(['--data', 'target', '--import', 'team.json'], imported)).toBe(0);
    expect(imported.stdout[0]).toMatch(/1 tags added, 3 updated, 0 of the library's kept$/);
    const reopened = await lib.open({ dataDir: join(lib.dir(), 'target') });
    expect((await reopened.getCodebook({})).map((t) => t.name)).toEqual(['Claim', 'Quote', 'Source', 'Number']);
  });

  it('refuses a file that is not a codebook, naming why, and changes nothing', async () => {
    const core = await lib.open();
    await core.close();
    await fs.writeFile(join(lib.dir(), 'other.json'), JSON.stringify({ type: 'AnnotationCollection', items: [] }));
    const before = await fs.readFile(join(lib.dir(), 'index.json'), 'utf8');
    const io = recordingIo(lib.dir());
    expect(await runCodebook(['--data', '.', '--import', 'other.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'triangulate codebook: This is not a codebook Triangulate can import: its "format" is missing, not "triangulate-codebook".',
    ]);
    expect(await fs.readFile(join(lib.dir(), 'index.json'), 'utf8')).toBe(before);
  });

  it('wants exactly one of --export and --import', async () => {
    const io = recordingIo(lib.dir());
    expect(await runCodebook(['--data', '.'], io)).toBe(2);
    expect(io.stderr[0]).toBe('triangulate codebook: give either --export FILE or --import FILE');
  });
});
