/**
 * Reads the default corpus: every `*.txt` file in a folder becomes an article
 * (id = file name without `.txt`, canonical text, title from its first
 * sentence, date from its ` date YYYY-MM-DD ` prefix). Reads only; the caller
 * stores the result.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/apiError';
import { articleTitle, canonicalArticleText } from '../../shared/model/canonicalText';
import { ArticleIdSchema, type Article } from '../../shared/model/model';
import { textHash } from '../store/textHash';

export async function importDefaultCorpus(corpusDir: string): Promise<Article[]> {
  let names: string[];
  try {
    names = await readdir(corpusDir);
  } catch (error) {
    throw new ApiError('not_found', `Cannot read the default corpus folder ${corpusDir}: ${messageOf(error)}`);
  }
  const files = names.filter((name) => name.toLowerCase().endsWith('.txt')).sort();
  const articles: Article[] = [];
  for (const name of files) {
    const id = name.slice(0, -'.txt'.length);
    if (!ArticleIdSchema.safeParse(id).success) {
      throw new ApiError(
        'invalid_input',
        `Corpus file ${join(corpusDir, name)}: its name must be letters, digits, "_", "-" and "." before ".txt".`,
      );
    }
    const { text, date } = canonicalArticleText(decodeUtf8(await readFile(join(corpusDir, name)), join(corpusDir, name)));
    articles.push({
      id,
      title: articleTitle(text) || id,
      date,
      outlet: null,
      hash: textHash(text),
      length: text.length,
      origin: name,
      author: null, url: null, language: null, note: '',
      text,
    });
  }
  return articles;
}

/** UTF-8 with a leading byte-order mark dropped; invalid bytes are an error, not silent replacement characters. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('invalid_input', `Corpus file ${file} is not valid UTF-8 text.`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
