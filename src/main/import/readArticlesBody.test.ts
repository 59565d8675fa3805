import { describe, expect, it } from 'vitest';
import { articlesBodyTransfer, readArticlesBody } from './readArticlesBody';

const body = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

describe('readArticlesBody', () => {
  it('gives each file its decoded bytes (owning their buffers, to be handed over), its options and the web addresses', () => {
    const text = 'A sentence of a text. '.repeat(1_000);
    const read = readArticlesBody(
      body({
        files: [
          { name: 'a.txt', data: Buffer.from(text).toString('base64'), wholePage: true },
          { name: 'b.txt', data: Buffer.from('short').toString('base64'), replaces: 'art_0123456789abcdef' },
        ],
        urls: ['https://example.org/a'],
      }),
    );
    if (!read.ok) throw new Error(read.reason);
    const [a, b] = read.value.files;
    expect(a).toMatchObject({ name: 'a.txt', wholePage: true });
    expect(b).toMatchObject({ name: 'b.txt', replaces: 'art_0123456789abcdef' });
    expect(Buffer.from((a as { bytes: Uint8Array }).bytes).toString()).toBe(text);
    expect(Buffer.from((b as { bytes: Uint8Array }).bytes).toString()).toBe('short');
    expect(read.value.urls).toEqual(['https://example.org/a']);
    const transfer = articlesBodyTransfer(read);
    expect(transfer).toHaveLength(2);
    // Each file's bytes are the whole of their buffer: handing one over gives away nothing of another.
    expect(new Set(transfer).size).toBe(2);
    expect(transfer.map((buffer) => buffer.byteLength)).toEqual([text.length, 5]);
  });

  it('refuses, by itself, a file whose data is not base64; the others are read', () => {
    const read = readArticlesBody(body({ files: [{ name: 'bad.txt', data: 'no base64 here!' }, { name: 'ok.txt', data: 'b2s=' }] }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.files[0]).toEqual({ name: 'bad.txt', refused: 'its data is not base64-encoded bytes' });
    expect(read.value.files[1]).toMatchObject({ name: 'ok.txt' });
  });

  it('refuses a body that is not the call\'s input with the message dispatch gives, and JSON nested too deeply before parsing it', () => {
    expect(readArticlesBody(body({ files: [{ name: 'a.txt', data: 42 }] }))).toMatchObject({ ok: false, code: 'invalid_input', reason: expect.stringMatching(/^Invalid input for importArticles: .*data/) });
    expect(readArticlesBody(Buffer.from(''))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Invalid input for importArticles: .*files/) });
    expect(readArticlesBody(Buffer.from(`{"files":${'['.repeat(50_000)}${']'.repeat(50_000)}}`))).toMatchObject({ ok: false, reason: expect.stringMatching(/^The request body was refused: .*nested/) });
    const notJson = readArticlesBody(Buffer.from('{"files": [secret words]}'));
    expect(notJson).toMatchObject({ ok: false, reason: expect.stringMatching(/^The request body is not valid JSON/) });
    expect(JSON.stringify(notJson)).not.toMatch(/secret/);
  });
});
