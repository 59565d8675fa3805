import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, type Tag } from '../../../shared/model/model';
import { creditedFieldLabel } from './creditedFieldLabel';

const tag = (id: string): Tag => DEFAULT_CODEBOOK.find((t) => t.id === id)!;

describe('creditedFieldLabel', () => {
  it('names the field as the codebook names the attribute accepting fills: Speaker on a Quote, Name on a Source', () => {
    expect(creditedFieldLabel(tag('quote'))).toBe('Speaker');
    expect(creditedFieldLabel(tag('source'))).toBe('Name');
  });

  it('follows a renamed attribute, and a Source that has a speaker attribute', () => {
    const quote = { ...tag('quote'), attributes: tag('quote').attributes.map((a) => (a.id === 'speaker' ? { ...a, name: 'Who said it' } : a)) };
    expect(creditedFieldLabel(quote)).toBe('Who said it');
    const source = { ...tag('source'), attributes: [...tag('source').attributes, { id: 'speaker', name: 'Credited to', type: 'text' as const, options: [] }] };
    expect(creditedFieldLabel(source)).toBe('Credited to');
  });
});
