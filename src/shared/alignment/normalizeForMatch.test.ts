import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from './normalizeForMatch';

/** The original text of normalised range [a, b). */
function original(text: string, map: number[], a: number, b: number): string {
  return text.slice(map[a]!, map[b - 1]! + 1);
}

describe('normalizeForMatch', () => {
  it('unifies quote marks, apostrophes and dashes, folds case and collapses white space', () => {
    expect(normalizeForMatch('  “Russia’s  war” — «Never»\n\n‘’said’’ `x´  ').norm).toBe('"russia\'s war" - "never" \'\'said\'\' \'x\'');
    expect(normalizeForMatch('A–B‑C−D').norm).toBe('a-b-c-d');
  });

  it('maps every normalised character back to its original offset', () => {
    const text = '  Never  HAVE\tI “been”';
    const { norm, map } = normalizeForMatch(text);
    expect(norm).toBe('never have i "been"');
    expect(map).toHaveLength(norm.length);
    for (let i = 0; i < norm.length; i++) {
      const o = text[map[i]!]!;
      if (norm[i] === ' ') expect(o).toMatch(/\s/);
      else if (norm[i] === '"') expect('“”').toContain(o);
      else expect(o.toLowerCase()).toBe(norm[i]);
    }
    const at = norm.indexOf('have i');
    expect(original(text, map, at, at + 'have i'.length)).toBe('HAVE\tI');
  });

  it('keeps offsets right around characters that fold to two, and astral characters', () => {
    const text = 'İx 😀Ab';
    const { norm, map } = normalizeForMatch(text);
    expect(norm).toBe('i̇x 😀ab');
    const at = norm.indexOf('ab');
    expect(original(text, map, at, at + 2)).toBe('Ab');
    const emoji = norm.indexOf('😀');
    expect(original(text, map, emoji, emoji + 2)).toBe('😀');
  });

  it('handles empty and all-space text', () => {
    expect(normalizeForMatch('')).toEqual({ norm: '', map: [] });
    expect(normalizeForMatch(' \n\t ')).toEqual({ norm: '', map: [] });
  });
});
