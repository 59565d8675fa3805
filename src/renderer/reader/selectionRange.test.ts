import { describe, it, expect } from 'vitest';
import { offsetToPos, textBlocks } from '../../shared/anchoring/textBlocks';
import { selectionRange } from './selectionRange';

const TEXT = 'Bondarev quit.\n\n  He said “never”.  \nEnd';
const blocks = textBlocks(TEXT);
const pos = (offset: number) => offsetToPos(blocks, offset);

describe('selectionRange', () => {
  it('turns a selection inside one paragraph into the offsets of the selected text', () => {
    const from = pos(TEXT.indexOf('quit'));
    const range = selectionRange(TEXT, blocks, from, from + 4);
    expect(range).toEqual({ start: 9, end: 13 });
    expect(TEXT.slice(range!.start, range!.end)).toBe('quit');
  });

  it('covers the line breaks of a selection across paragraphs', () => {
    const range = selectionRange(TEXT, blocks, pos(9), pos(TEXT.indexOf('said') + 4));
    expect(TEXT.slice(range!.start, range!.end)).toBe('quit.\n\n  He said');
  });

  it('accepts a backwards selection (anchor after head)', () => {
    expect(selectionRange(TEXT, blocks, pos(13), pos(9))).toEqual({ start: 9, end: 13 });
  });

  it('trims white space at both ends', () => {
    const line = TEXT.indexOf('  He');
    const range = selectionRange(TEXT, blocks, pos(line), pos(TEXT.indexOf('\nEnd')));
    expect(TEXT.slice(range!.start, range!.end)).toBe('He said “never”.');
  });

  it('refuses a selection of white space only, such as across an empty line', () => {
    const endOfFirst = pos(TEXT.indexOf('\n'));
    expect(selectionRange(TEXT, blocks, endOfFirst, pos(TEXT.indexOf('He')))).toBeNull();
  });

  it('refuses an empty selection', () => {
    expect(selectionRange(TEXT, blocks, pos(3), pos(3))).toBeNull();
  });

  it('never splits an emoji: a selection ending or starting inside one takes the whole character', () => {
    const text = 'Fans 🎯 cheered';
    const b = textBlocks(text);
    const at = text.indexOf('🎯');
    expect(selectionRange(text, b, offsetToPos(b, 0), offsetToPos(b, at + 1))).toEqual({ start: 0, end: at + 2 });
    expect(selectionRange(text, b, offsetToPos(b, at + 1), offsetToPos(b, text.length))).toEqual({ start: at, end: text.length });
  });
});
