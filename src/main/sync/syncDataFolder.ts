/**
 * Sync: commits the data folder's shared files (syncLayout) with the coder
 * as author, fetches the remote's history, merges the two by the data's ids
 * (mergeDataFile), writes the merged files and pushes. An empty or missing
 * data folder with a remote receives the team's library instead.
 *
 * What a kill leaves: every file is replaced atomically (flushed, then renamed
 * over the old one; the folders flushed once per kind of file), texts before the
 * annotations before links.json before index.json, and the local branch
 * moves only after the files are written; a sync run again commits what the
 * cut-short merge wrote as a local change and merges again, which ends in
 * the same files. A remote that cannot be reached, refuses the token, holds
 * no library or a newer one stops the sync before any data file is written.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { parseIndexFile } from '../store/parseIndexFile';
import {
  AnnotationFileSchema,
  EntitiesFileSchema,
  LinksFileSchema,
  TextFileSchema,
  parseStoreFile,
  type AnnotationFile,
  type EntitiesFile,
  type IndexFile,
  type LinksFile,
} from '../store/storeFileSchemas';
import { textHash } from '../store/textHash';
import { syncDirectory, tempPathFor } from '../store/durableRename';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { forEachConcurrently } from './forEachConcurrently';
import { DataTreeCache, readDataTree, readFolder, readTopTree, snapshotTree, writeChangedTree, type TopTree } from './dataTree';
import { GitObjects } from './gitObjects';
import { gitFs } from './gitFs';
import { mergeAnnotationFile, mergeEntitiesFile, mergeIndexFile, mergeLinksFile, type SideTimes, type SyncConflict } from './mergeDataFile';
import { SyncError, openRemote, type SyncRemote } from './syncRemote';
import { BRANCH, GITIGNORE, REMOTE, gitDir, jsonText, writeRank } from './syncLayout';
import { addConflicts, readSyncRecord, readToken, writeSyncRecord, writeToken } from './syncState';

/** The steps of a sync, for tests that cut one short (a throw there stands for a kill). */
export type SyncStep = 'committed' | 'fetched' | 'writing' | 'written' | 'merged';

export interface SyncOptions {
  dataDir: string;
  /** The remote to link to (the first time) or to move to; absent: the linked one. */
  remote?: string;
  /** The remote's token (kept for later syncs); null forgets it; absent: the kept one. */
  token?: string | null;
  /** The coder, author of the commits. */
  coder: string;
  /** This machine's settings for a library received into an empty folder (who the coder is). */
  newSettings: IndexFile['settings'];
  /** Relative remote paths are resolved against it. */
  cwd?: string;
  now?: () => Date;
  step?: (step: SyncStep, detail?: string) => void | Promise<void>;
}

export interface SyncReport {
  remote: string;
  /** True when the team's library was copied into an empty folder. */
  cloned: boolean;
  /** Data files the merge changed here. */
  received: number;
  /** True when local changes went to the remote. */
  sent: boolean;
  /** What the merge set aside (also kept in the conflicts file). */
  conflicts: SyncConflict[];
  /** Articles whose annotation files the merge changed here. */
  changedArticles: string[];
}

/** How many times a push that lost a race with another coder's is merged and tried again. */
const ATTEMPTS = 5;

/** One sync's settings and shared state, handed from syncDataFolder to the steps that sync or receive a library. */
interface SyncRun {
  dataDir: string;
  remote: SyncRemote;
  options: SyncOptions;
  now: () => Date;
  step: NonNullable<SyncOptions['step']>;
  /** Set once a data file was written: a failed first link is undone only while it is false. */
  state: { wrote: boolean };
}

