// Loaded into the host by importResponsiveness.mjs (`node --import ./scripts/eventLoopProbe.mjs
// out/main/host.js …`): watches the host's main thread. perf_hooks.monitorEventLoopDelay gives the
// event loop's delays; a 1 ms timer chain measures the longest stretch the loop was held (the gap
// between two ticks, less the 1 ms asked). On SIGUSR2 it writes one line to stderr —
//   EVENT_LOOP {"maxDelayMs":…,"p99DelayMs":…,"longestStretchMs":…,"stretchesOver50Ms":…,"cpuMs":…}
// — with the figures since the last SIGUSR2 (or the start), and starts again. cpuMs is the whole
// process's user+system CPU time (every thread: the import worker's too); mainThreadCpuMs the main
// thread's alone (Linux, 10 ms steps). Changes nothing else. Worker threads inherit --import: in them
// (the import workers) it does nothing.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) watchMainThread();

function watchMainThread() {

  /** The main thread's own CPU time in ms (Linux: /proc/self/task/<pid>/stat, utime + stime in clock ticks of 10 ms); null elsewhere. */
  const mainThreadCpuMs = () => {
    try {
      const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  };
  let mainCpu = mainThreadCpuMs();

  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let longest = 0;
  let over50 = 0;
  let cpu = process.cpuUsage();
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const stretch = now - last - 1;
    if (stretch > longest) longest = stretch;
    if (stretch > 50) over50++;
    last = now;
    setTimeout(tick, 1).unref();
  };
  setTimeout(tick, 1).unref();

  process.on('SIGUSR2', () => {
    const used = process.cpuUsage(cpu);
    const figures = {
      maxDelayMs: +(histogram.max / 1e6).toFixed(1),
      p99DelayMs: +(histogram.percentile(99) / 1e6).toFixed(1),
      longestStretchMs: +longest.toFixed(1),
      stretchesOver50Ms: over50,
      cpuMs: Math.round((used.user + used.system) / 1000),
      mainThreadCpuMs: mainCpu === null ? null : mainThreadCpuMs() - mainCpu,
    };
    process.stderr.write(`EVENT_LOOP ${JSON.stringify(figures)}\n`);
    histogram.reset();
    longest = 0;
    over50 = 0;
    cpu = process.cpuUsage();
    mainCpu = mainThreadCpuMs();
  });
}
