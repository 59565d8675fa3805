import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alignmentProgressText, alignmentProgressValue } from './alignmentProgressText';

const run = { phase: 'reading' as const, done: 1200, total: 5000, articlesRead: 1200, articles: 5000, startedAt: '2024-01-01T00:00:00Z', cancelling: false };

describe('alignmentProgressText', () => {
  beforeEach(() => vi.stubGlobal('navigator', { languages: ['en'] }));
  afterEach(() => vi.unstubAllGlobals());

  it('counts the articles read, then names each phase', () => {
    expect(alignmentProgressText(run)).toBe('Reading articles: 1,200 of 5,000');
    expect(alignmentProgressText({ ...run, phase: 'passages', done: 0, total: 1, articlesRead: 5000 })).toBe('Finding shared passages…');
    expect(alignmentProgressText({ ...run, phase: 'indexing', done: 3000, total: 5000, articlesRead: 5000 })).toBe('Writing the alignment index: 3,000 of 5,000');
    expect(alignmentProgressText({ ...run, cancelling: true })).toBe('Cancelling…');
  });

  it('moves the bar forward phase after phase, never past its end', () => {
    const reading = alignmentProgressValue(run);
    const passages = alignmentProgressValue({ ...run, phase: 'passages', done: 0, total: 1, articlesRead: 5000 });
    const grouping = alignmentProgressValue({ ...run, phase: 'grouping', done: 1, total: 1, articlesRead: 5000 });
    const saving = alignmentProgressValue({ ...run, phase: 'saving', done: 1, total: 1, articlesRead: 5000 });
    expect(reading[0]).toBeLessThan(passages[0]);
    expect(passages[0]).toBeLessThan(grouping[0]);
    expect(grouping[0]).toBeLessThan(saving[0]);
    expect(saving[0]).toBe(saving[1]);
    expect(new Set([reading[1], passages[1], grouping[1], saving[1]]).size).toBe(1);
  });
});
