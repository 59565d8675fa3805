import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, SCHEMA_VERSION, type Annotation } from '../../shared/model/model';
import { checkDataFile, parseIndexFile } from './checkDataFile';
import type { IndexFile } from './storeFileSchemas';
import { textHash } from './textHash';

const TEXT = 'Alpha said yes.';
const INDEX: IndexFile = {
  schemaVersion: SCHEMA_VERSION,
  articles: [{ id: 'a', title: 'Alpha', date: null, outlet: null, hash: textHash(TEXT), length: TEXT.length, origin: 'a.txt', author: null, url: null, language: null, note: '' }],
  codebook: [...DEFAULT_CODEBOOK],
  settings: { creator: 'ana' },
};

function annotation(start: number, end: number, articleId = 'a'): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z';
  return { id: 'n1', articleId, tagId: 'quote', start, end, exact: 'x', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp };
}

const json = (value: unknown) => JSON.stringify(value);

describe('checkDataFile', () => {
  it('accepts the files a store writes', () => {
    expect(checkDataFile('index.json', json(INDEX), null)).toBeNull();
    expect(checkDataFile('texts/a.json', json({ schemaVersion: 1, id: 'a', text: TEXT }), INDEX)).toBeNull();
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: 1, articleId: 'a', annotations: [annotation(0, 5)] }), INDEX)).toBeNull();
    expect(checkDataFile('links.json', json({ schemaVersion: 1, groups: [], sourceLinks: [] }), INDEX)).toBeNull();
  });

  it('names a file that is not JSON, e.g. cut short', () => {
    expect(checkDataFile('annotations/a.json', '{"schemaVersion": 1, "annot', INDEX)).toMatch(/^is not valid JSON/);
  });

  it('rejects the wrong shape and files from a newer version', () => {
    expect(checkDataFile('index.json', json({ ...INDEX, codebook: 'none' }), null)).toMatch(/expected shape.*codebook/);
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: SCHEMA_VERSION + 1, articleId: 'a', annotations: [] }), INDEX)).toMatch(/newer version/);
  });

  it('ties texts and annotations to index.json', () => {
    expect(checkDataFile('texts/a.json', json({ schemaVersion: 1, id: 'a', text: 'Other text.' }), INDEX)).toMatch(/hash/);
    expect(checkDataFile('texts/a.json', json({ schemaVersion: 1, id: 'b', text: TEXT }), INDEX)).toMatch(/text of "b"/);
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: 1, articleId: 'a', annotations: [annotation(5, 99)] }), INDEX)).toMatch(/outside the article's 15 characters/);
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: 1, articleId: 'a', annotations: [annotation(0, 5, 'b')] }), INDEX)).toMatch(/another article/);
  });

  it('without a good index checks texts and annotations on their own', () => {
    expect(checkDataFile('texts/a.json', json({ schemaVersion: 1, id: 'a', text: 'Other text.' }), null)).toBeNull();
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: 1, articleId: 'a', annotations: [annotation(5, 99)] }), null)).toBeNull();
    expect(checkDataFile('annotations/a.json', json({ schemaVersion: 1, articleId: 'a', annotations: [annotation(9, 5)] }), null)).toMatch(/9–5/);
  });

  it('asks other JSON files only to be JSON', () => {
    expect(checkDataFile('notes.json', '[1, 2]', INDEX)).toBeNull();
    expect(checkDataFile('notes.json', '[1, 2', INDEX)).toMatch(/not valid JSON/);
  });
});

describe('parseIndexFile', () => {
  it('gives the index when it is good, else null', () => {
    expect(parseIndexFile(json(INDEX))?.articles[0]?.id).toBe('a');
    expect(parseIndexFile('{')).toBeNull();
    expect(parseIndexFile(json({ schemaVersion: 1 }))).toBeNull();
  });
});