export async function syncDataFolder(options: SyncOptions): Promise<SyncReport> {
  const dataDir = resolve(options.dataDir);
  const gitdir = gitDir(dataDir);
  const now = options.now ?? (() => new Date());
  const record = await readSyncRecord(dataDir);
  const address = options.remote ?? record?.remote;
  if (!address) throw new SyncError(`The data folder ${dataDir} is not linked to a team remote yet: give one with --remote.`);
  const token = options.token !== undefined ? options.token : await readToken(dataDir);
  const remote = openRemote(address, { token, cwd: options.cwd });
  const step = options.step ?? (() => undefined);
  const hadGit = await exists(join(gitdir, 'HEAD'));
  const state = { wrote: false };
  try {
    if (!hadGit) {
      await mkdir(dataDir, { recursive: true });
      await git.init({ fs: gitFs, dir: dataDir, defaultBranch: BRANCH });
    }
    const run: SyncRun = { dataDir, remote, options, now, step, state };
    const report = (await exists(DataStore.indexPath(dataDir))) ? await syncLibrary(run) : await receiveLibrary(run);
    if ((await readFile(join(dataDir, '.gitignore'), 'utf8').catch(() => '')) !== GITIGNORE) await writeFile(join(dataDir, '.gitignore'), GITIGNORE);
    if ((await git.getConfig({ fs: gitFs, gitdir, path: `remote.${REMOTE}.url` })) !== remote.address) {
      await git.setConfig({ fs: gitFs, gitdir, path: `remote.${REMOTE}.url`, value: remote.address });
    }
    if (options.token !== undefined) await writeToken(dataDir, options.token);
    await writeSyncRecord(dataDir, { remote: remote.address, lastSync: now().toISOString(), behind: 0 });
    return report;
  } catch (error) {
    // A first link that failed before any data file was written leaves the folder as it was.
    if (!hadGit && !state.wrote) await rm(gitdir, { recursive: true, force: true });
    throw error;
  }
}

async function syncLibrary(run: SyncRun): Promise<SyncReport> {
  const { dataDir, remote, options, now, step } = run;
  const gitdir = gitDir(dataDir);
  const cache = await DataTreeCache.load(dataDir);
  const objects = new GitObjects();
  const conflicts: SyncConflict[] = [];
  const changedArticles = new Set<string>();
  let received = 0;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const ours = await commitLocalChanges(dataDir, cache, objects, options.coder, now);
    await step('committed');
    const theirs = await remote.fetch(gitdir, objects);
    await step('fetched');
    if (theirs) await checkRemoteLibrary(objects, gitdir, theirs, remote.address, ours);
    let head = ours;
    if (theirs && theirs !== ours && !(await isAncestor(objects, gitdir, theirs, ours))) {
      const merge = await mergeInto(run, cache, objects, ours, theirs);
      conflicts.push(...merge.conflicts);
      received += merge.changed.length;
      for (const path of merge.changed) if (path.startsWith('annotations/')) changedArticles.add(path.slice(12, -5));
      head = merge.head;
    }
    if (head === theirs) return done(true);
    if (await remote.push(gitdir, head, theirs, objects)) return done(false, true);
  }
  throw new SyncError(`Other coders kept syncing with ${remote.address} at the same moment; ${ATTEMPTS} tries did not get through. Sync again.`);

  async function done(upToDate: boolean, sent = false): Promise<SyncReport> {
    void upToDate;
    await addConflicts(dataDir, conflicts, now().toISOString());
    return { remote: remote.address, cloned: false, received, sent, conflicts, changedArticles: [...changedArticles] };
  }
}

