import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportProgress } from './cliImport';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';

const lib = useTestLibrary();
const FIXTURES = fileURLToPath(new URL('../import/fixtures', import.meta.url));
const noProgress = () => null;

/** A library in `lib.dir()/data` and a folder `lib.dir()/in` with these files. */
async function setUp(files: Record<string, string | Buffer>): Promise<void> {
  const core = await lib.open({ dataDir: join(lib.dir(), 'data') });
  await core.close();
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(join(lib.dir(), 'in', name, '..'), { recursive: true });
    await fs.writeFile(join(lib.dir(), 'in', name), content);
  }
}

async function titles(): Promise<string[]> {
  const core = await lib.open({ dataDir: join(lib.dir(), 'data') });
  const list = (await core.listArticles({})).map((a) => a.title);
  await core.close();
  return list.slice(5);
}

describe('npm run cli -- import', () => {
  it('imports files and folders (recursively, supported kinds only) and exits 0', async () => {
    await setUp({
      'one.txt': 'First article. Body.',
      'nested/deeper/two.md': '# Second article\n\nBody.',
      'nested/three.html': '<title>Third article</title><p>Body three.</p>',
      'nested/skipped.png': 'not looked at',
      'nested/.hidden.txt': 'not looked at either',
    });
    const io = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data', 'in/one.txt', 'in/nested'], io, noProgress)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toEqual([
      `Check: ${join('in/nested', 'three.html')}: only 11 characters of text found in the whole page — imported anyway`,
      'Imported 3 articles',
    ]);
    expect(await titles()).toEqual(['First article.', 'Second article', 'Third article']);
  });

  it('imports the good files, prints one stderr line per failed file, exits 1', async () => {
    await setUp({});
    const io = recordingIo(FIXTURES);
    const code = await runImport(
      ['--data', join(lib.dir(), 'data'), 'empty.txt', 'good/plain.txt', 'binary.txt', 'truncated.json', 'missing.txt', 'notes.pdf', 'good/batch.jsonl'],
      io,
      noProgress,
    );
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      'triangulate import: missing.txt: cannot be read: ' + `ENOENT: no such file or directory, stat '${join(FIXTURES, 'missing.txt')}'`,
      'triangulate import: empty.txt: the file is empty',
      'triangulate import: binary.txt: it looks like a binary file, not text (it holds a NUL byte at byte 8)',
      expect.stringMatching(/^triangulate import: truncated\.json: it is not complete JSON: it ends part way \(truncated\?\)/),
      expect.stringMatching(/^triangulate import: notes\.pdf: it is not a readable PDF \(damaged, or not a PDF at all/),
    ]);
    expect(io.stdout).toEqual(['Imported 3 articles; 5 files failed']);
    expect(await titles()).toEqual(['Ministers met on Tuesday.', 'Wire story', 'An untitled item.']);
  });

  it('reports duplicates on stdout, not as failures', async () => {
    await setUp({ 'a.txt': 'Same text twice.', 'b.txt': 'Same text twice.' });
    const io = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data', 'in'], io, noProgress)).toBe(0);
    expect(io.stdout).toEqual([
      expect.stringMatching(/^Duplicate: in\/b\.txt has the same text as article art_[0-9a-f]{16} \(“Same text twice\.”\); not stored again$/),
      'Imported 1 article; 1 duplicate skipped',
    ]);
    const again = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data', 'in/a.txt'], again, noProgress)).toBe(0);
    expect(again.stdout[1]).toBe('Imported 0 articles; 1 duplicate skipped');
    expect(await titles()).toEqual(['Same text twice.']);
  });

  it('prints a changed page imported again as a new version of its article', async () => {
    const page = (body: string) =>
      `<html><head><title>Vote</title><link rel="canonical" href="https://example.org/vote"></head><body><article><h1>Vote</h1>${body}</article></body></html>`;
    const long = 'The council voted to keep the library open after a debate that lasted most of the night and ended at dawn.';
    await setUp({ 'v1/vote.html': page(`<p>${long}</p><p>${long}</p><p>${long.replace('library', 'museum')}</p>`) });
    expect(await runImport(['--data', 'data', 'in/v1'], recordingIo(lib.dir()), noProgress)).toBe(0);
    await fs.mkdir(join(lib.dir(), 'in', 'v2'));
    await fs.writeFile(join(lib.dir(), 'in', 'v2', 'vote.html'), page(`<p>${long}</p><p>${long}</p><p>Updated: the vote was close.</p>`));
    const io = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data', 'in/v2'], io, noProgress)).toBe(0);
    expect(io.stdout).toEqual([
      expect.stringMatching(/^New version: in\/v2\/vote\.html is version 2 of article art_[0-9a-f]{16} \(“Vote”\); 0 annotations re-anchored$/),
      'Imported 0 articles; 1 new version of articles already held',
    ]);
    expect(await titles()).toEqual(['Vote']);
  });

  it('refuses a file over 20 MB without reading it into the library', async () => {
    await setUp({ 'big.txt': Buffer.alloc(21 * 1024 * 1024, 'a'), 'ok.txt': 'Small one.' });
    const io = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data', 'in'], io, noProgress)).toBe(1);
    expect(io.stderr).toEqual(['triangulate import: in/big.txt: it is 21.0 MB, over the 20 MB limit for one file']);
    expect(await titles()).toEqual(['Small one.']);
  });

  it('tells the progress bar about every file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`f${String(i).padStart(3, '0')}.txt`] = `Article number ${i}.`;
    await setUp(files);
    const events: string[] = [];
    const progress: ImportProgress = {
      start: (n) => events.push(`start ${n}`),
      advance: (n) => events.push(`+${n}`),
      stop: () => events.push('stop'),
    };
    expect(await runImport(['--data', 'data', 'in'], recordingIo(lib.dir()), () => progress)).toBe(0);
    expect(events).toEqual(['start 120', '+50', '+50', '+20', 'stop']);
    expect((await titles()).length).toBe(120);
  });

  it('says what is wrong with the arguments or the data folder', async () => {
    const io = recordingIo(lib.dir());
    expect(await runImport(['--data', 'data'], io, noProgress)).toBe(2);
    expect(io.stderr[0]).toBe('triangulate import: give at least one FILE, FOLDER or URL');
    const missing = recordingIo(lib.dir());
    expect(await runImport(['--data', 'nowhere', 'x.txt'], missing, noProgress)).toBe(1);
    expect(missing.stderr[0]).toMatch(/the data folder .*nowhere does not exist/);
  });

  it('refuses devices and named pipes by name and reason, without reading them, and imports the rest', async () => {
    await setUp({ 'good.txt': 'A good article. Body.' });
    const dirIn = join(lib.dir(), 'in');
    await fs.symlink('/dev/zero', join(dirIn, 'zero.txt'));
    await fs.symlink('/dev/urandom', join(dirIn, 'random.txt'));
    execFileSync('mkfifo', [join(dirIn, 'pipe.txt')]);
    const io = recordingIo(dirIn);
    const code = await runImport(['--data', join(lib.dir(), 'data'), 'zero.txt', 'random.txt', 'pipe.txt', 'good.txt'], io, noProgress);
    expect(code).toBe(1);
    expect(io.stdout).toEqual(['Imported 1 article; 3 files failed']);
    expect(io.stderr).toEqual([
      'triangulate import: zero.txt: it is a device (such as /dev/zero), not a regular file; only regular files are imported',
      'triangulate import: random.txt: it is a device (such as /dev/zero), not a regular file; only regular files are imported',
      'triangulate import: pipe.txt: it is a named pipe (FIFO), not a regular file; only regular files are imported',
    ]);
    expect(await titles()).toEqual(['A good article.']);
  });
});

describe('npm run cli -- import URL…', () => {
  it('fetches pages given as addresses or listed in a file, one stderr line per bad address', async () => {
    const story = `<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>${'<p>The town council voted on Tuesday night to keep the central library open, ending two years of debate over its future.</p>'.repeat(4)}</article></body></html>`;
    const server = createServer((req, res) => {
      if (req.url === '/story.html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(story);
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('no');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await setUp({ 'urls.csv': `url,note\n${base}/missing,gone\n` });
      const io = recordingIo(lib.dir());
      expect(await runImport(['--data', 'data', `${base}/story.html`, '--url-list', 'in/urls.csv'], io, noProgress)).toBe(1);
      expect(io.stdout).toEqual(['Imported 1 article; 1 file failed']);
      expect(io.stderr).toEqual([`triangulate import: ${base}/missing: the server answered 404 Not Found`]);
      expect(await titles()).toEqual(['Library stays open']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
