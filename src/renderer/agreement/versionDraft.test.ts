import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../shared/model/model';
import { draftOf, draftPassage, editedVersion } from './versionDraft';

const codebook: Tag[] = [
  {
    id: 'quote',
    name: 'Quote',
    color: '#123456',
    key: 1,
    description: '',
    attributes: [
      { id: 'form', name: 'Form', type: 'choice', options: ['direct', 'indirect'] },
      { id: 'weight', name: 'Weight', type: 'number', options: [] },
      { id: 'named', name: 'Named', type: 'boolean', options: [] },
    ],
  },
  { id: 'source', name: 'Source', color: '#654321', key: 2, description: '', attributes: [] },
];

const version: Annotation = {
  id: 'b1',
  articleId: 'a',
  tagId: 'quote',
  start: 4,
  end: 9,
  exact: 'quick',
  prefix: '',
  suffix: '',
  note: 'bo’s',
  attributes: { form: 'direct', weight: 2, named: true },
  creator: 'bo',
  created: 't',
  modified: 't',
};

describe('versionDraft', () => {
  it('starts from the coder’s version and gives back the edited request with typed values', () => {
    const draft = draftOf(version);
    expect(draft.attributes).toEqual({ form: 'direct', weight: '2', named: 'yes' });
    const widened = { ...draft, start: 0, end: 15, attributes: { ...draft.attributes, weight: '2,5', named: 'no' } };
    expect(editedVersion(widened, codebook, 43)).toEqual({
      ok: true,
      edited: { from: 'b1', start: 0, end: 15, tagId: 'quote', attributes: { form: 'direct', weight: 2.5, named: false }, note: 'bo’s' },
    });
    // Retagged to a tag without attributes: the old values are not sent.
    expect(editedVersion({ ...draft, tagId: 'source' }, codebook, 43)).toMatchObject({ ok: true, edited: { tagId: 'source', attributes: {} } });
  });

  it('names what is wrong: an empty or outside span, a tag not in the codebook, a bad number or choice', () => {
    const draft = draftOf(version);
    expect(editedVersion({ ...draft, start: 9, end: 9 }, codebook, 43)).toEqual({ ok: false, problem: 'The span must start before it ends, inside the text (0–43).' });
    expect(editedVersion({ ...draft, end: 44 }, codebook, 43).ok).toBe(false);
    expect(editedVersion({ ...draft, tagId: 'gone' }, codebook, 43)).toEqual({ ok: false, problem: 'Choose a tag from the codebook.' });
    expect(editedVersion({ ...draft, attributes: { weight: 'heavy' } }, codebook, 43)).toEqual({ ok: false, problem: 'Weight: “heavy” is not a number.' });
    expect(editedVersion({ ...draft, attributes: { form: 'rumoured' } }, codebook, 43)).toMatchObject({ ok: false, problem: expect.stringContaining('Form') as unknown });
  });

  it('shows the passage a span covers with its context, clipped to the text', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(draftPassage(text, { start: 4, end: 9 }, 4)).toEqual({ before: 'The ', exact: 'quick', after: ' bro' });
    expect(draftPassage(text, { start: 40, end: 99 }, 3)).toEqual({ before: 'zy ', exact: 'dog', after: '' });
  });
});
