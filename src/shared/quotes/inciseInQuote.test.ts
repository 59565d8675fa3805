import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { inciseInQuote } from './inciseInQuote';

const incise = (text: string) => {
  const found = inciseInQuote(text, 0, text.length);
  return found && text.slice(found.start, found.end);
};

describe('inciseInQuote', () => {
  it('finds an attribution between dashes or after a comma inside the marks, when it opens with a speech verb', () => {
    expect(incise('Es un día triste —dijo la alcaldesa Ada Colau—, pero seguiremos')).toBe('dijo la alcaldesa Ada Colau');
    expect(incise('Nous ne reculerons pas, a-t-il lancé. Jamais.')).toBe('a-t-il lancé');
    expect(incise('Мы готовы, — сказал он, — к диалогу')).toBe('сказал он,');
    expect(incise('Pourquoi si tôt ? demanda Paul Roche.')).toBe('demanda Paul Roche');
    expect(incise('We will win — and I mean it — next year.')).toBeNull();
    expect(incise('Why now? Ask Paul Roche.')).toBeNull();
  });

  it('credits the quote to the incise’s speaker', () => {
    expect(detectQuotes('«Es un día triste —dijo la alcaldesa Ada Colau—, pero seguiremos adelante».')[0]?.speaker).toBe('Ada Colau');
    expect(detectQuotes('Gabriel Attal a pris la parole à l’Assemblée.\n\n« Nous ne reculerons pas, a-t-il lancé. Jamais. »')[0]).toMatchObject({ speaker: 'Gabriel Attal', cue: 'lancé' });
    expect(detectQuotes('Сергей Лавров прибыл в Анкару. «Мы готовы, — сказал он, — к диалогу».')[0]).toMatchObject({ speaker: 'Сергей Лавров', cue: 'сказал' });
  });
});
