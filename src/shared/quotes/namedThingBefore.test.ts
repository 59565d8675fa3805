import { describe, expect, it } from 'vitest';
import { detectQuotesWithDetail } from './detectQuotes';
import { namedThingBefore } from './namedThingBefore';

const uses = (text: string) => detectQuotesWithDetail(text).map(({ detail }) => detail.use);

describe('namedThingBefore', () => {
  it('marks titles after the noun of a work in other languages, whatever their case', () => {
    expect(uses('Der Film „Im Westen nichts Neues“ gewann vier Oscars.')).toEqual(['title']);
    expect(uses('La novela «Cien años de soledad» cumple sesenta años.')).toEqual(['title']);
    expect(uses('Il film «La grande bellezza» vinse l’Oscar.')).toEqual(['title']);
    expect(uses('Le Sénat examine la loi « immigration » cette semaine.')).toEqual(['title']);
    expect(uses('Фильм «Брат» вышел в 1997 году.')).toEqual(['title']);
  });

  it('marks a nickname, a label and a caption as no speech', () => {
    expect(uses('Wilson, nicknamed “the hammer” by teammates, scored twice.')).toEqual(['scare']);
    expect(uses('Das sogenannte „Heizungsgesetz“ sorgt für Streit in der Koalition.')).toEqual(['scare']);
    expect(uses('Photo: “Getty Images”')).toEqual(['markup']);
    expect(uses('RELATED: “Trump Says He Will Win”\n\nThe president spoke on Monday.')).toEqual(['markup']);
    expect(uses('Her memoir “A promised land of sorts” was published in May.')).toEqual(['title']);
  });

  it('leaves speech after such words alone: a sentence quoted, or a colon between', () => {
    expect(uses('Die Ministerin sagte der Zeitung: „Wir bleiben hart.“')).toEqual(['speech']);
    expect(uses('Tom Hale, nicknamed the hammer, said: “We will win this.”')).toEqual(['speech']);
    expect(namedThingBefore('he told the paper ')).toBeNull();
  });
});
