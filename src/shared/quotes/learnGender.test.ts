import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';

const genderOf = (text: string, name: string) => buildPersonIndex(text).entity(name)?.gender ?? null;

describe('learnGender (through the person index)', () => {
  it('learns a gender from pronouns after a person named alone, by a clear majority', () => {
    const text = 'Robin Morrow chairs the board. She was elected in May. Morrow spoke first. She thanked the staff.';
    expect(genderOf(text, 'Morrow')).toBe('f');
  });

  it('takes one weak sign for no evidence: a "she" in the sentence after one naming only him', () => {
    const text = 'The mayor, Dana Pike, left early. Lamb took the floor. She said nothing.';
    expect(genderOf(text, 'Lamb')).toBeNull();
  });

  it('does not give a person the gender of a pronoun chain that runs past them', () => {
    // The "she" chain belongs to the chair; Lamb is only named inside it, twice.
    const text =
      'Ann Reiner chairs the board. She drew up a plan after the flood: Governor Lamb later adopted it. She has since pushed for more. ' +
      'She wrote a bill last year: Governor Lamb signed it. She called it a start.';
    expect(genderOf(text, 'Lamb')).toBeNull();
    expect(buildPersonIndex(text).resolve(text.indexOf('She called'), { gender: 'f' })).toBe('Ann Reiner');
  });
});
