import { describe, expect, it } from 'vitest';
import { readAnnotationFile } from './readAnnotationFile';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readAnnotationFile', () => {
  it('tells a project file from a W3C collection', () => {
    expect(readAnnotationFile(bytes('{"format":"triangulate-project","version":1}'))).toMatchObject({ ok: true, kind: 'project' });
    expect(readAnnotationFile(bytes('\uFEFF{"type":"AnnotationCollection","items":[]}'))).toMatchObject({ ok: true, kind: 'w3c' });
  });

  it('gives one clear reason for empty, binary, invalid UTF-8, oversized and truncated files', () => {
    const reason = (b: Uint8Array) => {
      const read = readAnnotationFile(b);
      return read.ok ? null : read.reason;
    };
    expect(reason(new Uint8Array())).toBe('the file is empty');
    expect(reason(new Uint8Array([0x7b, 0, 0x7d]))).toMatch(/binary file/);
    expect(reason(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatch(/not valid UTF-8/);
    expect(reason(new Uint8Array(21 * 1024 * 1024).fill(0x20))).toMatch(/MB/);
    expect(reason(bytes('{"format":"triangulate-project","articles":[{"id":'))).toMatch(/^it is not valid JSON \(.*\); a file cut short reads like this too$/);
  });
});
