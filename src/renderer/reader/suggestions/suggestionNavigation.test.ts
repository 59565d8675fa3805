import { describe, it, expect } from 'vitest';
import { adjacentSuggestion, suggestionAfterDecision } from './suggestionNavigation';

const list = [
  { id: 'source:10:24', start: 10, end: 24 },
  { id: 'quote:30:60', start: 30, end: 60 },
  { id: 'quote:80:95', start: 80, end: 95 },
];

describe('adjacentSuggestion', () => {
  it('steps from the selected suggestion to the next and the previous in text order', () => {
    expect(adjacentSuggestion(list, 'quote:30:60', 0, 'next')).toBe('quote:80:95');
    expect(adjacentSuggestion(list, 'quote:30:60', 0, 'previous')).toBe('source:10:24');
  });

  it('wraps around at either end', () => {
    expect(adjacentSuggestion(list, 'quote:80:95', 0, 'next')).toBe('source:10:24');
    expect(adjacentSuggestion(list, 'source:10:24', 0, 'previous')).toBe('quote:80:95');
  });

  it('with nothing selected, starts from the caret', () => {
    expect(adjacentSuggestion(list, null, 0, 'next')).toBe('source:10:24');
    expect(adjacentSuggestion(list, null, 30, 'next')).toBe('quote:30:60');
    expect(adjacentSuggestion(list, null, 31, 'next')).toBe('quote:80:95');
    expect(adjacentSuggestion(list, null, 31, 'previous')).toBe('quote:30:60');
    expect(adjacentSuggestion(list, null, 96, 'next')).toBe('source:10:24');
    expect(adjacentSuggestion(list, null, 5, 'previous')).toBe('quote:80:95');
  });

  it('treats a selected id that is no longer pending like no selection', () => {
    expect(adjacentSuggestion(list, 'gone', 40, 'next')).toBe('quote:80:95');
  });

  it('has nothing to select when there are no suggestions', () => {
    expect(adjacentSuggestion([], null, 0, 'next')).toBeNull();
    expect(adjacentSuggestion([], 'x', 0, 'previous')).toBeNull();
  });
});

describe('suggestionAfterDecision', () => {
  it('moves on to the next pending suggestion', () => {
    expect(suggestionAfterDecision(list, ['source:10:24'], 'source:10:24')).toBe('quote:30:60');
  });

  it('skips others decided in the same go', () => {
    expect(suggestionAfterDecision(list, ['source:10:24', 'quote:30:60'], 'source:10:24')).toBe('quote:80:95');
  });

  it('falls back to the one before when the last was decided, and to none when all were', () => {
    expect(suggestionAfterDecision(list, ['quote:80:95'], 'quote:80:95')).toBe('quote:30:60');
    expect(suggestionAfterDecision(list, list.map((s) => s.id), 'quote:30:60')).toBeNull();
  });
});
