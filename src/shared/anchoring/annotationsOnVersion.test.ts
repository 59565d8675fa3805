import { describe, expect, it } from 'vitest';
import type { Annotation, UnanchoredAnnotation } from '../model/model';
import { annotationsOnVersion } from './annotationsOnVersion';
import { quoteSelector } from './quoteSelector';

const V1 = 'The council approved the budget on Monday. Opposition members called the plan reckless. It starts in January.';
const V2 = 'The council approved the budget on Tuesday. It starts in January.';
const versions = [
  { version: 1, imported: '2024-01-01T10:00:00.000Z' },
  { version: 2, imported: '2024-01-02T10:00:00.000Z' },
  { version: 3, imported: '2024-01-03T10:00:00.000Z' },
];

function on(text: string, quote: string, id: string, created: string): Annotation {
  const start = text.indexOf(quote);
  const end = start + quote.length;
  return { id, articleId: 'a', tagId: 'claim', start, end, ...quoteSelector(text, start, end), note: '', attributes: {}, creator: 'ana', created, modified: created };
}

describe('annotationsOnVersion', () => {
  it('shows those kept with the version where they are, and those made on it that later versions carried, found again in its text', () => {
    const lost: UnanchoredAnnotation = { ...on(V1, 'called the plan reckless', 'lost', '2024-01-01T11:00:00.000Z'), version: 1 };
    const carried = on(V2, 'It starts in January', 'carried', '2024-01-01T12:00:00.000Z');
    const later = on(V2, 'approved the budget on Tuesday', 'later', '2024-01-02T12:00:00.000Z');
    const shown = annotationsOnVersion(1, V1, versions, [carried, later], [lost]);
    expect(shown.map((a) => [a.id, V1.slice(a.start, a.end), a.keptHere])).toEqual([
      ['lost', 'called the plan reckless', true],
      ['carried', 'It starts in January', false],
    ]);
  });

  it('leaves out what was lost before the version existed, and shows what a later version lost', () => {
    const lostOn1: UnanchoredAnnotation = { ...on(V1, 'called the plan reckless', 'old', '2024-01-01T11:00:00.000Z'), version: 1 };
    const lostOn2: UnanchoredAnnotation = { ...on(V2, 'on Tuesday', 'tuesday', '2024-01-02T11:00:00.000Z'), version: 2 };
    const shown = annotationsOnVersion(2, V2, versions, [], [lostOn1, lostOn2]);
    expect(shown.map((a) => [a.id, V2.slice(a.start, a.end), a.keptHere])).toEqual([['tuesday', 'on Tuesday', true]]);
  });
});
