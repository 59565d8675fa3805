import { describe, it, expect } from 'vitest';
import { passageLabel } from './passageLabel';

describe('passageLabel', () => {
  it('takes the first words, without the quotation marks, capitalised', () => {
    expect(passageLabel('“‘never have I been so ashamed of my country.”')).toBe('Never have I been so ashamed of my');
    expect(passageLabel('crime against the Ukrainian people')).toBe('Crime against the Ukrainian people');
  });

  it('starts at the quote, not at the words introducing it, and never adds an ellipsis', () => {
    const label = passageLabel('Bondarev said: “Never have I been so ashamed of my country as on February 24');
    expect(label).toBe('Never have I been so ashamed of my');
    expect(label).not.toContain('…');
  });

  it('drops punctuation left dangling where it cuts', () => {
    expect(passageLabel('warmongering, lies, and hatred', 2)).toBe('Warmongering, lies');
  });

  it('joins lines and keeps within the character limit', () => {
    const label = passageLabel('The aggressive war\nunleashed by Putin against Ukraine, and in fact against the entire Western world', 20, 40);
    expect(label).toBe('The aggressive war unleashed by Putin');
    expect(label.length).toBeLessThanOrEqual(41);
  });

  it('cuts a single very long word rather than returning nothing', () => {
    expect(passageLabel('x'.repeat(100), 8, 10)).toBe('Xxxxxxxxxx');
  });
});
