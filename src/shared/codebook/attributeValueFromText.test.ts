import { describe, expect, it } from 'vitest';
import { attributeValueFromText } from './attributeValueFromText';

describe('attributeValueFromText', () => {
  it('reads yes/no attributes from the words a spreadsheet or R writes', () => {
    expect(attributeValueFromText({ type: 'boolean' }, 'TRUE')).toBe(true);
    expect(attributeValueFromText({ type: 'boolean' }, 'no')).toBe(false);
    expect(attributeValueFromText({ type: 'boolean' }, 'maybe')).toBe('maybe');
  });

  it('reads numbers for number attributes only', () => {
    expect(attributeValueFromText({ type: 'number' }, ' -3.5 ')).toBe(-3.5);
    expect(attributeValueFromText({ type: 'number' }, '12 people')).toBe('12 people');
    expect(attributeValueFromText({ type: 'text' }, '2016')).toBe('2016');
    expect(attributeValueFromText(undefined, 'true')).toBe('true');
  });
});
