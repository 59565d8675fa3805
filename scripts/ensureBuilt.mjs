// Builds the app (electron-vite build) when there is no build yet or any
// source is newer than the last build, so `npm run serve`, `npm run cli` and
// `npm start` always run current code. Everything it prints goes to stderr,
// keeping stdout for the command that follows (the host's ready line, the
// CLI's output). `--quiet`: say nothing unless the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'out', '.build-stamp');
const OUTPUTS = [
  'out/main/index.js',
  'out/main/host.js',
  'out/main/cli.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json'];
const isTest = (name) => /\.test\.tsx?$/.test(name);

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  // Folders' own times are left out: adding a test file must not force a build,
  // and removing a module means editing whatever imported it.
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isFile() && isTest(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why a build is needed, or null when the last one is current. */
export function buildReason() {
  const missing = OUTPUTS.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(STAMP)) return 'there is no record of the last build';
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds when needed; returns a process exit code (0: the build is current). */
export function ensureBuilt({ quiet = false } = {}) {
  const reason = buildReason();
  if (reason === null) return 0;
  if (!quiet) console.error(`Triangulate: building (${reason})…`);
  const started = Date.now();
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 2, 2],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`Triangulate: the build failed${result.error ? ` (${result.error.message})` : ''}; see the messages above.`);
    return result.status || 1;
  }
  // Stamped with the start time, so a source saved during the build triggers the next one.
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, started / 1000, started / 1000);
  if (!quiet) console.error('Triangulate: build done.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = ensureBuilt({ quiet: process.argv.includes('--quiet') });
}
