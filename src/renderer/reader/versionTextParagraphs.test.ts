import { describe, expect, it } from 'vitest';
import { versionTextParagraphs } from './versionTextParagraphs';

describe('versionTextParagraphs', () => {
  const text = 'One two three.\n\nFour five six.';
  it('cuts paragraphs at blank lines and runs where annotations start and end, overlaps included', () => {
    const a = { id: 'a', start: 4, end: 13 }; // "two three"
    const b = { id: 'b', start: 8, end: 20 }; // "three.\n\nFour" across the paragraph break
    const shown = versionTextParagraphs(text, [a, b]).map((p) => p.map((r) => [r.text, r.covering.map((x) => x.id).join('+')]));
    expect(shown).toEqual([
      [
        ['One ', ''],
        ['two ', 'a'],
        ['three', 'a+b'],
        ['.', 'b'],
      ],
      [
        ['Four', 'b'],
        [' five six.', ''],
      ],
    ]);
  });

  it('gives a text without annotations as plain paragraphs', () => {
    expect(versionTextParagraphs(text, []).map((p) => p.map((r) => r.text).join(''))).toEqual(['One two three.', 'Four five six.']);
  });
});
