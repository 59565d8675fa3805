import { describe, it, expect } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../shared/model/model';
import { textBlocks } from '../../../shared/anchoring/textBlocks';
import { suggestionDecorations } from './suggestionDecorations';

const TEXT = 'He quit, declaring\n“never have I been so ashamed of my country.”';
const blocks = textBlocks(TEXT);
const quoteStart = TEXT.indexOf('never');
const quoteEnd = TEXT.indexOf('.”') + 1;

describe('suggestionDecorations', () => {
  it('marks a suggestion where its text is, with its id and tag, but not as an annotation', () => {
    const [spec] = suggestionDecorations(
      [{ id: `quote:${quoteStart}:${quoteEnd}`, tagId: 'quote', start: quoteStart, end: quoteEnd }],
      DEFAULT_CODEBOOK,
      blocks,
    );
    // Line 2 starts at offset 19 and at position 1 + (18 + 2) = 21.
    expect(spec).toMatchObject({ key: `quote:${quoteStart}:${quoteEnd}`, from: 21 + quoteStart - 19, to: 21 + quoteEnd - 19 });
    expect(spec!.attrs).toMatchObject({
      nodeName: 'span',
      class: 'tri-sg tri-sg--quote',
      'data-suggestion-id': `quote:${quoteStart}:${quoteEnd}`,
      'data-suggestion-tag': 'quote',
    });
    expect(spec!.attrs).not.toHaveProperty('data-tag');
    expect(spec!.attrs).not.toHaveProperty('data-annotation-id');
  });

  it('draws in the tag colour with no fill', () => {
    const [source, quote] = suggestionDecorations(
      [
        { id: 's', tagId: 'source', start: 0, end: 2 },
        { id: 'q', tagId: 'quote', start: quoteStart, end: quoteEnd },
      ],
      DEFAULT_CODEBOOK,
      blocks,
    );
    expect(source!.attrs.style).toBe('--tri-tag: #7bc67e');
    expect(quote!.attrs.style).toBe('--tri-tag: #5aa9e6');
    expect(quote!.attrs.style).not.toMatch(/background/);
  });

  it('keeps odd tag ids class-safe and skips empty ranges', () => {
    const specs = suggestionDecorations(
      [
        { id: 'a', tagId: 'my tag!', start: 0, end: 2 },
        { id: 'b', tagId: 'quote', start: 5, end: 5 },
      ],
      DEFAULT_CODEBOOK,
      blocks,
    );
    expect(specs.map((s) => s.attrs.class)).toEqual(['tri-sg tri-sg--my_tag_']);
  });
});
