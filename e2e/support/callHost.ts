/**
 * Calls the contract of a running browser host over HTTP, as the page would:
 * used by the e2e specs (through browserHost.ts) and by the UI bench.
 */

/** Calls one contract method of a running host, as the page would. */
export async function callHost(host: { url: string }, method: string, input: unknown): Promise<unknown> {
  const url = new URL(host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error!.message}`);
  return envelope.value;
}

/**
 * Sets the folder's coder (as a researcher does once) unless one is chosen, so the first-start
 * "Who is coding?" dialog does not stand in the way of what comes next.
 */
export async function chooseCoderUnlessChosen(host: { url: string }, name: string): Promise<void> {
  const current = (await callHost(host, 'getCoder', {})) as { chosen: boolean };
  if (!current.chosen) await callHost(host, 'setCoder', { name });
}
