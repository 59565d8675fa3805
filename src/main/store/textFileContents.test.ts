import { describe, expect, it } from 'vitest';
import { textFileContents } from './textFileContents';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { TEXT_PART_CHARS } from './textParts';

const whole = (file: object): string => `${JSON.stringify(file, null, 2)}\n`;

describe('textFileContents', () => {
  it('makes the same file as the JSON of the whole, however the text is built', () => {
    const texts = [
      '',
      'Plain words.',
      'Quotes " and \\ backslashes, \n line breaks, \t tabs, \u0001 controls, “curly” and emoji 😀.',
      // Long texts with a surrogate pair, a quote and a control character where the parts meet.
      `${'a'.repeat(TEXT_PART_CHARS - 1)}😀${'b'.repeat(10)}`,
      `${'a'.repeat(TEXT_PART_CHARS - 1)}"\n${'é'.repeat(TEXT_PART_CHARS + 3)}`,
      // A lone surrogate is escaped the same way too.
      `${'c'.repeat(TEXT_PART_CHARS - 1)}\uD83D${'d'.repeat(5)}`,
    ];
    for (const text of texts) {
      const file = { schemaVersion: SCHEMA_VERSION, id: 'art_0123456789abcdef', text };
      const parts = [...textFileContents(file)];
      expect(parts.join('')).toBe(whole(file));
      expect(JSON.parse(parts.join(''))).toEqual(file);
      if (text.length > TEXT_PART_CHARS) expect(parts.length).toBeGreaterThan(3);
    }
  });
});
