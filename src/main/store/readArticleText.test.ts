import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { readArticleText, readArticleTextSync } from './readArticleText';
import { textHash } from './textHash';

const lib = useTestLibrary();

describe('readArticleText', () => {
  it('reads the text the core gives for an article, straight from its file', async () => {
    const core = await lib.open();
    const [first] = (await core.listArticlesWindow({ offset: 0, limit: 1 })).rows;
    const article = await core.getArticle({ id: first!.id });
    expect(await readArticleText(lib.dir(), { id: article.id, version: 1, hash: article.hash })).toBe(article.text);
    expect(readArticleTextSync(lib.dir(), { id: article.id, version: 1, hash: article.hash })).toBe(article.text);
  });

  it('says which file is missing, damaged, of another article or of another text', async () => {
    const core = await lib.open();
    const [a, b] = (await core.listArticlesWindow({ offset: 0, limit: 2 })).rows;
    const article = await core.getArticle({ id: a!.id });
    const ref = { id: article.id, version: 1, hash: article.hash };
    await expect(readArticleText(lib.dir(), { ...ref, version: 2 })).rejects.toThrow(`The text of article "${ref.id}" is missing: texts/${ref.id}@v2.json does not exist.`);
    await expect(readArticleText(lib.dir(), { ...ref, hash: textHash('another text') })).rejects.toThrow(`texts/${ref.id}.json does not match the hash recorded in index.json`);
    const file = join(lib.dir(), 'texts', `${ref.id}.json`);
    await fs.copyFile(join(lib.dir(), 'texts', `${b!.id}.json`), file);
    await expect(readArticleText(lib.dir(), ref)).rejects.toThrow(`holds the text of "${b!.id}"`);
    await fs.writeFile(file, '{"id": "cut');
    await expect(readArticleText(lib.dir(), ref)).rejects.toThrow(`texts/${ref.id}.json is not JSON`);
    expect(() => readArticleTextSync(lib.dir(), ref)).toThrow(`texts/${ref.id}.json is not JSON`);
    expect(() => readArticleTextSync(lib.dir(), { ...ref, version: 3 })).toThrow(`is missing: texts/${ref.id}@v3.json does not exist.`);
  });
});
