/**
 * What the import worker does for one imported file (and the source layout
 * does in-process): its data (bytes, or base64 text as a call gave it) read
 * into article drafts (readArticleFile), whose texts are then made canonical
 * and hashed where they were read (prepareDrafts). Kept apart from
 * createArticleFileReader (the worker pool, and the JSON, W3C and data-check
 * requests) so that a worker reading pages loads only this and the readers
 * its files need.
 */
import { articleTitle, canonicalArticleText } from '../../shared/model/canonicalText';
import { textHash } from '../store/textHash';
import { MAX_IMPORT_FILE_BYTES, tooLargeReason } from '../../shared/contract/articleImport';
import { readRegularFile } from './readRegularFile';
import { readArticleFile, type ArticleFileResult, type PreparedDraft } from './readArticleFile';

/**
 * A file's bytes, or its base64 text (whole, or in parts as a long one crosses to the worker), or where it is
 * on disk (the CLI's files: read where they are read, so the core's thread neither reads nor holds them).
 */
export type FileData = Uint8Array | { base64: string } | { base64Parts: string[] } | { path: string };

/** The bytes of FileData given as bytes or base64 text, or null when its base64 text is not base64. */
export function fileBytes(file: Exclude<FileData, { path: string }>): Uint8Array | null {
  if (file instanceof Uint8Array) return file;
  const base64 = 'base64Parts' in file ? file.base64Parts.join('') : file.base64;
  if (base64.length % 4 !== 0) return null;
  // Node skips what is not base64 as it decodes: the bytes written back as base64 are the text given only when all of it was.
  // (A regular expression over a 20 MB text took far longer than decoding it twice.)
  const bytes = Buffer.from(base64, 'base64');
  return bytes.toString('base64') === base64 ? bytes : null;
}

/**
 * The drafts' texts made canonical and hashed, and their first sentence found, where the file was read
 * (the import worker): a 12 MB text costs the core's event loop no line-break pass, no sha256, no
 * search for the end of a first line. The drafts' texts are replaced by
 * their canonical texts; `prepared` holds each one's date line and hash.
 */
export function prepareDrafts(result: ArticleFileResult): ArticleFileResult {
  if (!result.ok) return result;
  const prepared: PreparedDraft[] = [];
  const drafts = result.drafts.map((draft) => {
    const { text, date } = canonicalArticleText(draft.text);
    prepared.push({ date, hash: textHash(text), title: articleTitle(text) });
    return { ...draft, text };
  });
  return { ...result, drafts, prepared };
}

/** Reads one file in this thread (the worker's work, and the source layout's). */
export async function readArticleFileData(name: string, file: FileData, options: { checkNesting: boolean; wholePage: boolean }): Promise<ArticleFileResult> {
  if ('path' in file) {
    // Regular files only, and never more than the limit, whatever size they claim (a device reports 0).
    const read = await readRegularFile(file.path, { limit: MAX_IMPORT_FILE_BYTES, tooLarge: (n) => tooLargeReason(n)! });
    return read.ok ? readArticleFile(name, read.bytes, options) : { ok: false, reason: read.reason };
  }
  const bytes = fileBytes(file);
  if (bytes === null) return Promise.resolve({ ok: false, reason: 'its data is not base64-encoded bytes' });
  return readArticleFile(name, bytes, options);
}
