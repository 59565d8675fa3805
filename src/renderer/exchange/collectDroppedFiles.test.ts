import { describe, expect, it } from 'vitest';
import { collectDroppedFiles, pickedFromInput } from './collectDroppedFiles';

/** A stand-in for the browser's FileSystemEntry tree of a drop. */
type FakeEntry = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean } & Record<string, unknown>;

function fileEntry(path: string): FakeEntry {
  const name = path.split('/').pop()!;
  return { name, fullPath: `/${path}`, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([path], name)) };
}

function folderEntry(path: string, children: FakeEntry[]): FakeEntry {
  return {
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    isFile: false,
    isDirectory: true,
    // Two batches, then none: the way readEntries pages through a folder.
    createReader: () => {
      const batches = [children.slice(0, 2), children.slice(2), []];
      return { readEntries: (ok: (entries: FakeEntry[]) => void) => ok(batches.shift() ?? []) };
    },
  };
}

function drop(entries: (FakeEntry | File)[]): DataTransfer {
  const items = entries.map((e) =>
    e instanceof File
      ? { kind: 'file', webkitGetAsEntry: (): FakeEntry | null => null, getAsFile: (): File | null => e }
      : { kind: 'file', webkitGetAsEntry: (): FakeEntry | null => e, getAsFile: (): File | null => null },
  );
  return { items, files: [] } as unknown as DataTransfer;
}

describe('collectDroppedFiles', () => {
  it('walks dropped folders for the kinds Triangulate imports, named by their path', async () => {
    const data = drop([
      folderEntry('news', [
        fileEntry('news/b.md'),
        fileEntry('news/a.txt'),
        fileEntry('news/.DS_Store'),
        fileEntry('news/photo.jpg'),
        folderEntry('news/2024', [fileEntry('news/2024/batch.jsonl'), fileEntry('news/2024/page.HTML')]),
      ]),
      fileEntry('notes.pdf'),
      new File(['x'], 'plain.txt'),
    ]);
    const picked = await collectDroppedFiles(data);
    expect(picked.map((p) => p.name)).toEqual(['plain.txt', 'news/2024/batch.jsonl', 'news/2024/page.HTML', 'news/a.txt', 'news/b.md', 'notes.pdf']);
    expect(await picked[3]!.file.text()).toBe('news/a.txt');
  });
});

describe('pickedFromInput', () => {
  it('keeps chosen files whatever their kind, and a chosen folder’s importable, visible files with their paths', () => {
    const chosen = (name: string, path = '') => Object.defineProperty(new File(['x'], name), 'webkitRelativePath', { value: path });
    const list = [chosen('a.pdf'), chosen('b.txt', 'folder/b.txt'), chosen('c.png', 'folder/c.png'), chosen('d.md', 'folder/.git/d.md')];
    expect(pickedFromInput(list as unknown as FileList).map((p) => p.name)).toEqual(['a.pdf', 'folder/b.txt']);
  });
});
