/**
 * A `.qdpx` file (REFI-QDA Project Exchange: a zip with `project.qde` and the
 * source files) read as a Triangulate project file (qdeToProject), with what
 * could not come in listed. A file that is no zip, or has no project.qde, is
 * refused with the reason, and so is a zip bomb (checked on the archive's
 * directory before anything is unpacked).
 */
import { strFromU8, unzipSync } from 'fflate';
import { qdeToProject, type QdeReadResult } from '../../shared/formats/qdpx/qdeToProject';
import type { Tag } from '../../shared/model/model';
import { textHash } from '../store/textHash';
import { zipArchiveProblem } from './documents/checkZipArchive';

export { looksLikeZip } from '../../shared/formats/qdpx/looksLikeZip';

export function readQdpx(bytes: Uint8Array, codebook: readonly Tag[], now: string): QdeReadResult {
  const problem = zipArchiveProblem(bytes, 'REFI-QDA (.qdpx)');
  if (problem) return { ok: false, error: problem };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return { ok: false, error: `it is not a readable .qdpx (zip) file (${error instanceof Error ? error.message : String(error)})` };
  }
  const qde = Object.keys(files).find((name) => name.toLowerCase() === 'project.qde' || name.toLowerCase().endsWith('/project.qde'));
  if (!qde) return { ok: false, error: 'the .qdpx holds no project.qde' };
  const byLowerName = new Map(Object.keys(files).map((name) => [name.toLowerCase(), name]));
  const readSource = (path: string): string | null => {
    const name = byLowerName.get(path.toLowerCase());
    return name === undefined ? null : strFromU8(files[name]!).replace(/^\uFEFF/, '');
  };
  return qdeToProject({ xml: strFromU8(files[qde]!), readSource, hashOf: textHash, codebook, now });
}
