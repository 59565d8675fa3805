/**
 * Case 8 of issue 19: what is said about a damaged data file names the file
 * and the reason, never what the file holds. Each data file in turn is
 * replaced by text that is not JSON (its first line a secret), by JSON of
 * the wrong shape holding the secret, and by a link to a file holding it;
 * the secret must not appear in the error of opening the library or of the
 * first call that reads the file, in what is printed (counts.json is made
 * again at the start, with a line saying so), in the health check, or in
 * `recover`'s listing.
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runRecover } from '../cli/cliRecover';
import { createCore } from '../core/createCore';
import { readDataHealth } from './readDataHealth';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { useTempDir } from '../../../tools/testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';
const SECRET = /SECRET-TOKEN-7f3a|api-key/;

const dir = useTempDir('triangulate-messages-');
let dataDir: string;
beforeEach(async () => {
  dataDir = join(dir(), 'data');
});

const FILES = ['index.json', 'links.json', 'counts.json', `annotations/${A004}.json`, `texts/${A004}.json`];
const CONTENTS: Record<string, string> = {
  'text that is not JSON': 'api-key=SECRET-TOKEN-7f3a\n{"more": ',
  'JSON of the wrong shape': '{"schemaVersion": "SECRET-TOKEN-7f3a", "articles": "api-key", "annotations": 7, "text": 1}',
  'a JSON string': '"api-key=SECRET-TOKEN-7f3a"',
};

/** Everything the app and the CLI say about the folder: opening it, a call that reads each file, the health check, recover --list. */
async function everythingSaid(): Promise<string> {
  const said: string[] = [];
  // A damaged counts.json is put aside and made again at the start, with a line on stderr.
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => {
    said.push(String(line));
    return true;
  });
  const core = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false, onNotice: (line) => said.push(line) }).catch((error: unknown) => {
    said.push(error instanceof Error ? error.message : String(error));
    return null;
  });
  if (core) {
    for (const call of [() => core.listArticles({}), () => core.getArticle({ id: A004 }), () => core.listAnnotations({ articleId: A004 }), () => core.listGroups({})]) {
      await call().catch((error: unknown) => said.push(error instanceof Error ? error.message : String(error)));
    }
    await core.close();
  }
  stderr.mockRestore();
  said.push(JSON.stringify(await readDataHealth(dataDir)));
  const io = recordingIo(dir());
  await runRecover(['--data', dataDir, '--list'], io);
  said.push(...io.stdout, ...io.stderr);
  return said.join('\n');
}

describe('messages about damaged data files', () => {
  for (const file of FILES) {
    it.each(Object.keys(CONTENTS))(`${file} holding %s: named, never quoted`, async (kind) => {
      const setup = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
      const note = await setup.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'n' });
      await setup.createGroup({ label: 'g', members: [{ articleId: A004, annotationId: note.id }] });
      await setup.listArticles({});
      await setup.close();
      await fs.writeFile(join(dataDir, ...file.split('/')), CONTENTS[kind]!);

      const said = await everythingSaid();
      expect(said).not.toMatch(SECRET);
      expect(said).toContain(file.split('/').pop()!);
    });

    it(`${file} linked to a file elsewhere: named, and the file it points at never read`, async () => {
      const setup = await createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });
      await setup.listArticles({});
      await setup.close();
      const elsewhere = join(dir(), 'notes.txt');
      await fs.writeFile(elsewhere, 'api-key=SECRET-TOKEN-7f3a\nsecond line');
      const path = join(dataDir, ...file.split('/'));
      await fs.rm(path, { force: true });
      await fs.symlink(elsewhere, path);

      const said = await everythingSaid();
      expect(said).not.toMatch(SECRET);
      expect(said).toMatch(new RegExp(`${file.split('/').pop()!.replace('.', '\\.')}[^\\n]*symbolic link`));
    });
  }
});
