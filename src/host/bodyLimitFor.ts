/**
 * How large a request body each API method may send. Every call is capped
 * (1 MiB by default); the import methods carry whole files and get a larger
 * cap (64 MiB by default), still well short of what could exhaust memory.
 */

/** Methods whose input carries whole files. */
export const IMPORT_METHODS: ReadonlySet<string> = new Set(['importArticles', 'importW3C', 'importProject', 'importQdpx']);

export const DEFAULT_MAX_IMPORT_BODY_BYTES = 64 * 1024 * 1024;

export interface BodyLimits {
  maxBodyBytes: number;
  maxImportBodyBytes: number;
}

export function bodyLimitFor(methodName: string, limits: BodyLimits): number {
  return IMPORT_METHODS.has(methodName) ? Math.max(limits.maxImportBodyBytes, limits.maxBodyBytes) : limits.maxBodyBytes;
}
