import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';

describe('isPersonDespiteInstitutionWord', () => {
  it('takes a given name and a surname that is also an outlet or place word for a person', () => {
    const people = buildPersonIndex('George Washington led the army. Michael Bloomberg spoke. Michael J. Fox spoke.');
    expect(people.people).toEqual(['George Washington', 'Michael Bloomberg', 'Michael J. Fox']);
  });

  it('keeps institutions whose name opens with a given name, and names written with "the"', () => {
    const people = buildPersonIndex('Virginia Senate voted. Hope Street was closed. The report quoted the Michael Post.');
    expect(people.people).toEqual([]);
  });

  it('lets a description refer to such a person rather than to the one named last', () => {
    const text = 'Michael Bloomberg, the billionaire, spoke to Joe Reese in New York. “It’s time,” the billionaire said.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['Michael Bloomberg']);
  });
});
