import { describe, it, expect } from 'vitest';
import { textBlocks } from '../../../shared/anchoring/textBlocks';
import { alignmentDecorations } from './alignmentDecorations';

const TEXT = 'Intro line.\nHe said he was never so ashamed of his country.';
const blocks = textBlocks(TEXT);

describe('alignmentDecorations', () => {
  it('marks each shared passage with its group id, over the right text', () => {
    const start = TEXT.indexOf('never');
    const end = TEXT.indexOf(' of his');
    const specs = alignmentDecorations([{ groupId: 'a0', start, end, exact: 'never so ashamed' }], blocks);
    // Line 2 starts at offset 12, position 1 + (11 + 2) = 14.
    expect(specs).toEqual([
      {
        key: 'a0',
        from: 14 + start - 12,
        to: 14 + end - 12,
        attrs: { nodeName: 'span', class: 'tri-al', 'data-align-group': 'a0' },
      },
    ]);
  });

  it('gives two passages of the same group the same key, and skips empty ones', () => {
    const specs = alignmentDecorations(
      [
        { groupId: 'a1', start: 0, end: 5, exact: 'Intro' },
        { groupId: 'a1', start: 15, end: 19, exact: 'said' },
        { groupId: 'a2', start: 7, end: 7, exact: '' },
      ],
      blocks,
    );
    expect(specs.map((s) => s.key)).toEqual(['a1', 'a1']);
  });
});
