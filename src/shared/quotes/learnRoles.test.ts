import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { roleFits, rolesOfMention } from './learnRoles';
import { textTokens } from './textTokens';

/** The roles given to the name `first`…`last` in `sentence`. */
function roles(sentence: string, first: string, last = first) {
  const tokens = textTokens(sentence);
  return rolesOfMention(tokens, tokens.findIndex((t) => t.text === first), tokens.findIndex((t) => t.text === last));
}

describe('rolesOfMention', () => {
  it('reads the role of an apposition, after an age, and of a role noun right before the name', () => {
    expect(roles('Tom Hale, the company’s spokesman, said so.', 'Tom', 'Hale')).toEqual([{ noun: 'spokesman', qualifiers: [] }]);
    expect(roles('Ann Lamb, 54, a spokeswoman for the agency, spoke.', 'Ann', 'Lamb')).toEqual([{ noun: 'spokeswoman', qualifiers: [] }]);
    expect(roles('Ben Ross, a former NAACP leader, spoke.', 'Ben', 'Ross')).toEqual([{ noun: 'leader', qualifiers: ['NAACP'] }]);
    expect(roles('The talks were led by spokesman Tom Hale.', 'Tom', 'Hale')).toEqual([{ noun: 'spokesman', qualifiers: [] }]);
  });

  it('reads the role of a description set before the name', () => {
    expect(roles('The Vermont senator, Ann Lamb, spoke.', 'Ann', 'Lamb')).toEqual([{ noun: 'senator', qualifiers: ['Vermont'] }]);
    expect(roles('Later the company’s spokesman, Tom Hale, left.', 'Tom', 'Hale')).toEqual([{ noun: 'spokesman', qualifiers: [] }]);
    expect(roles('He met every senator, Ann Lamb included.', 'Ann', 'Lamb')).toEqual([]);
  });

  it('credits a later description to the person it was set before, not to the person named last', () => {
    const text = 'The Vermont senator, Ann Lamb, spoke at length. Later Nora Diaz arrived. “We are strong,” the Vermont senator said.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Ann Lamb']);
  });

  it('gives no role to a name followed by something else', () => {
    expect(roles('Tom Hale, who runs the firm, spoke.', 'Tom', 'Hale')).toEqual([]);
    expect(roles('Tom Hale, Ann Lamb and others spoke.', 'Tom', 'Hale')).toEqual([]);
  });

  it('fits a description only with the same noun and its capitalised words among the role’s', () => {
    const given = [{ noun: 'leader', qualifiers: ['NAACP'] }];
    expect(roleFits(given, 'leader', [])).toBe(true);
    expect(roleFits(given, 'leader', ['NAACP'])).toBe(true);
    expect(roleFits(given, 'leader', ['Senate', 'Democratic'])).toBe(false);
    expect(roleFits(given, 'spokesman', [])).toBe(false);
  });
});

describe('role descriptions in detectQuotes', () => {
  it('credits “the spokesman said” to the person introduced as spokesman, not to the last person named', () => {
    const text = 'Tom Hale, the company’s spokesman, met Ann Lamb on Friday. Mary Cole also attended.\n\n“We will see,” the spokesman said.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Tom Hale');
  });

  it('credits “the spokeswoman said” to her, not to a man named after her', () => {
    const text = 'Ann Lamb, a spokeswoman for the agency, spoke after Tom Hale left. Dale Greer, the mayor, joined later.\n\n“Nothing is settled,” the spokeswoman said.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Ann Lamb');
  });

  it('does not take a role whose named qualifier differs (“a former union leader” is not “the Senate leader”)', () => {
    const text = 'Sen. Harry Reid, the Senate leader, arrived first. Ben Ross, a former Teamsters leader, spoke later.\n\n“We will settle,” the Senate leader said.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Harry Reid');
  });

  it('credits “the senator said” to a senator who was the subject of a recent sentence, over a plain name in between', () => {
    const text = 'Sen. Ann Lamb met Gov. Tom Hale on Friday. Dale Greer also attended.\n\n“It went well,” the senator said. “We agreed on roads,” the governor added.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Ann Lamb', 'Tom Hale']);
  });
});
