// The speakers command on the seed corpus (corpus/*.txt, five articles about
// the Russian diplomat Boris Bondarev's resignation) imported into a temporary library.
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpeakerEntry } from '../../shared/quotes/buildSpeakerIndex';
import type { Entity } from '../../shared/crossArticle/entitySchemas';
import { runQuotes, type QuoteRow } from './cliQuotes';
import { createCore } from '../core/createCore';
import { recordingIo } from '../../../tools/testSupport/recordingIo';
import { runSpeakers } from './cliSpeakers';

const SEEDS = fileURLToPath(new URL('../../../corpus/', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-speakers-'));
  const core = await createCore({ dataDir: join(dir, 'data'), corpusDir: SEEDS, creator: 'ana' });
  await core.close();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('runSpeakers', () => {
  it('prints the speakers of the seed corpus with kinds, aliases, counts and articles', async () => {
    const io = recordingIo(dir);
    expect(await runSpeakers(['--data', 'data', '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const speakers = JSON.parse(io.stdout.join('\n')) as SpeakerEntry[];
    const bondarev = speakers.find((s) => s.name === 'Boris Bondarev')!;
    expect(bondarev).toMatchObject({ id: 'boris-bondarev', kind: 'person' });
    expect(bondarev.articles).toHaveLength(5);
    expect(bondarev.quotes).toBeGreaterThanOrEqual(35);
    expect(bondarev.aliases).toEqual(expect.arrayContaining(['Bondarev', 'Mr Bondarev']));
    expect(speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Hillel Neuer', 'Bill Browder']));
    expect(speakers.find((s) => s.name === 'MoD')).toMatchObject({ kind: 'organisation' });
    // Every quote the quotes command credits is counted once.
    const quotesIo = recordingIo(dir);
    expect(await runQuotes(['--data', 'data', '--json'], quotesIo)).toBe(0);
    const rows = JSON.parse(quotesIo.stdout.join('\n')) as QuoteRow[];
    expect(speakers.reduce((n, s) => n + s.quotes, 0)).toBe(rows.filter((r) => r.speaker !== null).length);
    for (const r of rows) if (r.speaker) expect(speakers.map((s) => s.id)).toContain(r.speakerId);
  });

  it('prints a table by default and the usage for bad options', async () => {
    const io = recordingIo(dir);
    expect(await runSpeakers(['--data', join(dir, 'data')], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Boris Bondarev\s+person\s+\d+\s+5/);
    const bad = recordingIo(dir);
    expect(await runSpeakers(['--verbose'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toContain('Usage: npm run cli -- speakers');
  });

  it('exits 1 with one line when the data folder does not exist', async () => {
    const io = recordingIo(dir);
    expect(await runSpeakers(['--data', 'nowhere'], io)).toBe(1);
    expect(io.stderr).toEqual([`triangulate speakers: the data folder ${join(dir, 'nowhere')} does not exist (start Triangulate once, or pass --data DIR)`]);
  });

  it('merges, renames, splits and changes the kind, kept in entities.json for the next run', async () => {
    const list = async () => {
      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--json'], io)).toBe(0);
      return JSON.parse(io.stdout.join('\n')) as Entity[];
    };
    const before = await list();
    const bondarev = before.find((s) => s.id === 'boris-bondarev')!;
    const other = before.find((s) => s.id !== 'boris-bondarev' && s.kind === 'person')!;

    const merge = recordingIo(dir);
    expect(await runSpeakers(['--data', 'data', '--merge', `boris-bondarev,${other.id}`], merge)).toBe(0);
    expect(merge.stdout.join('\n')).toContain(`Merged ${other.id} into boris-bondarev "Boris Bondarev"`);
    let after = await list();
    expect(after.find((s) => s.id === other.id)).toBeUndefined();
    expect(after.find((s) => s.id === 'boris-bondarev')).toMatchObject({ quotes: bondarev.quotes + other.quotes, aliases: expect.arrayContaining([other.name]) });

    // The quotes command gives the merged speaker's quotes the id they are listed under now.
    const quotesIo = recordingIo(dir);
    expect(await runQuotes(['--data', 'data', '--json'], quotesIo)).toBe(0);
    const merged = (JSON.parse(quotesIo.stdout.join('\n')) as QuoteRow[]).filter((r) => r.speaker === other.name);
    expect(merged.length).toBeGreaterThan(0);
    for (const r of merged) expect(r.speakerId).toBe('boris-bondarev');

    expect(await runSpeakers(['--data', 'data', '--rename', 'boris-bondarev', 'Boris Bondarev (diplomat)'], recordingIo(dir))).toBe(0);
    expect(await runSpeakers(['--data', 'data', '--split', 'boris-bondarev', other.name], recordingIo(dir))).toBe(0);
    expect(await runSpeakers(['--data', 'data', '--kind', 'boris-bondarev', 'organisation'], recordingIo(dir))).toBe(0);
    after = await list();
    expect(after.find((s) => s.id === 'boris-bondarev')).toMatchObject({ name: 'Boris Bondarev (diplomat)', kind: 'organisation', quotes: bondarev.quotes });
    expect(after.find((s) => s.name === other.name)).toMatchObject({ quotes: other.quotes });
    const stored = JSON.parse(await fs.readFile(join(dir, 'data', 'entities.json'), 'utf8')) as { corrections: unknown[] };
    expect(stored.corrections).toHaveLength(4);
  });

  it('refuses an unknown id or alias with one line, exit 1, and stores nothing', async () => {
    const unknown = recordingIo(dir);
    expect(await runSpeakers(['--data', 'data', '--rename', 'nobody', 'X'], unknown)).toBe(1);
    expect(unknown.stderr).toEqual(['triangulate speakers: There is no person or organisation with id "nobody".']);
    const alias = recordingIo(dir);
    expect(await runSpeakers(['--data', 'data', '--split', 'boris-bondarev', 'Vladimir Putin'], alias)).toBe(1);
    expect(alias.stderr).toEqual(['triangulate speakers: Cannot split: "boris-bondarev" has no alias "Vladimir Putin".']);
    await expect(fs.stat(join(dir, 'data', 'entities.json'))).rejects.toThrow();
  });

  it('answers a malformed correction with the usage (exit 2)', async () => {
    for (const args of [['--merge', 'boris-bondarev'], ['--rename', 'boris-bondarev'], ['--kind', 'boris-bondarev', 'planet'], ['--merge', 'a,b', '--rename', 'a', 'B'], ['--rename', '__proto__', 'X']]) {
      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', ...args], io)).toBe(2);
      expect(io.stderr[0]).toMatch(/^triangulate speakers: /);
      expect(io.stderr.join('\n')).toContain('Usage: npm run cli -- speakers');
    }
  });

  describe('--undo', () => {
    const list = async () => {
      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--json'], io)).toBe(0);
      return JSON.parse(io.stdout.join('\n')) as Entity[];
    };
    const stored = async () => (JSON.parse(await fs.readFile(join(dir, 'data', 'entities.json'), 'utf8')) as { corrections: unknown[] }).corrections;

    it('takes back the last command-line correction, then the last N, printing what was undone', async () => {
      const before = await list();
      const other = before.find((s) => s.id !== 'boris-bondarev' && s.kind === 'person')!;
      expect(await runSpeakers(['--data', 'data', '--merge', `boris-bondarev,${other.id}`], recordingIo(dir))).toBe(0);
      expect(await runSpeakers(['--data', 'data', '--rename', 'boris-bondarev', 'Boris Bondarev (diplomat)'], recordingIo(dir))).toBe(0);
      expect(await runSpeakers(['--data', 'data', '--kind', 'boris-bondarev', 'organisation'], recordingIo(dir))).toBe(0);

      const one = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo'], one)).toBe(0);
      expect(one.stdout).toEqual([expect.stringMatching(/^Undone: make "boris-bondarev" an organisation \(made \d{4}-\d\d-\d\dT/)]);
      expect((await list()).find((s) => s.id === 'boris-bondarev')).toMatchObject({ name: 'Boris Bondarev (diplomat)', kind: 'person' });

      const two = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo', '2'], two)).toBe(0);
      expect(two.stdout).toEqual([
        expect.stringMatching(/^Undone: rename "boris-bondarev" to Boris Bondarev \(diplomat\) \(made /),
        expect.stringMatching(new RegExp(`^Undone: merge "${other.id}" into "boris-bondarev" \\(made `)),
      ]);
      expect(await list()).toEqual(before);
      expect(await stored()).toEqual([]);

      const none = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo'], none)).toBe(1);
      expect(none.stderr).toEqual([`triangulate speakers: no correction made from the command line is left to undo in ${join(dir, 'data')} (corrections made in the app are undone in the app, with Undo)`]);
    });

    it('takes back only its own corrections: one made in the app afterwards stays, and the app’s corrections are not on its history', async () => {
      const bondarev = (await list()).find((s) => s.id === 'boris-bondarev')!;
      expect(await runSpeakers(['--data', 'data', '--rename', 'boris-bondarev', 'B. Bondarev'], recordingIo(dir))).toBe(0);
      // The app (the same core calls) changes the kind afterwards.
      const app = await createCore({ dataDir: join(dir, 'data'), corpusDir: SEEDS, creator: 'ana' });
      await app.setEntityKind({ id: 'boris-bondarev', kind: 'organisation' });
      await app.close();

      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo'], io)).toBe(0);
      expect(io.stdout).toEqual([expect.stringMatching(/^Undone: rename "boris-bondarev" to B\. Bondarev /)]);
      expect((await list()).find((s) => s.id === 'boris-bondarev')).toMatchObject({ name: bondarev.name, kind: 'organisation' });
      expect(await stored()).toEqual([{ op: 'kind', id: 'boris-bondarev', kind: 'organisation' }]);
      expect(await runSpeakers(['--data', 'data', '--undo'], recordingIo(dir))).toBe(1);
    });

    it('refuses, changing nothing, an undo that would break a correction made after it, or more than the history holds', async () => {
      const bondarev = (await list()).find((s) => s.id === 'boris-bondarev')!;
      const alias = bondarev.aliases.find((a) => a !== 'Bondarev' && a !== 'Mr Bondarev') ?? 'Mr Bondarev';
      const split = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--split', 'boris-bondarev', alias], split)).toBe(0);
      const newId = /: (\S+) "/.exec(split.stdout[0]!)![1]!;
      // In the app, the entity the split made is renamed: it exists only because of the split.
      const app = await createCore({ dataDir: join(dir, 'data'), corpusDir: SEEDS, creator: 'ana' });
      await app.renameEntity({ id: newId, name: 'Someone else' });
      await app.close();
      const kept = await stored();
      const history = await fs.readFile(join(dir, 'data', 'cli-undo.json'), 'utf8');

      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo'], io)).toBe(1);
      expect(io.stderr).toEqual([expect.stringMatching(new RegExp(`^triangulate speakers: Taking back “split "${alias}" off "boris-bondarev" as "${newId}"” would break a correction made after it \\(.*\\); take that one back first\\. Nothing was changed\\.$`))]);
      expect(await stored()).toEqual(kept);
      expect(await fs.readFile(join(dir, 'data', 'cli-undo.json'), 'utf8')).toBe(history);

      const many = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo', '5'], many)).toBe(1);
      expect(many.stderr).toEqual([`triangulate speakers: only 1 correction made from the command line can be undone in ${join(dir, 'data')}; nothing was changed`]);
      expect(await stored()).toEqual(kept);
    });

    it('reports and forgets a correction that is no longer stored (entities.json replaced), and answers bad use with the usage', async () => {
      expect(await runSpeakers(['--data', 'data', '--rename', 'boris-bondarev', 'B. Bondarev'], recordingIo(dir))).toBe(0);
      await fs.writeFile(join(dir, 'data', 'entities.json'), JSON.stringify({ schemaVersion: 1, corrections: [] }));
      const io = recordingIo(dir);
      expect(await runSpeakers(['--data', 'data', '--undo'], io)).toBe(0);
      expect(io.stdout).toEqual([expect.stringMatching(/^Already gone from entities\.json \(a backup restored or a sync\?\), forgotten: rename "boris-bondarev" to B\. Bondarev /)]);
      expect(await runSpeakers(['--data', 'data', '--undo'], recordingIo(dir))).toBe(1);

      for (const args of [['--undo', 'two'], ['--undo', '0'], ['--undo', '--rename', 'boris-bondarev', 'X']]) {
        const bad = recordingIo(dir);
        expect(await runSpeakers(['--data', 'data', ...args], bad)).toBe(2);
        expect(bad.stderr.join('\n')).toContain('Usage: npm run cli -- speakers');
      }
    });
  });
});
