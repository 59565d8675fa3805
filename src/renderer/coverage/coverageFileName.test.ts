import { describe, it, expect } from 'vitest';
import { coverageFileName } from './coverageFileName';

describe('coverageFileName', () => {
  it('names the CSV after the local date, zero-padded', () => {
    expect(coverageFileName(new Date(2024, 2, 7, 23, 59))).toBe('triangulate-coverage-2024-03-07.csv');
    expect(coverageFileName(new Date(2025, 11, 31, 0, 1))).toBe('triangulate-coverage-2025-12-31.csv');
  });
});
