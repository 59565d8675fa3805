// Asks the browser host for getDataHealth every 20 ms, the way the app's page polls it, from a process of its
// own: importResponsiveness.mjs forks it so that the answers' times are not those of the script's own thread
// while it sends a 12 MB body (its fetch encodes and writes the body on the thread that would time the answers:
// 170–270 ms at a load of 9, the first health answer of each import held that long before it even left).
// Run by importResponsiveness.mjs as `fork('healthPoller.mjs', [port, token])`; messages:
//   → 'start'  begins asking (answered with 'polling' once the first ask is under way)
//   → 'stop'   stops after the ask in flight, answered with { latencies: [ms, …] } (each from the call to the parsed answer)
//   → 'quit'   exits
// Before its first 'start' it asks a few times unmeasured (loading fetch), then sends 'ready'.
const [port, token] = process.argv.slice(2);
const ask = async () => {
  const response = await fetch(`http://127.0.0.1:${port}/api/getDataHealth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triangulate-token': token, origin: `http://127.0.0.1:${port}` },
    body: '{}',
  });
  const reply = await response.json();
  if (!reply.ok) throw new Error(`getDataHealth failed: ${reply.error.message}`);
};
for (let i = 0; i < 5; i++) await ask();

let polling = null;
const poll = async () => {
  const latencies = [];
  let first = true;
  while (polling) {
    const asked = performance.now();
    const answered = ask();
    if (first) process.send('polling');
    first = false;
    await answered;
    latencies.push(performance.now() - asked);
    if (polling) await new Promise((r) => setTimeout(r, 20));
  }
  return latencies;
};
let run = null;
process.on('message', async (message) => {
  if (message === 'start') {
    polling = true;
    run = poll();
  } else if (message === 'stop') {
    polling = false;
    process.send({ latencies: await run });
  } else if (message === 'quit') process.exit(0);
});
process.send('ready');