/** Commits the working files when they differ from the branch; the branch's commit after. */
async function commitLocalChanges(dataDir: string, cache: DataTreeCache, objects: GitObjects, coder: string, now: () => Date): Promise<string> {
  const gitdir = gitDir(dataDir);
  const head = await branchHead(gitdir);
  const tree = await snapshotTree(dataDir, cache, objects);
  await cache.save();
  if (head && (await objects.readCommit(gitdir, head)).tree === tree) return head;
  const oid = await git.writeCommit({
    fs: gitFs,
    gitdir,
    commit: {
      message: head ? `Changes by ${coder}\n` : `Library of ${coder}\n`,
      tree,
      parent: head ? [head] : [],
      author: signature(coder, now),
      committer: signature(coder, now),
    },
  });
  await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${BRANCH}`, value: oid, force: true });
  return oid;
}

/** Merges `theirs` into the working files and the branch; the branch's new commit. */
async function mergeInto(
  run: SyncRun,
  cache: DataTreeCache,
  objects: GitObjects,
  ours: string,
  theirs: string,
): Promise<{ head: string; changed: string[]; conflicts: SyncConflict[] }> {
  const { dataDir, now, step, state } = run;
  const { coder } = run.options;
  const gitdir = gitDir(dataDir);
  const [base] = await git.findMergeBase({ fs: gitFs, cache: objects.cache, gitdir, oids: [ours, theirs] });
  const [b, o, t] = await Promise.all([readTopTree(objects, gitdir, base ?? null), readTopTree(objects, gitdir, ours), readTopTree(objects, gitdir, theirs)]);
  const times: SideTimes = { local: await commitTime(objects, gitdir, ours), remote: await commitTime(objects, gitdir, theirs) };
  const merged = await mergeTrees(objects, gitdir, await differingFiles(objects, gitdir, b, o, t), o, times);

  // Every file this merge brings in is checked before the first one is written.
  const writes: { path: string; oid: string; text: string }[] = [];
  const removals: string[] = [];
  for (const [path, oid] of merged.changes) {
    if (oid === undefined) {
      removals.push(path);
      continue;
    }
    const text = merged.texts.get(path) ?? (await objects.blobText(gitdir, oid));
    checkDataText(path, text);
    writes.push({ path, oid, text });
  }
  writes.sort((x, y) => writeRank(x.path) - writeRank(y.path));
  const settings = (JSON.parse(await readFile(DataStore.indexPath(dataDir), 'utf8')) as IndexFile).settings;
  await step('writing');
  // By rank (texts, annotations, links, index.json), the files of one rank side by side, each replaced
  // whole and flushed to disk; the folders they were renamed in are flushed once per rank.
  for (const rank of [0, 1, 2, 3]) {
    const folders = new Set<string>();
    await forEachConcurrently(
      writes.filter((w) => writeRank(w.path) === rank),
      16,
      async ({ path, oid, text }) => {
        const full = join(dataDir, ...path.split('/'));
        const contents = path === 'index.json' ? jsonText({ ...(JSON.parse(text) as IndexFile), settings }) : text;
        state.wrote = true;
        await mkdir(dirname(full), { recursive: true });
        await replaceFile(full, contents);
        folders.add(dirname(full));
        cache.remember(path, await stat(full), oid);
        await step('writing', path);
      },
    );
    for (const folder of folders) await syncDirectory(folder);
  }
  for (const path of removals) {
    await rm(join(dataDir, ...path.split('/')), { force: true });
    cache.forget(path);
  }
  const { oid: tree, folders } = await writeChangedTree(objects, gitdir, o, merged.changes);
  // The working files now are the merged tree's: the next commit need not write the folders' trees again.
  for (const [folder, written] of folders) cache.adoptFolderTree(folder, written.files, written.oid);
  await cache.save();
  await step('written');

  const theirTree = (await objects.readCommit(gitdir, theirs)).tree;
  const head =
    tree === theirTree && (await isAncestor(objects, gitdir, ours, theirs))
      ? theirs
      : await git.writeCommit({
          fs: gitFs,
          gitdir,
          commit: {
            message: `Merge of ${coder}'s work with the team's\n`,
            tree,
            parent: [ours, theirs],
            author: signature(coder, now),
            committer: signature(coder, now),
          },
        });
  await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${BRANCH}`, value: head, force: true });
  await step('merged');
  return { head, changed: [...writes.map((w) => w.path), ...removals], conflicts: merged.conflicts };
}

