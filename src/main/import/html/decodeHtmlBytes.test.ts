import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from './decodeHtmlBytes';

/** ASCII text with some raw bytes in place of `#` marks, in order. */
function bytes(ascii: string, ...raw: number[]): Uint8Array {
  const out: number[] = [];
  let next = 0;
  for (const ch of ascii) out.push(ch === '#' ? raw[next++]! : ch.charCodeAt(0));
  return Uint8Array.from(out);
}

function textOf(data: Uint8Array): string {
  const decoded = decodeHtmlBytes(data);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.text;
}

describe('decodeHtmlBytes', () => {
  it('reads a page in the Windows-1252 encoding its <meta charset> declares', () => {
    expect(textOf(bytes('<meta charset="windows-1252"><p>caf# # #quoted#</p>', 0xe9, 0x97, 0x93, 0x94))).toContain('café — “quoted”');
  });

  it('reads ISO-8859-2 and Shift_JIS declared through http-equiv Content-Type', () => {
    expect(textOf(bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2"><p>##d#</p>', 0xa3, 0xf3, 0xbc))).toContain('Łódź');
    expect(textOf(bytes('<meta http-equiv="content-type" content="text/html;charset=Shift_JIS"><p>####</p>', 0x93, 0xfa, 0x96, 0x7b))).toContain('日本');
  });

  it('reads an undeclared page that is not UTF-8 as Windows-1252, as browsers do', () => {
    expect(textOf(bytes('<p>na#ve</p>', 0xef))).toBe('<p>naïve</p>');
  });

  it('reads UTF-8 pages and UTF-16 pages with a byte-order mark', () => {
    expect(textOf(new TextEncoder().encode('<meta charset=utf-8><p>Zürich</p>'))).toBe('<meta charset=utf-8><p>Zürich</p>');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from('<p>é</p>').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(textOf(utf16)).toBe('<p>é</p>');
  });

  it('refuses an encoding it cannot read and a page declared UTF-8 that is not, naming why', () => {
    expect(decodeHtmlBytes(bytes('<meta charset="x-klingon"><p>a</p>'))).toEqual({
      ok: false,
      reason: 'it declares the character encoding "x-klingon", which Triangulate cannot read; save it as UTF-8 and import it again',
    });
    const bad = decodeHtmlBytes(bytes('<meta charset="utf-8"><p>#</p>', 0xff));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/not valid UTF-8/);
  });
});
