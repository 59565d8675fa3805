import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { importDefaultCorpus } from './importDefaultCorpus';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

describe('importDefaultCorpus', () => {
  it('makes one article per .txt file, id = file name, in file-name order', async () => {
    const articles = await importDefaultCorpus(CORPUS);
    expect(articles.map((a) => a.id)).toEqual([
      '000_9c2375f696f0b1fa',
      '001_b0e24d4478126009',
      '002_38b56a2e379d189f',
      '003_c187356a61dfc698',
      '004_fe53cb2bbc3036b3',
    ]);
    for (const a of articles) {
      expect(a.origin).toBe(`${a.id}.txt`);
      expect(a.outlet).toBeNull();
      expect(a.length).toBe(a.text.length);
      expect(a.hash).toBe(createHash('sha256').update(Buffer.from(a.text, 'utf8')).digest('hex'));
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.text.startsWith(a.title.replace(/…$/, ''))).toBe(true);
    }
  });

  it('takes the date from the prefix of 002 and 003 and keeps the rest of the file byte for byte', async () => {
    const articles = await importDefaultCorpus(CORPUS);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const a002 = byId.get('002_38b56a2e379d189f')!;
    const raw002 = await fs.readFile(join(CORPUS, '002_38b56a2e379d189f.txt'), 'utf8');
    expect(a002.date).toBe('2022-05-23');
    expect(a002.text).toBe(raw002.slice(' date 2022-05-23 '.length));
    expect(a002.text.startsWith('‘’For twenty years')).toBe(true);
    expect(a002.title.startsWith('‘’For twenty years of my diplomatic career')).toBe(true);
    expect(byId.get('003_c187356a61dfc698')!.date).toBe('2022-05-24');

    const a000 = byId.get('000_9c2375f696f0b1fa')!;
    expect(a000.date).toBeNull();
    expect(a000.text).toBe(await fs.readFile(join(CORPUS, '000_9c2375f696f0b1fa.txt'), 'utf8'));
    expect(byId.get('004_fe53cb2bbc3036b3')!.title.startsWith('On Monday, a Russian diplomat')).toBe(true);
  });

  it('normalises Windows line endings and ignores files that are not .txt', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-corpus-'));
    try {
      await fs.writeFile(join(dir, 'crlf.txt'), ' date 2024-01-02 Headline.\r\nBody.\r\n');
      await fs.writeFile(join(dir, 'README.md'), 'not an article');
      const [article, ...rest] = await importDefaultCorpus(dir);
      expect(rest).toEqual([]);
      expect(article).toMatchObject({ id: 'crlf', date: '2024-01-02', title: 'Headline.', text: 'Headline.\nBody.\n' });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not UTF-8 or has an unusable name, naming it', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-corpus-'));
    try {
      await fs.writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      const notUtf8 = await importDefaultCorpus(dir).catch((e: unknown) => e);
      expect(notUtf8).toBeInstanceOf(ApiError);
      expect((notUtf8 as ApiError).message).toContain('latin1.txt');

      await fs.rm(join(dir, 'latin1.txt'));
      await fs.writeFile(join(dir, 'two words.txt'), 'text');
      const badName = await importDefaultCorpus(dir).catch((e: unknown) => e);
      expect((badName as ApiError).code).toBe('invalid_input');
      expect((badName as ApiError).message).toContain('two words.txt');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('says which folder is missing', async () => {
    const missing = join(tmpdir(), 'triangulate-no-such-corpus');
    await expect(importDefaultCorpus(missing)).rejects.toThrow(missing);
  });
});
