/** The content hash recorded for an article: sha256 of its canonical text (UTF-8), hex. */
import { createHash } from 'node:crypto';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
