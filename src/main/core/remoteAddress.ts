/**
 * The remote a researcher typed in the Team sync dialog, made ready for
 * syncDataFolder: a full folder path (or a file:// address) for a bare
 * repository on a shared drive, or an http(s) address; a token written into
 * the address (`https://name:TOKEN@host/…`) is taken out of it and used as
 * the token, so it is never kept in the remote's address. A relative path or
 * another kind of address is refused with a message saying what to give.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../shared/contract/apiError';

/** A folder remote needs no token: null forgets one kept for an earlier http(s) remote. */
export function remoteAddress(typed: string, token?: string): { remote: string; token?: string | null } {
  const text = typed.trim();
  const given = token?.trim() ? token.trim() : undefined;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ApiError('invalid_input', `The remote "${text}" is not a valid web address.`);
    }
    const inAddress = url.password ? decodeURIComponent(url.password) : undefined;
    url.password = '';
    return { remote: url.toString(), ...(given ?? inAddress ? { token: given ?? inAddress } : {}) };
  }
  if (/^file:\/\//i.test(text)) return { remote: fileURLToPath(text), token: null };
  const unsupported = unsupportedRemote(text);
  if (unsupported) throw new ApiError('invalid_input', unsupported);
  if (!isAbsolute(text)) {
    throw new ApiError('invalid_input', `The remote "${text}" is not a full path: give the whole path of the team's repository folder (e.g. /Volumes/Team/library.git).`);
  }
  return { remote: text, token: null };
}

/** The message for an SSH or other non-http(s) address (the CLI refuses them too); null for a path or an http(s) address. */
export function unsupportedRemote(text: string): string | null {
  if (/^(https?|file):\/\//i.test(text)) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/\\]+@[^:/\\]+:/.test(text)) {
    return `The remote "${text}" is neither a folder nor an http(s) address: Triangulate syncs with a bare repository on a drive or a git server over HTTPS (not SSH).`;
  }
  return null;
}
