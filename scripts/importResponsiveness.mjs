// Measures that the API keeps answering while hostile files are imported
// (issue 19): starts the built host (out/main/host.js) on a new temporary
// data folder, sends importArticles with the hostile files of the issue (a
// 9 MB Markdown file of 3,000 nested list levels, a 200,000-level HTML
// page, and 1,000 nested list levels, which pass no pre-scan bound only
// because the worker's limits stop them), and meanwhile asks getDataHealth
// every 50 ms, printing how long each answer took. Run: npm run build, then
//   node scripts/importResponsiveness.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'triangulate-responsive-'));
const host = spawn(process.execPath, ['out/main/host.js', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
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

const call = async (method, input) => {
  const response = await fetch(`http://127.0.0.1:${ready.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triangulate-token': ready.token, origin: `http://127.0.0.1:${ready.port}` },
    body: JSON.stringify(input),
  });
  return response.json();
};

const nestedList = (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');
const files = {
  // Not deep, only long: passes the pre-scan, parsed in the worker.
  'long-6MB.md': Array.from({ length: 60_000 }, (_, i) => `## Part ${i}\n\nA paragraph with *emphasis*, a [link](https://example.org/${i}) and \`code\`.\n\n- one\n  - two\n`).join('\n'),
  'nested-3000.md': nestedList(3_000),
  'deep-200000.html': `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`,
};
const summary = (latencies) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${latencies.length} calls, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
};
try {
  await call('listArticles', {});
  // The same calls with nothing else running, for comparison (a busy machine answers slower whatever runs).
  const idle = [];
  for (let i = 0; i < 20; i++) {
    const asked = performance.now();
    await call('getDataHealth', {});
    idle.push(performance.now() - asked);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`getDataHealth with nothing else running: ${summary(idle)}`);
  for (const [name, text] of Object.entries(files)) {
    const latencies = [];
    let done = false;
    const started = performance.now();
    const importing = call('importArticles', { files: [{ name, data: Buffer.from(text).toString('base64') }] }).finally(() => (done = true));
    while (!done) {
      const asked = performance.now();
      await call('getDataHealth', {});
      latencies.push(performance.now() - asked);
      await new Promise((r) => setTimeout(r, 50));
    }
    const reply = await importing;
    const reason = reply.ok ? reply.value.failures.map((f) => f.reason).join('; ') || 'imported' : reply.error.message;
    console.log(
      `${name} (${(text.length / 1e6).toFixed(1)} MB): import answered in ${(performance.now() - started).toFixed(0)} ms — ${reason}\n` +
        `  getDataHealth while it ran: ${summary(latencies)}`,
    );
  }
} finally {
  host.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
