import { describe, expect, it } from 'vitest';
import { findQuoteMarks } from './findQuoteMarks';

const marks = (text: string) => findQuoteMarks(text, 0, text.length).map(({ pos, len, family, canOpen, canClose }) => ({ pos, len, family, canOpen, canClose }));

describe('findQuoteMarks', () => {
  it('leaves apostrophes out', () => {
    expect(marks("Russia’s 1930’s don't rock ’n’ roll the ’90s ’tis")).toEqual([]);
  });

  it('tells opening from closing marks by their shape and their neighbours', () => {
    expect(marks('a “b” c')).toEqual([
      { pos: 2, len: 1, family: 'double', canOpen: true, canClose: false },
      { pos: 4, len: 1, family: 'double', canOpen: false, canClose: true },
    ]);
    expect(marks('a "b" c').map((m) => [m.canOpen, m.canClose])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('reads an opening shape followed by punctuation as closing', () => {
    expect(marks('Russia “.')).toEqual([{ pos: 7, len: 1, family: 'double', canOpen: false, canClose: true }]);
  });

  it('joins two single marks into one double mark', () => {
    expect(marks('‘’For it,’’ he')).toEqual([
      { pos: 0, len: 2, family: 'double', canOpen: true, canClose: false },
      { pos: 9, len: 2, family: 'double', canOpen: false, canClose: true },
    ]);
  });

  it('flags a closing single mark after a plural as a possible possessive', () => {
    const [mark] = findQuoteMarks('the students’ union', 0, 19);
    expect(mark).toMatchObject({ pos: 12, family: 'single', canClose: true, possessive: true });
  });

  it('only looks inside the given range', () => {
    expect(marks('“a” and “b”').length).toBe(4);
    expect(findQuoteMarks('“a” and “b”', 4, 11).map((m) => m.pos)).toEqual([8, 10]);
  });

  it('finds every kind of mark, also in a paragraph after many without one and in ranges asked for out of order', () => {
    const kinds = '" \' ` « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ ›';
    const text = `${'No mark here.\n'.repeat(50)}x ${kinds.split(' ').map((m) => `a ${m}b`).join(' ')}`;
    const last = text.lastIndexOf('\n') + 1;
    const expected = findQuoteMarks(text, last, text.length).map((m) => m.pos);
    // (Every mark but the lone backtick, which marks nothing.)
    expect(expected.map((pos) => text[pos]).join(' ')).toBe(kinds.replace('` ', ''));
    for (let from = 0; from < last; from += 14) expect(findQuoteMarks(text, from, from + 13)).toEqual([]);
    expect(findQuoteMarks(text, last, text.length).map((m) => m.pos)).toEqual(expected);
    expect(findQuoteMarks(text, 0, text.length).map((m) => m.pos)).toEqual(expected);
    expect(findQuoteMarks(text, last + 4, text.length).map((m) => m.pos)).toEqual(expected.filter((pos) => pos >= last + 4));
  });
});
