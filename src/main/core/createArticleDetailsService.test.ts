import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();

describe('updateArticle', () => {
  it('saves the details and the note, shown in the library after a restart', async () => {
    const core = await lib.open();
    const updated = await core.updateArticle({
      id: SEED.A002,
      title: ' Russian diplomat resigns ',
      outlet: 'Reuters',
      author: 'A. Writer',
      date: '2022-05-24',
      url: 'https://example.org/story',
      language: 'en',
      note: 'Longest of the five.',
    });
    expect(updated).toMatchObject({ id: SEED.A002, title: 'Russian diplomat resigns', outlet: 'Reuters', date: '2022-05-24' });
    const again = await lib.open();
    const row = (await again.listArticles({})).find((a) => a.id === SEED.A002)!;
    expect(row).toMatchObject({ title: 'Russian diplomat resigns', outlet: 'Reuters', date: '2022-05-24' });
    const article = await again.getArticle({ id: SEED.A002 });
    expect(article).toMatchObject({ author: 'A. Writer', url: 'https://example.org/story', language: 'en', note: 'Longest of the five.' });
    expect(article.text.length).toBe(article.length);
  });

  it('clears a field given blank, and leaves out fields alone', async () => {
    const core = await lib.open();
    await core.updateArticle({ id: SEED.A000, outlet: 'BBC', author: 'X' });
    const cleared = await core.updateArticle({ id: SEED.A000, outlet: '  ' });
    expect(cleared).toMatchObject({ outlet: null, author: 'X' });
  });

  it('refuses a bad date, URL or language with a message naming it, changing nothing', async () => {
    const core = await lib.open();
    const before = await fs.readFile(join(lib.dir(), 'index.json'), 'utf8');
    for (const [field, value, needle] of [
      ['date', '2022-13-01', 'YYYY-MM-DD'],
      ['url', 'ftp://example.org', 'http://'],
      ['language', 'english please', 'language tag'],
    ] as const) {
      const error = await apiRejection(core.updateArticle({ id: SEED.A000, outlet: 'Changed', [field]: value }));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(needle);
    }
    expect((await apiRejection(core.updateArticle({ id: 'nope', title: 'x' }))).code).toBe('not_found');
    expect(await fs.readFile(join(lib.dir(), 'index.json'), 'utf8')).toBe(before);
  });
});
