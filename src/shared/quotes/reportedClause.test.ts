import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { reportedClauseStart } from './reportedClause';
import { textTokens } from './textTokens';

const clause = (sentence: string) => {
  const tokens = textTokens(sentence);
  const at = reportedClauseStart(tokens, 0);
  return at < 0 ? null : sentence.slice(tokens[at]!.start);
};

describe('reportedClauseStart', () => {
  it('finds the clause after "that" / "que" / "dass" following a verb of reporting', () => {
    expect(clause('The Harbour Times revealed on Monday that the senator considers it')).toBe('the senator considers it');
    expect(clause('Le Monde a révélé lundi que le ministre avait jugé')).toBe('le ministre avait jugé');
    expect(clause('Der Spiegel berichtete, dass der Kanzler den Plan')).toBe('der Kanzler den Plan');
    expect(clause('The senator believes that the deal is')).toBeNull();
    // (A speaker's own "that" clause keeps the quote the speaker's: "Ann Bright suggested that Trump was weak on …".)
    expect(clause('Ann Bright suggested that Trump was weak on the')).toBeNull();
  });

  it('credits a quote in a reported clause to that clause’s subject, or to no one — never to the outlet', () => {
    expect(detectQuotes('Le Monde a révélé lundi que le ministre avait jugé les grévistes « irresponsables ».')[0]?.speaker ?? null).toBeNull();
    expect(detectQuotes('The Harbour Times revealed that Sen. Ann Marsh considers the deal “a betrayal of every worker.”')[0]?.speaker).toBe('Ann Marsh');
  });
});
