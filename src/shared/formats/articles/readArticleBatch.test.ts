import { describe, expect, it } from 'vitest';
import { readArticleBatch } from './readArticleBatch';

describe('readArticleBatch', () => {
  it('reads JSONL, one article a line, skipping blank lines', () => {
    const result = readArticleBatch('{"title":"A","text":"First."}\n\n{"text":"Second.","date":"2024-01-02","language":"pt_BR"}\r\n', 'jsonl');
    expect(result).toEqual({
      ok: true,
      drafts: [
        expect.objectContaining({ title: 'A', text: 'First.', where: 'line 1' }),
        expect.objectContaining({ title: null, text: 'Second.', date: '2024-01-02', language: 'pt-BR', where: 'line 3' }),
      ],
    });
  });

  it('reads a JSON array or one object', () => {
    expect(readArticleBatch('[{"text":"One."},{"text":"Two.","outlet":" The  Daily "}]', 'json')).toMatchObject({
      ok: true,
      drafts: [{ text: 'One.', where: 'item 1' }, { text: 'Two.', outlet: 'The Daily', where: 'item 2' }],
    });
    expect(readArticleBatch('{"title":"Alone","text":"Only one."}', 'json')).toMatchObject({ ok: true, drafts: [{ title: 'Alone', where: null }] });
  });

  it('refuses a whole file for a bad item, naming each', () => {
    const result = readArticleBatch('{"text":"Fine."}\n"just a string"\n{"text":"x","url":"javascript:alert(1)"}', 'jsonl');
    expect(result).toEqual({
      ok: false,
      reason: 'line 2: is a string, not an article object; line 3: "url" must be an http:// or https:// address, not "javascript:alert(1)" (nothing from this file was imported)',
    });
  });

  it('tells a truncated file from a damaged one', () => {
    expect(readArticleBatch('[{"text":"cut', 'json')).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is not complete JSON: it ends part way/) });
    expect(readArticleBatch('[{"text":"x"}}]', 'json')).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is not valid JSON \(/) });
    expect(readArticleBatch('{"text":"x"}\n{oops}', 'jsonl')).toMatchObject({ ok: false, reason: expect.stringMatching(/^line 2 is not valid JSON/) });
  });

  it('refuses JSON that is not an article batch', () => {
    expect(readArticleBatch('42', 'json')).toMatchObject({ ok: false, reason: expect.stringMatching(/not an article batch \(it is a number\)/) });
    expect(readArticleBatch('{"schemaVersion":1,"articles":[]}', 'json')).toMatchObject({ ok: false, reason: expect.stringMatching(/Triangulate project file/) });
    expect(readArticleBatch('{"format":"triangulate-project","version":1,"articles":[]}', 'json')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Triangulate project file, not an article batch: import it with Import annotations…/),
    });
  });
});
