import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { isGermanRole } from './foreignRoleNouns';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('role nouns of other languages', () => {
  it('tells a German role, alone or in a compound, from a name', () => {
    for (const word of ['Ministerin', 'Bundeskanzlerin', 'Außenminister', 'Regierungssprecher', 'Ministerpräsident', 'Klimaforscher', 'Politikerin']) expect(isGermanRole(word), word).toBe(true);
    for (const word of ['Minister', 'Merkel', 'Schneider', 'Kanzleramt']) expect(isGermanRole(word), word).toBe(false);
  });

  it('reads a German role before a name as its title', () => {
    expect(speakers('Bundeskanzlerin Lena Vogt sagte: „Wir schaffen das.“')).toEqual(['Lena Vogt']);
    expect(speakers('„Wir haben keine Zeit mehr“, warnte der Klimaforscher Hans Jakob Keller.')).toEqual(['Hans Jakob Keller']);
  });

  it('resolves "die Ministerin" to the person named, and leaves "ein Sprecher des Ministeriums" unnamed', () => {
    expect(speakers('Die Außenministerin Lena Vogt reiste nach Kiew. „Wir stehen an Ihrer Seite“, erklärte die Ministerin.')).toEqual(['Lena Vogt']);
    expect(speakers('Jonas Keller trat zurück. „Wir prüfen den Vorgang“, sagte ein Sprecher des Ministeriums.')).toEqual([null]);
  });

  it('takes the name after a French or Spanish role ("le porte-parole du gouvernement, Paul Roche")', () => {
    expect(speakers('« Le gouvernement ne reculera pas », a indiqué le porte-parole du gouvernement, Paul Roche.')).toEqual(['Paul Roche']);
    expect(speakers('Según el ministro Luis Prado, «la relación es excelente».')).toEqual(['Luis Prado']);
  });

  it('reads a foreign newspaper as an outlet, not as a person a description could stand for', () => {
    expect(speakers('Le Monde a révélé lundi que le ministre avait jugé les grévistes « irresponsables ».')).toEqual([null]);
    expect(speakers('Der Spiegel berichtete, der Kanzler habe den Plan „unausgegoren“ genannt.')).toEqual([null]);
  });
});
