import { describe, expect, it } from 'vitest';
import { alignWorkerFile } from './alignWorkerFile';

describe('alignWorkerFile', () => {
  it('finds the worker next to the built entry, or one folder up from a chunk', () => {
    const files = new Set(['/app/out/main/alignWorker.js']);
    const exists = (path: string) => files.has(path);
    expect(alignWorkerFile({ moduleUrl: 'file:///app/out/main/host.js', exists })).toBe('/app/out/main/alignWorker.js');
    expect(alignWorkerFile({ moduleUrl: 'file:///app/out/main/chunks/createCore-x1.js', exists })).toBe('/app/out/main/alignWorker.js');
  });

  it('is null in the source layout, where no worker is built', () => {
    expect(alignWorkerFile({ moduleUrl: 'file:///app/src/main/core/createCore.ts', exists: () => false })).toBeNull();
    expect(alignWorkerFile()).toBeNull();
  });
});
