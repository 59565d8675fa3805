/**
 * The files a drop onto the library carries, folders included: each dropped
 * folder is walked (DataTransferItem.webkitGetAsEntry) for the kinds
 * Triangulate imports, hidden files left out; a dropped file is taken
 * whatever its kind, so the report can say why it was not imported. Each
 * file is named by its path inside the drop ("folder/sub/a.txt").
 */
import { articleFileKind } from '../../shared/contract/articleImport';

export interface PickedFile {
  /** Shown in the report: the file's name, or its path inside a chosen or dropped folder. */
  name: string;
  file: File;
}

/** Must be called during the drop event: the items are gone once it returns. */
export function collectDroppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plain.push(file);
    }
  }
  if (entries.length === 0 && plain.length === 0) plain.push(...Array.from(data.files));
  return (async () => {
    const picked: PickedFile[] = plain.map((file) => ({ name: file.name, file }));
    for (const entry of entries) {
      if (entry.isDirectory) await walkFolder(entry as FileSystemDirectoryEntry, picked);
      else picked.push({ name: entry.name, file: await fileOf(entry as FileSystemFileEntry) });
    }
    return picked;
  })();
}

/** Files chosen with a file input; a folder input's files keep their path inside the folder, kinds Triangulate reads only. */
export function pickedFromInput(files: FileList): PickedFile[] {
  return Array.from(files)
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }))
    .filter(({ name, file }) => name === file.name || (articleFileKind(name) !== null && !isHidden(name)));
}

async function walkFolder(folder: FileSystemDirectoryEntry, into: PickedFile[]): Promise<void> {
  const reader = folder.createReader();
  const children: FileSystemEntry[] = [];
  // readEntries gives the entries a batch at a time, then an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  for (const child of children) {
    if (child.name.startsWith('.')) continue;
    if (child.isDirectory) await walkFolder(child as FileSystemDirectoryEntry, into);
    else if (articleFileKind(child.name) !== null) into.push({ name: child.fullPath.replace(/^\//, ''), file: await fileOf(child as FileSystemFileEntry) });
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}
