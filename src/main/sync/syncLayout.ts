/**
 * What team sync shares and what stays on this machine. Shared: the data
 * files listDataFiles names (index.json, links.json, entities.json, texts/*.json,
 * annotations/*.json) — the ones backups keep. Local: everything else
 * (counts.json and derived caches, backups/, quarantine/, pending/, the lock)
 * and, inside index.json, the settings (who the coder is): the committed
 * index.json carries SHARED_SETTINGS in their place. The repository is
 * `<data>/.git`; sync's own state (remote, token, last sync, conflicts) is
 * in `<data>/.git/triangulate/`.
 */
import { join } from 'node:path';

/** The branch every library's history is on. */
export const BRANCH = 'main';
export const REMOTE = 'origin';

/** What index.json's settings are in the shared history. */
export const SHARED_SETTINGS = Object.freeze({ creator: '' });

export function gitDir(dataDir: string): string {
  return join(dataDir, '.git');
}

export function syncStateDir(dataDir: string): string {
  return join(gitDir(dataDir), 'triangulate');
}

/** Kept in the data folder for people who look at it with git: only the shared files are tracked. */
export const GITIGNORE = `# Triangulate team sync: only the shared data files are tracked.
/*
!/index.json
!/links.json
!/entities.json
!/texts/
!/annotations/
`;

/** The order merged files are written in: texts before the index that lists them, annotations before links that point at them. */
export function writeRank(path: string): number {
  if (path.startsWith('texts/')) return 0;
  if (path.startsWith('annotations/')) return 1;
  if (path === 'links.json' || path === 'entities.json') return 2;
  return 3;
}

/** The JSON text of a data file as the store writes it. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
