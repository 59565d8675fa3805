// Measures that the API keeps answering while hostile files are imported over
// HTTP (issue 19): starts the built host (out/main/host.js) on 127.0.0.1 with
// a new temporary data folder, posts hostile imports — a 9 MB Markdown file of
// 3,000 nested list levels, a 200,000-level HTML page, a 12 MB text file (a
// 16 MB request body), a W3C collection nested 200,000 levels, a 12 MB W3C
// collection of 30,000 annotations naming no article, the same with 30,000
// quotes shorter than 16 characters, and a 12 MB project file body — and
// meanwhile asks getDataHealth every 20 ms, printing the median, 95th
// percentile and maximum time of its answers. The health requests come from a
// process of their own (healthPoller.mjs; the browser uploads on another
// thread than the page's): timed on this script's thread, they measured its
// own sending of the 12 MB body. Prints figures; asserts nothing. Each import
// runs RUNS times (default 3; e.g. RUNS=1 node …).
// The host is watched by eventLoopProbe.mjs (loaded with --import): per
// import it prints the event loop's longest delay (monitorEventLoopDelay),
// the longest stretch the main thread was held, and the CPU time the host
// used (all its threads). The health answers' times grow with the machine's
// load; the longest stretch is mostly the host's own doing.
// Run: npm run build, then
//   node scripts/importResponsiveness.mjs
// To see where the host spends its main thread, give it Node options, e.g.
//   HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node scripts/importResponsiveness.mjs
// and to see the CPU an import costs the host's main thread without the health requests' own,
//   POLL=0 node scripts/importResponsiveness.mjs
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'triangulate-responsive-'));
const hostNodeArgs = (process.env.HOST_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const runs = Math.max(1, Number(process.env.RUNS ?? 3) || 1);
/** POLL=0 asks nothing during the imports: the host's CPU figures are then the imports' own. */
const poll = process.env.POLL !== '0';
/** ONLY=regex runs the imports whose label matches (e.g. ONLY=W3C). */
const only = process.env.ONLY ? new RegExp(process.env.ONLY, 'i') : null;
const probeFile = new URL('./eventLoopProbe.mjs', import.meta.url).href;
const host = spawn(process.execPath, ['--import', probeFile, ...hostNodeArgs, 'out/main/host.js', '--data', dataDir, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
// The probe's lines (EVENT_LOOP {…}) answer probe(); everything else the host says goes to stderr.
const probeWaiters = [];
let stderrLine = '';
host.stderr.on('data', (chunk) => {
  stderrLine += chunk;
  let end;
  while ((end = stderrLine.indexOf('\n')) >= 0) {
    const line = stderrLine.slice(0, end);
    stderrLine = stderrLine.slice(end + 1);
    if (line.startsWith('EVENT_LOOP ')) probeWaiters.shift()?.(JSON.parse(line.slice('EVENT_LOOP '.length)));
    else process.stderr.write(`${line}\n`);
  }
});
/** The host's event-loop figures since the last call (and starts them again). */
const probe = () =>
  new Promise((resolve) => {
    probeWaiters.push(resolve);
    host.kill('SIGUSR2');
  });
const ready = await new Promise((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
    if (match) resolve({ port: match[1], token: match[2] });
  });
  host.on('exit', (code) => reject(new Error(`the host stopped (${code}) before it was ready: ${out}`)));
});

// The page's polling, in a process of its own; it loads fetch with a few unmeasured asks and then says 'ready'.
const poller = fork(new URL('./healthPoller.mjs', import.meta.url), [ready.port, ready.token], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const pollerSays = () => new Promise((resolve) => poller.once('message', resolve));
await pollerSays();
/** Starts the polling; resolves once its first ask is under way. */
const startPolling = async () => {
  const polling = pollerSays();
  poller.send('start');
  await polling;
};
/** Stops the polling after the ask in flight; its answers' times in ms. */
const stopPolling = async () => {
  const stopped = pollerSays();
  poller.send('stop');
  return (await stopped).latencies;
};

const call = async (method, body) => {
  const response = await fetch(`http://127.0.0.1:${ready.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triangulate-token': ready.token, origin: `http://127.0.0.1:${ready.port}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return response.json();
};

const nestedList = (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');
const articleFile = (name, text) => JSON.stringify({ files: [{ name, data: Buffer.from(text).toString('base64') }] });
const w3cItems = (n) =>
  Array.from({ length: n }, (_, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:hostile-${i}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }],
    target: {
      source: `https://example.org/nowhere/${i % 97}`,
      selector: [
        { type: 'TextQuoteSelector', exact: `words that appear in no article of the library, number ${i}`, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: i, end: i + 60 },
      ],
    },
  }));
const sentence = 'The minister said on Tuesday that the plan would go ahead as announced. ';
const bodies = {
  'importArticles: nested-3000.md (9 MB file)': ['importArticles', articleFile('nested-3000.md', nestedList(3_000))],
  'importArticles: deep-200000.html': ['importArticles', articleFile('deep-200000.html', `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`)],
  'importArticles: long-12MB.txt (16 MB body)': ['importArticles', articleFile('long-12MB.txt', sentence.repeat(Math.ceil(12e6 / sentence.length)))],
  'importW3C: collection nested 200,000 levels': ['importW3C', `{"collection":${'['.repeat(200_000)}${']'.repeat(200_000)}}`],
  'importW3C: 12 MB, 30,000 annotations naming no article': ['importW3C', JSON.stringify({ collection: { type: 'AnnotationCollection', first: { items: w3cItems(30_000) } } })],
  // Quotes under 16 characters share a scan of each text per length (findQuotesInLibrary), not one scan each.
  'importW3C: 30,000 short quotes naming no article': ['importW3C', JSON.stringify({ collection: { type: 'AnnotationCollection', first: { items: w3cItems(30_000).map((item, i) => ({ ...item, target: { selector: [{ type: 'TextQuoteSelector', exact: `zq ${i} qz`.slice(0, 1 + (i % 15)) }] } })) } } })],
  'importProject: 12 MB of text that is no project': ['importProject', JSON.stringify({ project: { format: 'not-a-project', filler: sentence.repeat(Math.ceil(12e6 / sentence.length)) } })],
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v) => `${v?.toFixed(1)} ms`;
const summary = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${latencies.length} answers, median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1))}`;
};
const loopLine = (loop) =>
  `event loop: longest delay ${ms(loop.maxDelayMs)}, longest stretch held ${ms(loop.longestStretchMs)} (${loop.stretchesOver50Ms} over 50 ms); host CPU ${loop.cpuMs} ms (main thread ${loop.mainThreadCpuMs ?? '?'} ms)`;
const all = [];
const rows = [];
try {
  await call('listArticles', {});
  // The same calls with nothing else running, for comparison (a busy machine answers slower whatever runs).
  await probe();
  await startPolling();
  await new Promise((r) => setTimeout(r, 900));
  const idle = await stopPolling();
  console.log(`getDataHealth with nothing else running: ${summary(idle)}; ${loopLine(await probe())}`);
  for (const [label, [method, body]] of Object.entries(bodies)) {
    if (only && !only.test(label)) continue;
    const latencies = [];
    const loops = [];
    for (let run = 1; run <= runs; run++) {
      await probe();
      if (poll) await startPolling();
      const started = performance.now();
      const reply = await call(method, body);
      const wall = performance.now() - started;
      const mine = poll ? await stopPolling() : [];
      const loop = await probe();
      loops.push(loop);
      latencies.push(...mine);
      const outcome = !reply.ok
        ? `refused: ${reply.error.message.slice(0, 160)}`
        : method === 'importArticles'
          ? reply.value.failures.map((f) => `refused: ${f.reason.slice(0, 120)}`).join('; ') || `imported ${reply.value.imported.length}`
          : `answered: ${JSON.stringify(reply.value).slice(0, 120)}`;
      console.log(
        `${label} (${(body.length / 1e6).toFixed(1)} MB body), run ${run}: answered in ${wall.toFixed(0)} ms — ${outcome}\n` +
          `  getDataHealth meanwhile: ${summary(mine)}\n  ${loopLine(loop)}`,
      );
    }
    all.push(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    if (sorted.length === 0) sorted.push(NaN);
    rows.push({
      label,
      answers: latencies.length,
      p95: percentile(sorted, 95),
      max: sorted.at(-1),
      loopMax: Math.max(...loops.map((l) => l.maxDelayMs)),
      stretch: Math.max(...loops.map((l) => l.longestStretchMs)),
      cpu: Math.round(loops.reduce((sum, l) => sum + l.cpuMs, 0) / loops.length),
      mainCpu: Math.round(loops.reduce((sum, l) => sum + (l.mainThreadCpuMs ?? NaN), 0) / loops.length),
    });
  }
  console.log(`\ngetDataHealth during all hostile imports: ${summary(all)}`);
  console.log(`\nPer import (${runs} run${runs === 1 ? '' : 's'} each): getDataHealth p95 / max; the host's event loop: longest delay / longest stretch held; host CPU per run (all threads, and the main thread's own)`);
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(width)}  ${String(r.answers).padStart(4)} answers  p95 ${ms(r.p95).padStart(9)}  max ${ms(r.max).padStart(9)}  ` +
        `loop delay max ${ms(r.loopMax).padStart(9)}  stretch ${ms(r.stretch).padStart(9)}  CPU ${String(r.cpu).padStart(6)} ms (main thread ${String(r.mainCpu).padStart(5)} ms)`,
    );
  }
} finally {
  poller.send('quit');
  // SIGINT lets a host started with --cpu-prof write its profile.
  host.kill(hostNodeArgs.length > 0 ? 'SIGINT' : 'SIGTERM');
  if (hostNodeArgs.length > 0) await new Promise((r) => host.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
