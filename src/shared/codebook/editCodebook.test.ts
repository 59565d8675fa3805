import { describe, expect, it } from 'vitest';
import { editCodebook } from './editCodebook';
import { DEFAULT_CODEBOOK, type Tag } from '../model/model';

const ok = (result: ReturnType<typeof editCodebook>): Tag[] => {
  if (!result.ok) throw new Error(result.message);
  return result.tags;
};

describe('editCodebook', () => {
  it('adds a tag with an id made from its name, after the others', () => {
    const result = editCodebook(DEFAULT_CODEBOOK, { op: 'add', name: ' Number claim ', color: '#112233', key: 4 });
    expect(result.ok && result.tag).toMatchObject({ id: 'number-claim', name: 'Number claim', key: 4, attributes: [] });
    expect(ok(result).map((t) => t.id)).toEqual(['claim', 'quote', 'source', 'number-claim']);
  });

  it('gives a second tag of a similar name its own id', () => {
    const once = ok(editCodebook(DEFAULT_CODEBOOK, { op: 'add', name: 'Figure', color: '#112233' }));
    const twice = editCodebook(once, { op: 'add', name: ' figure ', color: '#112233' });
    expect(twice).toEqual({ ok: false, message: 'Two tags are named "figure".' });
    const other = ok(editCodebook(once, { op: 'add', name: 'Figure?', color: '#112233' }));
    expect(other.map((t) => t.id)).toContain('figure-2');
  });

  it('renames, recolours, describes and sets keys by id, keeping the id', () => {
    let tags = ok(editCodebook(DEFAULT_CODEBOOK, { op: 'rename', id: 'claim', name: 'Assertion' }));
    tags = ok(editCodebook(tags, { op: 'recolour', id: 'claim', color: '#000000' }));
    tags = ok(editCodebook(tags, { op: 'describe', id: 'claim', description: '  Said as fact. ' }));
    tags = ok(editCodebook(tags, { op: 'setKey', id: 'claim', key: 9 }));
    expect(tags[0]).toMatchObject({ id: 'claim', name: 'Assertion', color: '#000000', description: 'Said as fact.', key: 9 });
  });

  it('refuses a key another tag has, and changes nothing', () => {
    expect(editCodebook(DEFAULT_CODEBOOK, { op: 'setKey', id: 'claim', key: 3 })).toEqual({
      ok: false,
      message: '"Claim" and "Source" both have the key 3.',
    });
    expect(DEFAULT_CODEBOOK[0]!.key).toBe(1);
  });

  it('replaces attributes, dropping options of non-choices', () => {
    const tags = ok(
      editCodebook(DEFAULT_CODEBOOK, {
        op: 'setAttributes',
        id: 'quote',
        attributes: [
          { id: 'speaker', name: 'Speaker', type: 'text', options: ['left over'] },
          { id: 'tone', name: 'Tone', type: 'choice', options: [' calm ', 'angry'] },
        ],
      }),
    );
    expect(tags[1]!.attributes).toEqual([
      { id: 'speaker', name: 'Speaker', type: 'text', options: [] },
      { id: 'tone', name: 'Tone', type: 'choice', options: ['calm', 'angry'] },
    ]);
  });

  it('reorders only with every tag named once', () => {
    expect(ok(editCodebook(DEFAULT_CODEBOOK, { op: 'reorder', ids: ['source', 'claim', 'quote'] })).map((t) => t.id)).toEqual([
      'source',
      'claim',
      'quote',
    ]);
    expect(editCodebook(DEFAULT_CODEBOOK, { op: 'reorder', ids: ['source', 'claim'] })).toEqual({
      ok: false,
      message: 'A new order must name every tag of the codebook once.',
    });
    expect(editCodebook(DEFAULT_CODEBOOK, { op: 'reorder', ids: ['source', 'claim', 'nope'] })).toEqual({
      ok: false,
      message: 'There is no tag "nope" in the codebook.',
    });
  });

  it('deletes a tag but never the last one', () => {
    const one = ok(editCodebook(ok(editCodebook(DEFAULT_CODEBOOK, { op: 'delete', id: 'claim' })), { op: 'delete', id: 'quote' }));
    expect(one.map((t) => t.id)).toEqual(['source']);
    expect(editCodebook(one, { op: 'delete', id: 'source' })).toEqual({ ok: false, message: 'The codebook needs at least one tag.' });
  });

  it('saves a whole tag: replaces the one with its id, or adds it', () => {
    const changed = { ...DEFAULT_CODEBOOK[2]!, name: 'Sourcing', attributes: [] };
    expect(ok(editCodebook(DEFAULT_CODEBOOK, { op: 'save', tag: changed }))[2]).toEqual(changed);
    const added = { ...changed, id: 'extra', name: 'Extra', key: null };
    expect(ok(editCodebook(DEFAULT_CODEBOOK, { op: 'save', tag: added }))).toHaveLength(4);
  });
});
