/**
 * `npm run cli -- speakers [--data DIR] [--json]`: the people-and-organisations
 * index of the corpus — every person, organisation, outlet or document
 * credited with a quote (detected, or named in a Quote's speaker or a
 * Source's name attribute) — with the ways the articles name them, how many
 * quotes and which articles, after the researcher's corrections
 * (entities.json). `--json` prints one JSON array of
 * { id, name, kind, aliases, quotes, annotations, articles }; otherwise a table.
 *
 * Corrections (stored in the data folder, one per run):
 *   --merge A,B[,C…]         B (and C…) become part of A
 *   --rename ID "New name"   the canonical name (the old one stays an alias)
 *   --split ID ALIAS         the alias becomes an entity of its own
 *   --kind ID KIND           person, organisation, outlet or document
 * A bad id or alias exits 1 with one line saying so, and nothing is stored.
 *
 * `--undo [N]` takes back the last (N) corrections made from the command
 * line — exactly what each run stored (withdrawEntityCorrections, as the
 * app's undo does) — and prints them. The command line keeps its own undo
 * history (cliCorrectionHistory): the app's is the window's, for the
 * changes made in it, and cannot take back a correction made elsewhere. An
 * undo that would break a correction made after it (in the app, say) is
 * refused and changes nothing; a correction no longer stored (a backup
 * restored, a sync) is reported and forgotten.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { contract } from '../../shared/contract/contract';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import type { Entity } from '../../shared/crossArticle/entitySchemas';
import { bundledCorpusDir } from '../import/bundledCorpusDir';
import { createCore, type Core } from '../core/createCore';
import { acquireDataFolderLock } from '../store/dataFolderLock';
import { clipLine } from './clipLine';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { defaultDataDir } from '../store/defaultDataDir';
import { correctionKey, EntityStore } from '../store/entityStore';
import { describeCorrection } from '../../shared/crossArticle/describeCorrection';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { cliChange, readCliHistory, writeCliHistory, type CliChange } from './cliCorrectionHistory';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { cliCount } from './cliCount';

export const SPEAKERS_USAGE = `Usage: npm run cli -- speakers [--data DIR] [--json]
       npm run cli -- speakers [--data DIR] (--merge A,B | --rename ID NAME | --split ID ALIAS | --kind ID KIND)
       npm run cli -- speakers [--data DIR] --undo [N]

Lists who is credited with the quotes of the corpus: people, organisations,
outlets and documents, with the other names the articles use for them, after
the corrections stored in the data folder (entities.json).
  --json           print a JSON array: { id, name, kind, aliases, quotes,
                   annotations, articles } per speaker (kind: person,
                   organisation, outlet or document; annotations: stored
                   Quotes/Sources naming them)
  --merge A,B      makes B (and any further ids) part of A
  --rename ID NAME gives ID its canonical name (the old one stays an alias)
  --split ID ALIAS makes one of ID's aliases an entity of its own
  --kind ID KIND   person, organisation, outlet or document
  --undo [N]       takes back the last correction (or the last N) made from
                   the command line and prints it; the app's own corrections
                   are undone in the app (Undo)
  --data DIR       data folder (default: $TRIANGULATE_DATA, else the per-user
                   Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const NAME = 'triangulate speakers';

const SPEAKERS_COMMAND = {
  name: NAME,
  usage: SPEAKERS_USAGE,
  options: {
    data: { type: 'string' },
    json: { type: 'boolean' },
    merge: { type: 'string' },
    rename: { type: 'string' },
    split: { type: 'string' },
    kind: { type: 'string' },
    undo: { type: 'boolean' },
  },
  positionals: true,
} as const;

/** A correction run: what it prints and the corrections it stored. */
type Change = (core: Core) => Promise<{ said: string; corrections: readonly EntityCorrection[] }>;

