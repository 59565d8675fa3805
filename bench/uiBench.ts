/**
 * The UI measures of issue 7, in Chromium through Playwright, read from the
 * performance marks the app sets (src/renderer/app/perfMarks.ts):
 * - browser host start until the library list is visible: from spawning
 *   `node out/main/host.js` (the browser already open on a blank page) to the
 *   app's `tri:library-visible` mark, painted;
 * - opening an article from the library: from the click on its title to the
 *   `tri:highlights-drawn` mark (text and annotations painted);
 * - adding one annotation (key 1 on a selection): from the key
 *   (`tri:tag-requested`) to the paint showing it (the app draws it while it
 *   is being saved), the drawing itself (`tri:highlights-update`), and
 *   beside them the save's round trip (key →
 *   `tri:annotation-saved`);
 * - memory: the host's resident memory plus the renderer processes' of the
 *   browser, with the library open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chooseCoderUnlessChosen } from '../e2e/support/callHost';
import { chromiumPath } from '../e2e/support/chromiumPath';
import config from '../playwright.config';
import { processMemoryMb } from './benchStats';

/** Playwright evaluates wait predicates with eval, which the app's CSP forbids; the bench lets it. */
const BYPASS_CSP = true;

/** Pause between one start measure and the next. */
const SETTLE_MS = 1500;

/** How long a host may take to exit after SIGTERM before it is killed. */
const STOP_WAIT_MS = 30_000;

const READY = /^Triangulate ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;

interface Host {
  url: string;
  pid: number;
  /** performance.timeOrigin + now() when the process was spawned / said it was ready. */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

function startHost(appDir: string, dataDir: string, timeoutMs = 60_000): Promise<Host> {
  const spawnedAt = epochNow();
  // BENCH_HOST_NODE_ARGS: Node options for the host alone (say "--cpu-prof --cpu-prof-dir=DIR" to profile its start).
  const nodeArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(appDir, 'main/host.js'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not get ready in ${timeoutMs / 1000} s\n${stdout}\n${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}\n${stdout}\n${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = READY.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        pid: child.pid!,
        spawnedAt,
        readyAt: epochNow(),
        // SIGTERM closes the data folder (a backup under way is given up to 10 s); a host that has not
        // exited after STOP_WAIT_MS is killed, so one slow close cannot hold the bench (issue 20).
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            const kill = setTimeout(() => {
              console.error(`  (the host ${child.pid} did not exit ${STOP_WAIT_MS / 1000} s after SIGTERM: killed)`);
              child.kill('SIGKILL');
            }, STOP_WAIT_MS);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  const launch = config.use?.launchOptions ?? {};
  return chromium.launch({ ...launch, executablePath: chromiumPath() ?? '/usr/bin/chromium' });
}

/**
 * The first entry of a mark (with `annotations` in its detail, when given),
 * waiting for it to appear; its time in the page and as epoch time.
 */
async function waitForMark(
  page: Page,
  name: string,
  annotations: number | null = null,
  timeoutMs = 60_000,
): Promise<{ epoch: number; startTime: number; detail: unknown }> {
  // Runs in the page (a string: this file is type-checked without the DOM).
  const find = `(() => {
    const e = performance.getEntriesByName(${JSON.stringify(name)})
      .find((m) => ${annotations === null} || (m.detail && m.detail.annotations === ${annotations ?? -1}));
    return e ? { epoch: performance.timeOrigin + e.startTime, startTime: e.startTime, detail: e.detail } : null;
  })()`;
  const handle = await page.waitForFunction(find, undefined, { timeout: timeoutMs, polling: 10 });
  return (await handle.jsonValue()) as { epoch: number; startTime: number; detail: unknown };
}

export interface StartFigures {
  startMs: number[];
  hostReadyMs: number[];
  memory: { hostMb: number; rendererMb: number; jsHeapMb: number };
}

/** Renderer processes of browsers this process started (Linux /proc). */
function rendererPids(): number[] {
  const parentOf = (pid: number): number => {
    try {
      return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.includes('--type=renderer')) continue;
    for (let p = parentOf(pid), hops = 0; p > 1 && hops < 6; p = parentOf(p), hops++) {
      if (p === process.pid) {
        pids.push(pid);
        break;
      }
    }
  }
  return pids;
}

/** Host start until the library is visible, `runs` times; memory after the last. */
export async function measureStart(browser: Browser, appDir: string, dataDir: string, runs: number, timeoutMs = 60_000): Promise<StartFigures> {
  const startMs: number[] = [];
  const hostReadyMs: number[] = [];
  let memory = { hostMb: Number.NaN, rendererMb: Number.NaN, jsHeapMb: Number.NaN };
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1400, height: 900 }, bypassCSP: BYPASS_CSP });
    const page = await context.newPage();
    await page.goto('about:blank');
    // The previous run's browser context and host are gone before this one starts (2 cores).
    await page.waitForTimeout(SETTLE_MS);
    const host = await startHost(appDir, dataDir, timeoutMs);
    try {
      await page.goto(host.url);
      const visible = await waitForMark(page, 'tri:library-visible', null, timeoutMs);
      startMs.push(visible.epoch - host.spawnedAt);
      hostReadyMs.push(host.readyAt - host.spawnedAt);
      if (r === runs - 1) {
        await page.waitForTimeout(1500);
        const heap = await page.evaluate<number>(`performance.memory ? performance.memory.usedJSHeapSize : NaN`);
        // The page's renderer: the largest renderer process of the browser (the others are spare
        // or empty ones Chromium keeps, ~20–80 MB each; they would be there without the app).
        const renderers = rendererPids().map((pid) => processMemoryMb(pid));
        memory = {
          hostMb: processMemoryMb(host.pid),
          rendererMb: Math.max(...renderers),
          jsHeapMb: heap / 2 ** 20,
        };
      }
    } finally {
      await context.close();
      await host.stop();
    }
  }
  return { startMs, hostReadyMs, memory };
}

