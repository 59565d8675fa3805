import { describe, expect, it } from 'vitest';
import { CoderProfileSchema, defaultInitials, sameCoderName, sameNameWarning } from './coderProfile';

describe('coder profiles', () => {
  it('checks a name, initials and colour, naming what is wrong', () => {
    expect(CoderProfileSchema.parse({ name: '  Anna Berg ', initials: 'AB', colour: '#aa3300' })).toEqual({ name: 'Anna Berg', initials: 'AB', colour: '#aa3300' });
    const bad = CoderProfileSchema.safeParse({ name: '   ', initials: 'ABCD', colour: 'red' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toContain('a coder needs a name');
    expect(messages).toContain('initials are one to three letters or digits');
    expect(messages).toContain('#rrggbb');
    expect(CoderProfileSchema.safeParse({ name: 'a\tb', initials: null, colour: null }).success).toBe(false);
  });

  it('makes initials from the name when none were chosen', () => {
    expect(defaultInitials('Anna Berg')).toBe('AB');
    expect(defaultInitials('jean-luc de la rue')).toBe('JLD');
    expect(defaultInitials('bo')).toBe('BO');
    expect(defaultInitials('Łukasz')).toBe('ŁU');
  });

  it('takes names differing only in case or spacing for one coder', () => {
    expect(sameCoderName('Anna  Berg', ' anna berg')).toBe(true);
    expect(sameCoderName('Anna Berg', 'Anna Borg')).toBe(false);
  });

  it('warns when a new name is already a coder of this library, not when it is the folder’s own', () => {
    expect(sameNameWarning('anna', 'root', ['Anna', 'bo'])).toContain('Annotations by "Anna" are already in this library');
    expect(sameNameWarning('Anna', 'anna', ['anna'])).toBeNull();
    expect(sameNameWarning('Cleo', 'root', ['Anna', 'bo'])).toBeNull();
  });
});
