/**
 * The codebook file a team shares: `{ format: "triangulate-codebook",
 * version: 1, exported, tags }`, written by `toCodebookFile` and read back by
 * `readCodebookFile`, which checks the shape and the codebook's rules and
 * answers with one sentence saying what is wrong with a file it refuses.
 */
import { z } from 'zod';
import { checkCodebook } from '../codebook/checkCodebook';
import { formatZodIssues } from '../contract/formatZodIssues';
import { TagSchema, type Tag } from '../model/model';

export const CODEBOOK_FORMAT = 'triangulate-codebook';
export const CODEBOOK_FILE_VERSION = 1;

export const CodebookFileSchema = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.number().int().min(1).max(CODEBOOK_FILE_VERSION),
  /** ISO timestamp of the export, for the record. */
  exported: z.string().optional(),
  tags: z.array(TagSchema),
});
export type CodebookFile = z.infer<typeof CodebookFileSchema>;

export function toCodebookFile(tags: readonly Tag[], exported: string): CodebookFile {
  return { format: CODEBOOK_FORMAT, version: CODEBOOK_FILE_VERSION, exported, tags: tags.map((t) => ({ ...t })) };
}

export type CodebookFileRead = { ok: true; tags: Tag[] } | { ok: false; message: string };

export function readCodebookFile(value: unknown): CodebookFileRead {
  const refuse = (why: string): CodebookFileRead => ({ ok: false, message: `This is not a codebook Triangulate can import: ${why}` });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('it is not a JSON object.');
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== CODEBOOK_FORMAT) return refuse(`its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${CODEBOOK_FORMAT}".`);
  if (typeof version === 'number' && version > CODEBOOK_FILE_VERSION) {
    return refuse(`it was written by a newer Triangulate (codebook version ${version}; this one reads up to ${CODEBOOK_FILE_VERSION}).`);
  }
  const parsed = CodebookFileSchema.safeParse(value);
  if (!parsed.success) return refuse(`${formatZodIssues(parsed.error)}.`);
  const problem = checkCodebook(parsed.data.tags);
  if (problem) return refuse(problem);
  return { ok: true, tags: parsed.data.tags };
}
