import { describe, expect, it } from 'vitest';
import { isQuotesRecord, recordPeople, toQuotesRecord } from './articleQuotesRecord';
import { buildSpeakerIndex } from './buildSpeakerIndex';
import { detectArticleQuotes } from './detectQuotes';

const ARTICLES = [
  { article: 'a1', text: '“We will not leave,” said Boris Bondarev, a former diplomat. Later Mr Bondarev added: “Never.”' },
  { article: 'a2', text: 'Bondarev told Reuters: “I am done.” The Washington Post said: “We stand by it.”' },
];

describe('articleQuotesRecord', () => {
  it('gives the same speaker index read back from JSON as the detection itself', () => {
    const live = buildSpeakerIndex(ARTICLES.map((a) => ({ ...a, ...detectArticleQuotes(a.text) })));
    const stored = ARTICLES.map((a) => ({ ...a, record: JSON.parse(JSON.stringify(toQuotesRecord(detectArticleQuotes(a.text)))) as unknown }));
    for (const s of stored) expect(isQuotesRecord(s.record)).toBe(true);
    const fromRecords = buildSpeakerIndex(
      stored.map(({ article, text, record }) => {
        if (!isQuotesRecord(record)) throw new Error('not a record');
        return { article, text, quotes: record.quotes, people: recordPeople(record) };
      }),
    );
    expect(live.speakers.length).toBeGreaterThan(0);
    expect(fromRecords.speakers).toEqual(live.speakers);
  });

  it('refuses stored values of the wrong shape', () => {
    expect(isQuotesRecord(null)).toBe(false);
    expect(isQuotesRecord({ quotes: 'x', entities: {} })).toBe(false);
    expect(isQuotesRecord({ quotes: [{ quote: { start: 'a', end: 2, exact: 'x' }, detail: {} }], entities: {} })).toBe(false);
    expect(isQuotesRecord({ quotes: [], entities: { X: { name: 'X', kind: 'person', aliases: [1] } } })).toBe(false);
    expect(isQuotesRecord({ quotes: [], entities: {} })).toBe(true);
  });
});
