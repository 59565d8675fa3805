import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { readStoredText, readStoredTextSync } from './readStoredText';
import { textHash } from './textHash';

const lib = useTestLibrary();

describe('readStoredText', () => {
  it('reads the text the core gives for an article, straight from its file', async () => {
    const core = await lib.open();
    const [first] = (await core.listArticlesWindow({ offset: 0, limit: 1 })).rows;
    const article = await core.getArticle({ id: first!.id });
    const ref = { id: article.id, version: 1, hash: article.hash };
    expect(await readStoredText(lib.dir(), ref)).toEqual({ ...ref, text: article.text });
    expect(readStoredTextSync(lib.dir(), ref)).toEqual({ ...ref, text: article.text });
  });

  it('says which file is missing, damaged, of another article or of another text', async () => {
    const core = await lib.open();
    const [a, b] = (await core.listArticlesWindow({ offset: 0, limit: 2 })).rows;
    const article = await core.getArticle({ id: a!.id });
    const ref = { id: article.id, version: 1, hash: article.hash };
    const file = join(lib.dir(), 'texts', `${ref.id}.json`);
    await expect(readStoredText(lib.dir(), { ...ref, version: 2 })).rejects.toThrow(`The text of article "${ref.id}" is missing: ${join(lib.dir(), 'texts', `${ref.id}@v2.json`)} does not exist.`);
    await expect(readStoredText(lib.dir(), { ...ref, hash: textHash('another text') })).rejects.toThrow(`${file} does not match the hash recorded in index.json`);
    await fs.copyFile(join(lib.dir(), 'texts', `${b!.id}.json`), file);
    await expect(readStoredText(lib.dir(), ref)).rejects.toThrow(`${file} holds the text of "${b!.id}", not of "${ref.id}"`);
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 99, id: ref.id, text: article.text }));
    await expect(readStoredText(lib.dir(), ref)).rejects.toThrow(`${file} has no schema version this app knows (99)`);
    await fs.writeFile(file, '{"id": "cut');
    await expect(readStoredText(lib.dir(), ref)).rejects.toThrow(`The text of article "${ref.id}" is damaged: ${file} is not valid JSON`);
    expect(() => readStoredTextSync(lib.dir(), ref)).toThrow(`${file} is not valid JSON`);
    expect(() => readStoredTextSync(lib.dir(), { ...ref, version: 3 })).toThrow(`is missing: ${join(lib.dir(), 'texts', `${ref.id}@v3.json`)} does not exist.`);
  });
});
