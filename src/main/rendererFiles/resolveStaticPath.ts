/**
 * Maps a URL path to a file inside the built renderer folder, or null when
 * there is no such file or the path would leave the folder (`..`, encoded
 * `%2e%2e` or `%2f`, backslashes, NUL bytes, symlinks pointing outside).
 * Directories are never listed: `/` and `/dir/` mean their `index.html`.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export async function resolveStaticPath(rootDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').includes('..')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';

  const root = resolve(rootDir);
  const candidate = resolve(root, `.${decoded}`);
  if (!isInside(root, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    const info = await stat(realFile);
    return info.isFile() ? realFile : null;
  } catch {
    return null;
  }
}
