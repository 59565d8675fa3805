import { describe, it, expect } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../shared/model/model';
import { textBlocks } from '../../../shared/anchoring/textBlocks';
import { annotationDecorations, tagClass } from './annotationDecorations';

const TEXT = 'Boris Bondarev quit.\n\nHe said “never have I been so ashamed”.';
const blocks = textBlocks(TEXT);
const at = (word: string) => {
  const start = TEXT.indexOf(word);
  return { start, end: start + word.length };
};
const ann = (id: string, tagId: string, range: { start: number; end: number }) => ({ id, tagId, ...range });

describe('annotationDecorations', () => {
  it('places a highlight in the first paragraph one position after the offset', () => {
    const [spec] = annotationDecorations([ann('a1', 'source', at('Boris Bondarev'))], DEFAULT_CODEBOOK, blocks);
    expect(spec).toMatchObject({ annotationId: 'a1', from: 1, to: 15, lane: 0, depth: 0 });
    expect(spec!.attrs).toMatchObject({
      nodeName: 'span',
      class: 'tri-hl tri-hl--source',
      'data-annotation-id': 'a1',
      'data-tag': 'source',
    });
  });

  it('tells coders apart by an edge in the coder’s colour and their initials, keeping the tag colour', () => {
    const coders = new Map([['ana', { colour: '#1f6f8b', initials: 'AN' }], ['bo', { colour: '#a3461d', initials: 'BO' }]]);
    const specs = annotationDecorations(
      [
        { ...ann('a1', 'source', at('Boris Bondarev')), creator: 'ana' },
        { ...ann('b1', 'source', at('Boris Bondarev')), creator: 'bo' },
        { ...ann('c1', 'quote', at('He said')), creator: 'someone not shown apart' },
      ],
      DEFAULT_CODEBOOK,
      blocks,
      { coders },
    );
    const byId = new Map(specs.map((s) => [s.annotationId, s.attrs]));
    const tag = DEFAULT_CODEBOOK.find((t) => t.id === 'source')!.color;
    expect(byId.get('a1')).toMatchObject({ 'data-coder': 'ana', 'data-coder-initials': 'AN' });
    expect(byId.get('a1')!.class).toContain('tri-hl--coder');
    expect(byId.get('a1')!.style).toContain(`--tri-tag: ${tag}`);
    expect(byId.get('a1')!.style).toContain('--tri-coder: #1f6f8b');
    expect(byId.get('b1')!.style).toContain('--tri-coder: #a3461d');
    expect(byId.get('c1')!.class).not.toContain('tri-hl--coder');
    expect(byId.get('c1')!['data-coder']).toBeUndefined();
  });

  it('accounts for paragraph boundaries (and the empty line) in later paragraphs', () => {
    // Paragraph 3 opens at position 1 + (20 + 2) + (0 + 2) = 25 and holds offset 22 onwards.
    const range = at('He said');
    const [spec] = annotationDecorations([ann('a', 'quote', range)], DEFAULT_CODEBOOK, blocks);
    expect(range.start).toBe(22);
    expect(spec).toMatchObject({ from: 25, to: 32 });
  });

  it('spans paragraphs when the annotation does', () => {
    const range = { start: TEXT.indexOf('quit'), end: TEXT.indexOf(' said') };
    const [spec] = annotationDecorations([ann('a', 'claim', range)], DEFAULT_CODEBOOK, blocks);
    expect(spec).toMatchObject({ from: 16, to: 27 });
  });

  it('colours each highlight with a light tint of its tag colour and passes the colour on for the underline', () => {
    const [spec] = annotationDecorations([ann('a', 'claim', at('quit'))], DEFAULT_CODEBOOK, blocks);
    expect(spec!.attrs.style).toContain('background-color: rgba(242, 179, 61, 0.3)');
    expect(spec!.attrs.style).toContain('--tri-tag: #f2b33d');
  });

  it('gives overlapping annotations different lanes, neither nested in the other', () => {
    const specs = annotationDecorations(
      [ann('b', 'quote', at('Bondarev quit')), ann('a', 'source', at('Boris Bondarev'))],
      DEFAULT_CODEBOOK,
      blocks,
    );
    expect(specs.map((s) => [s.annotationId, s.lane, s.depth])).toEqual([
      ['a', 0, 0],
      ['b', 1, 0],
    ]);
    expect(specs[1]!.attrs.style).toContain('--tri-lane: 1');
  });

  it('marks an annotation inside another as nested, at any depth', () => {
    const specs = annotationDecorations(
      [
        ann('word', 'source', at('never')),
        ann('quote', 'quote', at('“never have I been so ashamed”')),
        ann('all', 'claim', at('He said “never have I been so ashamed”.')),
      ],
      DEFAULT_CODEBOOK,
      blocks,
    );
    const byId = Object.fromEntries(specs.map((s) => [s.annotationId, s]));
    expect(byId.all).toMatchObject({ depth: 0, lane: 0 });
    expect(byId.quote).toMatchObject({ depth: 1, lane: 1 });
    expect(byId.word).toMatchObject({ depth: 2, lane: 2 });
    expect(byId.word!.attrs.class).toBe('tri-hl tri-hl--source tri-hl--nested');
    expect(byId.all!.attrs.class).not.toContain('nested');
  });

  it('reuses a lane once the annotation in it has ended', () => {
    const specs = annotationDecorations(
      [ann('a', 'claim', at('Boris')), ann('b', 'claim', at('Bondarev quit')), ann('c', 'claim', at('quit.'))],
      DEFAULT_CODEBOOK,
      blocks,
    );
    expect(specs.map((s) => s.lane)).toEqual([0, 0, 1]);
  });

  it('keeps highlights of tags the codebook does not know, in grey', () => {
    const [spec] = annotationDecorations([ann('x', 'my tag!', at('quit'))], DEFAULT_CODEBOOK, blocks);
    expect(spec!.attrs.class).toBe(`tri-hl ${tagClass('my tag!')}`);
    expect(tagClass('my tag!')).toBe('tri-hl--my_tag_');
    expect(spec!.attrs.style).toContain('rgba(138, 143, 152, 0.3)');
  });

  it('skips annotations that cover nothing', () => {
    expect(annotationDecorations([ann('e', 'claim', { start: 4, end: 4 })], DEFAULT_CODEBOOK, blocks)).toEqual([]);
  });

  it('shows group membership, the focused group and the annotations picked for linking', () => {
    const specs = annotationDecorations(
      [ann('a', 'quote', at('never have I')), ann('b', 'source', at('Boris')), ann('c', 'claim', at('quit'))],
      DEFAULT_CODEBOOK,
      blocks,
      { groupIds: new Map([['a', ['g1', 'g2']], ['b', ['g2']]]), focusGroupId: 'g1', pickedIds: new Set(['c']) },
    );
    const byId = Object.fromEntries(specs.map((s) => [s.annotationId, s.attrs]));
    expect(byId.a).toMatchObject({ class: 'tri-hl tri-hl--quote tri-hl--grouped tri-hl--group-focus', 'data-group-ids': 'g1 g2' });
    expect(byId.b).toMatchObject({ class: 'tri-hl tri-hl--source tri-hl--grouped', 'data-group-ids': 'g2' });
    expect(byId.c!.class).toBe('tri-hl tri-hl--claim tri-hl--picked');
    expect(byId.c).not.toHaveProperty('data-group-ids');
  });
});
