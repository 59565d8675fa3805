import { describe, expect, it } from 'vitest';
import { actsOnItsOwn } from './actsOnItsOwn';
import { textTokens } from './textTokens';

const acts = (text: string) => actsOnItsOwn(textTokens(text), 0);

describe('actsOnItsOwn', () => {
  it('knows a word that acts on "its" own things', () => {
    expect(acts('Nordwerk cut its forecast.')).toBe(true);
    expect(acts('Nordwerk also raised its target.')).toBe(true);
  });

  it('leaves a person acting on his or her things, a verb without its, or a verb about another’s things', () => {
    expect(acts('Walsh cut his forecast.')).toBe(false);
    expect(acts('Walsh cut the forecast.')).toBe(false);
    expect(acts('Walsh said its forecast was wrong.')).toBe(false);
    expect(acts('Walsh criticised its forecast.')).toBe(false);
  });
});
