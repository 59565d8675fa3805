/**
 * An importArticles request body read where it is parsed (the import
 * worker), so that the core's thread never holds the files' base64 text: the
 * body's bytes are read as JSON (readJsonPayload: nesting and values looked
 * at first), checked against the call's schema (the same refusal dispatch
 * gives, "Invalid input for importArticles: …"), and each file's base64 data
 * decoded into its bytes (fileBytes). The core gets the files' bytes (handed
 * over, not copied) and the web addresses, and imports them as
 * importArticles does; a file whose data is not base64 is refused by itself,
 * as importArticles refuses it.
 */
import { contract } from '../../shared/contract/contract';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { fileBytes } from './readArticleFileData';
import { readJsonPayload } from './readJsonPayload';

/** A file of the body: its bytes, or why it cannot be read (its data is not base64). */
export type ArticlesBodyFile = { name: string; wholePage?: boolean; replaces?: string } & ({ bytes: Uint8Array } | { refused: string });

export type ArticlesBodyRead =
  | { ok: true; value: { files: ArticlesBodyFile[]; urls: string[] } }
  /** The call's refusal, its whole message as the host would send it. */
  | { ok: false; code: 'invalid_input'; reason: string };

export function readArticlesBody(bytes: Uint8Array, memoryLimitMb?: number): ArticlesBodyRead {
  const read = readJsonPayload(bytes, 'body', memoryLimitMb);
  if (!read.ok) {
    const reason = read.reason.startsWith('The request body') ? read.reason : `The request body was refused: ${read.reason}.`;
    return { ok: false, code: 'invalid_input', reason };
  }
  const input = contract.importArticles.input.safeParse(read.value === undefined ? {} : read.value);
  if (!input.success) return { ok: false, code: 'invalid_input', reason: `Invalid input for importArticles: ${formatZodIssues(input.error)}` };
  const files = input.data.files.map(({ name, data, wholePage, replaces }): ArticlesBodyFile => {
    const decoded = fileBytes({ base64: data });
    const extra = { ...(wholePage !== undefined ? { wholePage } : {}), ...(replaces !== undefined ? { replaces } : {}) };
    return decoded === null ? { name, ...extra, refused: 'its data is not base64-encoded bytes' } : { name, ...extra, bytes: ownBytes(decoded) };
  });
  return { ok: true, value: { files, urls: input.data.urls ?? [] } };
}

/** The buffers of the files' bytes, to hand over rather than copy (each must own its whole buffer). */
export function articlesBodyTransfer(read: ArticlesBodyRead): ArrayBuffer[] {
  if (!read.ok) return [];
  return read.value.files.flatMap((file) => ('bytes' in file ? [file.bytes.buffer as ArrayBuffer] : []));
}

/** Bytes that own their whole buffer (a Buffer may share Node's pool, or be a view of a larger allocation). */
function ownBytes(bytes: Uint8Array): Uint8Array {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  // (Buffer#slice is a view, not a copy.)
  return own ? bytes : new Uint8Array(bytes);
}
