import { describe, expect, it } from 'vitest';
import { isAcronym, looksInstitutional, nameEndingAt, nameStartingAt } from './parseNameMention';
import { textTokens } from './textTokens';

/** The mention read forward from the first token of `text`. */
const forward = (text: string) => {
  const tokens = textTokens(text);
  const m = nameStartingAt(tokens, 0);
  return m && { words: m.words, surname: m.surname, titles: m.titles, covers: text.slice(tokens[m.from]!.start, tokens[m.to]!.end) };
};
/** The mention read backward from the token before `verb`. */
const backward = (text: string, verb = ' said') => {
  const tokens = textTokens(text);
  const at = tokens.findIndex((t) => t.start === text.indexOf(verb) + 1) - 1;
  const m = nameEndingAt(tokens, at);
  return m && { words: m.words, surname: m.surname, titles: m.titles, covers: text.slice(tokens[m.from]!.start, tokens[m.to]!.end), institutional: looksInstitutional(m) };
};

describe('parseNameMention', () => {
  it('ends a name read forward at a capitalised function word of a headline, and reads an institution through "of"', () => {
    expect(forward('Tom Reiner Is A Natural Leader')).toMatchObject({ words: ['Tom', 'Reiner'] });
    expect(forward('Ohio Board of Elections ruled')).toMatchObject({ words: ['Ohio', 'Board', 'of', 'Elections'] });
    // A headline's verb and prepositions end the name: "… Calls Flood Damage Against Farmers ‘A Disaster’".
    expect(forward('Maria Kowalski Calls Flood Damage ‘A Disaster’')).toMatchObject({ words: ['Maria', 'Kowalski'] });
  });

  it('drops titles and honorifics, keeping them apart', () => {
    expect(forward('Sen. Maria Kowalski spoke')).toMatchObject({ words: ['Maria', 'Kowalski'], titles: ['Sen'] });
    expect(forward('Dr. Ahmed Farouk said')).toMatchObject({ surname: 'Farouk', titles: ['Dr'] });
    expect(forward('Secretary of State Anna Lind arrived')).toMatchObject({ words: ['Anna', 'Lind'], titles: ['Secretary'] });
    expect(forward('Ohio Gov. Tom Reiner said')).toMatchObject({ words: ['Tom', 'Reiner'], titles: ['Gov'] });
  });

  it('keeps middle initials and suffixes inside the name and the surname last', () => {
    expect(forward('Ronald R. Fieldstone wrote')).toMatchObject({ words: ['Ronald', 'R.', 'Fieldstone'], surname: 'Fieldstone' });
    expect(forward('Robert P. Carey Jr. said')).toMatchObject({ surname: 'Carey', covers: 'Robert P. Carey Jr.' });
  });

  it('covers a party-and-state tag after the name', () => {
    expect(forward('Jason Pell (R-Utah) said')).toMatchObject({ surname: 'Pell', covers: 'Jason Pell (R-Utah)' });
    expect(backward('Rep. Dana Moss (D-N.C.) said it.')).toMatchObject({ surname: 'Moss', titles: ['Rep'] });
  });

  it('reads particles and prefixed surnames', () => {
    expect(forward('Ludwig van Houten said')).toMatchObject({ words: ['Ludwig', 'van', 'Houten'], surname: 'Houten' });
    expect(forward('Karim al-Masri said')).toMatchObject({ surname: 'al-Masri' });
  });

  it('ends a name before a lone German article "der" (the noun after it is no name: "sagte Hans Weber der Polizei")', () => {
    expect(forward('Hans Weber der Polizei sagte')).toMatchObject({ words: ['Hans', 'Weber'] });
    expect(backward('Hans Weber der Polizei said')).toMatchObject({ words: ['Polizei'] });
  });

  it('reads two particles in a row, forward and backward ("von der", "van der", "de la")', () => {
    expect(forward('Greta von der Hoeven said')).toMatchObject({ words: ['Greta', 'von', 'der', 'Hoeven'], surname: 'Hoeven' });
    expect(backward('Greta von der Hoeven said it.')).toMatchObject({ words: ['Greta', 'von', 'der', 'Hoeven'] });
    expect(backward('Paulo de la Fuente said it.')).toMatchObject({ words: ['Paulo', 'de', 'la', 'Fuente'] });
  });

  it('keeps a department of several words in the title, read either way ("Secretary of Homeland Security")', () => {
    expect(backward('Secretary of State Anna Lind said it.')).toMatchObject({ words: ['Anna', 'Lind'], titles: ['Secretary'] });
    expect(backward('Secretary of Defense Anna Lind said it.')).toMatchObject({ words: ['Anna', 'Lind'] });
    expect(forward('Secretary of Homeland Security Anna Lind arrived')).toMatchObject({ words: ['Anna', 'Lind'] });
    expect(backward('Secretary of Homeland Security Anna Lind said it.')).toMatchObject({ words: ['Anna', 'Lind'] });
  });

  it('leaves an agency’s acronym after a person’s name out of it', () => {
    expect(forward('Дмитрий Песков ТАСС.')).toMatchObject({ words: ['Дмитрий', 'Песков'] });
    expect(forward('Anna Lind AFP.')).toMatchObject({ words: ['Anna', 'Lind'] });
  });

  it('reads a title after an acronym when a full name follows ("NATO Secretary General Ann Lind")', () => {
    expect(backward('NATO Secretary General Ann Lind said it.')).toMatchObject({ words: ['Ann', 'Lind'] });
  });

  it('reads "Majority Leader" as a title', () => {
    expect(backward('Senate Majority Leader Tom Reiner said it.')).toMatchObject({ words: ['Tom', 'Reiner'], titles: ['Leader'] });
  });

  it('reads backward past an apposition-free title and leaves a possessive owner out', () => {
    expect(backward('Trump senior adviser Paul Mancini said it.')).toMatchObject({ words: ['Paul', 'Mancini'] });
    expect(backward('Her top aide Jake Sorel said it.')).toMatchObject({ words: ['Jake', 'Sorel'] });
    expect(backward('Texas Rep. Louis Gant said it.')).toMatchObject({ words: ['Louis', 'Gant'], titles: ['Rep'] });
  });

  it('tells organisations and outlets by "the", acronyms and institution words', () => {
    expect(backward('Then the Times said so.')).toMatchObject({ words: ['Times'], institutional: true });
    expect(backward('The ACU said so.')).toMatchObject({ words: ['ACU'], institutional: true });
    expect(backward('The Interior Ministry said so.')).toMatchObject({ institutional: true });
    expect(backward('Maria Kowalski said so.')).toMatchObject({ institutional: false });
  });

  it('finds no name in lower-case words or a lone title', () => {
    expect(forward('the minister said')).toBeNull();
    expect(forward('President said')).toBeNull();
  });
});

describe('parseNameMention: edge cases', () => {
  it('reads a surname that is also a title when it ends the name', () => {
    const text = 'Representative Peter T. King said it.';
    const tokens = textTokens(text);
    const at = tokens.findIndex((t) => t.text === 'said') - 1;
    expect(nameEndingAt(tokens, at)).toMatchObject({ words: ['Peter', 'T.', 'King'], surname: 'King', titles: ['Representative'] });
  });
});

describe('isAcronym', () => {
  it('takes two to six capitals (digits and & after the first), in any script, and nothing else', () => {
    for (const word of ['CNN', 'AP', 'NAACP', 'G7', 'AT&T', 'ÖVP', 'ΕΕ', 'ABCDEF']) expect(isAcronym(word), word).toBe(true);
    for (const word of ['A', 'ABCDEFG', 'Cnn', 'cNN', '7G', '&T', 'MoD', 'UN’s', 'ÖVp', '']) expect(isAcronym(word), word).toBe(false);
  });
});
