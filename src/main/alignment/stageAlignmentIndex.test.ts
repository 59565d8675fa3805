import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALIGN_INDEX_DIR } from './alignmentIndex';
import { stageAlignmentIndex } from './stageAlignmentIndex';

let dir = '';
afterEach(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function index(dataDir: string, content: string): Promise<void> {
  await fs.mkdir(join(dataDir, ALIGN_INDEX_DIR), { recursive: true });
  await fs.writeFile(join(dataDir, ALIGN_INDEX_DIR, 'docs.jsonl'), content);
}

describe('stageAlignmentIndex', () => {
  it('puts a finished run’s index in place of the old one, and a discarded run leaves the old one whole', async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'stage-align-'));
    await index(dir, 'old');
    const discarded = await stageAlignmentIndex(dir);
    await index(discarded.dataDir, 'half');
    await discarded.discard();
    expect(await fs.readFile(join(dir, ALIGN_INDEX_DIR, 'docs.jsonl'), 'utf8')).toBe('old');
    const finished = await stageAlignmentIndex(dir);
    await index(finished.dataDir, 'new');
    await finished.commit();
    expect(await fs.readFile(join(dir, ALIGN_INDEX_DIR, 'docs.jsonl'), 'utf8')).toBe('new');
    expect(await fs.readdir(join(dir, 'derived'))).toEqual(['align-index']);
  });

  it('removes what a run killed outright left (its staging folder, the index it moved aside) when the next run stages', async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'stage-align-'));
    await index(dir, 'in use');
    await index(join(dir, 'derived', 'align-run-killed'), 'half');
    await fs.mkdir(join(dir, 'derived', 'align-index.old-killed'));
    await fs.writeFile(join(dir, 'derived', 'search-manifest.json'), '{}');
    const next = await stageAlignmentIndex(dir);
    const left = (await fs.readdir(join(dir, 'derived'))).sort();
    expect(left).toEqual(['align-index', next.dataDir.split(/[\\/]/).pop()!, 'search-manifest.json'].sort());
    expect(await fs.readFile(join(dir, ALIGN_INDEX_DIR, 'docs.jsonl'), 'utf8')).toBe('in use');
    await next.discard();
  });
});
