// Measures getDataHealth on a large library (issue 20): starts the built host (APP/main/host.js, APP defaults to
// out) on the data folder given, asks getDataHealth once (the first ask reads and checks every data file), waits
// until the host is idle (the start's own background work done), then asks RUNS more times (default 5), each
// after the host is idle again. Prints each answer's wall time and the host's CPU time over it (all its
// threads, from /proc: 10 ms steps). Asserts nothing; changes nothing in the folder (a health check only reads).
// Run: npm run build, then
//   node scripts/healthAtScale.mjs /tmp/lib100k-copy
//   APP=/path/to/old/out node scripts/healthAtScale.mjs /tmp/lib100k-copy     (another build, for an A/B)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node scripts/healthAtScale.mjs DATA_DIR');
  process.exit(2);
}
const app = resolve(process.env.APP ?? 'out');
const runs = Math.max(1, Number(process.env.RUNS ?? 5) || 1);
const host = spawn(process.execPath, [join(app, 'main/host.js'), '--data', resolve(dataDir), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const ready = await new Promise((done, fail) => {
  let out = '';
  host.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
    if (match) done({ port: match[1], token: match[2] });
  });
  host.on('exit', (code) => fail(new Error(`the host exited (${code}) before listening`)));
});
host.stdout.resume();

/** The host's CPU time so far, ms (user + system, all threads). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${host.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const ask = async () => {
  const cpu = cpuMs();
  const asked = performance.now();
  const response = await fetch(`http://127.0.0.1:${ready.port}/api/getDataHealth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triangulate-token': ready.token, origin: `http://127.0.0.1:${ready.port}` },
    body: '{}',
  });
  const reply = await response.json();
  if (!reply.ok) throw new Error(`getDataHealth failed: ${reply.error.message}`);
  return { wallMs: performance.now() - asked, cpuMs: cpuMs() - cpu, damaged: reply.value.damaged.length };
};
/** Waits until the host used less than 20 ms of CPU in a second (at most 120 s). */
const idle = async () => {
  const until = Date.now() + 120_000;
  let last = cpuMs();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMs();
    if (now - last < 20) return;
    last = now;
  }
};
const show = (label, r) => console.log(`${label}: ${r.wallMs.toFixed(0)} ms wall, ${r.cpuMs} ms CPU (${r.damaged} damaged)`);
try {
  await idle();
  show('first getDataHealth (every file read and checked)', await ask());
  const later = [];
  for (let i = 0; i < runs; i++) {
    await idle();
    const r = await ask();
    later.push(r);
    show(`getDataHealth ${i + 2}`, r);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`later asks, median: ${median(later.map((r) => r.wallMs)).toFixed(0)} ms wall, ${median(later.map((r) => r.cpuMs))} ms CPU`);
} finally {
  host.kill();
}
