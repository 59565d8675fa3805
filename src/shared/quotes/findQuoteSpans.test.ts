import { describe, expect, it } from 'vitest';
import { findQuoteSpans, MAX_CONTINUED_CHARS, MAX_QUOTE_CHARS } from './findQuoteSpans';

const quotes = (text: string): string[] => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('findQuoteSpans: typography', () => {
  it('finds quotes in curly and straight double marks', () => {
    expect(quotes('He said “we will win” today.')).toEqual(['we will win']);
    expect(quotes('He said "we will win" and "never give up".')).toEqual(['we will win', 'never give up']);
  });

  it('finds quotes in curly and straight single marks', () => {
    expect(quotes('She called it ‘a disgrace’ on Monday.')).toEqual(['a disgrace']);
    expect(quotes("She called it 'a disgrace' on Monday.")).toEqual(['a disgrace']);
  });

  it('reads two single marks as one double mark, in any mix', () => {
    expect(quotes('‘’For twenty years I served,’’ he wrote.')).toEqual(['For twenty years I served']);
    expect(quotes('he has never been ‘’so ashamed’\' of his country')).toEqual(['so ashamed']);
    expect(quotes("He said ''we are done'' and left.")).toEqual(['we are done']);
    expect(quotes('He said ‘’we are done’’.')).toEqual(['we are done']);
  });

  it('finds guillemets, reversed guillemets and German low-high quotes', () => {
    expect(quotes('Il a dit «nous gagnerons» hier.')).toEqual(['nous gagnerons']);
    expect(quotes('Er sagte »wir siegen« gestern.')).toEqual(['wir siegen']);
    expect(quotes('Er sagte „wir siegen“ gestern.')).toEqual(['wir siegen']);
  });

  it('reports the outer quote only when quotes nest', () => {
    expect(quotes('“He told me ‘never again’ and left,” she said.')).toEqual(['He told me ‘never again’ and left']);
  });

  it('keeps the reported span inside the marks, without the trailing comma of the host sentence', () => {
    const text = '“We are done,” he said.';
    const [span] = findQuoteSpans(text);
    expect(span).toEqual({ start: 1, end: 12, open: 0, close: 14 });
    expect(text.slice(span!.start, span!.end)).toBe('We are done');
  });
});

describe('findQuoteSpans: the corpus’s own typography', () => {
  it('drops a stray inner mark right after the opening one', () => {
    expect(quotes('declaring “‘never have I been so ashamed of my country.”')).toEqual([
      'never have I been so ashamed of my country.',
    ]);
  });

  it('reads an opening-style mark before the final period as the closing one', () => {
    expect(quotes('Putin’s war is “the most serious crime against the people of Russia “.')).toEqual([
      'the most serious crime against the people of Russia',
    ]);
  });
});

describe('findQuoteSpans: paragraphs', () => {
  it('continues a quote over paragraphs that each reopen it, until one closes it', () => {
    const text = 'He said: “First part of it.\n“Second part.\n\n“Third part.”\nThen a “short” one.';
    expect(quotes(text)).toEqual(['First part of it.\n“Second part.\n\n“Third part.', 'short']);
  });

  it('does not carry an unclosed quote into a paragraph that does not reopen it', () => {
    expect(quotes('He said “we will fight on and on\nThe next day “calm” returned.')).toEqual(['calm']);
  });

  it('does not carry a stray mark at the very end of a paragraph', () => {
    expect(quotes('It ended “\n“Fine,” she said.')).toEqual(['Fine']);
  });
});

describe('findQuoteSpans: apostrophes are not quotes', () => {
  it('finds nothing in possessives, contractions, decades and elisions', () => {
    expect(quotes('Russia’s war, the 1930’s press, don\'t panic, rock ’n’ roll, the ’90s, ’tis true and the students’ union.')).toEqual(
      [],
    );
    expect(quotes("Russia's war, rock 'n' roll, the '90s, let 'em in, the students' union.")).toEqual([]);
  });

  it('keeps apostrophes inside a single-quoted quote', () => {
    expect(quotes('He called it ‘the students’ union and Russia’s war’ today.')).toEqual(['the students’ union and Russia’s war']);
  });

  it('still closes a single quote with a mark after a plural', () => {
    expect(quotes('He called them ‘useless ministers’ and left.')).toEqual(['useless ministers']);
  });
});

describe('findQuoteSpans: stray and mismatched marks', () => {
  it('ignores a closing mark with no opening one', () => {
    expect(quotes('The 5” pipe burst, and “real words” followed.')).toEqual(['real words']);
  });

  it('pairs straight marks by their position against the words', () => {
    expect(quotes('He said "x. Then "y" came.')).toEqual(['y']);
  });

  it('never lets a quote run longer than the cap', () => {
    const filler = 'word '.repeat(Math.ceil(MAX_QUOTE_CHARS / 5) + 10);
    expect(quotes(`It began “${filler}and ended” there.`)).toEqual([]);
  });

  it('cuts a quote reopened over very many paragraphs to the last ones', () => {
    const paragraphs = Array.from({ length: 20 }, (_, k) => `“part ${k} ${'word '.repeat(80)}`).join('\n');
    const found = quotes(`He said: ${paragraphs}end.”`);
    expect(found).toHaveLength(1);
    expect(found[0]!.length).toBeLessThanOrEqual(MAX_CONTINUED_CHARS);
    expect(found[0]).not.toContain('part 0 ');
    expect(found[0]).toMatch(/end\.$/);
  });

  it('never crashes and keeps every span sane on random typography', () => {
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', ' ', ' ', ' ', 'a', 'b', 's', '.', ',', '\n', '1'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 400) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const spans = findQuoteSpans(text);
      let last = 0;
      for (const s of spans) {
        expect(s.open).toBeGreaterThanOrEqual(last);
        expect(s.open).toBeLessThan(s.start);
        expect(s.start).toBeLessThan(s.end);
        expect(s.end).toBeLessThan(s.close);
        expect(s.close).toBeLessThanOrEqual(text.length);
        expect(s.end - s.start).toBeLessThanOrEqual(MAX_CONTINUED_CHARS);
        last = s.close;
      }
    }
  });
});
