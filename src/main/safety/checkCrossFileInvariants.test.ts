import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { beginUnlink } from '../store/pendingUnlinks';
import { checkCrossFileInvariants } from './checkCrossFileInvariants';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A002 = '002_38b56a2e379d189f';

const dir = useTempDir('triangulate-invariants-');

/** A library with a group and a credit in 002, consistent, counts.json written. */
async function library() {
  const core = await createCore({ dataDir: dir(), corpusDir: CORPUS, creator: 'ana', backups: false });
  const quote = await core.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
  const source = await core.createAnnotation({ articleId: A002, tagId: 'source', start: 20, end: 30 });
  await core.createGroup({ label: 'g', members: [{ articleId: A002, annotationId: quote.id }] });
  await core.linkSource({ quote: { articleId: A002, annotationId: quote.id }, source: { articleId: A002, annotationId: source.id } });
  await core.listArticles({});
  await core.close();
  return { quote, source };
}

/** Removes an annotation from its file only: what a crash between the two writes of a deletion leaves. */
async function dropFromFile(annotationId: string): Promise<void> {
  const path = join(dir(), 'annotations', `${A002}.json`);
  const file = JSON.parse(await fs.readFile(path, 'utf8'));
  file.annotations = file.annotations.filter((a: { id: string }) => a.id !== annotationId);
  await fs.writeFile(path, JSON.stringify(file));
}

describe('checkCrossFileInvariants', () => {
  it('finds nothing wrong in a consistent library, and says what it checked', async () => {
    await library();
    expect(await checkCrossFileInvariants(dir())).toEqual({ references: 3, repairable: 0, countsChecked: 5, failures: [] });
  });

  it('reports a group member and a credit pointing at a deleted annotation', async () => {
    const { quote } = await library();
    await dropFromFile(quote.id);
    const check = await checkCrossFileInvariants(dir());
    expect(check.failures).toEqual([
      expect.stringMatching(new RegExp(`^links\\.json: group .+ points at annotation ${quote.id} of article ${A002}, which does not exist$`)),
      expect.stringMatching(new RegExp(`^links\\.json: credit .+ \\(its quote\\) points at annotation ${quote.id}`)),
    ]);
  });

  it('counts such references as repairable when a pending intent names their article', async () => {
    const { quote } = await library();
    await beginUnlink(dir(), [A002]);
    await dropFromFile(quote.id);
    expect(await checkCrossFileInvariants(dir())).toMatchObject({ repairable: 2, failures: [] });
  });

  it('reports a text no article lists, and counts that do not match their file', async () => {
    await library();
    await fs.writeFile(join(dir(), 'texts', 'art_orphan.json'), '{}');
    const counts = JSON.parse(await fs.readFile(join(dir(), 'counts.json'), 'utf8'));
    counts.articles[A002].counts = { quote: 7 };
    await fs.writeFile(join(dir(), 'counts.json'), JSON.stringify(counts));
    const check = await checkCrossFileInvariants(dir());
    expect(check.failures).toEqual([
      'texts/art_orphan.json belongs to no article index.json lists',
      `counts.json: article ${A002} is counted {"quote":7}, its file holds {"quote":1,"source":1}`,
    ]);
  });

  it('reports coders in counts.json that do not match the annotation file', async () => {
    await library();
    const counts = JSON.parse(await fs.readFile(join(dir(), 'counts.json'), 'utf8'));
    expect(counts.articles[A002].coders).toEqual({ ana: 2 });
    counts.articles[A002].coders = { ana: 1, bo: 1 };
    await fs.writeFile(join(dir(), 'counts.json'), JSON.stringify(counts));
    const check = await checkCrossFileInvariants(dir());
    expect(check.failures).toEqual([`counts.json: article ${A002} has annotations by {"ana":1,"bo":1}, its file by {"ana":2}`]);
  });
});
