import { describe, expect, it } from 'vitest';
import { groupSearch } from './groupSearch';

const groups = [
  { id: '1', label: 'Never so ashamed' },
  { id: '2', label: 'Ashamed of my country' },
  { id: '3', label: 'Résignation letter' },
  { id: '4', label: 'Bloody war' },
];

describe('groupSearch', () => {
  it('offers every group by label without a query, minus those the annotation is in', () => {
    expect(groupSearch(groups, '', new Set(['4'])).map((g) => g.label)).toEqual(['Ashamed of my country', 'Never so ashamed', 'Résignation letter']);
  });

  it('matches every word of the query, case and accents aside, label starts first', () => {
    expect(groupSearch(groups, 'ashamed', new Set()).map((g) => g.id)).toEqual(['2', '1']);
    expect(groupSearch(groups, 'ASHAMED never', new Set()).map((g) => g.id)).toEqual(['1']);
    expect(groupSearch(groups, 'resignation', new Set()).map((g) => g.id)).toEqual(['3']);
    expect(groupSearch(groups, 'peace', new Set())).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(groupSearch(groups, '', new Set(), 2)).toHaveLength(2);
  });
});
