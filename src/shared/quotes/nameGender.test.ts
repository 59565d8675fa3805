import { describe, expect, it } from 'vitest';
import { genderOfGivenName, genderOfPronoun, genderOfTitle } from './nameGender';

describe('nameGender', () => {
  it('reads gender from honorifics, common given names and pronouns', () => {
    expect([genderOfTitle('Mr'), genderOfTitle('Ms'), genderOfTitle('Mrs'), genderOfTitle('Sen')]).toEqual(['m', 'f', 'f', null]);
    expect([genderOfGivenName('Michael'), genderOfGivenName('Susan'), genderOfGivenName('Zorblat')]).toEqual(['m', 'f', null]);
    expect([genderOfPronoun('He'), genderOfPronoun('her'), genderOfPronoun('they')]).toEqual(['m', 'f', null]);
  });
});
