import { describe, expect, it } from 'vitest';
import { elisionBeforeGuillemet } from './elisionBeforeGuillemet';

const at = (text: string) => (i: number): string => text[i] ?? '';

describe('elisionBeforeGuillemet', () => {
  it('knows the apostrophe of d’, l’, qu’ and jusqu’ glued to an opening guillemet', () => {
    for (const text of ['parlé d’« une faute »', 'sur l’« affaire »', 'dit qu’« il reste »', "jusqu'« au bout »"]) {
      expect(elisionBeforeGuillemet(at(text), text.search(/[’']«/u))).toBe(true);
    }
  });

  it('does not take a closing mark or a word’s end for an elision', () => {
    expect(elisionBeforeGuillemet(at('the students’« x »'), 12)).toBe(false);
    expect(elisionBeforeGuillemet(at('parlé d’une faute'), 7)).toBe(false);
  });
});