/** A file's blob in the base, ours and theirs (undefined: not there). */
interface ThreeOids {
  path: string;
  base: string | undefined;
  ours: string | undefined;
  theirs: string | undefined;
}

/**
 * The files theirs changed that ours did not already have (the only ones a
 * merge can change here): a folder whose tree is ours' or the base's in
 * theirs is not read at all, nor a file whose blob is.
 */
async function differingFiles(objects: GitObjects, gitdir: string, b: TopTree, o: TopTree, t: TopTree): Promise<ThreeOids[]> {
  const found: ThreeOids[] = [];
  const consider = (path: string, base: string | undefined, ours: string | undefined, theirs: string | undefined): void => {
    if (ours !== theirs && base !== theirs) found.push({ path, base, ours, theirs });
  };
  const of = (tree: TopTree, name: string, type: 'blob' | 'tree'): string | undefined => {
    const entry = tree.get(name);
    return entry?.type === type ? entry.oid : undefined;
  };
  for (const name of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    consider(name, of(b, name, 'blob'), of(o, name, 'blob'), of(t, name, 'blob'));
    const [bt, ot, tt] = [of(b, name, 'tree'), of(o, name, 'tree'), of(t, name, 'tree')];
    if (ot === tt || bt === tt) continue;
    const [bf, ofl, tf] = await Promise.all([readFolder(objects, gitdir, bt), readFolder(objects, gitdir, ot), readFolder(objects, gitdir, tt)]);
    for (const inner of new Set([...bf.keys(), ...ofl.keys(), ...tf.keys()])) consider(`${name}/${inner}`, bf.get(inner), ofl.get(inner), tf.get(inner));
  }
  return found;
}

/**
 * The three-way merge of the files theirs changed, file by file: what changes
 * in ours (path → new blob, undefined for a removal), with the merged
 * contents computed here.
 */
async function mergeTrees(
  objects: GitObjects,
  gitdir: string,
  differing: readonly ThreeOids[],
  o: TopTree,
  times: SideTimes,
): Promise<{ changes: Map<string, string | undefined>; texts: Map<string, string>; conflicts: SyncConflict[] }> {
  const changes = new Map<string, string | undefined>();
  const texts = new Map<string, string>();
  const conflicts: SyncConflict[] = [];
  const textClashes: ThreeOids[] = [];
  const parseWith =
    <T>(parse: (value: unknown) => T) =>
    async (oid: string | undefined): Promise<T | null> =>
      oid === undefined ? null : parse(JSON.parse(await objects.blobText(gitdir, oid)));
  const readThree = async <T>(file: ThreeOids, parse: (value: unknown) => T) => {
    const read = parseWith(parse);
    return { base: await read(file.base), ours: await read(file.ours), theirs: await read(file.theirs) };
  };
  const put = async (file: ThreeOids, value: unknown): Promise<void> => {
    if (value === null) {
      if (file.ours !== undefined) changes.set(file.path, undefined);
      return;
    }
    const text = jsonText(value);
    const oid = await objects.writeBlob(gitdir, Buffer.from(text, 'utf8'));
    if (oid === file.ours) return;
    texts.set(file.path, text);
    changes.set(file.path, oid);
  };
  for (const file of differing) {
    const { path } = file;
    if (file.base === file.ours) {
      changes.set(path, file.theirs);
      continue;
    }
    if (path === 'index.json') {
      const result = mergeIndexFile(await readThree(file, parseIndexFile), times);
      conflicts.push(...result.conflicts);
      await put(file, result.value);
    } else if (path === 'links.json') {
      const result = mergeLinksFile(await readThree(file, (v): LinksFile => parseStoreFile(LinksFileSchema, v)));
      conflicts.push(...result.conflicts);
      await put(file, result.value);
    } else if (path === 'entities.json') {
      const result = mergeEntitiesFile(await readThree(file, (v): EntitiesFile => parseStoreFile(EntitiesFileSchema, v)));
      await put(file, result.value);
    } else if (path.startsWith('annotations/')) {
      const articleId = path.slice('annotations/'.length, -'.json'.length);
      const result = mergeAnnotationFile(path, articleId, await readThree(file, (v): AnnotationFile => parseStoreFile(AnnotationFileSchema, v)));
      conflicts.push(...result.conflicts);
      await put(file, result.value);
    } else {
      textClashes.push(file);
    }
  }
  // A text both sides wrote differently (two libraries that gave one id to different articles): the text the merged index lists.
  if (textClashes.length > 0) {
    const index = changes.has('index.json') ? changes.get('index.json') : o.get('index.json')?.oid;
    const articles = index ? parseIndexFile(JSON.parse(texts.get('index.json') ?? (await objects.blobText(gitdir, index)))).articles : [];
    for (const { path, theirs } of textClashes) {
      const match = /^texts\/(.+?)(?:@v(\d+))?\.json$/.exec(path);
      const meta = articles.find((a) => a.id === match?.[1]);
      const version = Number(match?.[2] ?? 1);
      const hash = meta ? (meta.versions?.[version - 1]?.hash ?? meta.hash) : null;
      const theirsText = theirs ? (JSON.parse(await objects.blobText(gitdir, theirs)) as { text?: string }).text : undefined;
      const remoteWins = theirsText !== undefined && hash !== null && textHash(theirsText) === hash;
      if (remoteWins) changes.set(path, theirs);
      conflicts.push({ file: path, kind: 'text', id: match?.[1] ?? path, reason: 'edited on both sides', kept: remoteWins ? 'remote' : 'local', lost: null });
    }
  }
  return { changes, texts, conflicts };
}

