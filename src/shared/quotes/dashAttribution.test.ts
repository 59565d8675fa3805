import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { dashAttributionAt } from './dashAttribution';

describe('dashAttribution', () => {
  it('finds the name a quote is signed with after a dash, alone on the rest of its line', () => {
    const text = '“We will win this fight.” — Ann Marsh, senator from Vermont';
    expect(text.slice(dashAttributionAt(text, text.indexOf('”') + 1))).toBe('Ann Marsh, senator from Vermont');
    expect(dashAttributionAt('“We will win” — and then he left. He went home.', 12)).toBe(-1);
  });

  it('credits a signed pull quote to its signature, and no one to a dash that goes on with the sentence', () => {
    expect(detectQuotes('The crowd roared.\n\n“We will win this fight.” — Bernie Sanderson')[0]?.speaker).toBe('Bernie Sanderson');
    expect(detectQuotes('“We will win this fight” - Tuesday, in Iowa.')[0]?.speaker ?? null).toBeNull();
  });
});
