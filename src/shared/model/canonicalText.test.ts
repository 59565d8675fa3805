import { describe, expect, it } from 'vitest';
import { articleTitle, canonicalArticleText } from './canonicalText';

// Openings copied from the corpus files (002 and 003 carry a date prefix; 000 does not).
const OPENING_002 =
  ' date 2022-05-23 ‘’For twenty years of my diplomatic career I have seen different turns of our foreign policy, but never have I been so ashamed of my country as on February 24 of this year,’’ he wrote, referring to the date the invasion was launched.\n\nIn a letter circulated to colleagues in Geneva';
const OPENING_003 =
  " date 2022-05-24 Boris Bondarev wrote about growing 'lies and unprofessionalism' at Russia's Foreign Ministry and took particular aim at Foreign Minister Sergey Lavrov\n\nA senior Russian diplomat posted at the United Nations Office in Geneva has announced his resignation over the Ukraine war.";
const OPENING_000 =
  'One of Putin’s key allies has quit his role at the UN in a rare political resignation, declaring “‘never have I been so ashamed of my country.”\n\nBoris Bondarev, Counsellor at Russia’s';

describe('canonicalArticleText', () => {
  it('lifts the date prefix off and keeps the typography of the rest byte for byte', () => {
    const { text, date } = canonicalArticleText(OPENING_002);
    expect(date).toBe('2022-05-23');
    expect(text).toBe(OPENING_002.slice(' date 2022-05-23 '.length));
    expect(text.startsWith('‘’For twenty years')).toBe(true);
  });

  it('accepts the prefix without its leading space', () => {
    expect(canonicalArticleText('date 2022-05-24 Boris Bondarev wrote')).toEqual({
      text: 'Boris Bondarev wrote',
      date: '2022-05-24',
    });
  });

  it('leaves a text without a prefix exactly as it was, including leading white space', () => {
    expect(canonicalArticleText(OPENING_000)).toEqual({ text: OPENING_000, date: null });
    expect(canonicalArticleText('  indented\n')).toEqual({ text: '  indented\n', date: null });
  });

  it('does not take "date" inside the text, or a malformed date, for the prefix', () => {
    expect(canonicalArticleText('The date 2022-05-23 was set').date).toBeNull();
    expect(canonicalArticleText(' date 22-05-23 text').date).toBeNull();
    expect(canonicalArticleText(' date 22-05-23 text').text).toBe(' date 22-05-23 text');
  });

  it('normalises CRLF and lone CR line endings to \\n and nothing else', () => {
    const { text, date } = canonicalArticleText(' date 2022-05-23 First line.\r\n\r\nSecond\rThird “quoted”\r\n');
    expect(date).toBe('2022-05-23');
    expect(text).toBe('First line.\n\nSecond\nThird “quoted”\n');
  });

  it('finds the prefix in a file saved with Windows line endings', () => {
    expect(canonicalArticleText(' date 2022-05-24 Title\r\nBody').text).toBe('Title\nBody');
  });
});

describe('articleTitle', () => {
  it('is the first line when the line has no sentence end, cut at a word with "…" when long', () => {
    const { text } = canonicalArticleText(OPENING_003);
    const title = articleTitle(text);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toBe(
      "Boris Bondarev wrote about growing 'lies and unprofessionalism' at Russia's Foreign Ministry and took particular aim at…",
    );
  });

  it('ends at the first sentence, keeping its closing quote marks', () => {
    expect(articleTitle('He said “no.” Then he left.')).toBe('He said “no.”');
    expect(articleTitle('Is it over? Nobody knows.')).toBe('Is it over?');
    expect(articleTitle('Short title\nBody text. More.')).toBe('Short title');
  });

  it('does not end a sentence at a full stop inside a number', () => {
    expect(articleTitle('Prices rose 2.5 percent. Then fell.')).toBe('Prices rose 2.5 percent.');
  });

  it('keeps the opening quote marks of 002 and cuts its long first sentence', () => {
    const title = articleTitle(canonicalArticleText(OPENING_002).text);
    expect(title.startsWith('‘’For twenty years of my diplomatic career')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith(' …')).toBe(false);
    expect(title.endsWith('…')).toBe(true);
  });

  it('respects a custom maximum and never cuts inside a word', () => {
    expect(articleTitle('Alpha beta gamma delta.', 13)).toBe('Alpha beta…');
    expect(articleTitle('Supercalifragilistic', 6)).toBe('Super…');
  });

  it('skips leading white space and gives an empty title for an empty text', () => {
    expect(articleTitle('\n\n  Headline here.\nBody')).toBe('Headline here.');
    expect(articleTitle('')).toBe('');
  });
});
