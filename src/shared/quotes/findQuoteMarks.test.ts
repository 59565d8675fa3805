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
});
