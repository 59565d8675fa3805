// Measures that the API keeps answering while hostile files are imported over
// HTTP (issue 19): starts the built host (out/main/host.js) on 127.0.0.1 with
// a new temporary data folder, posts hostile imports — a 9 MB Markdown file of
// 3,000 nested list levels, a 200,000-level HTML page, a 12 MB text file (a
// 16 MB request body), a W3C collection nested 200,000 levels, a 12 MB W3C
// collection of 30,000 annotations naming no article, and a 12 MB project file
// body — and meanwhile asks getDataHealth every 20 ms, printing the median,
// 95th percentile and maximum time of its answers. Prints figures; asserts
// nothing. Run: npm run build, then
//   node scripts/importResponsiveness.mjs
// To see where the host spends its main thread, give it Node options, e.g.
//   HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node scripts/importResponsiveness.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'triangulate-responsive-'));
const hostNodeArgs = (process.env.HOST_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const host = spawn(process.execPath, [...hostNodeArgs, 'out/main/host.js', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const ready = await new Promise((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
    if (match) resolve({ port: match[1], token: match[2] });
  });
  host.stderr.on('data', (chunk) => process.stderr.write(chunk));
  host.on('exit', (code) => reject(new Error(`the host stopped (${code}) before it was ready: ${out}`)));
});

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
  'importProject: 12 MB of text that is no project': ['importProject', JSON.stringify({ project: { format: 'not-a-project', filler: sentence.repeat(Math.ceil(12e6 / sentence.length)) } })],
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v) => `${v?.toFixed(1)} ms`;
  return `${latencies.length} answers, median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1))}`;
};
const all = [];
try {
  await call('listArticles', {});
  // The same calls with nothing else running, for comparison (a busy machine answers slower whatever runs).
  const idle = [];
  for (let i = 0; i < 30; i++) {
    const asked = performance.now();
    await call('getDataHealth', {});
    idle.push(performance.now() - asked);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`getDataHealth with nothing else running: ${summary(idle)}`);
  for (const [label, [method, body]] of Object.entries(bodies)) {
    const latencies = [];
    let done = false;
    const started = performance.now();
    const importing = call(method, body).finally(() => (done = true));
    while (!done) {
      const asked = performance.now();
      await call('getDataHealth', {});
      latencies.push(performance.now() - asked);
      await new Promise((r) => setTimeout(r, 20));
    }
    all.push(...latencies);
    const reply = await importing;
    const outcome = !reply.ok
      ? `refused: ${reply.error.message.slice(0, 160)}`
      : method === 'importArticles'
        ? reply.value.failures.map((f) => `refused: ${f.reason.slice(0, 120)}`).join('; ') || `imported ${reply.value.imported.length}`
        : `answered: ${JSON.stringify(reply.value).slice(0, 120)}`;
    console.log(`${label} (${(body.length / 1e6).toFixed(1)} MB body): answered in ${(performance.now() - started).toFixed(0)} ms — ${outcome}\n  getDataHealth meanwhile: ${summary(latencies)}`);
  }
  console.log(`getDataHealth during all hostile imports: ${summary(all)}`);
} finally {
  // SIGINT lets a host started with --cpu-prof write its profile.
  host.kill(hostNodeArgs.length > 0 ? 'SIGINT' : 'SIGTERM');
  if (hostNodeArgs.length > 0) await new Promise((r) => host.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
