import { describe, expect, it } from 'vitest';
import { quoteOnlyRange } from './quoteOnlyRange';

function trimmed(text: string): string {
  const r = quoteOnlyRange(text, { start: 0, end: text.length });
  return text.slice(r.start, r.end);
}

describe('quoteOnlyRange', () => {
  it('drops the attribution and the mark before the quote', () => {
    expect(trimmed('Bondarev said: “Never have I been so ashamed of my country on this day')).toBe(
      'Never have I been so ashamed of my country on this day',
    );
  });

  it('drops the credit after the closing mark', () => {
    expect(trimmed('“Never have I been so ashamed of my country,” Bondarev wrote.')).toBe('Never have I been so ashamed of my country,');
  });

  it('takes doubled-up marks away too', () => {
    expect(trimmed('he said: ‘’For twenty years I have seen many turns of our policy,’’ he wrote')).toBe(
      'For twenty years I have seen many turns of our policy,',
    );
  });

  it('keeps offsets into the whole text', () => {
    const text = 'Earlier. Bondarev said: “We are ashamed of what our country did today.” Later.';
    const start = text.indexOf('Bondarev');
    const r = quoteOnlyRange(text, { start, end: text.indexOf(' Later') });
    expect(text.slice(r.start, r.end)).toBe('We are ashamed of what our country did today.');
  });

  it('leaves narration with a few quoted words in it alone', () => {
    const text = 'The diplomat, who had served for twenty years in Geneva and Moscow, called it “shameful” and resigned.';
    expect(trimmed(text)).toBe(text);
  });

  it('takes apostrophes for what they are', () => {
    expect(trimmed('Putin’s ally said: “We are ashamed of Russia’s war in Ukraine and of our silence')).toBe(
      'We are ashamed of Russia’s war in Ukraine and of our silence',
    );
  });

  it('leaves a passage without quotation marks alone', () => {
    expect(trimmed('warmongering, lies and hatred')).toBe('warmongering, lies and hatred');
  });
});
