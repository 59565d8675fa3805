import { describe, expect, it } from 'vitest';
import { outletInMarks } from './outletInMarks';

describe('outletInMarks', () => {
  it('takes a newspaper in German marks told after its speaker for a title', () => {
    expect(outletInMarks('„Wir bleiben“, sagte Karl Brandt der ', ['Nordwest', 'Zeitung'])).toBe(true);
    expect(outletInMarks('sagte er dem ', ['Abendblatt'])).toBe(true);
    expect(outletInMarks('Das bestätigte sie gegenüber der ', ['Rheinischen', 'Post'])).toBe(true);
  });

  it('leaves speech and terms after an article alone', () => {
    expect(outletInMarks('sagte Karl Brandt der ', ['Das', 'ist', 'nicht', 'gut.'])).toBe(false);
    expect(outletInMarks('Er sprach von der ', ['großen', 'Chance'])).toBe(false);
    expect(outletInMarks('sagte Karl Brandt ', ['Nordwest', 'Zeitung'])).toBe(false);
  });
});