/** Receives the team's library into an empty (or missing) data folder. */
async function receiveLibrary(run: SyncRun): Promise<SyncReport> {
  const { dataDir, remote, options, step, state } = run;
  const gitdir = gitDir(dataDir);
  const head = await branchHead(gitdir);
  const leftovers = (await readdir(dataDir)).filter((n) => !['.git', '.lock', '.gitignore'].includes(n));
  // What a receive cut short left (no branch yet) may be written over; anything else is someone's data.
  const someonesData =
    head !== null ||
    leftovers.some((n) => !['texts', 'annotations', 'links.json', 'entities.json'].includes(n)) ||
    (leftovers.length > 0 && !(await exists(join(gitdir, 'triangulate'))));
  if (someonesData) {
    throw new SyncError(`The data folder ${dataDir} holds files but no library (no index.json): give an empty folder to receive the team's library in.`);
  }
  const objects = new GitObjects();
  const theirs = await remote.fetch(gitdir, objects);
  await step('fetched');
  if (!theirs) throw new SyncError(`The remote ${remote.address} holds no library yet: sync a data folder that holds one to it first.`);
  await checkRemoteLibrary(objects, gitdir, theirs, remote.address, null);
  await mkdir(join(gitdir, 'triangulate'), { recursive: true });
  const cache = await DataTreeCache.load(dataDir);
  const files = [...(await readDataTree(objects, gitdir, theirs))].sort(([x], [y]) => writeRank(x) - writeRank(y));
  await step('writing');
  // Every file but index.json is renamed into place without waiting for the disk (thousands of them); index.json,
  // written last and durably, is what makes the folder a library: a receive cut short before it is simply run again.
  const write = async ([path, oid]: [string, string]): Promise<void> => {
    const full = join(dataDir, ...path.split('/'));
    let text = await objects.blobText(gitdir, oid);
    if (path === 'index.json') text = jsonText({ ...(JSON.parse(text) as IndexFile), settings: options.newSettings });
    await mkdir(join(full, '..'), { recursive: true });
    state.wrote = true;
    if (path === 'index.json') await writeFileAtomic(full, text);
    else await gitFs.promises.writeFile(full, text);
    cache.remember(path, await stat(full), oid);
  };
  await forEachConcurrently(files.filter(([path]) => path !== 'index.json'), 16, write);
  for (const folder of ['texts', 'annotations']) await syncDirectory(join(dataDir, folder));
  await forEachConcurrently(files.filter(([path]) => path === 'index.json'), 1, write);
  for (const [folder, entry] of await readTopTree(objects, gitdir, theirs)) {
    if (entry.type === 'tree') cache.adoptFolderTree(folder, await readFolder(objects, gitdir, entry.oid), entry.oid);
  }
  await cache.save();
  await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${BRANCH}`, value: theirs, force: true });
  await step('merged');
  return { remote: remote.address, cloned: true, received: files.length, sent: false, conflicts: [], changedArticles: [] };
}

/**
 * The remote's index.json is read before anything is merged: no library, or a
 * newer one, stops here. One that is the same as ours (`ours`' commit) was
 * written by this version's store and is not read again.
 */
async function checkRemoteLibrary(objects: GitObjects, gitdir: string, oid: string, address: string, ours: string | null): Promise<void> {
  const index = (await readTopTree(objects, gitdir, oid)).get('index.json');
  if (index?.type !== 'blob') throw new SyncError(`The remote ${address} is not a Triangulate library: it has no index.json.`);
  if (ours && (await readTopTree(objects, gitdir, ours)).get('index.json')?.oid === index.oid) return;
  let value: unknown;
  try {
    value = JSON.parse(await objects.blobText(gitdir, index.oid));
  } catch {
    throw new SyncError(`The remote ${address} is not a Triangulate library: its index.json is not JSON.`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new SyncError(
      `The remote ${address} holds a library written by a newer version of Triangulate (data format ${version}; this version reads up to ${SCHEMA_VERSION}): update Triangulate first.`,
    );
  }
  try {
    parseIndexFile(value);
  } catch (error) {
    throw new SyncError(`The remote ${address} is not a Triangulate library: its index.json ${(error as Error).message}.`);
  }
}

/** The store's checks, for a file the merge is about to write. */
function checkDataText(path: string, text: string): void {
  try {
    const value: unknown = JSON.parse(text);
    if (path === 'index.json') parseIndexFile(value);
    else if (path === 'links.json') parseStoreFile(LinksFileSchema, value);
    else if (path === 'entities.json') parseStoreFile(EntitiesFileSchema, value);
    else if (path.startsWith('annotations/')) parseStoreFile(AnnotationFileSchema, value);
    else parseStoreFile(TextFileSchema, value);
  } catch (error) {
    throw new SyncError(`The remote's ${path} ${error instanceof SyntaxError ? 'is not valid JSON' : (error as Error).message}; nothing was changed here.`);
  }
}

async function branchHead(gitdir: string): Promise<string | null> {
  return git.resolveRef({ fs: gitFs, gitdir, ref: `refs/heads/${BRANCH}` }).catch(() => null);
}

async function isAncestor(objects: GitObjects, gitdir: string, ancestor: string, oid: string): Promise<boolean> {
  if (ancestor === oid) return true;
  return git.isDescendent({ fs: gitFs, cache: objects.cache, gitdir, oid, ancestor, depth: -1 }).catch(() => false);
}

async function commitTime(objects: GitObjects, gitdir: string, oid: string): Promise<string> {
  return new Date((await objects.readCommit(gitdir, oid)).time * 1000).toISOString();
}

function signature(coder: string, now: () => Date) {
  const slug = coder.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'coder';
  return { name: coder || 'Triangulate', email: `${slug}@triangulate.invalid`, timestamp: Math.floor(now().getTime() / 1000), timezoneOffset: 0 };
}

/** Replaces a file with `contents` flushed to disk, by renaming a temporary file over it (its folder is not flushed here). */
async function replaceFile(full: string, contents: string): Promise<void> {
  const temp = tempPathFor(full);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, full);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