export interface OpenFigures {
  openMs: number[];
  annotationsDrawn: number;
  /**
   * The host's CPU time (user + system, all its threads) from the library visible until the last article
   * is drawn: the opens' own and whatever the start left running in the background meanwhile.
   */
  hostCpuMs: number;
  /** The same span, wall. */
  spanMs: number;
}

async function openLibrary(browser: Browser, appDir: string, dataDir: string, timeoutMs = 60_000): Promise<{ page: Page; host: Host; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1400, height: 900 }, bypassCSP: BYPASS_CSP });
  const page = await context.newPage();
  const host = await startHost(appDir, dataDir, timeoutMs);
  await chooseCoderUnlessChosen(host, 'bench');
  await page.goto(host.url);
  await waitForMark(page, 'tri:library-visible', null, timeoutMs);
  return {
    page,
    host,
    close: async () => {
      await context.close();
      await host.stop();
    },
  };
}

/** Clicks the `k`-th title shown and waits until the article's text and highlights are painted. */
async function openFromLibrary(page: Page, k: number): Promise<{ ms: number; annotations: number }> {
  await page.evaluate(`(() => {
    performance.clearMarks();
    performance.clearMeasures();
    const titles = document.querySelectorAll('.library__table .title-button');
    const button = titles[${k} % titles.length];
    performance.mark('bench:open');
    button.click();
  })()`);
  const open = await waitForMark(page, 'bench:open');
  const drawn = await waitForMark(page, 'tri:highlights-drawn');
  return { ms: drawn.startTime - open.startTime, annotations: (drawn.detail as { annotations: number }).annotations };
}

async function backToLibrary(page: Page): Promise<void> {
  await page.evaluate(() => performance.clearMarks());
  await page.goBack();
  await waitForMark(page, 'tri:library-visible');
}

export async function measureOpen(browser: Browser, appDir: string, dataDir: string, runs: number, timeoutMs = 60_000): Promise<OpenFigures> {
  const session = await openLibrary(browser, appDir, dataDir, timeoutMs);
  const openMs: number[] = [];
  let annotationsDrawn = 0;
  const cpuBefore = processCpuMs(session.host.pid);
  const before = performance.now();
  let hostCpuMs = Number.NaN;
  let spanMs = Number.NaN;
  try {
    for (let r = 0; r < runs; r++) {
      const opened = await openFromLibrary(session.page, r + 1);
      openMs.push(opened.ms);
      annotationsDrawn = opened.annotations;
      if (r === runs - 1) {
        hostCpuMs = processCpuMs(session.host.pid) - cpuBefore;
        spanMs = performance.now() - before;
      }
      await backToLibrary(session.page);
    }
  } finally {
    await session.close();
  }
  return { openMs, annotationsDrawn, hostCpuMs, spanMs };
}

