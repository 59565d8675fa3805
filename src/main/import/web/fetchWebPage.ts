/**
 * Fetches one web page or feed for import, politely and within limits: a
 * User-Agent naming Triangulate, a timeout, a size cap (the body is read no
 * further), redirects followed only within the same host (a redirect to
 * another host is reported, not followed), and only HTML, XHTML, RSS/Atom
 * or XML answers taken. Every refusal is one clear reason.
 */

export const USER_AGENT = 'Triangulate/0.1 (news research annotation workbench; article import)';

export interface FetchLimits {
  /** Milliseconds for the whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Largest body read, in bytes. */
  maxBytes: number;
  /** Same-host redirects followed. */
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

export type FetchedPage =
  | { ok: true; url: string; kind: 'html' | 'feed'; bytes: Uint8Array }
  | { ok: false; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
const FEED_TYPES = /^(application\/(rss\+xml|atom\+xml|rdf\+xml|xml)|text\/xml)\b/i;

export async function fetchWebPage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'it is not a web address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `only http and https addresses are fetched, not ${url.protocol}` };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, url);
        if (next.host !== url.host) return { ok: false, reason: `it redirects to another site (${next.host}), which is not followed; import ${next.href} itself if it is the article` };
        if (redirects >= limits.maxRedirects) return { ok: false, reason: `it redirects more than ${limits.maxRedirects} times` };
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
      }
      const type = response.headers.get('content-type') ?? '';
      const kind = HTML_TYPES.test(type) ? 'html' : FEED_TYPES.test(type) ? 'feed' : null;
      if (kind === null) {
        await response.body?.cancel();
        return { ok: false, reason: `it is not a web page or feed (the server says it is ${type.split(';')[0] || 'of no stated type'})` };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: tooBig(limits.maxBytes) };
      }
      const bytes = await readCapped(response, limits.maxBytes);
      if (bytes === null) return { ok: false, reason: tooBig(limits.maxBytes) };
      return { ok: true, url: url.href, kind, bytes };
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: `no complete answer within ${limits.timeoutMs >= 1_000 ? Math.round(limits.timeoutMs / 1000) : limits.timeoutMs / 1000} s (timed out)` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it could not be fetched (${cause})` };
  }
}

function tooBig(max: number): string {
  const size = max >= 1024 * 1024 ? `${Math.round(max / (1024 * 1024))} MB` : `${Math.ceil(max / 1024)} KB`;
  return `it is larger than ${size}, the limit for one page`;
}

/** The body, or null once it passes `max` bytes (reading stops there). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
