import { describe, expect, it } from 'vitest';
import { genderOfGivenName, genderOfPronoun, genderOfRoleNoun, genderOfTitle } from './nameGender';

describe('nameGender', () => {
  it('reads gender from honorifics, common given names and pronouns', () => {
    expect([genderOfTitle('Mr'), genderOfTitle('Ms'), genderOfTitle('Mrs'), genderOfTitle('Sen')]).toEqual(['m', 'f', 'f', null]);
    expect([genderOfGivenName('Michael'), genderOfGivenName('Susan'), genderOfGivenName('Zorblat')]).toEqual(['m', 'f', null]);
    expect([genderOfPronoun('He'), genderOfPronoun('her'), genderOfPronoun('they')]).toEqual(['m', 'f', null]);
  });
});

describe('genderOfRoleNoun', () => {
  it('reads -woman nouns as female and a few -man nouns as male; chairman and others say nothing', () => {
    expect(genderOfRoleNoun('spokeswoman')).toBe('f');
    expect(genderOfRoleNoun('congresswoman')).toBe('f');
    expect(genderOfRoleNoun('spokesman')).toBe('m');
    expect(genderOfRoleNoun('chairman')).toBeNull();
    expect(genderOfRoleNoun('senator')).toBeNull();
  });
});
