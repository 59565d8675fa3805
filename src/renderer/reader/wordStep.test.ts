import { describe, expect, it } from 'vitest';
import { nextWordEnd, previousWordStart, stepSelection } from './wordStep';

const text = 'Russia’s well-known  envoy said: “No.”';
//            0123456789012345678901234567890123456789
const range = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

describe('word steps', () => {
  it('treats apostrophes and hyphens inside a word as part of it', () => {
    expect(nextWordEnd(text, 0)).toBe(8);
    expect(nextWordEnd(text, 8)).toBe(19);
    expect(previousWordStart(text, 19)).toBe(9);
    expect(previousWordStart(text, 0)).toBe(0);
    expect(nextWordEnd(text, text.length)).toBe(text.length);
  });

  it('extends and shrinks either edge by a word', () => {
    expect(stepSelection(text, range('well-known'), 'extendEnd')).toEqual(range('well-known  envoy'));
    expect(stepSelection(text, range('well-known  envoy said'), 'shrinkEnd')).toEqual(range('well-known  envoy'));
    expect(stepSelection(text, range('envoy'), 'extendStart')).toEqual(range('well-known  envoy'));
    expect(stepSelection(text, range('well-known  envoy'), 'shrinkStart')).toEqual(range('envoy'));
    expect(stepSelection(text, range('said: “No'), 'extendEnd')).toEqual(range('said: “No'));
  });

  it('never shrinks a one-word selection to nothing', () => {
    expect(stepSelection(text, range('envoy'), 'shrinkEnd')).toEqual(range('envoy'));
    expect(stepSelection(text, range('envoy'), 'shrinkStart')).toEqual(range('envoy'));
  });
});
