/**
 * File ▸ Export annotations…: asks where to save, then writes the whole
 * library's annotations as W3C Web Annotation JSON there. Refuses a place
 * inside the data folder, so an export can never replace the library's own
 * files, and reports failures in a dialog rather than losing them.
 */
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';
import type { TriangulateApi } from '../../shared/contract/contract';

export interface ExportDeps {
  api: Pick<TriangulateApi, 'exportW3C'>;
  /** The library's data folder; exports may not go inside it. */
  dataDir: string;
  showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
  writeFile: (path: string, contents: string) => Promise<void>;
  showMessageBox: (options: MessageBoxOptions) => Promise<unknown>;
  showErrorBox: (title: string, content: string) => void;
}

export const EXPORT_DEFAULT_NAME = 'triangulate-annotations.json';

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Resolves to the file written, or null when the user cancelled or it failed (and was told). */
export async function exportAnnotationsToFile(deps: ExportDeps): Promise<string | null> {
  const choice = await deps.showSaveDialog({
    title: 'Export annotations',
    defaultPath: EXPORT_DEFAULT_NAME,
    buttonLabel: 'Export',
    filters: [{ name: 'W3C Web Annotation JSON', extensions: ['json', 'jsonld'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  const filePath = choice.filePath;
  if (isInside(deps.dataDir, filePath)) {
    deps.showErrorBox(
      'Export not saved',
      `${filePath} is inside Triangulate's data folder (${deps.dataDir}); choose a place outside it.`,
    );
    return null;
  }
  try {
    const collection = await deps.api.exportW3C({});
    await deps.writeFile(filePath, `${JSON.stringify(collection, null, 2)}\n`);
    await deps.showMessageBox({
      type: 'info',
      title: 'Export annotations',
      message: `Exported ${collection.total} annotation${collection.total === 1 ? '' : 's'}.`,
      detail: filePath,
    });
    return filePath;
  } catch (error) {
    deps.showErrorBox('Export failed', `Could not export to ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
