/** Case 9 of issue 19: deleting an annotation changes two files; a crash between them leaves no dangling reference after a restart. */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AtomicJsonFs } from './atomicJsonAdapter';
import { createCore } from '../core/createCore';
import { readPendingUnlinks } from './pendingUnlinks';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A000 = '000_9c2375f696f0b1fa';
const A002 = '002_38b56a2e379d189f';

const dir = useTempDir('triangulate-pending-');

/** links.json can no longer be saved: what a process killed right after writing the annotation file leaves. */
const crashBeforeLinks: AtomicJsonFs = {
  ...fs,
  rename: async (from, to) => {
    if (String(to).endsWith('links.json')) throw Object.assign(new Error('killed'), { code: 'EIO' });
    return fs.rename(from, to);
  },
};

async function annotatedAndLinked() {
  const core = await createCore({ dataDir: dir(), corpusDir: CORPUS, creator: 'ana', backups: false });
  const quote = await core.createAnnotation({ articleId: A002, tagId: 'quote', start: 0, end: 10 });
  const source = await core.createAnnotation({ articleId: A002, tagId: 'source', start: 20, end: 30 });
  const other = await core.createAnnotation({ articleId: A000, tagId: 'quote', start: 0, end: 10 });
  await core.createGroup({ label: 'g', members: [{ articleId: A002, annotationId: quote.id }, { articleId: A000, annotationId: other.id }] });
  await core.linkSource({ quote: { articleId: A002, annotationId: quote.id }, source: { articleId: A002, annotationId: source.id } });
  await core.close();
  return { quote, source, other };
}

describe('deleteAnnotation across two files', () => {
  it('after a crash between the annotation file and links.json, a restart leaves no group member or credit pointing at it', async () => {
    const { quote, other } = await annotatedAndLinked();
    const crashing = await createCore({ dataDir: dir(), corpusDir: CORPUS, backups: false, linksFs: crashBeforeLinks });
    await expect(crashing.deleteAnnotation({ articleId: A002, id: quote.id })).rejects.toThrow(/links\.json/);
    await crashing.close();
    // On disk now: the annotation is gone, links.json still names it, and the intent says what to finish.
    const onDisk = JSON.parse(await fs.readFile(join(dir(), 'links.json'), 'utf8'));
    expect(onDisk.groups[0].members).toContainEqual({ articleId: A002, annotationId: quote.id });
    expect(await readPendingUnlinks(dir())).toEqual([{ file: expect.stringMatching(/^pending\/.+\.json$/), articles: [A002], readable: true }]);

    const restarted = await createCore({ dataDir: dir(), corpusDir: CORPUS, backups: false });
    try {
      const groups = await restarted.listGroups({});
      expect(groups.map((g) => g.members)).toEqual([[{ articleId: A000, annotationId: other.id }]]);
      expect(await restarted.listSourceLinks({})).toEqual([]);
      expect(await readPendingUnlinks(dir())).toEqual([]);
    } finally {
      await restarted.close();
    }
  });

  it('leaves nothing behind when the deletion completes, and keeps references when the annotation was not deleted', async () => {
    const { quote, source } = await annotatedAndLinked();
    const core = await createCore({ dataDir: dir(), corpusDir: CORPUS, backups: false });
    await expect(core.deleteAnnotation({ articleId: A002, id: 'no-such-annotation' })).rejects.toThrow(/no annotation/);
    expect(await readPendingUnlinks(dir())).toEqual([]);
    await core.deleteAnnotation({ articleId: A002, id: source.id });
    expect(await readPendingUnlinks(dir())).toEqual([]);
    expect(await core.listSourceLinks({})).toEqual([]);
    expect((await core.listGroups({}))[0]!.members).toContainEqual({ articleId: A002, annotationId: quote.id });
    await core.close();
  });

  it('deleting a tag with its annotations is repaired the same way', async () => {
    const { other } = await annotatedAndLinked();
    const crashing = await createCore({ dataDir: dir(), corpusDir: CORPUS, backups: false, linksFs: crashBeforeLinks });
    await expect(crashing.deleteTag({ id: 'quote', annotations: 'delete' })).rejects.toThrow(/links\.json/);
    await crashing.close();
    const restarted = await createCore({ dataDir: dir(), corpusDir: CORPUS, backups: false });
    try {
      expect(await restarted.listGroups({})).toEqual([]);
      expect(await restarted.listSourceLinks({})).toEqual([]);
      expect(await restarted.listAnnotations({ articleId: A000 })).not.toContainEqual(expect.objectContaining({ id: other.id }));
    } finally {
      await restarted.close();
    }
  });
});