export interface AddFigures extends OpenFigures {
  /** Key press → painted. */
  drawMs: number[];
  /** Key press → the saved annotation back from the core. */
  savedMs: number[];
  /** The drawing alone. */
  layerMs: number[];
}

/** The big article: open it `runs` times, then add `runs` annotations with key 1. */
export async function measureBigArticle(browser: Browser, appDir: string, dataDir: string, runs: number): Promise<AddFigures> {
  const opened = await measureOpen(browser, appDir, dataDir, runs);
  const session = await openLibrary(browser, appDir, dataDir);
  const drawMs: number[] = [];
  const savedMs: number[] = [];
  const layerMs: number[] = [];
  try {
    const first = await openFromLibrary(session.page, 0);
    let count = first.annotations;
    for (let r = 0; r < runs; r++) {
      const page = session.page;
      // Scroll to a passage (the highlights near it are drawn then), then select a few of its
      // words the way the keyboard or mouse would, in the editor.
      const passage = `(() => {
        const root = document.querySelector('.tri-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim().length > 12) nodes.push(n);
        return nodes[(${r} * 97 + 13) % nodes.length];
      })()`;
      await page.evaluate(`${passage}.parentElement.scrollIntoView({ block: 'center' })`);
      await page.waitForTimeout(150);
      await page.evaluate(`(() => {
        document.querySelector('.tri-text').focus();
        const node = ${passage};
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.data.length, 24));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      })()`);
      await page.waitForTimeout(150);
      await page.evaluate(() => {
        performance.clearMarks();
        performance.clearMeasures();
      });
      await page.keyboard.press('1');
      const want = count + 1;
      const drawn = await waitForMark(page, 'tri:highlights-drawn', want).catch(async (error: unknown) => {
        const marks = await page.evaluate(`JSON.stringify(performance.getEntriesByType('mark').map((e) => [e.name, e.detail]))`);
        throw new Error(`no highlight drawn for annotation ${want} (marks: ${String(marks)}): ${String(error)}`);
      });
      const requested = await waitForMark(page, 'tri:tag-requested');
      const saved = await waitForMark(page, 'tri:annotation-saved');
      // The slowest layer update between the key and the paint (the one that added it).
      const layer = await page.evaluate<number>(
        `Math.max(...performance.getEntriesByName('tri:highlights-update')
          .filter((e) => e.startTime >= ${requested.startTime} && e.startTime <= ${drawn.startTime})
          .map((e) => e.duration))`,
      );
      drawMs.push(drawn.startTime - requested.startTime);
      savedMs.push(saved.startTime - requested.startTime);
      layerMs.push(layer);
      count = want;
      await page.keyboard.press('Escape');
    }
  } finally {
    await session.close();
  }
  return { ...opened, drawMs, savedMs, layerMs };
}

export interface UiMemoryFigures {
  /** Host start → library visible (this start, counts.json or not). */
  visibleMs: number;
  hostMb: number;
  /** The page's renderer process (the browser's largest renderer), resident memory from /proc. */
  rendererMb: number;
  /** The page's JavaScript heap through the DevTools protocol (Performance.getMetrics): used and allocated. */
  jsHeapUsedMb: number;
  jsHeapTotalMb: number;
  /** DOM nodes in the page, the same way. */
  nodes: number;
}

/**
 * Memory of host + renderer with the library open (issue 20, target ≤ 800 MB at 100,000 articles): the host
 * started on `dataDir`, the library shown in Chromium, then after `settleMs` the host's and the renderer's RSS
 * and the page's JS heap read through CDP (Performance.getMetrics), not performance.memory (rounded, and
 * only with a flag).
 */
