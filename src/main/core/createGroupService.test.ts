import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from './createCore';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();
const ASHAMED = 'ashamed of my country';

/** The passage `needle` in an article, as acceptAlignment takes it; `pad` takes in characters before it too. */
async function passage(core: Core, articleId: string, needle: string, pad = 0) {
  const text = (await core.getArticle({ id: articleId })).text;
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in ${articleId}`);
  return { articleId, start: start - pad, end: start + needle.length };
}

describe('groups', () => {
  it('creates a group of existing annotations, trimming the label and dropping repeated members', async () => {
    const core = await lib.open();
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    const b = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: 0, end: 10 });
    const refA = { articleId: SEED.A000, annotationId: a.id };
    const refB = { articleId: SEED.A002, annotationId: b.id };
    const group = await core.createGroup({ label: '  Opening lines ', members: [refA, refB, refA] });
    expect(group).toMatchObject({ label: 'Opening lines', members: [refA, refB] });
    expect(group.created).toBe(group.modified);

    const reopened = await lib.open();
    expect(await reopened.listGroups({})).toEqual([group]);
  });

  it('names an untitled group, and refuses a member that does not exist, naming it', async () => {
    const core = await lib.open();
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: 0, end: 10 });
    expect((await core.createGroup({ label: '  ', members: [{ articleId: SEED.A000, annotationId: a.id }] })).label).toBe('Untitled group');
    const error = await apiRejection(
      core.createGroup({ label: 'x', members: [{ articleId: SEED.A000, annotationId: a.id }, { articleId: SEED.A001, annotationId: 'ghost' }] }),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('"ghost"');
    expect(await core.listGroups({})).toHaveLength(1);
  });

  it('updates the label and members, and deletes a group', async () => {
    const core = await lib.open();
    const a = await core.createAnnotation({ articleId: SEED.A000, tagId: 'claim', start: 0, end: 10 });
    const b = await core.createAnnotation({ articleId: SEED.A001, tagId: 'claim', start: 0, end: 10 });
    const group = await core.createGroup({ label: 'One', members: [{ articleId: SEED.A000, annotationId: a.id }] });
    const updated = await core.updateGroup({ id: group.id, label: 'Two', members: [{ articleId: SEED.A001, annotationId: b.id }] });
    expect(updated).toMatchObject({ id: group.id, label: 'Two', members: [{ articleId: SEED.A001, annotationId: b.id }], created: group.created });
    expect(updated.modified > group.modified).toBe(true);
    expect((await apiRejection(core.updateGroup({ id: group.id, members: [] }))).code).toBe('invalid_input');
    expect(await core.deleteGroup({ id: group.id })).toEqual({ deleted: true });
    expect(await core.listGroups({})).toEqual([]);
    expect((await apiRejection(core.deleteGroup({ id: group.id }))).code).toBe('not_found');
    expect((await apiRejection(core.updateGroup({ id: group.id, label: 'x' }))).code).toBe('not_found');
  });

  it('accepting an alignment makes one annotation per passage (trimmed) and a group of them', async () => {
    const core = await lib.open();
    const passages = [
      await passage(core, SEED.A000, ASHAMED, 1),
      await passage(core, SEED.A002, ASHAMED),
      await passage(core, SEED.A004, ASHAMED),
    ];
    const { group, created } = await core.acceptAlignment({ label: 'Ashamed', tagId: 'quote', passages });
    expect(created.map((a) => [a.articleId, a.exact, a.tagId])).toEqual(passages.map((p) => [p.articleId, ASHAMED, 'quote']));
    expect(group.label).toBe('Ashamed');
    expect(group.members).toEqual(created.map((a) => ({ articleId: a.articleId, annotationId: a.id })));
    expect(await core.listAnnotations({ articleId: SEED.A002 })).toEqual([created[1]]);
    expect(await core.listGroups({})).toEqual([group]);
  });

  it('reuses an annotation that already marks a passage with the same tag', async () => {
    const core = await lib.open();
    const p0 = await passage(core, SEED.A000, ASHAMED);
    const p2 = await passage(core, SEED.A002, ASHAMED);
    const existing = await core.createAnnotation({ articleId: SEED.A000, tagId: 'quote', start: p0.start, end: p0.end });
    const { group, created } = await core.acceptAlignment({ label: 'Ashamed', tagId: 'quote', passages: [p0, p2] });
    expect(created).toHaveLength(1);
    expect(group.members[0]).toEqual({ articleId: SEED.A000, annotationId: existing.id });
    expect(await core.listAnnotations({ articleId: SEED.A000 })).toEqual([existing]);
  });

  it('a Quote accepted from a passage holds the quoted words only, and reuses a Quote already over them', async () => {
    const core = await lib.open();
    const withCredit = await passage(core, SEED.A000, 'declaring “‘never have I been so ashamed of my country.”');
    const text = (await core.getArticle({ id: SEED.A002 })).text;
    const start = text.indexOf('‘’For twenty years');
    const end = text.indexOf('he wrote', start) + 'he wrote'.length;
    // In 002 the Quote is already there, tagged by hand inside the marks.
    const inner = text.indexOf('For twenty years');
    const handMade = await core.createAnnotation({ articleId: SEED.A002, tagId: 'quote', start: inner, end: text.indexOf(',’’', inner) });
    const { group, created } = await core.acceptAlignment({ label: 'Ashamed', tagId: 'quote', passages: [withCredit, { articleId: SEED.A002, start, end }] });
    expect(created.map((a) => a.exact)).toEqual(['never have I been so ashamed of my country.']);
    expect(group.members[1]).toEqual({ articleId: SEED.A002, annotationId: handMade.id });
    expect(await core.listAnnotations({ articleId: SEED.A002 })).toEqual([handMade]);
  });

  it('checks every passage before writing anything', async () => {
    const core = await lib.open();
    const good = await passage(core, SEED.A000, ASHAMED);
    const outside = { articleId: SEED.A002, start: 10, end: 10_000_000 };
    expect((await apiRejection(core.acceptAlignment({ label: 'x', tagId: 'quote', passages: [good, outside] }))).code).toBe('invalid_input');
    expect((await apiRejection(core.acceptAlignment({ label: 'x', tagId: 'nope', passages: [good, good] }))).code).toBe('invalid_input');
    expect((await apiRejection(core.acceptAlignment({ label: 'x', tagId: 'quote', passages: [good, { ...good, articleId: 'zzz' }] }))).code).toBe('not_found');
    expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);
    expect(await core.listGroups({})).toEqual([]);
  });
});
