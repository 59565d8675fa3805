import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldForSearch, foldQuery } from '../../shared/search/corpusSearch';
import { queryTerms, searchTerms } from '../../shared/search/searchTerms';
import { DamagedSearchIndex, PersistedSearchIndex, shardOf } from './persistedSearchIndex';

let dir: string;
beforeEach(async () => {
  dir = join(await fs.mkdtemp(join(tmpdir(), 'triangulate-searchindex-')), 'search');
});
afterEach(async () => {
  await fs.rm(join(dir, '..'), { recursive: true, force: true });
});

const article = (id: string, text: string) => ({ id, hash: `h-${id}`, terms: searchTerms(foldForSearch(text)) });
const ask = (index: PersistedSearchIndex, query: string) => index.candidates(queryTerms(foldQuery(query))).then((ids) => [...ids].sort());

describe('PersistedSearchIndex', () => {
  it('names the articles holding every word of a query, also parts of words at the query’s ends, after a restart too', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.'), article('b', 'Elections: the ministers met.'), article('c', 'Nothing here.')]);
    expect(await ask(index, 'minister')).toEqual(['a', 'b']);
    expect(await ask(index, 'lect')).toEqual(['b']);
    expect(await ask(index, 'the minister')).toEqual(['a', 'b']);
    expect(await ask(index, 'he minister said')).toEqual(['a']);
    expect(await ask(index, 'nothing at all')).toEqual([]);
    const again = new PersistedSearchIndex(dir);
    expect(await again.covered()).toEqual(new Map([['a', 'h-a'], ['b', 'h-b'], ['c', 'h-c']]));
    expect(await ask(again, 'the minister')).toEqual(['a', 'b']);
  });

  it('adds and removes articles without building again, and keeps it across restarts', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.')]);
    await index.add([article('d', 'A new minister.')]);
    await index.remove(new Set(['a']));
    expect(await ask(index, 'minister')).toEqual(['d']);
    expect(await ask(new PersistedSearchIndex(dir), 'minister')).toEqual(['d']);
  });

  it('ignores what a crash left after the last complete add', async () => {
    const index = new PersistedSearchIndex(dir);
    await index.add([article('a', 'The minister said no.')]);
    // An add cut short: its line is there, the manifest does not list its article.
    await fs.appendFile(join(dir, 'shards', `${shardOf('minister')}.txt`), '\nminister\t1,');
    const reopened = new PersistedSearchIndex(dir);
    expect(await ask(reopened, 'minister')).toEqual(['a']);
    await reopened.add([article('b', 'Minister again.')]);
    expect(await ask(new PersistedSearchIndex(dir), 'minister')).toEqual(['a', 'b']);
  });

  it('says it is damaged when a file lost lines, and needs building when there is no manifest', async () => {
    const index = new PersistedSearchIndex(dir);
    expect(await index.needsRebuild()).toBe(true);
    await index.add([article('a', 'The minister said no.')]);
    expect(await new PersistedSearchIndex(dir).needsRebuild()).toBe(false);
    await fs.truncate(join(dir, 'shards', `${shardOf('minister')}.txt`), 3);
    await expect(ask(new PersistedSearchIndex(dir), 'minister')).rejects.toBeInstanceOf(DamagedSearchIndex);
    await fs.writeFile(join(dir, 'manifest.json'), '{"version":1,"art');
    expect(await new PersistedSearchIndex(dir).needsRebuild()).toBe(true);
  });
});
