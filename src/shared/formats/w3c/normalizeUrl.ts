/**
 * A web address reduced to what names the page, so the same article found
 * under two spellings compares equal: no scheme (http and https alike), host
 * in lower case without "www.", no fragment, no trailing slash, no tracking
 * parameters (utm_*, fbclid, gclid, …) and the other parameters sorted.
 * Null for a value that is not an http(s) address.
 */
const TRACKING = /^(utm_.+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|yclid|ocid|cmpid|smid|ref_src)$/i;

export function normalizeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port}${path}${query}`;
}
