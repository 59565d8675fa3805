import { describe, expect, it } from 'vitest';
import { ipcBodyOptions } from './ipcBodyOptions';

const reader = { readJson: async (bytes: Uint8Array) => ({ ok: true as const, value: bytes.length }) };

describe('ipcBodyOptions', () => {
  it('answers importW3C and importArticles from their bytes through the core (planned and read in its import worker)', async () => {
    const calls: string[] = [];
    const core = {
      importW3CBytes: async (bytes: Uint8Array, purpose: string) => (calls.push(`w3c ${bytes.length} ${purpose}`), { w3c: true }) as never,
      importArticlesBytes: async (bytes: Uint8Array) => (calls.push(`articles ${bytes.length}`), { articles: true }) as never,
    };
    const options = ipcBodyOptions(async () => core, reader);
    await expect(options.callWithBytes!('importW3C', new Uint8Array(3))).resolves.toEqual({ value: { w3c: true } });
    await expect(options.callWithBytes!('importArticles', new Uint8Array(5))).resolves.toEqual({ value: { articles: true } });
    expect(calls).toEqual(['w3c 3 body', 'articles 5']);
  });

  it('leaves them to be parsed by the reader and dispatched when the API cannot take bytes (the recovery API)', async () => {
    const options = ipcBodyOptions(async () => ({}), reader);
    await expect(options.callWithBytes!('importW3C', new Uint8Array(3))).resolves.toBeUndefined();
    await expect(options.parseBytes!(new Uint8Array(7))).resolves.toEqual({ ok: true, value: 7 });
  });
});
