import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { draftFromTag, newTagDraft, tagFromDraft } from './tagDraft';

describe('tagDraft', () => {
  it('turns a tag into a draft and back unchanged', () => {
    for (const tag of DEFAULT_CODEBOOK) expect(tagFromDraft(draftFromTag(tag))).toEqual(tag);
  });

  it('gives new attributes ids from their names, unique in the tag, and reads options one per line', () => {
    const draft = draftFromTag(DEFAULT_CODEBOOK[1]!);
    draft.attributes.push(
      { key: 'x', id: '', name: 'Speaker', type: 'text', options: 'ignored' },
      { key: 'y', id: '', name: ' Tone ', type: 'choice', options: ' calm \n\nangry\n' },
    );
    expect(tagFromDraft(draft).attributes.slice(2)).toEqual([
      { id: 'speaker-2', name: 'Speaker', type: 'text', options: [] },
      { id: 'tone', name: 'Tone', type: 'choice', options: ['calm', 'angry'] },
    ]);
  });

  it('starts a new tag with a free key and an unused colour, and no id', () => {
    const draft = newTagDraft(DEFAULT_CODEBOOK);
    expect(draft).toMatchObject({ id: null, key: 4, name: '' });
    expect(DEFAULT_CODEBOOK.map((t) => t.color)).not.toContain(draft.color);
    expect(tagFromDraft(draft)).not.toHaveProperty('id');
  });
});
