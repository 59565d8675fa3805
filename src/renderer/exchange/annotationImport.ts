/**
 * The file "Import annotations…" takes, read just enough to know what it is
 * (a REFI-QDA .qdpx zip, a Triangulate project file, W3C annotations, or an
 * annotation table as CSV, read as W3C items),
 * and one call of the contract that imports it — or, as a dry run, says
 * what importing it would do (the tags to map first) and stores nothing.
 */
import type { TagImportOptions } from '../../shared/codebook/tagImportOptions';
import type { ImportReport } from '../../shared/crossArticle/crossArticle';
import type { ProjectImportReport } from '../../shared/formats/project/projectFile';
import { looksLikeZip } from '../../shared/formats/qdpx/looksLikeZip';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';
import { getApi } from '../api/getApi';
import { base64Of } from './base64Of';
import { notAnnotationsReason } from './notAnnotationsReason';

export type ImportSource =
  | { file: string; kind: 'qdpx'; base64: string }
  | { file: string; kind: 'project'; value: unknown }
  | { file: string; kind: 'w3c'; value: unknown };

export type ImportResult = { kind: 'project' | 'qdpx'; report: ProjectImportReport } | { kind: 'w3c'; report: ImportReport };

/** The picked file as an import source, or why it cannot be one. */
export async function readImportSource(file: File): Promise<ImportSource | { failed: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeZip(bytes)) return { file: file.name, kind: 'qdpx', base64: await base64Of(file) };
  const read = readAnnotationFile(bytes);
  if (!read.ok) return { failed: `${notAnnotationsReason(bytes) ?? read.reason}; nothing was changed.` };
  return read.kind === 'project' ? { file: file.name, kind: 'project', value: read.value } : { file: file.name, kind: 'w3c', value: read.value };
}

export async function runAnnotationImport(source: ImportSource, options: TagImportOptions, dryRun: boolean): Promise<ImportResult> {
  if (source.kind === 'qdpx') return { kind: 'qdpx', report: await getApi().importQdpx({ base64: source.base64, options, dryRun }) };
  if (source.kind === 'project') return { kind: 'project', report: await getApi().importProject({ project: source.value, options, dryRun }) };
  return { kind: 'w3c', report: await getApi().importW3C({ collection: source.value, options, dryRun }) };
}
