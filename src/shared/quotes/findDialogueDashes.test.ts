import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { findDialogueDashes, looksEnglish } from './findDialogueDashes';

const quoted = (text: string) => findDialogueDashes(text).map((q) => text.slice(q.start, q.end));

// Sentences written for these tests.
const FRENCH = 'Le ministre Paul Girard est arrivé à la mairie vers midi, et la salle était déjà pleine de monde.\n';
const RUSSIAN = 'Дипломат Иван Петров ушёл со своего поста в понедельник, и об этом написали все газеты страны.\n';
const SPANISH = 'La ministra Ana Ruiz llegó al ayuntamiento a mediodía y la sala ya estaba llena de gente.\n';

describe('findDialogueDashes', () => {
  it('reads a French dash paragraph as speech up to its incise', () => {
    const text = `${FRENCH}— Nous ne céderons pas, a-t-il déclaré devant les élus.\n— C’est une honte, répond Marie Leclerc.`;
    expect(quoted(text)).toEqual(['Nous ne céderons pas', 'C’est une honte']);
  });

  it('leaves out a Russian or Spanish narration between dashes and goes on after it', () => {
    expect(quoted(`${RUSSIAN}— Мне стыдно, — сказал он. — Я ухожу.`)).toEqual(['Мне стыдно', 'Я ухожу.']);
    expect(quoted(`${SPANISH}— Nos vamos —dijo Ana—. Ya es tarde.`)).toEqual(['Nos vamos', 'Ya es tarde.']);
  });

  it('takes no dash in English text for dialogue (there it opens a list item)', () => {
    const text = 'The senator listed his reasons for the vote and the crowd was told that it would be a long night.\n— The fact that he talks about the border.\n— The fact that he is not a politician.';
    expect(looksEnglish(text)).toBe(true);
    expect(findDialogueDashes(text)).toEqual([]);
  });

  it('credits the speaker named or resolved in the incise', () => {
    const quotes = detectQuotes(`${FRENCH}— Nous ne céderons pas, a-t-il déclaré.\n— C’est une honte, répond Marie Leclerc.`);
    expect(quotes.map((q) => [q.exact, q.speaker])).toEqual([
      ['Nous ne céderons pas', 'Paul Girard'],
      ['C’est une honte', 'Marie Leclerc'],
    ]);
  });
});
