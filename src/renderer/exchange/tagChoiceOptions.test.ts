import { describe, expect, it } from 'vitest';
import { choiceFromValue, choiceValue, tagChoiceOptions, type TagChoice } from './tagChoiceOptions';

describe('tagChoiceOptions', () => {
  it('turns one choice per unknown tag into the import options: mapped, created, or (neither) left out', () => {
    const choices = new Map<string, TagChoice>([
      ['Person', { kind: 'map', tagId: 'source' }],
      ['Infrastructure', { kind: 'create' }],
      ['Weather', { kind: 'leave-out' }],
    ]);
    expect(tagChoiceOptions(choices)).toEqual({ tagMap: { Person: 'source' }, createTags: ['Infrastructure'] });
  });

  it('reads back what the menu shows', () => {
    for (const choice of [{ kind: 'map', tagId: 'claim' }, { kind: 'create' }, { kind: 'leave-out' }] as TagChoice[]) {
      expect(choiceFromValue(choiceValue(choice))).toEqual(choice);
    }
  });
});
