import { describe, expect, it } from 'vitest';
import { contrastClauseStart } from './contrastClause';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('contrastClauseStart', () => {
  it('finds a clause with its own subject between two quotes of one sentence', () => {
    const text = 'Lamb likes “A,” while the former governor loves “B.”';
    expect(text.slice(contrastClauseStart(text, text.indexOf(',') + 1, text.indexOf('loves')), text.indexOf('loves'))).toBe('the former governor ');
  });

  it('finds none when the conjunction goes on with a verb, or a sentence ends between', () => {
    const verb = 'Lamb called it “A” and ranked Hale among “B.”';
    expect(contrastClauseStart(verb, verb.indexOf('”') + 1, verb.indexOf('among'))).toBe(-1);
    const that = 'Lamb told the paper that Hale was “A” and that Hale’s aides were “B.”';
    expect(contrastClauseStart(that, that.indexOf('”') + 1, that.lastIndexOf('“'))).toBe(-1);
    const sentence = 'Lamb called it “A.” But Hale said “B.”';
    expect(contrastClauseStart(sentence, sentence.indexOf('”') + 1, sentence.indexOf('said'))).toBe(-1);
  });
});

describe('a second quote in a clause of its own', () => {
  it('credits it to its clause’s subject, not to the first quote’s speaker', () => {
    expect(speakers('Sen. Ann Lamb and Gov. Tom Hale met fans. The senator likes “Dark Woods,” while the former governor loves “Bright Sea.”')).toEqual(['Ann Lamb', 'Tom Hale']);
  });

  it('keeps the first quote’s speaker when the clause goes on without a subject of its own', () => {
    expect(speakers('Tom Hale called the deal “a disaster” and ranked Ann Lamb among the worst “in the history of business.”')).toEqual(['Tom Hale', 'Tom Hale']);
  });
});
