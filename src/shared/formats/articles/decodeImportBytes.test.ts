import { describe, expect, it } from 'vitest';
import { decodeImportBytes } from './decodeImportBytes';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeImportBytes', () => {
  it('gives UTF-8 text without its byte-order mark', () => {
    expect(decodeImportBytes(bytes(0xef, 0xbb, 0xbf, 0x48, 0xc3, 0xa9))).toEqual({ ok: true, text: 'Hé' });
  });

  it('names the problem: empty, binary, invalid UTF-8 (where), cut-off sequence', () => {
    expect(decodeImportBytes(bytes())).toEqual({ ok: false, reason: 'the file is empty' });
    expect(decodeImportBytes(bytes(0x41, 0x00, 0x42))).toMatchObject({ reason: expect.stringMatching(/binary file.*byte 1\)/) });
    expect(decodeImportBytes(bytes(0x41, 0x42, 0xe9, 0x43))).toMatchObject({ reason: expect.stringMatching(/not valid UTF-8 text \(first bad byte at 2\)/) });
    expect(decodeImportBytes(bytes(0x41, 0xe2, 0x82))).toMatchObject({ reason: expect.stringMatching(/first bad byte at 1/) });
  });

  it('refuses more than 20 MB', () => {
    expect(decodeImportBytes(new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61))).toMatchObject({ ok: false, reason: expect.stringMatching(/over the 20 MB limit/) });
    expect(decodeImportBytes(new Uint8Array(20 * 1024 * 1024).fill(0x61)).ok).toBe(true);
  });
});
