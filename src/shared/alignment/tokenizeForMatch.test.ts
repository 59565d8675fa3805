import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from './normalizeForMatch';
import { matchWordOffsets, tokenizeForMatch } from './tokenizeForMatch';

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

describe('tokenizeForMatch over many articles sharing a vocabulary', () => {
  it('gives every word the id of its normalised form, however it was written and whichever article first had it', () => {
    // Made-up texts: 5,000 distinct words (the lookup table grows several times), each written in
    // several ways (case, ` or ’ or ' as apostrophe, accents) across 40 articles.
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 48271) % 2147483647), seed % n);
    const shapes = [(w: string) => w, (w: string) => w.toUpperCase(), (w: string) => w[0]!.toUpperCase() + w.slice(1)];
    const apostrophes = ["'", '`', '’'];
    const texts = Array.from({ length: 40 }, () =>
      Array.from({ length: 400 }, () => {
        const n = next(5000);
        const stem = n % 7 === 0 ? `café${n}` : `w${n}x`;
        const word = n % 5 === 0 ? `${stem}${apostrophes[next(3)]}s` : stem;
        return shapes[next(3)]!(word);
      }).join(next(4) === 0 ? ', ' : ' '),
    );
    const vocabulary = new Map<string, number>();
    const byId = new Map<number, string>();
    for (const text of texts) {
      const ids = [...tokenizeForMatch(text, vocabulary).ids];
      for (const [word, id] of vocabulary) byId.set(id, word);
      const expected = normalizeForMatch(text).norm.match(/[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu)!;
      expect(ids.map((id) => byId.get(id))).toEqual(expected);
    }
    expect(new Set(vocabulary.values()).size).toBe(vocabulary.size);
    expect(vocabulary.size).toBeGreaterThan(4000);
  });
});

describe('matchWordOffsets', () => {
  it('finds the same first words as tokenizeForMatch, and no more', () => {
    const text = 'Élodie’s “café”—in 2022, the ’90s… İstanbul’s “rock ’n’ roll”.\nDon`t STOP';
    const all = tokenizeForMatch(text, new Map());
    for (const n of [0, 1, 5, all.starts.length, all.starts.length + 3]) {
      const some = matchWordOffsets(text, n);
      expect([...some.starts]).toEqual([...all.starts.slice(0, n)]);
      expect([...some.ends]).toEqual([...all.ends.slice(0, n)]);
    }
  });
});
