import { describe, it, expect } from 'vitest';
import { exportFileName } from './exportFileName';

describe('exportFileName', () => {
  it('names the file after the local date, zero-padded', () => {
    expect(exportFileName(new Date(2024, 2, 7, 23, 59))).toBe('triangulate-annotations-2024-03-07.json');
    expect(exportFileName(new Date(2025, 11, 31, 0, 1))).toBe('triangulate-annotations-2025-12-31.json');
  });
});
