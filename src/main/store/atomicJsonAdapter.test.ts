import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { AtomicJsonAdapter, type AtomicJsonFs } from './atomicJsonAdapter';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const dir = useTempDir('triangulate-adapter-');

interface Notes {
  notes: string[];
}

describe('AtomicJsonAdapter', () => {
  it('reads null for a file that does not exist yet', async () => {
    expect(await new AtomicJsonAdapter(join(dir(), 'absent.json')).read()).toBeNull();
  });

  it('writes compact JSON in plain ASCII that reads back to the same text, accents, curly quotes and emoji included', async () => {
    const file = join(dir(), 'index.json');
    const notes = { notes: ['Müller said “no” — 😀', 'ıİß\u007f', 'plain'] };
    await new AtomicJsonAdapter<Notes>(file, { format: 'compact' }).write(notes);
    const raw = await fs.readFile(file, 'utf8');
    expect(raw).toMatch(/^[\x20-\x7e]*\n$/);
    expect(await new AtomicJsonAdapter<Notes>(file).read()).toEqual(notes);
  });

  it('round-trips data through lowdb, as readable JSON', async () => {
    const file = join(dir(), 'notes.json');
    const db = new Low<Notes>(new AtomicJsonAdapter(file), { notes: [] });
    await db.update((data) => data.notes.push('‘’For twenty years', 'second'));
    const again = new Low<Notes>(new AtomicJsonAdapter(file), { notes: [] });
    await again.read();
    expect(again.data).toEqual({ notes: ['‘’For twenty years', 'second'] });
    expect(await fs.readFile(file, 'utf8')).toContain('\n  "notes": [');
  });

  it('keeps the old file intact and readable when a write fails', async () => {
    const file = join(dir(), 'notes.json');
    await new AtomicJsonAdapter<Notes>(file).write({ notes: ['kept'] });
    const before = await fs.readFile(file);
    const failing: AtomicJsonFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
    };
    const error = await apiRejection(new AtomicJsonAdapter<Notes>(file, { fs: failing }).write({ notes: ['lost'] }));
    expect(error.message).toContain(file);
    expect(error.message).toContain('previous version was kept');
    expect(await fs.readFile(file)).toEqual(before);
    expect(await new AtomicJsonAdapter<Notes>(file).read()).toEqual({ notes: ['kept'] });
    expect(await fs.readdir(dir())).toEqual(['notes.json']);
  });

  it('reports a file that is not JSON as corrupt, naming it, and leaves its bytes as they were', async () => {
    const file = join(dir(), 'notes.json');
    await fs.writeFile(file, '{"notes": ["half a file');
    const db = new Low<Notes>(new AtomicJsonAdapter(file), { notes: [] });
    const error = await apiRejection(db.read());
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect(error.message).toContain('left untouched');
    expect(await fs.readFile(file, 'utf8')).toBe('{"notes": ["half a file');
  });

  it('reports a file the parse check rejects as corrupt, with the reason', async () => {
    const file = join(dir(), 'notes.json');
    await fs.writeFile(file, '{"notes": 42}');
    const adapter = new AtomicJsonAdapter<Notes>(file, {
      parse: (value) => {
        if (!Array.isArray((value as Notes).notes)) throw new Error('has no list of notes');
        return value as Notes;
      },
    });
    const error = await apiRejection(adapter.read());
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toBe(`${file} has no list of notes. The file was left untouched.`);
    expect(await fs.readFile(file, 'utf8')).toBe('{"notes": 42}');
  });
});

describe('AtomicJsonAdapter error messages', () => {
  it('name the file and the reason, never the first bytes of a file that is not JSON', async () => {
    const file = join(dir(), 'index.json');
    await fs.writeFile(file, 'api-key=SECRET-TOKEN-7f3a\nsecond line\n');
    const error = await apiRejection(new AtomicJsonAdapter(file).read());
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/is not valid JSON \(a syntax error\)/);
    expect(error.message).not.toMatch(/SECRET|api-key/);
  });

  it('never read through a symbolic link: a data file linked elsewhere is damaged, and what it points at stays unread', async () => {
    const secret = join(dir(), 'elsewhere.json');
    await fs.writeFile(secret, '{"apiKey": "SECRET-TOKEN-7f3a"}');
    const file = join(dir(), 'index.json');
    await fs.symlink(secret, file);
    const error = await apiRejection(new AtomicJsonAdapter(file).read());
    expect(error).toMatchObject({ code: 'corrupt_data', message: `${file} is a symbolic link, not a regular file (data files are never read through links). The file was left untouched.` });
  });
});
