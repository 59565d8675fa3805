import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const credits = (text: string) => detectQuotes(text).map((q) => [q.speaker, q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null]);

describe('frenchArticleName', () => {
  it('credits a quote after "selon" to the organisation named with its article', () => {
    expect(credits('Selon l’Élysée, « le chef de l’État recevra les syndicats ».')).toEqual([['Élysée', 'Élysée']]);
    expect(credits('Selon la CGT, « la grève continue ».')).toEqual([['CGT', 'CGT']]);
    expect(credits('Selon la Banque de France, « la croissance ralentit ».')).toEqual([['Banque de France', 'Banque de France']]);
  });

  it('credits no one for a lower-case noun or a name that does not end the phrase', () => {
    expect(credits('Selon la police, « la foule était calme ».')).toEqual([[null, null]]);
  });
});
