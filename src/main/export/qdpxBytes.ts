/**
 * A project as the bytes of a `.qdpx` file: a zip (fflate) holding
 * `project.qde` and the article texts under `sources/`, UTF-8.
 */
import { strToU8, zipSync } from 'fflate';
import { projectToQde } from '../../shared/formats/qdpx/projectToQde';
import type { ProjectFile } from '../../shared/formats/project/projectFile';

export function qdpxBytes(project: ProjectFile): Uint8Array {
  const { xml, sources } = projectToQde(project);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const source of sources) files[source.path] = strToU8(source.text);
  return zipSync(files, { level: 6 });
}
