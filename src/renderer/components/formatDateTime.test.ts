import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it('names the month and uses a 24-hour clock, so 7 December is not read as 12 July', () => {
    expect(formatDateTime(new Date(2026, 11, 7, 1, 15))).toBe('7 Dec 2026, 01:15');
    expect(formatDateTime(new Date(2026, 6, 12, 13, 5))).toBe('12 Jul 2026, 13:05');
    expect(formatDateTime(new Date(2026, 11, 7, 1, 15), { time: false })).toBe('7 Dec 2026');
  });

  it('reads an ISO time in local time, and shows what is not a date as given', () => {
    const local = new Date(2026, 11, 7, 1, 15);
    expect(formatDateTime(local.toISOString())).toBe('7 Dec 2026, 01:15');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
