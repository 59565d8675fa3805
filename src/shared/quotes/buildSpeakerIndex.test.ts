import { describe, expect, it } from 'vitest';
import { buildSpeakerIndex } from './buildSpeakerIndex';
import { detectArticleQuotes } from './detectQuotes';

const article = (id: string, text: string) => ({ article: id, text, ...detectArticleQuotes(text) });

describe('buildSpeakerIndex', () => {
  const one = article('a1', 'Mayor Tom Reiner spoke on Monday. “We will rebuild,” Mr. Reiner said. “Soon,” the mayor added, “very soon.”');
  const two = article('a2', '“The bridge is safe,” Reiner told the Daily Ledger. The Daily Ledger reported that “repairs are late.”');
  const index = buildSpeakerIndex([one, two]);

  it('joins one speaker across articles and the ways each names him', () => {
    const reiner = index.speakers.find((s) => s.name === 'Tom Reiner');
    expect(reiner).toMatchObject({ id: 'tom-reiner', kind: 'person', articles: ['a1', 'a2'] });
    expect(reiner!.quotes).toBe(4);
    expect(reiner!.aliases).toEqual(expect.arrayContaining(['Mr. Reiner', 'the mayor', 'Reiner']));
  });

  it('lists outlets with their kind', () => {
    expect(index.speakers.find((s) => s.name === 'Daily Ledger')).toMatchObject({ kind: 'outlet', quotes: 1, articles: ['a2'] });
  });

  it('gives each credited quote the id of its speaker', () => {
    expect(index.idOf('a1', 'Tom Reiner')).toBe('tom-reiner');
    expect(index.idOf('a2', 'Reiner')).toBe('tom-reiner');
    expect(index.idOf('a1', null)).toBeNull();
  });
});
