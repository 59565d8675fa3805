/**
 * The crash-safety proof: starts the stress writer on a data folder, kills it
 * with SIGKILL at a random moment (seeded: 20–300 ms after it began writing,
 * or now and then after it was started, to hit the start-up too), and after
 * every kill checks that
 *   - every data file, and every file of every backup, parses and passes the
 *     store's checks (findDamagedFiles), and
 *   - every acknowledged create, update and delete is on disk
 *     (checkAcknowledgedWrites),
 *   - the files agree with each other (checkCrossFileInvariants): group
 *     members and credits point at existing annotations (or a pending
 *     intent covers them, finished at the next start), every text file
 *     belongs to an article and every version index.json lists has its text
 *     (the writer adds a version of one article's text each run), counts.json
 *     matches the annotation files,
 * then starts it again on the same folder, which also proves the stale lock
 * of a killed writer is taken over. Counts what it checked.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAcknowledgedWrites, type AnnotationState, type DiskAnnotations } from './checkAcknowledgedWrites';
import { checkCrossFileInvariants } from '../../src/main/safety/checkCrossFileInvariants';
import { findDamagedFiles } from '../../src/main/safety/findDamagedFiles';
import { listBackups } from '../../src/main/safety/listBackups';
import { randomInt, seededRandom } from '../seededRandom';
import type { StressEvent } from './stressWrites';

export interface KillLoopOptions {
  kills: number;
  seed: number;
  dataDir: string;
  /** The built stress writer (out/tools/stressWriter.js). */
  writerPath: string;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Progress and failures, one line each. */
  log?: (line: string) => void;
}

export interface KillLoopResult {
  kills: number;
  /** Acknowledged writes whose effect was checked on disk. */
  acknowledged: number;
  /** Data and backup files checked, summed over all kills. */
  filesChecked: number;
  failures: string[];
  /** Group members and credit ends checked against the annotation files, summed over all kills. */
  references: number;
  /** Of those, references to deleted annotations a pending intent covered (repaired at the next start). */
  repairable: number;
  /** counts.json entries compared with their annotation files, summed over all kills. */
  countsChecked: number;
  /** Temporary files of saves cut short, left in the folder (harmless, but counted). */
  strayTempFiles: number;
  ms: number;
}

/** Share of kills timed from the writer's start rather than from its first write. */
const STARTUP_KILLS = 0.1;
const READY_TIMEOUT_MS = 30_000;

export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopResult> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => undefined);
  const min = options.minDelayMs ?? 20;
  const max = options.maxDelayMs ?? 300;
  const failures: string[] = [];
  let acknowledged = 0;
  let filesChecked = 0;
  let references = 0;
  let repairable = 0;
  let countsChecked = 0;
  let before = await readDiskAnnotations(options.dataDir);

  for (let kill = 1; kill <= options.kills; kill++) {
    const writerSeed = options.seed * 100_000 + kill;
    const fromStart = random() < STARTUP_KILLS;
    const delay = randomInt(random, min, max);
    const run = await runOnce(options.writerPath, options.dataDir, writerSeed, delay, fromStart);
    const fail = (problem: string) => {
      const line = `kill ${kill} (writer seed ${writerSeed}, ${delay} ms after ${fromStart ? 'start' : 'first write'}): ${problem}`;
      failures.push(line);
      log(line);
    };
    if (run.problem) fail(run.problem);

    const live = await findDamagedFiles(options.dataDir);
    filesChecked += live.checked.length;
    for (const d of live.damaged) fail(`${d.file} ${d.problem}`);
    for (const backup of await listBackups(options.dataDir)) {
      const check = await findDamagedFiles(backup.dir);
      filesChecked += check.checked.length;
      for (const d of check.damaged) fail(`backups/${backup.name}/${d.file} ${d.problem}`);
    }

    const cross = await checkCrossFileInvariants(options.dataDir);
    references += cross.references;
    repairable += cross.repairable;
    countsChecked += cross.countsChecked;
    for (const problem of cross.failures) fail(problem);

    const after = await readDiskAnnotations(options.dataDir);
    const writes = checkAcknowledgedWrites(before, run.events, after);
    acknowledged += writes.acknowledged;
    for (const problem of writes.failures) fail(problem);
    before = after;
    if (kill % 50 === 0 || kill === options.kills) {
      log(`${kill} kills, ${acknowledged} acknowledged writes checked, ${failures.length} failures (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  return {
    kills: options.kills,
    acknowledged,
    filesChecked,
    references,
    repairable,
    countsChecked,
    failures,
    strayTempFiles: await countTempFiles(options.dataDir),
    ms: Date.now() - started,
  };
}

/** The one summary line: kills, acknowledged writes checked, files and cross-file references checked, failures. */
export function killLoopSummary(result: KillLoopResult): string {
  return (
    `kills: ${result.kills}, acknowledged writes checked: ${result.acknowledged}, files checked: ${result.filesChecked}, ` +
    `cross-file references checked: ${result.references} (${result.repairable} left to the start-up repair), counts entries checked: ${result.countsChecked}, ` +
    `failures: ${result.failures.length} (stray temp files: ${result.strayTempFiles}; ${(result.ms / 1000).toFixed(1)} s)`
  );
}

interface Run {
  events: StressEvent[];
  problem: string | null;
}

function runOnce(writerPath: string, dataDir: string, seed: number, delayMs: number, fromStart: boolean): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writerPath, '--data', dataDir, '--seed', String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    const killAfter = (ms: number) => {
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, ms);
    };
    const readyTimer = setTimeout(() => {
      if (!timer) killAfter(0);
    }, READY_TIMEOUT_MS);
    if (fromStart) killAfter(delayMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!timer && stdout.includes('"t":"ready"')) killAfter(delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => {
      clearTimeout(readyTimer);
      if (timer) clearTimeout(timer);
      // Only whole lines count: a line cut off by the kill was never acknowledged.
      const lines = stdout.split('\n').slice(0, -1);
      const events = lines.map((line) => JSON.parse(line) as StressEvent);
      let problem: string | null = null;
      if (!killed) problem = `the writer stopped by itself (exit ${code ?? signal}): ${stderr.trim() || 'no message'}`;
      else if (signal !== 'SIGKILL') problem = `the writer ended with ${code ?? signal} instead of being killed`;
      else if (!fromStart && !events.some((e) => e.t === 'ready')) problem = `the writer never got ready: ${stderr.trim()}`;
      resolve({ events, problem });
    });
  });
}

/** The annotations of every article as the files hold them (a file that cannot be read counts as none). */
async function readDiskAnnotations(dataDir: string): Promise<DiskAnnotations> {
  const result = new Map<string, Map<string, AnnotationState>>();
  const folder = join(dataDir, 'annotations');
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith('.') || !name.endsWith('.json')) continue;
    try {
      const file = JSON.parse(await readFile(join(folder, name), 'utf8')) as {
        articleId: string;
        annotations: { id: string; note: string; tagId: string }[];
      };
      result.set(file.articleId, new Map(file.annotations.map((a) => [a.id, { note: a.note, tagId: a.tagId }])));
    } catch {
      // Reported by findDamagedFiles.
    }
  }
  return result;
}

async function countTempFiles(dataDir: string): Promise<number> {
  const entries = await readdir(dataDir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((path) => /(^|[\\/])\.[^\\/]*\.tmp$/.test(String(path))).length;
}
