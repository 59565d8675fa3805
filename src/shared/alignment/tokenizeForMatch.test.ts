import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from './normalizeForMatch';
import { tokenizeForMatch } from './tokenizeForMatch';

const words = (text: string, vocabulary = new Map<string, number>()): string[] => {
  const byId = (id: number): string => [...vocabulary.keys()][id]!;
  return [...tokenizeForMatch(text, vocabulary).ids].map(byId);
};

describe('tokenizeForMatch', () => {
  it('gives the same words whatever the typography', () => {
    expect(words('Russia’s war — “NEVER” again, don`t')).toEqual(["russia's", 'war', 'never', 'again', "don't"]);
    expect(words("russia's WAR - \"never\" again, don't")).toEqual(["russia's", 'war', 'never', 'again', "don't"]);
  });

  it('keeps each word’s original offsets', () => {
    const text = '“Twenty  years,” he said.';
    const t = tokenizeForMatch(text, new Map());
    expect([...t.starts].map((s, i) => text.slice(s, t.ends[i]))).toEqual(['Twenty', 'years', 'he', 'said']);
  });

  it('shares one vocabulary across articles', () => {
    const vocabulary = new Map<string, number>();
    const a = tokenizeForMatch('the war began', vocabulary);
    const b = tokenizeForMatch('The War ended', vocabulary);
    expect([...a.ids]).toEqual([0, 1, 2]);
    expect([...b.ids]).toEqual([0, 1, 3]);
  });

  it('agrees with the words of normalizeForMatch', () => {
    const text = 'Élodie’s “café”—in 2022, the ’90s… İstanbul’s “rock ’n’ roll”.\nDon\'t STOP';
    const fromNorm = normalizeForMatch(text).norm.match(/[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu);
    expect(words(text)).toEqual(fromNorm);
  });
});