export async function runSpeakers(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(SPEAKERS_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const actions = (['merge', 'rename', 'split', 'kind'] as const).filter((k) => values[k] !== undefined);
  if (actions.length > 1) return usageError(SPEAKERS_COMMAND, `give one correction at a time (got --${actions.join(', --')})`, io);
  if (values.undo) {
    if (actions.length > 0) return usageError(SPEAKERS_COMMAND, `--undo takes back corrections: give it alone (got --${actions.join(', --')} too)`, io);
    if (positionals.length > 1 || (positionals[0] !== undefined && !/^[1-9]\d{0,2}$/.test(positionals[0]))) {
      return usageError(SPEAKERS_COMMAND, `--undo takes how many corrections to take back (1 to 999), got "${positionals.join(' ')}"`, io);
    }
    return undoCorrections(resolve(io.cwd, values.data ?? defaultDataDir()), Number(positionals[0] ?? 1), io);
  }
  const action = actions[0];
  const wanted = action === 'merge' || action === undefined ? 0 : 1;
  if (positionals.length !== wanted) {
    const problem = action === undefined || action === 'merge' ? `unexpected argument "${positionals[0]}"` : `--${action} ID takes one more argument (${action === 'rename' ? 'the new name' : action === 'split' ? 'the alias' : 'the kind'})${positionals.length > 1 ? `, got ${positionals.length}` : ''}`;
    return usageError(SPEAKERS_COMMAND, problem, io);
  }
  let change: Change | null;
  try {
    change = action === undefined ? null : changeOf(action, values[action]!, positionals[0]);
  } catch (error) {
    return usageError(SPEAKERS_COMMAND, oneLine(error), io);
  }
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    if (change) {
      // A correction writes to the library: not while the app or the host has it open.
      const lock = await acquireDataFolderLock(dataDir);
      try {
        // Read first: a damaged history refuses the correction before anything is stored.
        const history = await readCliHistory(dataDir);
        const { said, corrections } = await withCore(dataDir, change);
        await writeCliHistory(dataDir, [...history, cliChange(said, corrections, new Date())]);
        io.out(said);
      } finally {
        await lock.release();
      }
      return 0;
    }
    const { entities, problems } = await withCore(dataDir, (core) => core.listEntities({}));
    for (const problem of problems) io.err(`${NAME}: entities.json ${problem}`);
    if (values.json) io.out(JSON.stringify(entities, null, 2));
    else for (const line of speakerTable(entities)) io.out(line);
    return 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

export const speakersCommand: CliCommand = {
  summary: 'List who is credited with the quotes, with their other names; merge, rename, split, undo',
  run: runSpeakers,
};

function changeOf(action: 'merge' | 'rename' | 'split' | 'kind', value: string, extra: string | undefined): Change {
  if (action === 'merge') {
    const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
    if (ids.length < 2) throw new Error('--merge takes two or more ids separated by commas (A,B)');
    const input = checked(contract.mergeEntities.input, { into: ids[0], from: ids.slice(1) });
    return async (core) => {
      const out = await core.mergeEntities(input);
      return { said: `Merged ${input.from.join(', ')} into ${describe(out.entities, out.id)}`, corrections: out.corrections };
    };
  }
  if (action === 'rename') {
    const input = checked(contract.renameEntity.input, { id: value, name: extra });
    return async (core) => {
      const out = await core.renameEntity(input);
      return { said: `Renamed: ${describe(out.entities, input.id)}`, corrections: out.corrections };
    };
  }
  if (action === 'split') {
    const input = checked(contract.splitEntity.input, { id: value, alias: extra });
    return async (core) => {
      const out = await core.splitEntity(input);
      return { said: `Split "${input.alias}" off ${input.id}: ${describe(out.entities, out.id)}`, corrections: out.corrections };
    };
  }
  const input = checked(contract.setEntityKind.input, { id: value, kind: extra });
  return async (core) => {
    const out = await core.setEntityKind(input);
    return { said: `Kind changed: ${describe(out.entities, input.id)}`, corrections: out.corrections };
  };
}

/** `--undo [N]`: the last `count` command-line corrections taken back in one write, newest first in what is printed. */
async function undoCorrections(dataDir: string, count: number, io: CliIo): Promise<number> {
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    const lock = await acquireDataFolderLock(dataDir);
    try {
      const history = await readCliHistory(dataDir);
      if (history.length === 0) {
        io.err(`${NAME}: no correction made from the command line is left to undo in ${dataDir} (corrections made in the app are undone in the app, with Undo)`);
        return 1;
      }
      if (count > history.length) {
        io.err(`${NAME}: only ${cliCount(history.length, 'correction')} made from the command line can be undone in ${dataDir}; nothing was changed`);
        return 1;
      }
      const undone = history.slice(-count).reverse();
      const { live, gone } = stillStored(undone, await new EntityStore(dataDir).corrections());
      if (live.length > 0) {
        const corrections = [...live].reverse().flatMap((c) => c.corrections);
        await withCore(dataDir, (core) => core.withdrawEntityCorrections({ corrections, refuseIfLaterBreak: true }));
      }
      await writeCliHistory(dataDir, history.slice(0, -count));
      for (const change of undone) {
        const what = change.corrections.map(describeCorrection).join('; ');
        io.out(gone.has(change) ? `Already gone from entities.json (a backup restored or a sync?), forgotten: ${what} (made ${change.at})` : `Undone: ${what} (made ${change.at})`);
      }
      return 0;
    } finally {
      await lock.release();
    }
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

/** Which runs (newest first) still have every correction they stored in entities.json, each taking the last equal one, as withdrawing does. */
function stillStored(runs: readonly CliChange[], stored: readonly EntityCorrection[]): { live: CliChange[]; gone: Set<CliChange> } {
  let remaining = stored.map(correctionKey);
  const live: CliChange[] = [];
  const gone = new Set<CliChange>();
  for (const run of runs) {
    const left = [...remaining];
    const all = [...run.corrections].reverse().every((c) => {
      const at = left.lastIndexOf(correctionKey(c));
      if (at >= 0) left.splice(at, 1);
      return at >= 0;
    });
    if (all) {
      remaining = left;
      live.push(run);
    } else gone.add(run);
  }
  return { live, gone };
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(formatZodIssues(result.error));
  return result.data;
}

function describe(entities: readonly Entity[], id: string): string {
  const e = entities.find((x) => x.id === id);
  return e ? `${e.id} "${e.name}" (${e.kind}, ${cliCount(e.quotes)} quotes${e.aliases.length ? `; also ${clipLine(e.aliases.join(', '), ALIAS_WIDTH)}` : ''})` : id;
}

async function withCore<T>(dataDir: string, run: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir, corpusDir: bundledCorpusDir() });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const ALIAS_WIDTH = 60;

function speakerTable(speakers: readonly Entity[]): string[] {
  const nameWidth = speakers.reduce((w, s) => Math.max(w, s.name.length), 4);
  const kindWidth = 12;
  const idWidth = speakers.reduce((w, s) => Math.max(w, s.id.length), 2);
  const lines = [`  ${'id'.padEnd(idWidth)}  ${'name'.padEnd(nameWidth)}  ${'kind'.padEnd(kindWidth)}  quotes  articles  also called`];
  for (const s of speakers) {
    lines.push(
      `  ${s.id.padEnd(idWidth)}  ${s.name.padEnd(nameWidth)}  ${s.kind.padEnd(kindWidth)}  ${cliCount(s.quotes).padStart(6)}  ${cliCount(s.articles.length).padStart(8)}  ${clipLine(s.aliases.join(', '), ALIAS_WIDTH)}`,
    );
  }
  lines.push('', `${cliCount(speakers.length)} speakers in ${cliCount(new Set(speakers.flatMap((s) => s.articles)).size)} articles`);
  return lines;
}
