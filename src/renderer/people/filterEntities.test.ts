import { describe, expect, it } from 'vitest';
import { filterEntities } from './filterEntities';

const entities = [
  { name: 'Boris Bondarev', aliases: ['Mr Bondarev', 'the diplomat'] },
  { name: 'Bill Browder', aliases: [] },
  { name: 'Zoë Élan', aliases: [] },
];

describe('filterEntities', () => {
  it('finds an entity by any of its names, every word typed, in any case', () => {
    expect(filterEntities(entities, 'BOND dipl').map((e) => e.name)).toEqual(['Boris Bondarev']);
    expect(filterEntities(entities, 'b').map((e) => e.name)).toEqual(['Boris Bondarev', 'Bill Browder']);
  });

  it('ignores accents and keeps everything for an empty search', () => {
    expect(filterEntities(entities, 'zoe elan').map((e) => e.name)).toEqual(['Zoë Élan']);
    expect(filterEntities(entities, '  ')).toHaveLength(3);
  });
});