export async function measureUiMemory(browser: Browser, appDir: string, dataDir: string, settleMs = 3000): Promise<UiMemoryFigures> {
  const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1400, height: 900 }, bypassCSP: BYPASS_CSP });
  const page = await context.newPage();
  await page.goto('about:blank');
  const host = await startHost(appDir, dataDir, 300_000);
  try {
    await page.goto(host.url);
    const visible = await waitForMark(page, 'tri:library-visible', null, 300_000);
    await page.waitForTimeout(settleMs);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const renderers = rendererPids().map((pid) => processMemoryMb(pid));
    let rendererMb = Number.NaN;
    for (const r of renderers) if (!(r <= rendererMb)) rendererMb = r;
    return {
      visibleMs: visible.epoch - host.spawnedAt,
      hostMb: processMemoryMb(host.pid),
      rendererMb,
      jsHeapUsedMb: metric('JSHeapUsedSize') / 2 ** 20,
      jsHeapTotalMb: metric('JSHeapTotalSize') / 2 ** 20,
      nodes: metric('Nodes'),
    };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** CPU time (user + system) of a process so far in ms, from /proc (Linux); NaN where it cannot tell. */
function processCpuMs(pid: number): number {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Linux's USER_HZ (sysconf(_SC_CLK_TCK)), 100 on every platform Node runs on. */
const CLOCK_TICKS = 100;

export interface StartStepFigures {
  /** Each ms after the host was spawned. */
  hostReadyMs: number;
  /** The page's HTML, entry script, first list window and app chunk received. */
  htmlMs: number;
  entryMs: number;
  firstWindowAskedMs: number;
  firstWindowMs: number;
  appChunkMs: number;
  visibleMs: number;
  /** CPU of the host process from its spawn until the list was visible; the page's main thread's task time (CDP). */
  hostCpuMs: number;
  pageTaskMs: number;
  /** The requests the page made before the list was visible (path and ms after spawn it was received). */
  requests: { name: string; endMs: number }[];
}

/**
 * One start, step by step (bench --ui-start DIR): host spawned → ready → the page's HTML, entry script, the
 * first window of the list and the app's chunk received → the list visible, with the host's CPU time until
 * then (from /proc) and the page's main-thread task time (CDP Performance.getMetrics).
 */
export async function measureStartSteps(browser: Browser, appDir: string, dataDir: string, timeoutMs = 60_000): Promise<StartStepFigures> {
  const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1400, height: 900 }, bypassCSP: BYPASS_CSP });
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // BENCH_PAGE_PROFILE=FILE: the page's CPU profile from navigation until the list is visible, written to FILE.
  const profileFile = process.env.BENCH_PAGE_PROFILE;
  if (profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const host = await startHost(appDir, dataDir, timeoutMs);
  try {
    await page.goto(host.url);
    const visible = await waitForMark(page, 'tri:library-visible', null, timeoutMs);
    const hostCpuMs = processCpuMs(host.pid);
    if (profileFile) writeFileSync(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const pageTaskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    const entries = (await page.evaluate(`JSON.stringify({
      origin: performance.timeOrigin,
      resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
      nav: performance.getEntriesByType('navigation').map((e) => ({ end: e.responseEnd }))[0],
    })`)) as string;
    const { origin, resources, nav } = JSON.parse(entries) as { origin: number; resources: { name: string; start: number; end: number }[]; nav: { end: number } };
    const after = (t: number): number => origin + t - host.spawnedAt;
    const seen = resources.filter((r) => origin + r.end <= visible.epoch);
    const first = (test: (name: string) => boolean) => seen.find((r) => test(r.name));
    const list = first((n) => n.endsWith('/listArticlesWindow'));
    return {
      hostReadyMs: host.readyAt - host.spawnedAt,
      htmlMs: after(nav.end),
      entryMs: after(first((n) => /\/assets\/index-.*\.js$/.test(n))?.end ?? Number.NaN),
      firstWindowAskedMs: after(list?.start ?? Number.NaN),
      firstWindowMs: after(list?.end ?? Number.NaN),
      appChunkMs: after(first((n) => /\/assets\/startApp-.*\.js$/.test(n))?.end ?? Number.NaN),
      visibleMs: visible.epoch - host.spawnedAt,
      hostCpuMs,
      pageTaskMs,
      requests: seen.map((r) => ({ name: r.name, endMs: after(r.end) })),
    };
  } finally {
    await context.close();
    await host.stop();
  }
}
